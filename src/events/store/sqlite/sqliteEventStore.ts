import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { GENESIS_HASH, type EventMetadata, type NewEvent, type RecordedEvent } from '../../envelope';
import { DuplicateCommandError, StreamVersionConflictError, type AppendOptions, type AppendResult, type CommandRecord, type EventStore } from '../eventStore';
import { canonicalTextsOf, sealEvents } from '../../hashChain';
import { EVENT_COLUMNS, toCommandRecord, toRecordedEvent, type CommandRow, type EventRow } from '../sqlRows';
import { RECORDED_AT_SQL, configure, migrate } from './sqliteSchema';
import {
  AppendListeners,
  type AppendListener,
  recordedAtOf,
  toStoredEvent,
  toStoredMetadata,
  validateAfterVersion,
  validateAppend,
  validateReadAll,
  validateTime,
  withCommitTime,
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

/** Every statement the store runs, prepared once per connection. */
function prepareStatements(db: Db) {
  return {
    insertEvent: db.prepare<[EventRow]>(
      `INSERT INTO events (${EVENT_COLUMNS}) VALUES (@global_position, @event_id, @stream_id, @stream_version, @type, @schema_version, @data, @metadata, @prev_hash, @hash)`,
    ),
    insertCommand: db.prepare<[CommandRow]>(
      'INSERT INTO commands (command_id, fingerprint, stream_id, first_position, last_position) VALUES (@command_id, @fingerprint, @stream_id, @first_position, @last_position)',
    ),
    selectCommand: db.prepare<[string], CommandRow>(
      'SELECT command_id, fingerprint, stream_id, first_position, last_position FROM commands WHERE command_id = ?',
    ),
    selectStreamVersion: db.prepare<[string], number>('SELECT COALESCE(MAX(stream_version), 0) FROM events WHERE stream_id = ?').pluck(),
    selectHead: db.prepare<[], { global_position: number; hash: string; metadata: string }>(
      'SELECT global_position, hash, metadata FROM events ORDER BY global_position DESC LIMIT 1',
    ),
    selectFirstAfterTime: db.prepare<[string], number | null>(`SELECT MIN(global_position) FROM events WHERE ${RECORDED_AT_SQL} > ?`).pluck(),
    selectHeadPosition: db.prepare<[], number>('SELECT COALESCE(MAX(global_position), 0) FROM events').pluck(),
    selectStream: db.prepare<[string, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND stream_version > ? ORDER BY stream_version`,
    ),
    // The id and type lists travel as JSON array parameters: one statement for any number of them.
    selectStreamsOfTypes: db.prepare<[string, string, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id IN (SELECT value FROM json_each(?)) AND type IN (SELECT value FROM json_each(?))
       AND global_position <= ? ORDER BY global_position`,
    ),
    selectAll: db.prepare<[number, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

/**
 * The embedded event log: one SQLite file in WAL mode that several processes may share. Writers serialise on
 * BEGIN IMMEDIATE, so each append reads the true head, positions are assigned without gaps, the hash chain stays
 * linear, and a reader (who only ever sees committed transactions, in commit order) can never skip an event.
 */
export class SqliteEventStore implements EventStore {
  private readonly statements: Statements;
  private readonly appendTransaction: Database.Transaction<
    (streamId: string, events: NewEvent[], metadata: EventMetadata, options: AppendOptions) => RecordedEvent[]
  >;
  private readonly listeners = new AppendListeners();
  /** Appends waiting for the next group commit. */
  private readonly queued: QueuedAppend[] = [];
  private readonly groupTransaction: Database.Transaction<(batch: QueuedAppend[]) => (RecordedEvent[] | { error: unknown })[]>;

  private constructor(private readonly db: Db) {
    this.statements = prepareStatements(db);
    this.appendTransaction = db.transaction((streamId, events, metadata, options) => this.appendInTransaction(streamId, events, metadata, options));
    // Each append inside runs as a nested transaction, i.e. a SAVEPOINT: a refused one rolls back alone.
    this.groupTransaction = db.transaction((batch) =>
      batch.map((a) => {
        try {
          return this.appendTransaction(a.streamId, a.events, a.metadata, a.options);
        } catch (error) {
          return { error };
        }
      }),
    );
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
    let outcomes: (RecordedEvent[] | { error: unknown })[];
    try {
      outcomes = this.groupTransaction.immediate(batch);
    } catch (error) {
      for (const a of batch) a.reject(error); // BEGIN or COMMIT failed: none of them was written
      return;
    }
    if (outcomes.some(Array.isArray)) this.listeners.notify(); // after COMMIT: a listener that reads must find the events
    outcomes.forEach((outcome, i) => (Array.isArray(outcome) ? batch[i].resolve(outcome) : batch[i].reject(outcome.error)));
  }

  /** Runs inside BEGIN IMMEDIATE: nothing else can write between the checks and the inserts. */
  private appendInTransaction(streamId: string, events: NewEvent[], metadata: EventMetadata, options: AppendOptions): RecordedEvent[] {
    const { statements } = this;
    const command = options.command;
    if (command) {
      const existing = statements.selectCommand.get(command.commandId);
      if (existing) throw new DuplicateCommandError(toCommandRecord(existing));
    }
    const actual = statements.selectStreamVersion.get(streamId) ?? 0;
    if (options.expectedVersion !== 'any' && options.expectedVersion !== actual) {
      throw new StreamVersionConflictError(streamId, options.expectedVersion, actual);
    }
    const head = statements.selectHead.get();
    const sealed = sealEvents(streamId, events, withCommitTime(metadata, recordedAtOf(head?.metadata)), {
      streamVersion: actual,
      globalPosition: head?.global_position ?? 0,
      hash: head?.hash ?? GENESIS_HASH,
    });
    for (const event of sealed) statements.insertEvent.run(toEventRow(event));
    if (command) {
      statements.insertCommand.run({
        command_id: command.commandId,
        fingerprint: command.fingerprint,
        stream_id: streamId,
        first_position: sealed[0].globalPosition,
        last_position: sealed[sealed.length - 1].globalPosition,
      });
    }
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
