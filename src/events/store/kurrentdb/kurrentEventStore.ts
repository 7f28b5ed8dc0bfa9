/**
 * The event log on KurrentDB (EventStoreDB) ≥ 25.1. Each append is ONE atomic multiStreamAppend to the aggregate
 * stream, the ordered log stream (the single sequencer: globalPosition = log revision + 1) and, with a command id,
 * a command stream that makes the id unique. Why this design, the alternatives rejected and every deviation from
 * the port and its costs: README.md in this folder. The stream names and the request an append sends are in
 * kurrentStreams.ts, the envelope codec in kurrentEnvelope.ts, the subscription in kurrentSubscription.ts.
 */
import { KurrentDBClient, START, UnsupportedError, WrongExpectedVersionError, type ReadPosition, type ReadStreamOptions } from '@kurrent/kurrentdb-client';
import {
  AppendListeners,
  type AppendListener,
  toStoredEvent,
  toStoredMetadata,
  validateAfterVersion,
  validateReadAll,
  validateTime,
  withCommitTime,
} from '../appendRules';
import { GENESIS_HASH, type EventMetadata, type NewEvent, type RecordedEvent } from '../../envelope';
import {
  DuplicateCommandError,
  StoreContentionError,
  StreamVersionConflictError,
  type AppendOptions,
  type AppendResult,
  type CommandRecord,
  type EventStore,
} from '../eventStore';
import { sealEvents } from '../../hashChain';
import { redactUrl } from '../../../shared/redactUrl';
import { decodeCommand, decodeEvent, type KurrentRecord } from './kurrentEnvelope';
import { readLastRecord, readRecords, scanPositionAt } from './kurrentReads';
import { isReserved, KurrentStreams, validateKurrentAppend } from './kurrentStreams';
import { subscribeToLog, type KurrentSubscription, type KurrentSubscriptionOptions } from './kurrentSubscription';

const DEFAULT_MAX_APPEND_ATTEMPTS = 50;

interface KurrentEventStoreOptions {
  /** Prefix of every stream name this store uses (aggregates, log, commands). '' in production. */
  namespace?: string;
  /** How often an append re-seals after another process moved the log first. */
  maxAppendAttempts?: number;
}

/** The log head this process last saw: where the next append is sealed. */
interface LogHead {
  globalPosition: number;
  hash: string;
  recordedAt: string | null;
}

export class KurrentEventStore implements EventStore {
  private readonly listeners = new AppendListeners();
  private readonly subscriptions = new Set<KurrentSubscription>();
  private readonly streams: KurrentStreams;
  private readonly maxAppendAttempts: number;
  /** Appends of this process, one at a time (they would only conflict with each other on the log). */
  private queue: Promise<unknown> = Promise.resolve();
  /** The log head after this process's last append; null when unknown (start, or another writer was seen). */
  private head: LogHead | null = null;
  private closed = false;

  private constructor(
    private readonly client: KurrentDBClient,
    namespace: string,
    maxAppendAttempts: number,
  ) {
    this.streams = new KurrentStreams(namespace);
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
    const metadata = toStoredMetadata(options.metadata);
    const sealed = await this.exclusive(() => this.appendWithRetry(streamId, stored, metadata, options));
    this.listeners.notify(); // after the commit: a listener that reads must find the events
    const first = sealed[0];
    const last = sealed[sealed.length - 1];
    return { streamId, streamVersion: last.streamVersion, firstPosition: first.globalPosition, lastPosition: last.globalPosition, events: sealed };
  }

  async readStream(streamId: string, afterVersion = 0): Promise<RecordedEvent[]> {
    this.assertOpen();
    validateAfterVersion(afterVersion);
    if (typeof streamId !== 'string' || isReserved(streamId)) return [];
    // Stream revision r holds streamVersion r + 1, so the events after `afterVersion` start at revision `afterVersion`.
    const records = await this.read(this.streams.aggregate(streamId), afterVersion === 0 ? {} : { fromRevision: BigInt(afterVersion) });
    return records.map((record) => decodeEvent(record));
  }

  /** KurrentDB reads whole streams (no server-side filter by type on a stream read); the types are kept here. */
  async readStreamsOfTypes(streamIds: readonly string[], types: readonly string[], upTo: number): Promise<RecordedEvent[]> {
    const wanted = new Set(types);
    const read = await Promise.all([...new Set(streamIds)].map((id) => this.readStream(id)));
    return read
      .flat()
      .filter((e) => wanted.has(e.type) && e.globalPosition <= upTo)
      .sort((a, b) => a.globalPosition - b.globalPosition);
  }

