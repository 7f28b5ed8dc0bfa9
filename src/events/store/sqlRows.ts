import type { EventMetadata, RecordedEvent } from '../envelope';
import type { CommandRecord } from './eventStore';

/**
 * The row shapes the SQL adapters (SQLite, PostgreSQL) share. PostgreSQL returns bigint columns as strings,
 * SQLite as numbers: the conversions accept both.
 */
export interface EventRow {
  global_position: number | string;
  event_id: string;
  stream_id: string;
  stream_version: number | string;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  prev_hash: string;
  hash: string;
}

export interface CommandRow {
  command_id: string;
  fingerprint: string;
  stream_id: string;
  first_position: number | string;
  last_position: number | string;
}

/** One step of an adapter's schema; released steps are never edited, a change is the next version. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const EVENT_COLUMNS = 'global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, prev_hash, hash';

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    globalPosition: Number(row.global_position),
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as EventMetadata,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export function toCommandRecord(row: CommandRow): CommandRecord {
  return {
    commandId: row.command_id,
    fingerprint: row.fingerprint,
    streamId: row.stream_id,
    firstPosition: Number(row.first_position),
    lastPosition: Number(row.last_position),
  };
}
