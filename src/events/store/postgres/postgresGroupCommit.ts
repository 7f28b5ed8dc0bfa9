import type pg from 'pg';
import type { EventMetadata, NewEvent, RecordedEvent } from '../../envelope';
import { canonicalTextsOf, sealEvents } from '../../hashChain';
import { recordedAtOf, withCommitTime } from '../appendRules';
import { DuplicateCommandError, StoreContentionError, StreamVersionConflictError } from '../eventStore';
import { toCommandRecord, type CommandRow } from '../sqlRows';

/** One append waiting for its turn. */
interface QueuedAppend {
  streamId: string;
  events: NewEvent[];
  metadata: EventMetadata;
  /** null for 'any'. */
  expectedVersion: number | null;
  command: { commandId: string; fingerprint: string } | null;
  resolve: (sealed: RecordedEvent[]) => void;
  reject: (error: unknown) => void;
}

export interface LogHead {
  position: number;
  hash: string;
  /** The head event's commit time, the floor of the next one's. */
  recordedAt: string | null;
}

type BatchAnswer = {
  appended: number;
  /** Set when another process moved the log: nothing was appended. */
  head?: { position: number | string; hash: string; metadata: string | null };
  /** Why the append after the `appended` ones was not taken. */
  stop?:
    | { outcome: 'duplicate'; command: CommandRow }
    | { outcome: 'conflict'; actualVersion: number | string }
    | { outcome: 'stale'; streamVersion: number | string }
    | null;
};

interface InFlight {
  entry: QueuedAppend;
  /** Rounds in which the log or the stream had moved under this append (writers in other processes). */
  staleRounds: number;
  /** The stream version to seal on under 'any': learnt from the database when a guess was wrong. */
  knownVersion: number | null;
}

const MAX_BATCH = 200;
const MAX_STALE_ROUNDS = 50;

/**
 * Group commit: the appends this process has in flight are queued, and whenever no batch is being written, all
 * that are waiting (up to MAX_BATCH) are sealed together on top of the head and written in one call, one
 * transaction. Appends of one process therefore never race each other for the head (which made most of 100
 * concurrent appends fail before); only writers in other processes can move the log meanwhile, and then the
 * batch is re-sealed on the new head and sent again. Each append is settled on its own: a conflict or duplicate
 * rejects that append only, the ones before it are committed and the ones after it are re-sealed and retried.
 */
export class GroupCommitWriter {
  private readonly queue: QueuedAppend[] = [];
  private draining: Promise<void> = Promise.resolve();
  private running = false;

  constructor(
    private readonly pool: pg.Pool,
    private head: LogHead,
    /** Called after each commit with the first event id (its notification comes back to us) and what was appended. */
    private readonly committed: (firstEventId: string) => void,
    /** Called before sending, with the first event id of the batch. */
    private readonly sending: (firstEventId: string) => void,
  ) {}

  append(entry: QueuedAppend): void {
    this.queue.push(entry);
    if (this.running) return;
    this.running = true;
    this.draining = this.drain();
  }

