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
 * The event log. Adapters: memory (tests), SQLite (embedded default); server adapters follow the same
 * contract (test/contract/eventStore.contract.ts).
 */
export interface EventStore {
  /** Appends atomically, all or nothing; rejects with StreamVersionConflictError or DuplicateCommandError. */
  append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /** All events of one stream in version order; [] for a stream that does not exist. */
  readStream(streamId: string): Promise<RecordedEvent[]>;
  /** Events with globalPosition > `after`, in global order, at most `limit`. */
  readAll(after: number, limit: number): Promise<RecordedEvent[]>;
  /** The globalPosition of the last event, 0 when empty. */
  headPosition(): Promise<number>;
  /** What an earlier append recorded for this commandId, or null. */
  findCommand(commandId: string): Promise<CommandRecord | null>;
  /**
   * A hint that new events may be there, called after each append this process makes. Followers also poll,
   * so appends by other processes are seen too. Returns the function that stops listening.
   */
  onAppend(listener: () => void): () => void;
  close(): Promise<void>;
}
