import type Database from 'better-sqlite3';
import type { Migration } from '../sqlRows';

type Db = Database.Database;

/** The SQLite event log's schema (versioned migrations) and connection settings. */

/** An event's commit time as SQLite sees it; the same expression in the index and in the query that uses it. */
export const RECORDED_AT_SQL = "(CASE WHEN json_valid(metadata) THEN coalesce(json_extract(metadata, '$.recordedAt'), '~') ELSE '~' END)";

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
  {
    version: 3,
    name: 'stream and type index',
    // An as-of ranking needs only the finalisations of each participant's stream: without this index it read
    // every event of 3,298 streams to look at their types (1.6 s on the national log).
    sql: 'CREATE INDEX events_stream_type ON events (stream_id, type, global_position);',
  },
];

export function configure(db: Db, inMemory: boolean): void {
  // First, so that switching to WAL waits for another process's lock instead of failing with SQLITE_BUSY.
  db.pragma('busy_timeout = 5000');
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (!inMemory && mode !== 'wal') throw new Error(`SQLite refused WAL mode for ${db.name} (journal_mode is ${String(mode)})`);
  // FULL also syncs the WAL on every commit: an append that was acknowledged survives a power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

/** Brings the schema up to date; IMMEDIATE so two processes opening a fresh file do not both migrate. */
export function migrate(db: Db): void {
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
