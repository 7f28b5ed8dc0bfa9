import type { Db } from 'mongodb';
import { assertLease } from '../documentFilter';
import { DUPLICATE_KEY, hasCode } from './mongoErrors';
import { LEASES, type LeaseRow } from './mongoLayout';

/**
 * One conditional upsert: it matches when the lease is the holder's or expired, and then takes it over; when
 * another holder's valid lease exists it matches nothing, so the upsert tries to insert a second document with
 * the same `_id` and fails with a duplicate key error, which means "held by someone else". Two instances racing
 * for a free lease are decided the same way by the unique `_id`.
 *
 * Time is the server's, never this instance's, so a skewed instance clock can neither steal a valid lease nor
 * keep one past its term. MongoDB could compute it inside the update (`[{ $set: { expiresAt: { $add: ['$$NOW',
 * ttl] } } }]` with `$expr` and `$$NOW` in the filter), but FerretDB 1.24 accepts neither pipeline updates nor
 * `$$NOW`, so the server's time is read first (`hello` reports `localTime`) and both the expiry and the
 * "expired?" comparison of the upsert use it. Reading it a moment before the update only errs on the safe
 * side: the old lease looks valid a moment longer, and the new one ends a moment sooner.
 */
export async function acquireLease(db: Db, name: string, holder: string, ttlMs: number): Promise<boolean> {
  assertLease(name, holder, ttlMs);
  const now = await serverTime(db);
  try {
    const result = await db
      .collection<LeaseRow>(LEASES)
      .updateOne(
        { _id: name, $or: [{ holder }, { expiresAt: { $lt: new Date(now) } }] },
        { $set: { holder, expiresAt: new Date(now + ttlMs) } },
        { upsert: true },
      );
    return result.matchedCount + result.upsertedCount > 0;
  } catch (error) {
    if (hasCode(error, DUPLICATE_KEY)) return false;
    throw error;
  }
}

/** The server's clock, in milliseconds since the epoch. */
async function serverTime(db: Db): Promise<number> {
  const { localTime } = (await db.command({ hello: 1 })) as { localTime?: unknown };
  if (!(localTime instanceof Date) || Number.isNaN(localTime.getTime())) {
    throw new Error('the MongoDB server did not report its time (hello.localTime), which leases need');
  }
  return localTime.getTime();
}

export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  assertLease(name, holder);
  await db.collection<LeaseRow>(LEASES).deleteOne({ _id: name, holder });
}
