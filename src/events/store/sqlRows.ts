import type { EventMetadata, RecordedEvent } from '../envelope';
import type { CommandRecord } from './eventStore';
import { CorruptEventError, parseStoredJson, rememberStoredText, storedInteger, storedString } from '../storedEvent';

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

/**
 * Decodes a stored row. A damaged row (text that is not JSON, a number column that is not a whole number)
 * throws CorruptEventError naming its position, so readers fail loudly and the verifier can name the break.
 */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  const position = Number.isSafeInteger(Number(row.global_position)) ? Number(row.global_position) : null;
  const metadata = parseStoredJson(row.metadata, 'metadata', position);
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
    throw new CorruptEventError(position, 'metadata is not a JSON object');
  }
  const event: RecordedEvent = {
    eventId: storedString(row.event_id, 'event_id', position),
    streamId: storedString(row.stream_id, 'stream_id', position),
    streamVersion: storedInteger(row.stream_version, 'stream_version', position),
    globalPosition: storedInteger(row.global_position, 'global_position', position),
    type: storedString(row.type, 'type', position),
    schemaVersion: storedInteger(row.schema_version, 'schema_version', position),
    data: parseStoredJson(row.data, 'data', position),
    metadata: metadata as EventMetadata,
    prevHash: storedString(row.prev_hash, 'prev_hash', position),
    hash: storedString(row.hash, 'hash', position),
  };
  return rememberStoredText(event, { data: row.data, metadata: row.metadata });
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
