/**
 * The event log on KurrentDB (EventStoreDB), through `@kurrent/kurrentdb-client` 1.3.
 *
 * DESIGN: one atomic multi-stream append per call.
 * Every `append` is ONE `client.multiStreamAppend` (KurrentDB ≥ 25.1: "either all streams are updated, or the
 * entire operation fails"; each stream carries its own expected state) that writes up to three streams at once:
 *   1. the aggregate stream, `<namespace><streamId>` (1:1 with our streamId), expected state from expectedVersion
 *      (0 → NO_STREAM, n → BigInt(n - 1)): KurrentDB itself enforces per-stream optimistic concurrency;
 *   2. the log stream, `<namespace>par-ledger-log`, expected state = the log's last revision: the log is the single
 *      sequencer. Our globalPosition is log revision + 1, so positions are dense 1..n, readAll(after, limit) is one
 *      readStream(log, fromRevision: after, maxCount: limit), the hash chain is linear (each append seals on top of
 *      the head it read, and fails if anyone appended after that read), and a reader can never skip an event
 *      committed late (a log revision exists only once its whole transaction is committed);
 *   3. when a command is given, `<namespace>par-ledger-command-<commandId>`, expected state NO_STREAM, holding the
 *      CommandRecord: the same commandId can never commit twice, across streams and processes, with no time window.
 * Because the three writes are one transaction, there is no state where events exist without their log entry or
 * their command record, and nothing to repair after a crash.
 *
 * Alternatives considered and rejected:
 * - Two separate appends (aggregate stream, then log/"head pointer" stream): not atomic; a crash between them
 *   leaves events outside the global order (or a log entry without events), which is exactly what the port forbids.
 * - Only one ordered stream, with the aggregate as a field: atomic and gapless, but reading or version-checking an
 *   aggregate means scanning the whole log (server-side filters match KurrentDB stream names and event types, not
 *   fields), and links to per-aggregate streams would again be a second, non-atomic write.
 * - Dense positions computed from $all: $all positions are sparse byte offsets and include other writers' events.
 * - KurrentDB's own idempotent append (deterministic event ids derived from the commandId): it only deduplicates
 *   within one stream, only recent events, and only best-effort under ANY; the port requires a duplicate to be
 *   refused even when it targets another stream, so a command stream is used instead.
 *
 * DEVIATIONS and costs (compared with the port and the SQLite reference adapter):
 * - Needs KurrentDB 25.1 or later (multiStreamAppend). On an older server the first append fails with a clear
 *   error (the client throws UnsupportedError); reads work.
 * - Every event is stored twice: in its aggregate stream and in the log (full copies, same envelope and hash), so
 *   readStream and readAll are each one sequential read. The log copy is authoritative for order and the chain;
 *   the verifier walks the log. The aggregate copy keeps our eventId as its KurrentDB event id; the log copy gets a
 *   UUID derived from it (v5), so no two records share an id.
 * - All appends serialise on the log's revision, cluster-wide: one writer at a time. In this process appends are
 *   queued so they do not contend with each other; against other processes a loser gets a conflict on the log,
 *   re-reads the head and retries (bounded, with jittered backoff). Cost per append: one write, plus a read of
 *   the command stream (with a commandId), of the aggregate's version (with 'any') and of the log head (when
 *   another process wrote since this one last did).
 * - A WrongExpectedVersionError names one stream only, and several may have moved; so after one the adapter reads
 *   the command stream (→ DuplicateCommandError) and the aggregate's version (→ StreamVersionConflictError with
 *   that actual version) itself, and otherwise retries: the conflict was on the log.
 * - expectedVersion 'any' is turned into the exact current version (read just before sealing, because
 *   streamVersion is part of the envelope and of the hash); a concurrent writer causes an internal retry, never a
 *   conflict reported to the caller.
 * - The envelope (eventId, streamId, streamVersion, globalPosition, schemaVersion, our metadata, prevHash, hash)
 *   is stored in the KurrentDB event metadata as string-valued properties, because multiStreamAppend only accepts
 *   a flat object of strings; our metadata object is one canonical-JSON string. The server may add its own
 *   `$`-prefixed keys when it presents properties as v1 metadata: they are ignored.
 * - Stream names starting with `par-ledger-` (the log and command streams) or `$` (KurrentDB system streams) are
 *   refused by append with a TypeError, and read as [].
 * - An append whose outcome is unknown (connection lost after sending) is not retried here: it rejects, and the
 *   command handler's retry with the same commandId is safe (DuplicateCommandError if it had committed).
 * - Events handed out are fresh objects on every read, not frozen. A record in an aggregate stream or the log that
 *   was not written by this adapter (no envelope) makes the read fail loudly instead of being passed on.
 * - onAppend fires only for this process's appends; other writers are seen by polling readAll, or by subscribe().
 * - `namespace` (option of connect) prefixes every stream name this store uses, so test runs and tenants are
 *   isolated on one server; production uses '' (streamId = KurrentDB stream name). Nothing is ever deleted.
 * - subscribe() (not part of the port) reads $all with a server-side filter on PAR Ledger's event types. Both
 *   copies of an event match it; the aggregate copies (and other namespaces) are dropped on the client, so each
 *   event is delivered once, in global order. Events of other types are filtered out, so delivered positions may
 *   have gaps; use readAll where gapless reading matters. Subscribing to $all needs admin rights on a secure node.
 */
