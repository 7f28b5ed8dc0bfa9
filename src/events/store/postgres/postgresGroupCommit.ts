import type pg from 'pg';
import { headAfter, logHeadOf, sealOnHead, type LogHead } from '../logHead';
import { DuplicateCommandError, StreamVersionConflictError } from '../eventStore';
import { toCommandRecord, type CommandRow } from '../sqlRows';
import { batchPayload, checkAndSeal, headOf, type CheckedAnswer, type QueuedAppend, type Sealed } from './postgresBatch';
import { writeLocked } from './postgresLockedBatch';

/** What par_append_batch (schema version 2) answers: the appends it took, and why it stopped. */
type LoneAnswer = {
  appended: number;
  /** Set when another process moved the log: nothing was appended. */
  head?: { position: number | string; hash: string; metadata: string | null };
  stop?:
    | { outcome: 'duplicate'; command: CommandRow }
    | { outcome: 'conflict'; actualVersion: number | string }
    | { outcome: 'stale'; streamVersion: number | string }
    | null;
};

const MAX_BATCH = 200;
/** After another process moved the log under an optimistic batch, batches go locked for this long. */
const CONTENDED_MS = 1000;

/**
 * Group commit: the appends this process has in flight are queued, and whenever no batch is being written, all
 * that are waiting (up to MAX_BATCH) are written together, one transaction and one fsync, each settled on its
 * own: a conflict or a duplicate rejects that append only. Appends of one process never race each other.
 *
 * Two ways to write a batch. While no other process has been seen writing, it is sealed on the cached head and
 * sent in one round trip: par_append_checked writes it whole, or nothing and answers the state it found; refused
 * appends are then settled and the rest sealed exactly and sent again, still one commit. (A lone append goes
 * with par_append_batch, lighter on the server and, for one append, just as all-or-nothing.) Once another
 * process has moved the log under it, batches are written locked for a while (postgresLockedBatch.ts): two round
 * trips under the append lock, never stale, so writers in several processes never fail each other.
 */
export class GroupCommitWriter {
  private readonly queue: QueuedAppend[] = [];
  private draining: Promise<void> = Promise.resolve();
  private running = false;
  /** Until when batches skip the optimistic round: another process was writing a moment ago. */
  private contendedUntil = 0;

  constructor(
    private readonly pool: pg.Pool,
    private head: LogHead,
    /** Called after each commit. */
    private readonly committed: () => void,
    /** Called before sending, with the first event id of the batch (its notification comes back to us). */
    private readonly sending: (firstEventId: string) => void,
  ) {}

  append(entry: QueuedAppend): void {
    this.queue.push(entry);
    if (this.running) return;
    this.running = true;
    // After the current tick: the appends a caller issues together are written together.
    this.draining = Promise.resolve().then(() => this.drain());
  }

