import type { EventMetadata, NewEvent, RecordedEvent } from '../envelope';

/**
 * `expectedVersion` is the stream version the caller decided on: 0 means "the stream must not exist yet",
 * n means "the last event of the stream must have version n", 'any' skips the check.
 */
export type ExpectedVersion = number | 'any';

export interface CommandRecord {
  commandId: string;
  /** Hash of what was asked, so a reused commandId with a different request is told apart from a retry. */
  fingerprint: string;
  streamId: string;
  firstPosition: number;
  lastPosition: number;
}

export interface AppendOptions {
  expectedVersion: ExpectedVersion;
  /** Shared by every event of the append (actor, commandId, correlation, time). */
  metadata: EventMetadata;
  /** When given, the append records the command so that the same commandId never appends twice. */
  command?: { commandId: string; fingerprint: string };
}

export interface AppendResult {
  streamId: string;
  /** The stream version after the append. */
  streamVersion: number;
  firstPosition: number;
  lastPosition: number;
  events: RecordedEvent[];
}

/** The stream moved since the caller read it. */
export class StreamVersionConflictError extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: ExpectedVersion,
    readonly actualVersion: number,
  ) {
    super(`stream ${streamId} is at version ${actualVersion}, expected ${expectedVersion}`);
    this.name = 'StreamVersionConflictError';
  }
}

/** The commandId was already recorded: nothing was appended; `existing` says what the first one did. */
export class DuplicateCommandError extends Error {
  constructor(readonly existing: CommandRecord) {
    super(`command ${existing.commandId} was already handled`);
    this.name = 'DuplicateCommandError';
  }
}

/**
 * Other writers kept moving the log while this append waited its turn (writers in other processes: appends of one
 * process never contend with each other). Nothing was appended; trying again is safe.
 */
export class StoreContentionError extends Error {
  constructor(
    readonly streamId: string,
    message: string,
  ) {
    super(message);
    this.name = 'StoreContentionError';
  }
}

/**
 * The event log. Adapters: memory (tests), SQLite (embedded default); server adapters follow the same
 * contract (test/contract/eventStore.contract.ts).
 */
export interface EventStore {
  /**
   * Appends atomically, all or nothing; rejects with StreamVersionConflictError or DuplicateCommandError (or, when
   * writers in other processes never let it through, StoreContentionError). Any number of appends may be in flight
   * at once; none of them fails because of the others. Each event's `metadata.recordedAt` is the later of the time
   * given and the head event's, so commit times never go backwards along the log.
   */
  append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /**
   * The events of one stream with streamVersion > `afterVersion` (0: all of them), in version order; [] for a
   * stream that does not exist or has nothing after that version. A caller holding a stream's state at version v
   * reads only what came after it.
   */
  readStream(streamId: string, afterVersion?: number): Promise<RecordedEvent[]>;
  /**
   * The events of these streams whose type is one of `types` and whose position is at most `upTo`, in global
   * order. For readers folding a few event types of many streams (an as-of ranking reads every participant's
   * stream for its finalisations): where the store can, the other events are neither read nor decoded.
   */
  readStreamsOfTypes(streamIds: readonly string[], types: readonly string[], upTo: number): Promise<RecordedEvent[]>;
  /** Events with globalPosition > `after`, in global order, at most `limit`. */
  readAll(after: number, limit: number): Promise<RecordedEvent[]>;
  /** The globalPosition of the last event, 0 when empty. */
  headPosition(): Promise<number>;
  /**
   * The last position p such that every event at or before p was recorded at or before `time` (0 when the first
   * was not): the prefix of the log committed by then. New appends record monotonic commit times, so this is
   * "everything recorded by then"; on an older log whose times go back and forth it is still a prefix.
   */
  positionAt(time: Date): Promise<number>;
  /** What an earlier append recorded for this commandId, or null. */
  findCommand(commandId: string): Promise<CommandRecord | null>;
  /**
   * A hint that new events may be there, called after each append this process makes. Followers also poll,
   * so appends by other processes are seen too. Returns the function that stops listening.
   */
  onAppend(listener: () => void): () => void;
  close(): Promise<void>;
}
