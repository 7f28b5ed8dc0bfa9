import { copyFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';

/** A stored event row as the database holds it, every column as text (the bytes a tamperer would edit). */
export type RawRow = Record<TamperColumn, string>;

export const TEXT_COLUMNS = ['event_id', 'stream_id', 'type', 'data', 'metadata', 'prev_hash', 'hash'] as const;
export const INTEGER_COLUMNS = ['global_position', 'stream_version', 'schema_version'] as const;
export type TamperColumn = (typeof TEXT_COLUMNS)[number] | (typeof INTEGER_COLUMNS)[number];

const ALL_COLUMNS: readonly TamperColumn[] = [...INTEGER_COLUMNS, ...TEXT_COLUMNS];

/**
 * Someone with write access to the database, the append-only triggers switched off: changes one column of
 * one row, and puts the row back afterwards. `set*` answer false when the database itself refuses the value
 * (a unique key, a uuid or UTF-8 that does not parse), which is the only reason a change is skipped.
 */
export interface TamperableLog {
  rows(): Promise<RawRow[]>;
  setText(position: number, column: (typeof TEXT_COLUMNS)[number], bytes: Buffer): Promise<boolean>;
  setInteger(position: number, column: (typeof INTEGER_COLUMNS)[number], value: number): Promise<boolean>;
  /** Writes `original` back into the row now at `currentPosition`. */
  restore(currentPosition: number, original: RawRow): Promise<void>;
  close(): Promise<void>;
}

/** A copy of an SQLite log file with its triggers dropped, so the original stays untouched. */
export function tamperableSqliteCopy(pristineFile: string, copyFile: string): TamperableLog {
  copyFileSync(pristineFile, copyFile);
  return tamperableSqlite(copyFile);
}

/** An SQLite log file (possibly in use by a running service) with its append-only triggers dropped. */
export function tamperableSqlite(file: string): TamperableLog {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = OFF'); // the commands table points at positions; an attacker ignores that
  db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;');
  const refused = (error: unknown) => (error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT') ?? false;
  const run = (sql: string, ...params: unknown[]) => {
    try {
      db.prepare(sql).run(...params);
      return true;
    } catch (error) {
      if (refused(error)) return false;
      throw error;
    }
  };
  return {
    async rows() {
      const rows = db.prepare(`SELECT ${ALL_COLUMNS.join(', ')} FROM events ORDER BY global_position`).all() as Record<string, unknown>[];
      return rows.map((row) => Object.fromEntries(ALL_COLUMNS.map((c) => [c, String(row[c])])) as RawRow);
    },
    // CAST of a blob keeps the bytes as they are, even when they are not valid UTF-8 (SQLite does not check).
    setText: async (position, column, bytes) => run(`UPDATE events SET ${column} = CAST(? AS TEXT) WHERE global_position = ?`, bytes, position),
    setInteger: async (position, column, value) => run(`UPDATE events SET ${column} = ? WHERE global_position = ?`, value, position),
    async restore(currentPosition, original) {
      const assignments = ALL_COLUMNS.map((c) => `${c} = @${c}`).join(', ');
      const values = {
        ...original,
        global_position: Number(original.global_position),
        stream_version: Number(original.stream_version),
        schema_version: Number(original.schema_version),
      };
      db.prepare(`UPDATE events SET ${assignments} WHERE global_position = @current`).run({ ...values, current: currentPosition });
    },
    async close() {
      db.close();
    },
  };
}

/** The PostgreSQL log of a scratch database, with its triggers (append-only and foreign keys) disabled. */
export async function tamperablePostgres(url: string): Promise<TamperableLog> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('ALTER TABLE par_events DISABLE TRIGGER ALL');
  // 22xxx: a value the type refuses (uuid syntax, invalid UTF-8); 23xxx: a unique or other constraint.
  const refused = (error: unknown) => /^2[23]/.test((error as { code?: string }).code ?? '');
  const run = async (sql: string, params: unknown[]) => {
    try {
      await client.query(sql, params);
      return true;
    } catch (error) {
      if (refused(error)) return false;
      throw error;
    }
  };
  return {
    async rows() {
      const { rows } = await client.query<RawRow>(`SELECT ${ALL_COLUMNS.map((c) => `${c}::text AS ${c}`).join(', ')} FROM par_events ORDER BY global_position`);
      return rows;
    },
    setText: (position, column, bytes) =>
      run(`UPDATE par_events SET ${column} = convert_from($1, 'UTF8')${column === 'event_id' ? '::uuid' : ''} WHERE global_position = $2`, [bytes, position]),
    setInteger: (position, column, value) => run(`UPDATE par_events SET ${column} = $1 WHERE global_position = $2`, [value, position]),
    async restore(currentPosition, original) {
      const assignments = ALL_COLUMNS.map((c, i) => `${c} = $${i + 1}${c === 'event_id' ? '::uuid' : ''}`).join(', ');
      await client.query(`UPDATE par_events SET ${assignments} WHERE global_position = $${ALL_COLUMNS.length + 1}`, [
        ...ALL_COLUMNS.map((c) => original[c]),
        currentPosition,
      ]);
    },
    async close() {
      await client.query('ALTER TABLE par_events ENABLE TRIGGER ALL').catch(() => undefined);
      await client.end();
    },
  };
}

/**
 * The one change made at a byte: another digit for a digit, another hex letter for a hex letter (so a hash or
 * uuid stays well-formed and the change reaches the verifier), another letter for a letter, else the lowest
 * bit flipped (which may make the row unparsable JSON or invalid UTF-8: that is part of the test).
 */
export function changedByte(byte: number): number {
  const char = String.fromCharCode(byte);
  if (char >= '0' && char <= '9') return 0x30 + ((byte - 0x30 + 1) % 10);
  if (char >= 'a' && char <= 'f') return byte === 0x66 ? 0x61 : byte + 1;
  if (char >= 'g' && char <= 'z') return byte === 0x7a ? 0x67 : byte + 1;
  if (char >= 'A' && char <= 'Z') return byte === 0x5a ? 0x41 : byte + 1;
  return byte ^ 0x01;
}