  async readAll(after: number, limit: number): Promise<RecordedEvent[]> {
    this.assertOpen();
    validateReadAll(after, limit);
    // Log revision r holds globalPosition r + 1, so the events after `after` start at revision `after`.
    const records = await this.read(this.streams.log, { fromRevision: BigInt(after), maxCount: limit });
    return records.map((record) => decodeEvent(record));
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    const last = await this.readLast(this.streams.log);
    return last ? Number(last.revision) + 1 : 0;
  }

  async positionAt(time: Date): Promise<number> {
    this.assertOpen();
    validateTime(time);
    return scanPositionAt(this.client, this.streams.log, time);
  }

  async findCommand(commandId: string): Promise<CommandRecord | null> {
    this.assertOpen();
    if (typeof commandId !== 'string' || commandId.length === 0) return null;
    const [record] = await this.read(this.streams.command(commandId), { maxCount: 1 });
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

  /** Every PAR Ledger event after globalPosition `after`, then new ones as committed (kurrentSubscription.ts). */
  subscribe(after: number, onEvent: (event: RecordedEvent) => Promise<void> | void, options: KurrentSubscriptionOptions = {}): KurrentSubscription {
    this.assertOpen();
    const source = { client: this.client, logStream: this.streams.log, allPositionOf: (position: number) => this.allPositionOf(position) };
    const subscription = subscribeToLog(source, after, onEvent, options);
    const handle: KurrentSubscription = {
      done: subscription.done,
      stop: async () => {
        await subscription.stop();
        this.subscriptions.delete(handle);
      },
    };
    this.subscriptions.add(handle);
    void subscription.done.then(
      () => this.subscriptions.delete(handle),
      () => this.subscriptions.delete(handle),
    );
    return handle;
  }

  private async appendWithRetry(streamId: string, events: NewEvent[], metadata: EventMetadata, options: AppendOptions): Promise<RecordedEvent[]> {
    const stream = this.streams.aggregate(streamId);
    const { command, expectedVersion } = options;
    for (let attempt = 1; ; attempt++) {
      this.assertOpen();
      if (command) await this.throwIfRecorded(command.commandId);
      const current = expectedVersion === 'any' ? await this.streamVersion(stream) : expectedVersion;
      const head = this.head ?? (await this.readHead());
      const sealed = sealEvents(streamId, events, withCommitTime(metadata, head.recordedAt), {
        streamVersion: current,
        globalPosition: head.globalPosition,
        hash: head.hash,
      });
      const requests = this.streams.appendRequests(streamId, sealed, { logPosition: head.globalPosition, streamVersion: current }, command);

      try {
        await this.client.multiStreamAppend(requests);
        const last = sealed[sealed.length - 1];
        this.head = { globalPosition: last.globalPosition, hash: last.hash, recordedAt: last.metadata.recordedAt };
        return sealed;
      } catch (error) {
        this.head = null;
        if (error instanceof UnsupportedError) {
          throw new Error(
            `this KurrentDB server cannot append atomically to several streams (multiStreamAppend needs KurrentDB ${error.minimumVersion} or later)`,
            { cause: error },
          );
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
        throw new StoreContentionError(
          streamId,
          `append to ${streamId} gave up after ${attempt} attempts: other writers kept moving the log stream ${this.streams.log}`,
        );
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

  private async readHead(): Promise<LogHead> {
    const last = await this.readLast(this.streams.log);
    if (!last) return { globalPosition: 0, hash: GENESIS_HASH, recordedAt: null };
    const event = decodeEvent(last);
    if (event.globalPosition !== Number(last.revision) + 1) {
      throw new Error(`log stream ${this.streams.log} is inconsistent: revision ${last.revision} holds globalPosition ${event.globalPosition}`);
    }
    return { globalPosition: event.globalPosition, hash: event.hash, recordedAt: event.metadata.recordedAt };
  }

  /** The $all position to subscribe from so that the next event delivered follows globalPosition `after`. */
  private async allPositionOf(after: number): Promise<ReadPosition> {
    if (after === 0) return START;
    const [record] = await this.read(this.streams.log, { fromRevision: BigInt(after - 1), maxCount: 1 });
    // Servers before 22.6 do not return positions on stream reads: start over; delivery skips what was seen.
    return record?.position ?? START;
  }

  private readLast(stream: string): Promise<KurrentRecord | null> {
    return readLastRecord(this.client, stream);
  }

  private read(stream: string, options: ReadStreamOptions): Promise<KurrentRecord[]> {
    return readRecords(this.client, stream, options);
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
