import type Database from 'better-sqlite3';
import { EVENT_COLUMNS, type CommandRow, type EventRow } from '../sqlRows';
import { RECORDED_AT_SQL } from './sqliteSchema';

/** Every statement the store runs, prepared once per connection. */
export function prepareStatements(db: Database.Database) {
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
    // Changes when another connection (another process, or another store on the file) commits, never for our own.
    dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
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

export type Statements = ReturnType<typeof prepareStatements>;
