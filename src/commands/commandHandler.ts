import { createHash, randomUUID } from 'node:crypto';
import { DomainError } from '../domain/errors';
import type { Decider } from '../domain/decider';
import { canonicalJson } from '../events/canonicalJson';
import type { Actor, EventMetadata, NewEvent, RecordedEvent } from '../events/envelope';
import { DuplicateCommandError, StoreContentionError, StreamVersionConflictError, type CommandRecord, type EventStore } from '../events/store/eventStore';
import { upcast } from '../events/upcasters';
import { AggregateCache, type VersionedState } from './aggregateCache';

/** What every mutation carries besides its input. */
export interface CommandEnvelope {
  actor: Actor;
  /** Client-chosen; the same id twice appends once. Generated when the client gives none. */
  commandId?: string | null;
  /** When given, the stream must still be at this version (optimistic UI); otherwise conflicts are retried. */
  expectedVersion?: number | null;
  correlationId?: string | null;
}

export interface CommandOutcome {
  /** The client's, or the one generated for it: a retry with it is safe (it replays instead of appending). */
  commandId: string;
  streamId: string;
  /** Global position of the command's last event: what read-your-writes waits for. */
  lastPosition: number;
  /** True when this commandId had been handled before and nothing new was appended. */
  replayed: boolean;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

interface HandlerOptions {
  /** How many streams' folded states are kept (least recently used dropped first); 0 turns the cache off. */
  cachedStreams?: number;
  /**
   * Deep-freezes every cached state, so code that mutated a state shared between commands would throw. On in
   * tests (jest sets NODE_ENV=test), so every suite that runs commands checks it; off in service for its cost.
   */
  freezeStates?: boolean;
  /** Told the events of every append this handler made, as the store sealed them (the service hands them to the projection runner). */
  onAppended?: (recorded: readonly RecordedEvent[]) => void;
}

interface CommandArgs<Command, Event extends NewEvent, State> {
  commandName: string;
  input: unknown;
  streamId: string;
  decider: Decider<Command, Event, State>;
  envelope: CommandEnvelope;
  /** Builds the command from the current state, loading whatever other streams it needs. Runs per attempt. */
  prepare: (state: State, now: Date) => Promise<Command> | Command;
}

type Fold<State> = Pick<Decider<never, never, State>, 'evolve' | 'initialState'>;

const MAX_ATTEMPTS = 5;

function fingerprintOf(commandName: string, input: unknown): string {
  return createHash('sha256')
    .update(canonicalJson({ commandName, input: input ?? null }))
    .digest('hex');
}

/**
 * Load → decide → append with the version read, the decider pattern's one impure step. A conflict means another
 * writer got there first: reload and decide again (bounded), unless the client pinned a version. Every event is
 * attributed to the actor and tied to the command; a repeated commandId returns the first outcome.
 *
 * Loads start from the state this handler last folded for the stream (AggregateCache) and read only the events
 * after its version, so a command costs the events since, not the whole stream. Every load still asks the store
 * for newer events: another process (or instance on the same PostgreSQL) may have written, and the streams a
 * command only reads (cycle, framework, agency) have no expected-version check on append to catch a stale copy.
 * The check on the decided stream's append stays the safety net: a conflict drops the cached entry.
 */
export class CommandHandler {
  private readonly cache: AggregateCache;
  private readonly onAppended: (recorded: readonly RecordedEvent[]) => void;

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock = systemClock,
    options: HandlerOptions = {},
  ) {
    this.cache = new AggregateCache(options.cachedStreams, options.freezeStates ?? process.env.NODE_ENV === 'test');
    this.onAppended = options.onAppended ?? (() => {});
  }

  now(): Date {
    return this.clock.now();
  }

  async handle<Command, Event extends NewEvent, State>(args: CommandArgs<Command, Event, State>): Promise<CommandOutcome> {
    const { envelope } = args;
    const commandId = envelope.commandId ?? randomUUID();
    const fingerprint = fingerprintOf(args.commandName, args.input);
    try {
      return await this.decideAndAppend(args, commandId, fingerprint);
    } catch (error) {
      // A repeat of a command handled before answers with its first outcome, even when deciding it again fails
      // now (the state moved on, by that very command perhaps). Looked up only then: a command sent the first
      // time costs no lookup (a round trip on PostgreSQL), and a repeat that decides again is caught by the
      // append, which refuses a known commandId (DuplicateCommandError, in the same transaction).
      if (!envelope.commandId || error instanceof DuplicateCommandError) throw error;
      const earlier = await this.store.findCommand(commandId).catch(() => null);
      if (earlier) return this.replay(earlier, fingerprint);
      throw error;
    }
  }