  /** Rejects what has not been sent yet and waits for the batch being written. */
  async close(error: Error): Promise<void> {
    for (const entry of this.queue.splice(0)) entry.reject(error);
    await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH).map((entry) => ({ entry, staleRounds: 0, knownVersion: null }));
        // A bug while sealing must not leave callers waiting: settling a settled promise again is a no-op.
        await this.write(batch).catch((error: unknown) => batch.forEach((p) => p.entry.reject(error)));
      }
    } finally {
      // In the same step as the last look at the queue, so an append arriving after it starts a new drain.
      this.running = false;
    }
  }

  /** Settles every append of the batch, in as many rounds as it takes. */
  private async write(batch: InFlight[]): Promise<void> {
    let pending = batch;
    while (pending.length > 0) {
      const sealed = this.seal(pending);
      const payload = pending.map((p, i) => ({
        streamId: p.entry.streamId,
        expectedVersion: p.entry.expectedVersion,
        assumedVersion: sealed[i][0].streamVersion - 1,
        commandId: p.entry.command?.commandId ?? null,
        fingerprint: p.entry.command?.fingerprint ?? null,
        events: sealed[i].map((e) => ({
          globalPosition: e.globalPosition,
          eventId: e.eventId,
          streamVersion: e.streamVersion,
          type: e.type,
          schemaVersion: e.schemaVersion,
          // The texts the hash was computed over, kept from sealing.
          data: canonicalTextsOf(e).data,
          metadata: canonicalTextsOf(e).metadata,
          prevHash: e.prevHash,
          hash: e.hash,
        })),
      }));
      this.sending(sealed[0][0].eventId);
      let answer: BatchAnswer;
      try {
        const { rows } = await this.pool.query<{ answer: BatchAnswer }>('SELECT par_append_batch($1, $2, $3) AS answer', [
          this.head.position,
          this.head.hash,
          JSON.stringify(payload),
        ]);
        answer = rows[0].answer;
      } catch (error) {
        // The outcome is unknown (e.g. the connection dropped after sending): a retry with the same command id is safe.
        for (const p of pending) p.entry.reject(error);
        return;
      }

      if (answer.head) {
        this.head = { position: Number(answer.head.position), hash: answer.head.hash, recordedAt: recordedAtOf(answer.head.metadata) };
        pending = this.giveUpOnStale(pending, pending);
        continue;
      }
      const appended = answer.appended;
      if (appended > 0) {
        const last = sealed[appended - 1][sealed[appended - 1].length - 1];
        this.head = { position: last.globalPosition, hash: last.hash, recordedAt: last.metadata.recordedAt };
        for (let i = 0; i < appended; i++) pending[i].entry.resolve(sealed[i]);
        this.committed(sealed[0][0].eventId);
      }
      const stopped = pending[appended];
      const rest = pending.slice(appended + 1);
      const stop = answer.stop;
      if (!stopped || !stop) {
        pending = [];
      } else if (stop.outcome === 'duplicate') {
        stopped.entry.reject(new DuplicateCommandError(toCommandRecord(stop.command)));
        pending = rest;
      } else if (stop.outcome === 'conflict') {
        stopped.entry.reject(new StreamVersionConflictError(stopped.entry.streamId, stopped.entry.expectedVersion ?? 'any', Number(stop.actualVersion)));
        pending = rest;
      } else {
        stopped.knownVersion = Number(stop.streamVersion);
        pending = this.giveUpOnStale([stopped], [stopped, ...rest]);
      }
    }
  }

  /** Counts a stale round against `moved`; those that have had too many are rejected and left out. */
  private giveUpOnStale(moved: InFlight[], pending: InFlight[]): InFlight[] {
    for (const p of moved) p.staleRounds++;
    return pending.filter((p) => {
      if (p.staleRounds < MAX_STALE_ROUNDS) return true;
      p.entry.reject(
        new StoreContentionError(p.entry.streamId, `append to ${p.entry.streamId}: other writers kept moving the log (${p.staleRounds} rounds); try again`),
      );
      return false;
    });
  }

  /** Seals the appends one after another on top of the head, as they will be written if all are taken. */
  private seal(pending: InFlight[]): RecordedEvent[][] {
    let { position, hash, recordedAt } = this.head;
    const versions = new Map<string, number>();
    return pending.map((p) => {
      const { streamId, expectedVersion } = p.entry;
      const version = expectedVersion ?? versions.get(streamId) ?? p.knownVersion ?? 0;
      const sealed = sealEvents(streamId, p.entry.events, withCommitTime(p.entry.metadata, recordedAt), {
        streamVersion: version,
        globalPosition: position,
        hash,
      });
      const last = sealed[sealed.length - 1];
      ({ globalPosition: position, hash } = last);
      recordedAt = last.metadata.recordedAt;
      versions.set(streamId, last.streamVersion);
      return sealed;
    });
  }
}