import { createHash } from 'node:crypto';
import {
  BACKWARDS,
  END,
  KurrentDBClient,
  NO_STREAM,
  START,
  StreamNotFoundError,
  UnsupportedError,
  WrongExpectedVersionError,
  eventTypeFilter,
  jsonEvent,
  type AllStreamSubscription,
  type AppendStreamRequest,
  type AppendStreamState,
  type JSONEventType,
  type JSONType,
  type Position,
  type ReadPosition,
  type ReadStreamOptions,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { AppendListeners, type AppendListener, toStoredEvent, toStoredJson, validateAppend, validateReadAll } from '../appendRules';
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
import { PAR_EVENT_TYPES } from '../../parEvents';
import { redactUrl } from '../../../shared/redactUrl';
import { CorruptEventError, parseStoredJson, rememberStoredText } from '../../storedEvent';

/** Names this adapter owns; an aggregate stream may not use them. */
const RESERVED_PREFIX = 'par-ledger-';
const LOG_STREAM = `${RESERVED_PREFIX}log`;
const COMMAND_STREAM_PREFIX = `${RESERVED_PREFIX}command-`;
const COMMAND_EVENT_TYPE = 'ParLedgerCommandRecorded';
/** Marks KurrentDB metadata written by this adapter, and its layout version. */
const ENVELOPE_FORMAT_KEY = 'parLedgerEnvelope';
const ENVELOPE_FORMAT = '1';
/** Namespace of the v5 UUIDs this adapter derives (log copies, command records). */
const ID_NAMESPACE = Buffer.from('5b0f3a52c1d94e0f9a3c2f5e7d6b8a41', 'hex');
const DEFAULT_MAX_APPEND_ATTEMPTS = 50;

type EnvelopeProperties = Record<string, string>;
type KurrentJsonEvent = JSONEventType<string, JSONType, EnvelopeProperties>;
type CommandJsonEvent = JSONEventType<string, CommandRecord & Record<string, unknown>>;

/** What both the rust-bridge reads and the gRPC subscription hand out for a recorded event. */
interface KurrentRecord {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  position?: Position;
}

export interface KurrentEventStoreOptions {
  /** Prefix of every stream name this store uses (aggregates, log, commands). '' in production. */
  namespace?: string;
  /** How often an append re-seals after another process moved the log first. */
  maxAppendAttempts?: number;
}

export interface KurrentSubscriptionOptions {
  /** Told about each dropped connection before the subscription waits and resubscribes. */
  onDrop?: (error: unknown, attempt: number, delayMs: number) => void;
  /** Upper bound of the wait between resubscriptions. */
  maxBackoffMs?: number;
}

export interface KurrentSubscription {
  /** Stops the subscription; resolves once it has stopped. Idempotent. */
  stop(): Promise<void>;
  /**
   * Resolves when stopped; rejects when `onEvent` throws or the log holds a record this adapter did not write
   * (those end the subscription: they are not connection problems that waiting would cure).
   */
  readonly done: Promise<void>;
}

export class KurrentEventStore implements EventStore {
  private readonly listeners = new AppendListeners();
  private readonly subscriptions = new Set<KurrentSubscription>();
  private readonly logStream: string;
  private readonly commandStreamPrefix: string;
  private readonly maxAppendAttempts: number;
  /** Appends of this process, one at a time (they would only conflict with each other on the log). */
  private queue: Promise<unknown> = Promise.resolve();
  /** The log head after this process's last append; null when unknown (start, or another writer was seen). */
  private head: { globalPosition: number; hash: string } | null = null;
  private closed = false;

  private constructor(
    private readonly client: KurrentDBClient,
    private readonly namespace: string,
    maxAppendAttempts: number,
  ) {
    this.logStream = `${namespace}${LOG_STREAM}`;
    this.commandStreamPrefix = `${namespace}${COMMAND_STREAM_PREFIX}`;
    this.maxAppendAttempts = maxAppendAttempts;
  }

  /** Connects (e.g. `kurrentdb://127.0.0.1:2113?tls=false`) and checks that the server answers. */
  static async connect(url: string, options: KurrentEventStoreOptions = {}): Promise<KurrentEventStore> {
    const namespace = options.namespace ?? '';
    if (typeof namespace !== 'string' || namespace.startsWith('$')) throw new TypeError('namespace must be a string not starting with $');
    const attempts = options.maxAppendAttempts ?? DEFAULT_MAX_APPEND_ATTEMPTS;
    if (!Number.isInteger(attempts) || attempts < 1) throw new TypeError('maxAppendAttempts must be a positive integer');
    let client: KurrentDBClient | undefined;
    try {
      client = KurrentDBClient.connectionString(url);
      const store = new KurrentEventStore(client, namespace, attempts);
      await store.headPosition();
      return store;
    } catch (error) {
      await client?.dispose().catch(() => undefined);
      throw new Error(`cannot use KurrentDB at ${redactUrl(url)}: ${messageOf(error)}`, { cause: error });
    }
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    validateKurrentAppend(streamId, events, options);
    // Serialised before anything is sent, so a value that cannot be stored fails without writing.
    const stored = events.map(toStoredEvent);
    const metadata = toStoredJson(options.metadata, 'metadata') as EventMetadata;
    const sealed = await this.exclusive(() => this.appendWithRetry(streamId, stored, metadata, options));
    this.listeners.notify(); // after the commit: a listener that reads must find the events
    const first = sealed[0];
    const last = sealed[sealed.length - 1];
    return { streamId, streamVersion: last.streamVersion, firstPosition: first.globalPosition, lastPosition: last.globalPosition, events: sealed };
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    this.assertOpen();
    if (typeof streamId !== 'string' || isReserved(streamId)) return [];
    const records = await this.read(this.streamName(streamId), {});
    return records.map((record) => decodeEvent(record));
  }

  async readAll(after: number, limit: number): Promise<RecordedEvent[]> {
    this.assertOpen();
    validateReadAll(after, limit);
    // Log revision r holds globalPosition r + 1, so the events after `after` start at revision `after`.
    const records = await this.read(this.logStream, { fromRevision: BigInt(after), maxCount: limit });
    return records.map((record) => decodeEvent(record));
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    const last = await this.readLast(this.logStream);
    return last ? Number(last.revision) + 1 : 0;
  }

  async findCommand(commandId: string): Promise<CommandRecord | null> {
    this.assertOpen();
    if (typeof commandId !== 'string' || commandId.length === 0) return null;
    const [record] = await this.read(this.commandStream(commandId), { maxCount: 1 });
    return record ? decodeCommand(record) : null;
  }

  onAppend(listener: AppendListener): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    await Promise.allSettled([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  /**
   * Delivers, in global order, every PAR Ledger event after globalPosition `after` (0: from the start), then new
   * ones as they are committed. A catch-up subscription to $all with a server-side event-type filter; after a
   * dropped connection it waits (exponential backoff with jitter) and resubscribes from the $all position of the
   * last event delivered, so nothing is skipped and nothing is delivered twice.
   */
  subscribe(after: number, onEvent: (event: RecordedEvent) => Promise<void> | void, options: KurrentSubscriptionOptions = {}): KurrentSubscription {
    this.assertOpen();
    if (!Number.isInteger(after) || after < 0) throw new TypeError(`after must be a non-negative integer, got ${after}`);
    const maxBackoffMs = options.maxBackoffMs ?? 30_000;
    const types = PAR_EVENT_TYPES.map(escapeRegex);
    const filter = eventTypeFilter({ regex: `^(?:${types.join('|')})$` });

    let last = after; // globalPosition of the last event delivered
    let from: ReadPosition | null = null; // its $all position, once known
    let stopped = false;
    let current: AllStreamSubscription | null = null;
    let wake: (() => void) | null = null;

    const run = async (): Promise<void> => {
      let failures = 0;
      while (!stopped) {
        try {
          from ??= await this.allPositionOf(last);
          const subscription = this.client.subscribeToAll({ fromPosition: from, filter, resolveLinkTos: false });
          current = subscription;
          subscription.on('caughtUp', () => {
            failures = 0;
          });
          if (stopped) break;
          for await (const resolved of subscription) {
            failures = 0;
            const record = resolved.event;
            // The aggregate copy of each event matches the filter too: only the log copy is delivered.
            if (!record || record.streamId !== this.logStream) continue;
            let event: RecordedEvent;
            try {
              event = decodeEvent(record);
            } catch (error) {
              throw new SubscriberFailure(error);
            }
            if (event.globalPosition <= last) continue; // replayed after a resubscription
            try {
              await onEvent(event);
            } catch (error) {
              throw new SubscriberFailure(error);
            }
            last = event.globalPosition;
            from = record.position;
          }
          // Ended without an error: by stop(), or by the server, which is waited out and resubscribed like a drop.
          if (!stopped) throw new Error('the server ended the subscription');
        } catch (error) {
          if (error instanceof SubscriberFailure) throw error.cause;
          if (stopped) break;
          failures++;
          const delayMs = Math.round(Math.min(maxBackoffMs, 250 * 2 ** (failures - 1)) * (0.5 + Math.random() / 2));
          options.onDrop?.(error, failures, delayMs);
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, delayMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = null;
        } finally {
          const ending = current;
          current = null;
          await ending?.unsubscribe().catch(() => undefined);
        }
      }
    };

    const done = run();
    const handle: KurrentSubscription = {
      done,
      stop: async () => {
        stopped = true;
        wake?.();
        await current?.unsubscribe().catch(() => undefined);
        await done.catch(() => undefined);
        this.subscriptions.delete(handle);
      },
    };
    this.subscriptions.add(handle);
    void done.then(
      () => this.subscriptions.delete(handle),
      () => this.subscriptions.delete(handle),
    );
    return handle;
  }

  private async appendWithRetry(streamId: string, events: NewEvent[], metadata: EventMetadata, options: AppendOptions): Promise<RecordedEvent[]> {
    const stream = this.streamName(streamId);
    const { command, expectedVersion } = options;
    for (let attempt = 1; ; attempt++) {
      this.assertOpen();
      if (command) await this.throwIfRecorded(command.commandId);
      const current = expectedVersion === 'any' ? await this.streamVersion(stream) : expectedVersion;
      const head = this.head ?? (await this.readHead());
      const sealed = sealEvents(streamId, events, metadata, { streamVersion: current, globalPosition: head.globalPosition, hash: head.hash });
      const requests: AppendStreamRequest[] = [
        {
          streamName: this.logStream,
          expectedState: expectedState(head.globalPosition),
          events: sealed.map((event) => toEventData(event, derivedUuid(`log:${event.eventId}`))),
        },
        { streamName: stream, expectedState: expectedState(current), events: sealed.map((event) => toEventData(event, event.eventId)) },
      ];
      if (command) {
        const record: CommandRecord = {
          commandId: command.commandId,
          fingerprint: command.fingerprint,
          streamId,
          firstPosition: sealed[0].globalPosition,
          lastPosition: sealed[sealed.length - 1].globalPosition,
        };
        requests.push({
          streamName: this.commandStream(command.commandId),
          expectedState: NO_STREAM,
          events: [jsonEvent<CommandJsonEvent>({ id: derivedUuid(`command:${this.namespace}${command.commandId}`), type: COMMAND_EVENT_TYPE, data: { ...record } })],
        });
      }

      try {
        await this.client.multiStreamAppend(requests);
        const last = sealed[sealed.length - 1];
        this.head = { globalPosition: last.globalPosition, hash: last.hash };
        return sealed;
      } catch (error) {
        this.head = null;
        if (error instanceof UnsupportedError) {
          throw new Error(`this KurrentDB server cannot append atomically to several streams (multiStreamAppend needs KurrentDB ${error.minimumVersion} or later)`, { cause: error });
        }
        if (!(error instanceof WrongExpectedVersionError)) throw error;
      }

      // One of the streams moved since we read it. Decide which, in the order the caller cares about (the error
      // names one stream only, and several may have moved): an earlier command, a stale expectedVersion, and only
      // then another writer on the log or, under 'any', on the aggregate stream, which a retry resolves.
      if (command) await this.throwIfRecorded(command.commandId);
      if (expectedVersion !== 'any') {
        const actual = await this.streamVersion(stream);
        if (actual !== expectedVersion) throw new StreamVersionConflictError(streamId, expectedVersion, actual);
      }
      if (attempt >= this.maxAppendAttempts) {
        throw new Error(`append to ${streamId} gave up after ${attempt} attempts: other writers kept moving the log stream ${this.logStream}`);
      }
      await sleep(Math.round(Math.min(500, 5 * 2 ** Math.min(attempt, 7)) * Math.random()));
    }
  }

  private async throwIfRecorded(commandId: string): Promise<void> {
    const existing = await this.findCommand(commandId);
    if (existing) throw new DuplicateCommandError(existing);
  }

  /** The version (revision + 1) of a KurrentDB stream, 0 when it does not exist. */
  private async streamVersion(stream: string): Promise<number> {
    const last = await this.readLast(stream);
    return last ? Number(last.revision) + 1 : 0;
  }

  private async readHead(): Promise<{ globalPosition: number; hash: string }> {
    const last = await this.readLast(this.logStream);
    if (!last) return { globalPosition: 0, hash: GENESIS_HASH };
    const event = decodeEvent(last);
    if (event.globalPosition !== Number(last.revision) + 1) {
      throw new Error(`log stream ${this.logStream} is inconsistent: revision ${last.revision} holds globalPosition ${event.globalPosition}`);
    }
    return { globalPosition: event.globalPosition, hash: event.hash };
  }

  /** The $all position to subscribe from so that the next event delivered follows globalPosition `after`. */
  private async allPositionOf(after: number): Promise<ReadPosition> {
    if (after === 0) return START;
    const [record] = await this.read(this.logStream, { fromRevision: BigInt(after - 1), maxCount: 1 });
    // Servers before 22.6 do not return positions on stream reads: start over; delivery skips what was seen.
    return record?.position ?? START;
  }

  private async readLast(stream: string): Promise<KurrentRecord | null> {
    const [record] = await this.read(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    return record ?? null;
  }

  /** Reads a stream forwards (unless told otherwise); [] when it does not exist. Links are not resolved. */
  private async read(stream: string, options: ReadStreamOptions): Promise<KurrentRecord[]> {
    const records: KurrentRecord[] = [];
    try {
      for await (const resolved of this.client.readStream(stream, { ...options, resolveLinkTos: false })) {
        records.push(recordOf(resolved, stream));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return records;
  }

  private streamName(streamId: string): string {
    return `${this.namespace}${streamId}`;
  }

  private commandStream(commandId: string): string {
    return `${this.commandStreamPrefix}${commandId}`;
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('event store is closed');
  }
}

/** Thrown inside the subscription loop for failures that resubscribing cannot cure. */
class SubscriberFailure extends Error {
  constructor(override readonly cause: unknown) {
    super(messageOf(cause));
  }
}

/** Our expectedVersion (a stream version, 1-based) as KurrentDB's expected state (a 0-based revision). */
function expectedState(version: number): AppendStreamState {
  return version === 0 ? NO_STREAM : BigInt(version - 1);
}

function toEventData(event: RecordedEvent, id: string) {
  const properties: EnvelopeProperties = {
    [ENVELOPE_FORMAT_KEY]: ENVELOPE_FORMAT,
    eventId: event.eventId,
    streamId: event.streamId,
    streamVersion: String(event.streamVersion),
    globalPosition: String(event.globalPosition),
    schemaVersion: String(event.schemaVersion),
    metadata: canonicalJson(event.metadata),
    prevHash: event.prevHash,
    hash: event.hash,
  };
  // Any JSON value round-trips: the client writes JSON.stringify(data) and parses it back on read.
  return jsonEvent<KurrentJsonEvent>({ id, type: event.type, data: event.data as JSONType, metadata: properties });
}

function recordOf(resolved: ResolvedEvent, stream: string): KurrentRecord {
  const record = resolved.event;
  if (!record) throw new Error(`stream ${stream} holds a link to a deleted event`);
  return record;
}

/** A damaged or foreign entry in the log stream is a CorruptEventError naming its position, as in the SQL stores. */
function decodeEvent(record: KurrentRecord): RecordedEvent {
  const where = `event ${record.revision}@${record.streamId}`;
  const properties = record.metadata;
  const claimed = isStringRecord(properties) && typeof properties.globalPosition === 'string' ? Number(properties.globalPosition) : Number.NaN;
  const position = Number.isSafeInteger(claimed) ? claimed : null;
  if (!record.isJson || !isStringRecord(properties) || properties[ENVELOPE_FORMAT_KEY] !== ENVELOPE_FORMAT) {
    throw new CorruptEventError(position, `${where} was not written by PAR Ledger (no envelope in its metadata)`);
  }
  try {
    const metadataText = required(properties, 'metadata', where);
    const metadata = parseStoredJson(metadataText, 'metadata', position) as EventMetadata;
    const event: RecordedEvent = {
      eventId: required(properties, 'eventId', where),
      streamId: required(properties, 'streamId', where),
      streamVersion: integer(properties, 'streamVersion', where),
      globalPosition: integer(properties, 'globalPosition', where),
      type: record.type,
      schemaVersion: integer(properties, 'schemaVersion', where),
      data: record.data,
      metadata,
      prevHash: required(properties, 'prevHash', where),
      hash: required(properties, 'hash', where),
    };
    // The data is JSON the client parsed; the metadata is our canonical text, which the verifier checks.
    return rememberStoredText(event, { metadata: metadataText });
  } catch (error) {
    if (error instanceof CorruptEventError) throw error;
    throw new CorruptEventError(position, messageOf(error));
  }
}

function decodeCommand(record: KurrentRecord): CommandRecord {
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
  return { commandId: data.commandId, fingerprint: data.fingerprint, streamId: data.streamId, firstPosition: data.firstPosition!, lastPosition: data.lastPosition! };
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

/** A name-based (v5) UUID in this adapter's namespace: the same name always gives the same id. */
function derivedUuid(name: string): string {
  const bytes = createHash('sha1').update(ID_NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The shared rules, plus this adapter's own: names it reserves, and a command id it can name a stream after. */
function validateKurrentAppend(streamId: string, events: NewEvent[], options: AppendOptions): void {
  validateAppend(streamId, events, options);
  if (isReserved(streamId)) throw new TypeError(`stream ${streamId} is reserved (names starting with ${RESERVED_PREFIX} or $)`);
  if (options.command && (typeof options.command.commandId !== 'string' || options.command.commandId.length === 0)) {
    throw new TypeError('commandId must be a non-empty string');
  }
}

function isReserved(streamId: string): boolean {
  return streamId.startsWith(RESERVED_PREFIX) || streamId.startsWith('$');
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