  private async decideAndAppend<Command, Event extends NewEvent, State>(
    args: CommandArgs<Command, Event, State>,
    commandId: string,
    fingerprint: string,
  ): Promise<CommandOutcome> {
    const { envelope, streamId, decider } = args;
    for (let attempt = 1; ; attempt++) {
      const { state, version } = await this.load(streamId, decider);
      if (envelope.expectedVersion !== null && envelope.expectedVersion !== undefined && envelope.expectedVersion !== version) {
        throw staleVersion(streamId, envelope.expectedVersion, version);
      }
      const now = this.clock.now();
      const command = await args.prepare(state, now);
      const events = decider.decide(command, state);
      const metadata: EventMetadata = {
        actor: envelope.actor,
        commandId,
        correlationId: envelope.correlationId ?? commandId,
        causationId: commandId,
        recordedAt: now.toISOString(),
      };
      try {
        const result = await this.store.append(streamId, events, { expectedVersion: version, metadata, command: { commandId, fingerprint } });
        this.remember(streamId, decider, { state, version }, result.events);
        this.onAppended(result.events);
        return { commandId, streamId, lastPosition: result.lastPosition, replayed: false };
      } catch (error) {
        if (error instanceof DuplicateCommandError) return this.replay(error.existing, fingerprint);
        // Never trusted over the store: whatever made the version stale, the next attempt reads the stream afresh.
        if (error instanceof StreamVersionConflictError) this.cache.forget(streamId);
        // Writers in other processes kept the log busy: nothing was appended, so it is retried like a conflict.
        const contended = error instanceof StoreContentionError;
        if (!contended && !(error instanceof StreamVersionConflictError)) throw error;
        if (!contended && envelope.expectedVersion !== null && envelope.expectedVersion !== undefined) {
          throw staleVersion(streamId, envelope.expectedVersion, (error as StreamVersionConflictError).actualVersion);
        }
        if (attempt >= MAX_ATTEMPTS) {
          throw new DomainError(
            'CONFLICT',
            `${streamId} kept changing while ${args.commandName} was decided (${attempt} attempts); try again with the same commandId`,
            undefined,
            {
              commandId,
            },
          );
        }
        // Contenders that retried at once would meet again: a short random pause spreads them out.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
  }

  /** One stream folded: the current state and the version it is at (the cached state plus the events since). */
  async load<State>(streamId: string, decider: Fold<State>): Promise<VersionedState<State>> {
    const cached = this.cache.get<State>(streamId, decider.evolve);
    if (cached) {
      const recorded = await this.store.readStream(streamId, cached.version);
      if (recorded.length === 0) return cached;
      if (recorded[0].streamVersion === cached.version + 1) return this.fold(streamId, decider, cached, recorded);
      // The store does not continue where the entry stopped: it is not the log the entry was folded from.
      this.cache.forget(streamId);
    }
    return this.fold(streamId, decider, { state: decider.initialState(), version: 0 }, await this.store.readStream(streamId));
  }

  private fold<State>(streamId: string, decider: Fold<State>, from: VersionedState<State>, recorded: readonly RecordedEvent[]): VersionedState<State> {
    const loaded = foldOnto(decider, from, recorded);
    this.cache.set(streamId, decider.evolve, loaded);
    return loaded;
  }

  /** What the stream is after this handler's own append: the decided-on state plus the events just sealed. */
  private remember<State>(streamId: string, decider: Fold<State>, decidedOn: VersionedState<State>, appended: RecordedEvent[]): void {
    try {
      if (appended.length > 0 && appended[0].streamVersion === decidedOn.version + 1) this.fold(streamId, decider, decidedOn, appended);
    } catch {
      // The append is committed: reporting it as failed would invite a retry. The next load reads the stream instead.
      this.cache.forget(streamId);
    }
  }

  private replay(record: CommandRecord, fingerprint: string): CommandOutcome {
    if (record.fingerprint !== fingerprint) {
      throw new DomainError('BAD_USER_INPUT', `commandId: ${record.commandId} was already used for a different request`, 'commandId');
    }
    return { commandId: record.commandId, streamId: record.streamId, lastPosition: record.lastPosition, replayed: true };
  }
}

function foldOnto<State>(decider: Fold<State>, from: VersionedState<State>, recorded: readonly RecordedEvent[]): VersionedState<State> {
  let state = from.state;
  for (const r of recorded) {
    const event = upcast(r);
    state = decider.evolve(state, event as never, event.metadata.recordedAt);
  }
  return { state, version: recorded.length === 0 ? from.version : recorded[recorded.length - 1].streamVersion };
}

function staleVersion(streamId: string, expected: number, actual: number): DomainError {
  return new DomainError('CONFLICT', `expectedVersion: ${streamId} is at version ${actual}, not ${expected}; reload and try again`, 'expectedVersion', {
    streamId,
    expectedVersion: expected,
    actualVersion: actual,
  });
}
