import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { type EventMetadata, type NewEvent, type RecordedEvent } from '../../envelope';
import { DuplicateCommandError, StreamVersionConflictError, type AppendOptions, type AppendResult, type CommandRecord, type EventStore } from '../eventStore';
import { canonicalTextsOf } from '../../hashChain';
import { headAfter, logHeadOf, sealOnHead, type LogHead } from '../logHead';
import { toCommandRecord, toRecordedEvent, type EventRow } from '../sqlRows';
import { configure, migrate } from './sqliteSchema';
import { prepareStatements, type Statements } from './sqliteStatements';
import {
  AppendListeners,
  type AppendListener,
  toStoredEvent,
  toStoredMetadata,
  validateAfterVersion,
  validateAppend,
  validateReadAll,
  validateTime,
} from '../appendRules';

type Db = Database.Database;

interface QueuedAppend {
  streamId: string;
  events: NewEvent[];
  metadata: EventMetadata;
  options: AppendOptions;
  resolve: (sealed: RecordedEvent[]) => void;
  reject: (error: unknown) => void;
}

/** The most appends one group commit writes (it blocks the event loop while it runs). */
const MAX_GROUP = 500;

/** A refused append of a group: settled with its error, nothing of it written. */
interface Refused {
  error: unknown;
}

/** Where the next append goes: what this connection last wrote, valid while no other connection has committed. */
interface WriteCache {
  dataVersion: number;
  head: LogHead;
  /** Stream versions read or written since; cleared when it grows large. */
  streams: Map<string, number>;
}

const MAX_CACHED_STREAMS = 10_000;

/**
 * The embedded event log: one SQLite file in WAL mode that several processes may share. Writers serialise on
 * BEGIN IMMEDIATE, so each append is sealed on the true head (kept in memory while no other connection commits,
 * re-read when one did), positions are assigned without gaps, the hash chain stays linear, and a reader (who only
 * ever sees committed transactions, in commit order) can never skip an event.
 */
export class SqliteEventStore implements EventStore {
  private readonly statements: Statements;
  private readonly listeners = new AppendListeners();
  /** Appends waiting for the next group commit. */
  private readonly queued: QueuedAppend[] = [];
  /** The group written straight in one transaction: refused appends are refused by checks that write nothing. */
  private readonly groupTransaction: Database.Transaction<(batch: QueuedAppend[]) => (RecordedEvent[] | Refused)[]>;
  /** The same group, each append in a SAVEPOINT: only when a write failed unexpectedly, so it fails alone. */
  private readonly isolatedGroupTransaction: Database.Transaction<(batch: QueuedAppend[]) => (RecordedEvent[] | Refused)[]>;
  private cache: WriteCache | null = null;

  private constructor(private readonly db: Db) {
    this.statements = prepareStatements(db);
    this.groupTransaction = db.transaction((batch) => {
      this.validateCache();
      return batch.map((a) => this.check(a) ?? this.write(a));
    });
    const appendAlone = db.transaction((a: QueuedAppend) => this.check(a) ?? this.write(a));
    this.isolatedGroupTransaction = db.transaction((batch) => {
      this.cache = null;
      this.validateCache();
      return batch.map((a) => {
        try {
          return appendAlone(a);
        } catch (error) {
          this.cache = null; // the savepoint rolled back what the cache had learnt from it
          this.validateCache();
          return { error };
        }
      });
    });
  }

