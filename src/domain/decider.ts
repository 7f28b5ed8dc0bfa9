import type { NewEvent } from '../events/envelope';

/**
 * The write-side shape every aggregate follows: pure functions only, so each rule is tested as
 * "given these events, when this command, then these events (or this error)". `evolve` gets the time the event
 * was recorded because some state (submittedAt, finalizedAt) is about when, and the payload does not repeat it.
 */
export interface Decider<Command, Event extends NewEvent, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event, recordedAt: string): State;
  initialState(): State;
}

export interface TimedEvent<Event> {
  event: Event;
  recordedAt: string;
}

export function fold<Event extends NewEvent, State>(
  decider: Pick<Decider<never, Event, State>, 'evolve' | 'initialState'>,
  events: readonly TimedEvent<Event>[],
): State {
  return events.reduce((state, e) => decider.evolve(state, e.event, e.recordedAt), decider.initialState());
}