  /** Rejects what has not been sent yet and waits for the batch being written. */
  async close(error: Error): Promise<void> {
    for (const entry of this.queue.splice(0)) entry.reject(error);
    await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        // A bug while sealing must not leave callers waiting: settling a settled promise again is a no-op.
        await this.write(batch).catch((error: unknown) => batch.forEach((entry) => entry.reject(error)));
      }
    } finally {
      // In the same step as the last look at the queue, so an append arriving after it starts a new drain.
      this.running = false;
    }
  }

  private async write(batch: QueuedAppend[]): Promise<void> {
    let pending = batch;
    const contended = Date.now() < this.contendedUntil;
    if (!contended && batch.length === 1) {
      if (await this.sendLone(batch[0])) return;
    } else if (!contended) {
      // On the cached head, the versions each append expects (0 under 'any': a wrong guess costs one more round).
      const guessed = sealOn(this.head, pending);
      let answer = await this.send(guessed);
      const found = answer?.state ? headOf(answer.state) : null;
      if (answer?.state && found?.position === this.head.position && found.hash === this.head.hash) {
        // Nobody else wrote: some appends are refused or were sealed on a wrong version. Settle and seal exactly, once more.
        const { taken, refused } = checkAndSeal(pending, this.head, answer.state);
        refused.forEach(([entry, error]) => entry.reject(error));
        pending = taken.map((t) => t.entry);
        answer = taken.length === 0 ? null : await this.send(taken);
      }
      if (!answer?.state) return;
      this.head = headOf(answer.state);
      this.contendedUntil = Date.now() + CONTENDED_MS; // another process is writing: go locked for a while
    }
    const head = await writeLocked(this.pool, pending, this.sending);
    if (head) {
      this.head = head;
      this.committed();
    }
  }

  /**
   * A lone append (sequential callers): one round trip of par_append_batch, lighter on the server than the
   * checked batch, which for a single append is all or nothing too. False when it is still to be written locked
   * (another process moved the log, or 'any' on a stream that is not new).
   */
  private async sendLone(entry: QueuedAppend): Promise<boolean> {
    const [{ sealed }] = sealOn(this.head, [entry]);
    this.sending(sealed[0].eventId);
    let answer: LoneAnswer;
    try {
      const { rows } = await this.pool.query<{ answer: LoneAnswer }>('SELECT par_append_batch($1, $2, $3) AS answer', [
        this.head.position,
        this.head.hash,
        JSON.stringify(batchPayload([{ entry, sealed }])),
      ]);
      answer = rows[0].answer;
    } catch (error) {
      entry.reject(error); // the outcome is unknown: a retry with the same command id is safe
      return true;
    }
    const stop = answer.stop;
    if (answer.appended === 1) {
      this.head = headAfter(sealed[sealed.length - 1]);
      entry.resolve(sealed);
      this.committed();
    } else if (answer.head) {
      this.head = logHeadOf(answer.head);
      this.contendedUntil = Date.now() + CONTENDED_MS;
      return false;
    } else if (stop?.outcome === 'duplicate') {
      entry.reject(new DuplicateCommandError(toCommandRecord(stop.command)));
    } else if (stop?.outcome === 'conflict') {
      entry.reject(new StreamVersionConflictError(entry.streamId, entry.expectedVersion ?? 'any', Number(stop.actualVersion)));
    } else {
      return false;
    }
    return true;
  }

  /** One round trip of par_append_checked on the cached head; null when settled (written, or failed with an unknown outcome). */
  private async send(sealed: Sealed[]): Promise<CheckedAnswer | null> {
    this.sending(sealed[0].sealed[0].eventId);
    let answer: CheckedAnswer;
    try {
      const { rows } = await this.pool.query<{ answer: CheckedAnswer }>('SELECT par_append_checked($1, $2, $3) AS answer', [
        this.head.position,
        this.head.hash,
        JSON.stringify(batchPayload(sealed)),
      ]);
      answer = rows[0].answer;
    } catch (error) {
      // The outcome is unknown (e.g. the connection dropped after sending): a retry with the same command id is safe.
      for (const { entry } of sealed) entry.reject(error);
      return null;
    }
    if (answer.state) return answer;
    const lastAppend = sealed[sealed.length - 1].sealed;
    this.head = headAfter(lastAppend[lastAppend.length - 1]);
    for (const { entry, sealed: events } of sealed) entry.resolve(events);
    this.committed();
    return null;
  }
}

/** Seals the appends one on another on top of `head`, each on the version it expects (0 under 'any'). */
function sealOn(head: LogHead, pending: QueuedAppend[]): Sealed[] {
  let next = head;
  const versions = new Map<string, number>();
  return pending.map((entry) => {
    const sealed = sealOnHead(next, entry.streamId, entry.events, entry.metadata, entry.expectedVersion ?? versions.get(entry.streamId) ?? 0);
    const last = sealed[sealed.length - 1];
    next = headAfter(last);
    versions.set(entry.streamId, last.streamVersion);
    return { entry, sealed };
  });
}