  static open(file: string): SqliteEventStore {
    const inMemory = file === ':memory:' || file === '';
    if (!inMemory) mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    try {
      configure(db, inMemory);
      migrate(db);
      return new SqliteEventStore(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    validateAppend(streamId, events, options);
    // Serialised before BEGIN so a value that cannot be stored fails without taking the write lock.
    const stored = events.map(toStoredEvent);
    const metadata = toStoredMetadata(options.metadata);
    const sealed = await new Promise<RecordedEvent[]>((resolve, reject) => {
      this.queued.push({ streamId, events: stored, metadata, options, resolve, reject });
      if (this.queued.length === 1) setImmediate(() => this.commitQueued());
    });
    const first = sealed[0];
    const last = sealed[sealed.length - 1];
    return { streamId, streamVersion: last.streamVersion, firstPosition: first.globalPosition, lastPosition: last.globalPosition, events: sealed };
  }

  async readStream(streamId: string, afterVersion = 0): Promise<RecordedEvent[]> {
    this.assertOpen();
    validateAfterVersion(afterVersion);
    return this.statements.selectStream.all(streamId, afterVersion).map(toRecordedEvent);
  }

  async readStreamsOfTypes(streamIds: readonly string[], types: readonly string[], upTo: number): Promise<RecordedEvent[]> {
    this.assertOpen();
    if (streamIds.length === 0 || types.length === 0) return [];
    return this.statements.selectStreamsOfTypes.all(JSON.stringify(streamIds), JSON.stringify(types), upTo).map(toRecordedEvent);
  }

  async readAll(after: number, limit: number): Promise<RecordedEvent[]> {
    this.assertOpen();
    validateReadAll(after, limit);
    return this.statements.selectAll.all(after, limit).map(toRecordedEvent);
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.statements.selectHeadPosition.get() ?? 0;
  }

  async positionAt(time: Date): Promise<number> {
    this.assertOpen();
    validateTime(time);
    // Read together, so that a commit between the two lookups cannot make the answer overshoot the prefix.
    return this.db.transaction(() => {
      const firstLater = this.statements.selectFirstAfterTime.get(time.toISOString());
      return firstLater == null ? (this.statements.selectHeadPosition.get() ?? 0) : firstLater - 1;
    })();
  }

  async findCommand(commandId: string): Promise<CommandRecord | null> {
    this.assertOpen();
    const row = this.statements.selectCommand.get(commandId);
    return row ? toCommandRecord(row) : null;
  }

  onAppend(listener: AppendListener): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {
    this.commitQueued(); // what was asked before closing is still written
    this.listeners.clear();
    if (this.db.open) this.db.close();
  }

  /**
   * Group commit: the appends asked for in one turn of the event loop are written in one transaction, so one
   * fsync (synchronous=FULL) serves them all and the event loop is blocked once, not once per append: hundreds in
   * flight neither fail nor stall the service. Each append is still checked and settled on its own.
   */
  private commitQueued(): void {
    const batch = this.queued.splice(0, MAX_GROUP);
    if (batch.length === 0) return;
    if (this.queued.length > 0) setImmediate(() => this.commitQueued());
    if (!this.db.open) {
      for (const a of batch) a.reject(new Error('event store is closed'));
      return;
    }
    let outcomes: (RecordedEvent[] | Refused)[];
    try {
      try {
        outcomes = this.groupTransaction.immediate(batch);
      } catch (error) {
        this.cache = null; // rolled back: what it cached was never committed
        if (batch.length === 1) throw error;
        // A write failed (not a check: those write nothing): again, each append on its own, so it fails alone.
        outcomes = this.isolatedGroupTransaction.immediate(batch);
      }
    } catch (error) {
      this.cache = null;
      for (const a of batch) a.reject(error); // BEGIN or COMMIT failed: none of them was written
      return;
    }
    if (outcomes.some(Array.isArray)) this.listeners.notify(); // after COMMIT: a listener that reads must find the events
    outcomes.forEach((outcome, i) => (Array.isArray(outcome) ? batch[i].resolve(outcome) : batch[i].reject(outcome.error)));
  }

  /**
   * Inside BEGIN IMMEDIATE: drops the cached head and stream versions when another connection committed since
   * they were learnt (several processes may share the file); otherwise they are the truth, and an append costs
   * no read of the head or of its stream.
   */
  private validateCache(): void {
    const dataVersion = this.statements.dataVersion.get() ?? 0;
    if (this.cache?.dataVersion === dataVersion) return;
    const head = this.statements.selectHead.get();
    this.cache = {
      dataVersion,
      head: logHeadOf(head && { position: head.global_position, hash: head.hash, metadata: head.metadata }),
      streams: new Map(),
    };
  }

  /** The refusal of an append, checked inside the transaction before anything of it is written; null when it may go. */
  private check(a: QueuedAppend): Refused | null {
    const command = a.options.command;
    if (command) {
      const existing = this.statements.selectCommand.get(command.commandId);
      if (existing) return { error: new DuplicateCommandError(toCommandRecord(existing)) };
    }
    const expected = a.options.expectedVersion;
    const actual = this.streamVersion(a.streamId);
    if (expected !== 'any' && expected !== actual) return { error: new StreamVersionConflictError(a.streamId, expected, actual) };
    return null;
  }

  private streamVersion(streamId: string): number {
    const streams = (this.cache as WriteCache).streams;
    const cached = streams.get(streamId);
    if (cached !== undefined) return cached;
    const version = this.statements.selectStreamVersion.get(streamId) ?? 0;
    if (streams.size >= MAX_CACHED_STREAMS) streams.clear();
    streams.set(streamId, version);
    return version;
  }

  /** Seals a checked append on the head and writes it; nothing else can write in between (BEGIN IMMEDIATE). */
  private write(a: QueuedAppend): RecordedEvent[] {
    const { statements } = this;
    const cache = this.cache as WriteCache;
    const { head } = cache;
    const sealed = sealOnHead(head, a.streamId, a.events, a.metadata, this.streamVersion(a.streamId));
    for (const event of sealed) statements.insertEvent.run(toEventRow(event));
    const first = sealed[0];
    const last = sealed[sealed.length - 1];
    const command = a.options.command;
    if (command) {
      statements.insertCommand.run({
        command_id: command.commandId,
        fingerprint: command.fingerprint,
        stream_id: a.streamId,
        first_position: first.globalPosition,
        last_position: last.globalPosition,
      });
    }
    cache.head = headAfter(last);
    cache.streams.set(a.streamId, last.streamVersion);
    return sealed;
  }

  private assertOpen(): void {
    if (!this.db.open) throw new Error('event store is closed');
  }
}

function toEventRow(event: RecordedEvent): EventRow {
  const texts = canonicalTextsOf(event);
  return {
    global_position: event.globalPosition,
    event_id: event.eventId,
    stream_id: event.streamId,
    stream_version: event.streamVersion,
    type: event.type,
    schema_version: event.schemaVersion,
    // Canonical text, so the stored bytes are exactly what the hash was computed over.
    data: texts.data,
    metadata: texts.metadata,
    prev_hash: event.prevHash,
    hash: event.hash,
  };
}
