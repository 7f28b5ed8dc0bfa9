import type pg from 'pg';
import type { LogHead } from '../logHead';
import { batchPayload, checkAndSeal, headOf, type BatchState, type QueuedAppend } from './postgresBatch';

/**
 * A batch written under the append lock, in one transaction and two round trips: `BEGIN` with par_batch_state
 * (takes the lock, answers the head, the batch's stream versions and its command ids already recorded), then
 * par_append_checked with `COMMIT`. Sealed on the true head and checked against the true versions, it cannot be
 * stale: however busy writers in other processes keep the log, every append is taken or refused on its merits
 * (a conflict or a duplicate, also against an earlier append of the same batch), all in one commit.
 *
 * Returns the head after the commit, or null when nothing was written.
 */
export async function writeLocked(pool: pg.Pool, pending: QueuedAppend[], sending: (firstEventId: string) => void): Promise<LogHead | null> {
  const client = await pool.connect();
  let broken: unknown = undefined;
  try {
    const request = {
      streams: [...new Set(pending.map((p) => p.streamId))],
      commands: pending.flatMap((p) => (p.command ? [p.command.commandId] : [])),
    };
    const opened = (await client.query(
      `BEGIN; SELECT par_batch_state(${client.escapeLiteral(JSON.stringify(request))}::jsonb) AS state`,
    )) as unknown as pg.QueryResult<{ state: BatchState }>[];
    const state = opened[1].rows[0].state;
    const start = headOf(state);
    const { taken, refused, head } = checkAndSeal(pending, start, state);

    if (taken.length === 0) {
      await client.query('ROLLBACK');
      refused.forEach(([p, error]) => p.reject(error));
      return null;
    }
    sending(taken[0].sealed[0].eventId);
    const payload = client.escapeLiteral(JSON.stringify(batchPayload(taken)));
    const written = (await client.query(
      `SELECT par_append_checked(${start.position}, ${client.escapeLiteral(start.hash)}, ${payload}::jsonb) AS answer; COMMIT`,
    )) as unknown as pg.QueryResult<{ answer: { appended: number } }>[];
    const { appended } = written[0].rows[0].answer;
    taken.forEach(({ entry, sealed }, i) =>
      i < appended ? entry.resolve(sealed) : entry.reject(new Error(`par_append_checked took ${appended} of ${taken.length} appends checked under its lock`)),
    );
    refused.forEach(([p, error]) => p.reject(error));
    return appended === taken.length ? head : null;
  } catch (error) {
    broken = error;
    await client.query('ROLLBACK').catch(() => undefined);
    // The outcome is unknown (the COMMIT may be lost with the connection), and so are the refusals that rested on
    // earlier appends of this batch: every one is told so; a retry with the same command id is safe.
    for (const p of pending) p.reject(error);
    return null;
  } finally {
    client.release(broken instanceof Error ? broken : undefined);
  }
}
