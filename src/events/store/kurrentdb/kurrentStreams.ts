/**
 * The KurrentDB streams a store writes and the one atomic request an append sends them (README.md in this folder:
 * the aggregate stream, the ordered log, and a command stream that makes a command id unique).
 */
import { NO_STREAM, type AppendStreamRequest } from '@kurrent/kurrentdb-client';
import type { NewEvent, RecordedEvent } from '../../envelope';
import { validateAppend } from '../appendRules';
import type { AppendOptions, CommandRecord } from '../eventStore';
import { derivedUuid, expectedState, toCommandData, toEventData } from './kurrentEnvelope';

/** Names this adapter owns; an aggregate stream may not use them. */
const RESERVED_PREFIX = 'par-ledger-';

/** Every stream name of one store starts with its namespace ('' in production). */
export class KurrentStreams {
  /** The ordered log, the single sequencer: globalPosition = log revision + 1. */
  readonly log: string;

  constructor(private readonly namespace: string) {
    this.log = `${namespace}${RESERVED_PREFIX}log`;
  }

  aggregate(streamId: string): string {
    return `${this.namespace}${streamId}`;
  }

  command(commandId: string): string {
    return `${this.namespace}${RESERVED_PREFIX}command-${commandId}`;
  }

  /**
   * One append's writes, for one multiStreamAppend: the sealed events to the log (expected at the head they were
   * sealed on) and to the aggregate stream (expected at `streamVersion`), and with a command its record, to a
   * stream that must not exist yet.
   */
  appendRequests(
    streamId: string,
    sealed: RecordedEvent[],
    expected: { logPosition: number; streamVersion: number },
    command: AppendOptions['command'],
  ): AppendStreamRequest[] {
    const requests: AppendStreamRequest[] = [
      {
        streamName: this.log,
        expectedState: expectedState(expected.logPosition),
        events: sealed.map((event) => toEventData(event, derivedUuid(`log:${event.eventId}`))),
      },
      {
        streamName: this.aggregate(streamId),
        expectedState: expectedState(expected.streamVersion),
        events: sealed.map((event) => toEventData(event, event.eventId)),
      },
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
        streamName: this.command(command.commandId),
        expectedState: NO_STREAM,
        events: [toCommandData(record, derivedUuid(`command:${this.namespace}${command.commandId}`))],
      });
    }
    return requests;
  }
}

/** The shared rules, plus this adapter's own: names it reserves, and a command id it can name a stream after. */
export function validateKurrentAppend(streamId: string, events: NewEvent[], options: AppendOptions): void {
  validateAppend(streamId, events, options);
  if (isReserved(streamId)) throw new TypeError(`stream ${streamId} is reserved (names starting with ${RESERVED_PREFIX} or $)`);
  if (options.command && (typeof options.command.commandId !== 'string' || options.command.commandId.length === 0)) {
    throw new TypeError('commandId must be a non-empty string');
  }
}

export function isReserved(streamId: string): boolean {
  return streamId.startsWith(RESERVED_PREFIX) || streamId.startsWith('$');
}
