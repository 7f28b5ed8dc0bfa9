// How a batch's documents reach the server without transactions: every write is idempotent, so a replay repairs a
// batch a crash cut short.

import type { Collection, UpdateOneModel } from 'mongodb';
import { duplicateKeyIndexes, ignoreDuplicateKey } from './mongoErrors';
import type { StoredRow } from './mongoLayout';

interface EncodedWrite {
  id: string;
  position: number;
  doc: unknown;
}

/**
 * Per collection, the one write per id that applying the batch in order would leave: the highest position, the
 * first of equals (a later write at the same position is a no-op). Then no two writes of a batch share an `_id`, so
 * one unordered insert can try them all.
 */
export function latestWrites(writes: readonly (EncodedWrite & { collection: string })[]): Map<string, EncodedWrite[]> {
  const byCollection = new Map<string, Map<string, EncodedWrite>>();
  for (const { collection, id, position, doc } of writes) {
    let latest = byCollection.get(collection);
    if (latest === undefined) {
      latest = new Map();
      byCollection.set(collection, latest);
    }
    const previous = latest.get(id);
    if (previous === undefined || position > previous.position) latest.set(id, { id, position, doc });
  }
  return new Map([...byCollection].map(([collection, latest]) => [collection, [...latest.values()]]));
}

/**
 * Update statements per `update` command. FerretDB 1.24 keeps the cursor of every statement that matched a document
 * open, holding one of its 50 pooled PostgreSQL connections, until the whole command ends (msg_update.go defers the
 * close inside its loop): one bulk of more than about 50 updates of existing documents exhausts the pool and hangs
 * the server for every client, for good. Small chunks stay well below that even with several writers at once, and
 * cost little: FerretDB runs the statements of a bulk one by one anyway (measured: 8, 16 or 32 per bulk all take
 * about 1.4 ms per updated document).
 */
const UPDATE_CHUNK = 8;

/**
 * Inserts first: a new `_id` needs no lookup (the unique `_id` index decides), which matters on FerretDB 1.x, where
 * every update looks its document up with a scan of the collection. The writes whose `_id` exists then become
 * conditional updates (`position < new`), in ordered chunks: their upsert inserts when the document vanished
 * meanwhile, and fails with a duplicate key when the stored document is as new or newer (a replay), which stops
 * the chunk there; it resumes just past that write.
 */
export async function writeDocuments(documents: Collection<StoredRow>, writes: readonly EncodedWrite[]): Promise<void> {
  let existing: readonly EncodedWrite[] = [];
  try {
    await documents.insertMany(
      writes.map(({ id, position, doc }) => ({ _id: id, position, doc })),
      { ordered: false },
    );
  } catch (error) {
    existing = duplicateKeyIndexes(error).map((index) => writes[index]);
  }
  const updates: UpdateOneModel<StoredRow>[] = existing.map(({ id, position, doc }) => ({
    filter: { _id: id, position: { $lt: position } },
    update: { $set: { position, doc } },
    upsert: true,
  }));
  let next = 0;
  while (next < updates.length) {
    const chunk = updates.slice(next, next + UPDATE_CHUNK);
    try {
      await documents.bulkWrite(
        chunk.map((updateOne) => ({ updateOne })),
        { ordered: true },
      );
      next += chunk.length;
    } catch (error) {
      const [index] = duplicateKeyIndexes(error);
      const failed = chunk[index];
      // Usually the stored document is as new or newer. It may also have been inserted by a concurrent writer
      // after this upsert found nothing: once more, on its own, the write then updates it if it is older.
      await ignoreDuplicateKey(() => documents.updateOne(failed.filter, failed.update, { upsert: true }));
      next += index + 1;
    }
  }
}
