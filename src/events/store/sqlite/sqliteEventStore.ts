import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { canonicalJson } from '../../canonicalJson';
import { GENESIS_HASH, type EventMetadata, type NewEvent, type RecordedEvent } from '../../envelope';
import {
  DuplicateCommandError,
  StreamVersionConflictError,
  type AppendOptions,
  type AppendResult,
  type CommandRecord,
  type EventStore,
} from '../eventStore';
import { sealEvents } from '../../hashChain';
import { EVENT_COLUMNS, toCommandRecord, toRecordedEvent, type CommandRow, type EventRow, type Migration } from '../sqlRows';
import {
  AppendListeners,
  type AppendListener,
  recordedAtOf,
  toStoredEvent,
  toStoredJson,
  validateAppend,
  validateReadAll,
  validateTime,
  withCommitTime,
} from '../appendRules';

type Db = Database.Database;

/** An event's commit time as SQLite sees it; the same expression in the index and in the query that uses it. */
const RECORDED_AT_SQL = "(CASE WHEN json_valid(metadata) THEN coalesce(json_extract(metadata, '$.recordedAt'), '~') ELSE '~' END)";

/** Append-only: a released migration is never edited, a change is a new entry with the next version. */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'events and commands',
    sql: `
      CREATE TABLE events (
        global_position INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL UNIQUE,
        stream_id TEXT NOT NULL,
        stream_version INTEGER NOT NULL,
        type TEXT NOT NULL,
        schema_version INTEGER NOT NULL,
        data TEXT NOT NULL,
        metadata TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        UNIQUE (stream_id, stream_version)
      );
      CREATE TABLE commands (
        command_id TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        stream_id TEXT NOT NULL,
        first_position INTEGER NOT NULL REFERENCES events (global_position),
        last_position INTEGER NOT NULL REFERENCES events (global_position)
      );
      -- Guards against a bug in this process, not against someone with the file: the hash chain is for that.
      CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
      CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
      CREATE TRIGGER commands_no_update BEFORE UPDATE ON commands BEGIN SELECT RAISE(ABORT, 'commands are immutable'); END;
      CREATE TRIGGER commands_no_delete BEFORE DELETE ON commands BEGIN SELECT RAISE(ABORT, 'commands are immutable'); END;
    `,
  },
  {
    version: 2,
    name: 'commit time index',
    // positionAt looks up the first event recorded after a time. A row whose metadata is not JSON (tampering)
    // indexes as '~', after every time, so it ends the prefix instead of failing the lookup.
    sql: `CREATE INDEX events_recorded_at ON events (${RECORDED_AT_SQL}, global_position);`,
  },
];

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
    selectStreamVersion: db
      .prepare<[string], number>('SELECT COALESCE(MAX(stream_version), 0) FROM events WHERE stream_id = ?')
      .pluck(),
    selectHead: db.prepare<[], { global_position: number; hash: string; metadata: string }>(
      'SELECT global_position, hash, metadata FROM events ORDER BY global_position DESC LIMIT 1',
    ),
    selectFirstAfterTime: db
      .prepare<[string], number | null>(`SELECT MIN(global_position) FROM events WHERE ${RECORDED_AT_SQL} > ?`)
      .pluck(),
    selectHeadPosition: db.prepare<[], number>('SELECT COALESCE(MAX(global_position), 0) FROM events').pluck(),
    selectStream: db.prepare<[string], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? ORDER BY stream_version`,
    ),
    selectAll: db.prepare<[number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`,
    ),
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

  private constructor(private readonly db: Db) {
    this.statements = prepareStatements(db);
    this.appendTransaction = db.transaction((streamId, events, metadata, options) =>
      this.appendInTransaction(streamId, events, metadata, options),
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
    const metadata = toStoredJson(options.metadata, 'metadata') as EventMetadata;
    const sealed = this.appendTransaction.immediate(streamId, stored, metadata, options);
    this.listeners.notify(); // after COMMIT: a listener that reads must find the events
    const first = sealed[0];
    const last = sealed[sealed.length - 1];
    return { streamId, streamVersion: last.streamVersion, firstPosition: first.globalPosition, lastPosition: last.globalPosition, events: sealed };
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.statements.selectStream.all(streamId).map(toRecordedEvent);
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
    this.listeners.clear();
    if (this.db.open) this.db.close();
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

function configure(db: Db, inMemory: boolean): void {
  // First, so that switching to WAL waits for another process's lock instead of failing with SQLITE_BUSY.
  db.pragma('busy_timeout = 5000');
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (!inMemory && mode !== 'wal') throw new Error(`SQLite refused WAL mode for ${db.name} (journal_mode is ${String(mode)})`);
  // FULL also syncs the WAL on every commit: an append that was acknowledged survives a power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

/** Brings the schema up to date; IMMEDIATE so two processes opening a fresh file do not both migrate. */
function migrate(db: Db): void {
  const latest = MIGRATIONS[MIGRATIONS.length - 1].version;
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const current = db.prepare<[], number>('SELECT COALESCE(MAX(version), 0) FROM schema_migrations').pluck().get() ?? 0;
    if (current > latest) {
      throw new Error(`${db.name} has schema version ${current}, newer than this code knows (${latest}); upgrade the code`);
    }
    const record = db.prepare<[number, string, string]>('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
  }).immediate();
}

function toEventRow(event: RecordedEvent): EventRow {
  return {
    global_position: event.globalPosition,
    event_id: event.eventId,
    stream_id: event.streamId,
    stream_version: event.streamVersion,
    type: event.type,
    schema_version: event.schemaVersion,
    // Canonical text, so the stored bytes are exactly what the hash was computed over.
    data: canonicalJson(event.data),
    metadata: canonicalJson(event.metadata),
    prev_hash: event.prevHash,
    hash: event.hash,
  };
}
