import { event, type ParEventData, type ParEventType, type RecordedParEvent } from '../../src/events/parEvents';

/** Makes recorded events as the runner hands them to a projector; only type, data and recordedAt matter to one. */
export interface EventRecorder {
  <T extends ParEventType>(type: T, data: ParEventData<T>, recordedAt?: string): RecordedParEvent;
  /** Starts the positions (and the default times) again from the first event. */
  reset(): void;
}

/**
 * Recorded events numbered 1, 2, 3, … at `start` + n × `stepMs` unless a time is given, in the stream `streamId`
 * names (one stream by default).
 */
export function eventRecorder(options: { start: string; stepMs: number; streamId?: (type: ParEventType, data: unknown) => string }): EventRecorder {
  let position = 0;
  const recorded = <T extends ParEventType>(type: T, data: ParEventData<T>, recordedAt?: string): RecordedParEvent => {
    position++;
    return {
      ...event(type, data),
      eventId: `e${position}`,
      streamId: options.streamId?.(type, data) ?? 'test',
      streamVersion: position,
      globalPosition: position,
      metadata: {
        actor: { sub: 'snv', name: 'SNV', agency: 'SNV', roles: ['COORDINATOR'] },
        commandId: `c${position}`,
        correlationId: `c${position}`,
        causationId: `c${position}`,
        recordedAt: recordedAt ?? new Date(Date.parse(options.start) + position * options.stepMs).toISOString(),
      },
      prevHash: '',
      hash: '',
    } as RecordedParEvent;
  };
  return Object.assign(recorded, { reset: () => void (position = 0) });
}
