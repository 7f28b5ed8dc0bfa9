/**
 * The envelope codec of the KurrentDB adapter: a PAR Ledger event ↔ a KurrentDB event (its data and metadata),
 * and the command record of a command stream.
 *
 * The envelope (eventId, streamId, streamVersion, globalPosition, schemaVersion, our metadata, prevHash, hash) is
 * stored in the KurrentDB event metadata as string-valued properties, because multiStreamAppend only accepts a
 * flat object of strings; our metadata object is one canonical-JSON string. The server may add its own
 * `$`-prefixed keys when it presents properties as v1 metadata: they are ignored. A record without the envelope
 * (not written by this adapter) fails to decode, loudly, instead of being passed on.
 */
import { createHash } from 'node:crypto';
import { NO_STREAM, jsonEvent, type AppendStreamState, type JSONEventType, type JSONType, type Position, type ResolvedEvent } from '@kurrent/kurrentdb-client';
import { canonicalTextsOf } from '../../hashChain';
import type { EventMetadata, RecordedEvent } from '../../envelope';
import type { CommandRecord } from '../eventStore';
import { CorruptEventError, parseStoredJson, rememberStoredText } from '../../storedEvent';

const COMMAND_EVENT_TYPE = 'ParLedgerCommandRecorded';
/** Marks KurrentDB metadata written by this adapter, and its layout version. */
const ENVELOPE_FORMAT_KEY = 'parLedgerEnvelope';
const ENVELOPE_FORMAT = '1';
/** Namespace of the v5 UUIDs this adapter derives (log copies, command records). */
const ID_NAMESPACE = Buffer.from('5b0f3a52c1d94e0f9a3c2f5e7d6b8a41', 'hex');

type EnvelopeProperties = Record<string, string>;
type KurrentJsonEvent = JSONEventType<string, JSONType, EnvelopeProperties>;
type CommandJsonEvent = JSONEventType<string, CommandRecord & Record<string, unknown>>;

/** What both the rust-bridge reads and the gRPC subscription hand out for a recorded event. */
export interface KurrentRecord {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  position?: Position;
}

/** Our expectedVersion (a stream version, 1-based) as KurrentDB's expected state (a 0-based revision). */
export function expectedState(version: number): AppendStreamState {
  return version === 0 ? NO_STREAM : BigInt(version - 1);
}

export function toEventData(event: RecordedEvent, id: string) {
  const properties: EnvelopeProperties = {
    [ENVELOPE_FORMAT_KEY]: ENVELOPE_FORMAT,
    eventId: event.eventId,
    streamId: event.streamId,
    streamVersion: String(event.streamVersion),
    globalPosition: String(event.globalPosition),
    schemaVersion: String(event.schemaVersion),
    metadata: canonicalTextsOf(event).metadata,
    prevHash: event.prevHash,
    hash: event.hash,
  };
  // Any JSON value round-trips: the client writes JSON.stringify(data) and parses it back on read.
  return jsonEvent<KurrentJsonEvent>({ id, type: event.type, data: event.data as JSONType, metadata: properties });
}

/** The one event of a command stream: what the command appended. */
export function toCommandData(record: CommandRecord, id: string) {
  return jsonEvent<CommandJsonEvent>({ id, type: COMMAND_EVENT_TYPE, data: { ...record } });
}

export function recordOf(resolved: ResolvedEvent, stream: string): KurrentRecord {
  const record = resolved.event;
  if (!record) throw new Error(`stream ${stream} holds a link to a deleted event`);
  return record;
}

/** A damaged or foreign entry in the log stream is a CorruptEventError naming its position, as in the SQL stores. */
export function decodeEvent(record: KurrentRecord): RecordedEvent {
  const where = `event ${record.revision}@${record.streamId}`;
  const properties = record.metadata;
  const claimed = isStringRecord(properties) && typeof properties.globalPosition === 'string' ? Number(properties.globalPosition) : Number.NaN;
  const position = Number.isSafeInteger(claimed) ? claimed : null;
  if (!record.isJson || !isStringRecord(properties) || properties[ENVELOPE_FORMAT_KEY] !== ENVELOPE_FORMAT) {
    throw new CorruptEventError(position, `${where} was not written by PAR Ledger (no envelope in its metadata)`);
  }
  try {
    const metadataText = required(properties, 'metadata', where);
    const event: RecordedEvent = {
      eventId: required(properties, 'eventId', where),
      streamId: required(properties, 'streamId', where),
      streamVersion: integer(properties, 'streamVersion', where),
      globalPosition: integer(properties, 'globalPosition', where),
      type: record.type,
      schemaVersion: integer(properties, 'schemaVersion', where),
      data: record.data,
      metadata: parseStoredJson(metadataText, 'metadata', position) as EventMetadata,
      prevHash: required(properties, 'prevHash', where),
      hash: required(properties, 'hash', where),
    };
    // The data is JSON the client parsed; the metadata is our canonical text, which the verifier checks.
    return rememberStoredText(event, { metadata: metadataText });
  } catch (error) {
    if (error instanceof CorruptEventError) throw error;
    throw new CorruptEventError(position, `${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function decodeCommand(record: KurrentRecord): CommandRecord {
  const data = record.data as Partial<CommandRecord> | null;
  if (
    record.type !== COMMAND_EVENT_TYPE ||
    !data ||
    typeof data.commandId !== 'string' ||
    typeof data.fingerprint !== 'string' ||
    typeof data.streamId !== 'string' ||
    !Number.isInteger(data.firstPosition) ||
    !Number.isInteger(data.lastPosition)
  ) {
    throw new Error(`event ${record.revision}@${record.streamId} is not a PAR Ledger command record`);
  }
  return {
    commandId: data.commandId,
    fingerprint: data.fingerprint,
    streamId: data.streamId,
    firstPosition: data.firstPosition!,
    lastPosition: data.lastPosition!,
  };
}

/** A name-based (v5) UUID in this adapter's namespace: the same name always gives the same id. */
export function derivedUuid(name: string): string {
  const bytes = createHash('sha1').update(ID_NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function isStringRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array);
}

function required(properties: Record<string, unknown>, key: string, where: string): string {
  const value = properties[key];
  if (typeof value !== 'string') throw new Error(`${where} lacks envelope field ${key}`);
  return value;
}

function integer(properties: Record<string, unknown>, key: string, where: string): number {
  const text = required(properties, key, where);
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) throw new Error(`${where} has a bad ${key}: ${text}`);
  return value;
}
