import { createHash, randomUUID } from 'node:crypto';
import { DomainError } from '../domain/errors';
import type { Decider } from '../domain/decider';
import { canonicalJson } from '../events/canonicalJson';
import type { Actor, EventMetadata, NewEvent } from '../events/envelope';
import { DuplicateCommandError, StoreContentionError, StreamVersionConflictError, type CommandRecord, type EventStore } from '../events/store/eventStore';
import { upcast } from '../events/upcasters';

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
 */
export class CommandHandler {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock = systemClock,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  async handle<Command, Event extends NewEvent, State>(args: {
    commandName: string;
    input: unknown;
    streamId: string;
    decider: Decider<Command, Event, State>;
    envelope: CommandEnvelope;
    /** Builds the command from the current state, loading whatever other streams it needs. Runs per attempt. */
    prepare: (state: State, now: Date) => Promise<Command> | Command;
  }): Promise<CommandOutcome> {
    const { envelope, streamId, decider } = args;
    const commandId = envelope.commandId ?? randomUUID();
    const fingerprint = fingerprintOf(args.commandName, args.input);

    const earlier = envelope.commandId ? await this.store.findCommand(commandId) : null;
    if (earlier) return this.replay(earlier, fingerprint);

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
        return { commandId, streamId, lastPosition: result.lastPosition, replayed: false };
      } catch (error) {
        if (error instanceof DuplicateCommandError) return this.replay(error.existing, fingerprint);
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

  /** Reads one stream and folds it: the current state and the version it is at. */
  async load<State>(streamId: string, decider: Pick<Decider<never, never, State>, 'evolve' | 'initialState'>): Promise<{ state: State; version: number }> {
    const recorded = await this.store.readStream(streamId);
    let state = decider.initialState();
    for (const r of recorded) {
      const event = upcast(r);
      state = decider.evolve(state, event as never, event.metadata.recordedAt);
    }
    return { state, version: recorded.length === 0 ? 0 : recorded[recorded.length - 1].streamVersion };
  }

  private replay(record: CommandRecord, fingerprint: string): CommandOutcome {
    if (record.fingerprint !== fingerprint) {
      throw new DomainError('BAD_USER_INPUT', `commandId: ${record.commandId} was already used for a different request`, 'commandId');
    }
    return { commandId: record.commandId, streamId: record.streamId, lastPosition: record.lastPosition, replayed: true };
  }
}

function staleVersion(streamId: string, expected: number, actual: number): DomainError {
  return new DomainError('CONFLICT', `expectedVersion: ${streamId} is at version ${actual}, not ${expected}; reload and try again`, 'expectedVersion', {
    streamId,
    expectedVersion: expected,
    actualVersion: actual,
  });
}
