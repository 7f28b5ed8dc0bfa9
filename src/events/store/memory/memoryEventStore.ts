import { GENESIS_HASH, type NewEvent, type RecordedEvent } from '../../envelope';
import { DuplicateCommandError, StreamVersionConflictError, type AppendOptions, type AppendResult, type CommandRecord, type EventStore } from '../eventStore';
import { sealEvents } from '../../hashChain';
import {
  AppendListeners,
  type AppendListener,
  toStoredEvent,
  toStoredMetadata,
  validateAfterVersion,
  validateAppend,
  validateReadAll,
  validateTime,
  withCommitTime,
} from '../appendRules';

/**
 * The event log in process memory, for tests. It behaves like the persistent adapters: data goes through
 * canonical JSON on the way in (so what a test reads back is what SQLite would give back), and what it hands
 * out is deep-frozen, so a caller mutating an event fails loudly instead of silently rewriting history.
 */
export class MemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly commands = new Map<string, CommandRecord>();
  private readonly listeners = new AppendListeners();
  private closed = false;

  /** `history`: a log carried over, sealed elsewhere (tests of logs written by older builds). */
  constructor(history: readonly RecordedEvent[] = []) {
    for (const event of history) {
      const frozen = deepFreeze(structuredClone(event));
      this.log.push(frozen);
      this.streams.set(event.streamId, [...(this.streams.get(event.streamId) ?? []), frozen]);
    }
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    validateAppend(streamId, events, options);
    const stored = events.map(toStoredEvent);
    const metadata = toStoredMetadata(options.metadata);
    // Everything below runs synchronously, so no other append can interleave: that is this adapter's lock.
    const command = options.command;
    if (command) {
      const existing = this.commands.get(command.commandId);
      if (existing) throw new DuplicateCommandError({ ...existing });
    }
    const stream = this.streams.get(streamId) ?? [];
    const actual = stream.length;
    if (options.expectedVersion !== 'any' && options.expectedVersion !== actual) {
      throw new StreamVersionConflictError(streamId, options.expectedVersion, actual);
    }
    const head = this.log[this.log.length - 1];
    const sealed = sealEvents(streamId, stored, withCommitTime(metadata, head?.metadata.recordedAt), {
      streamVersion: actual,
      globalPosition: head?.globalPosition ?? 0,
      hash: head?.hash ?? GENESIS_HASH,
    }).map((event) => deepFreeze(event));

    this.log.push(...sealed);
    stream.push(...sealed);
    this.streams.set(streamId, stream);
    const firstPosition = sealed[0].globalPosition;
    const lastPosition = sealed[sealed.length - 1].globalPosition;
    if (command) {
      this.commands.set(command.commandId, { commandId: command.commandId, fingerprint: command.fingerprint, streamId, firstPosition, lastPosition });
    }
    this.listeners.notify();
    return { streamId, streamVersion: actual + sealed.length, firstPosition, lastPosition, events: [...sealed] };
  }

  async readStream(streamId: string, afterVersion = 0): Promise<RecordedEvent[]> {
    this.assertOpen();
    validateAfterVersion(afterVersion);
    // Versions are gapless from 1, so version v sits at index v - 1.
    return (this.streams.get(streamId) ?? []).slice(afterVersion);
  }

  async readStreamsOfTypes(streamIds: readonly string[], types: readonly string[], upTo: number): Promise<RecordedEvent[]> {
    this.assertOpen();
    const wanted = new Set(types);
    return [...new Set(streamIds)]
      .flatMap((id) => this.streams.get(id) ?? [])
      .filter((e) => wanted.has(e.type) && e.globalPosition <= upTo)
      .sort((a, b) => a.globalPosition - b.globalPosition);
  }

  async readAll(after: number, limit: number): Promise<RecordedEvent[]> {
    this.assertOpen();
    validateReadAll(after, limit);
    // Positions are gapless from 1, so position p sits at index p - 1.
    return this.log.slice(after, after + limit);
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.log.length;
  }

  async positionAt(time: Date): Promise<number> {
    this.assertOpen();
    validateTime(time);
    const limit = time.toISOString();
    const later = this.log.findIndex((event) => !(event.metadata.recordedAt <= limit));
    return later === -1 ? this.log.length : later;
  }

  async findCommand(commandId: string): Promise<CommandRecord | null> {
    this.assertOpen();
    const record = this.commands.get(commandId);
    return record ? { ...record } : null;
  }

  onAppend(listener: AppendListener): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('event store is closed');
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
