import type { NewEvent } from '../../src/events/envelope';
import { fold, type Decider, type TimedEvent } from '../../src/domain/decider';
import { DomainError, type ErrorCode } from '../../src/domain/errors';

/** The time given events are recorded at unless a test says otherwise. */
export const GIVEN_AT = '2025-01-15T08:00:00.000Z';

type Given<E> = E | TimedEvent<E>;

const isTimed = <E>(e: Given<E>): e is TimedEvent<E> => typeof e === 'object' && e !== null && 'event' in e && 'recordedAt' in e;

export function timed<E>(events: readonly Given<E>[]): TimedEvent<E>[] {
  return events.map((e) => (isTimed(e) ? e : { event: e, recordedAt: GIVEN_AT }));
}

/** Runs `fn` and returns the DomainError it throws; fails the test when it throws nothing or something else. */
export function domainErrorOf(fn: () => unknown): DomainError {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  if (thrown === undefined) throw new Error('expected a DomainError, but nothing was thrown');
  if (!(thrown instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(thrown)}`);
  return thrown;
}

export interface Then<E extends NewEvent, S> {
  /** The state folded from the given events. */
  state: S;
  /** Decides and returns the events (fails the test if the decider throws). */
  events(): E[];
  then(expected: E[]): E[];
  /** Expects a DomainError with this code and (when given; pass `undefined` to require none) field; returns it. */
  thenError(code: ErrorCode, ...field: [] | [string | undefined]): DomainError;
}

/**
 * Emmett-style specification: `given(events).when(command).then(events)` or `.thenError(code, field)`.
 * Given events may be plain (recorded at GIVEN_AT) or `{ event, recordedAt }`.
 */
export function specFor<C, E extends NewEvent, S>(decider: Decider<C, E, S>) {
  return {
    given(events: readonly Given<E>[] = []) {
      const state = fold(decider, timed(events));
      return {
        state,
        when(command: C): Then<E, S> {
          return {
            state,
            events: () => decider.decide(command, state),
            then(expected) {
              const actual = decider.decide(command, state);
              expect(actual).toEqual(expected);
              return actual;
            },
            thenError(code, ...rest) {
              const error = domainErrorOf(() => decider.decide(command, state));
              expect({ code: error.code, message: error.message }).toEqual({ code, message: expect.any(String) });
              if (rest.length > 0) expect(error.field).toBe(rest[0]);
              return error;
            },
          };
        },
      };
    },
  };
}

/** Asserts an event's type and narrows it, so its data can be read. */
export function ofType<E extends NewEvent, T extends E['type']>(event: E | undefined, type: T): Extract<E, { type: T }> {
  expect(event?.type).toBe(type);
  return event as Extract<E, { type: T }>;
}
