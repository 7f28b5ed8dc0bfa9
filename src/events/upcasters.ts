import type { RecordedEvent } from './envelope';
import { CURRENT_SCHEMA_VERSION, type ParEventType, type RecordedParEvent } from './parEvents';

/** Turns the data of `type` at `fromVersion` into the shape of `fromVersion + 1`. */
export type Upcaster = (data: unknown) => unknown;

export type UpcasterRegistry = Partial<Record<string, Record<number, Upcaster>>>;

/** None yet: every event type is still at schema version 1. Add `{ Type: { 1: v1ToV2 } }` when one changes. */
export const upcasters: UpcasterRegistry = {};

/**
 * Brings a stored event to the current schema of its type. Readers (command handler, projections) always
 * upcast; the stored event and its hash never change.
 */
export function upcast(event: RecordedEvent, registry: UpcasterRegistry = upcasters, current: Record<string, number> = CURRENT_SCHEMA_VERSION): RecordedParEvent {
  const target = current[event.type as ParEventType];
  if (target === undefined) throw new Error(`unknown event type ${event.type} at position ${event.globalPosition}`);
  let { data, schemaVersion } = event;
  while (schemaVersion < target) {
    const step = registry[event.type]?.[schemaVersion];
    if (!step) throw new Error(`no upcaster for ${event.type} from schema version ${schemaVersion}`);
    data = step(data);
    schemaVersion++;
  }
  if (schemaVersion > target) {
    throw new Error(`${event.type} at position ${event.globalPosition} has schema version ${schemaVersion}, newer than this build (${target})`);
  }
  return { ...event, data, schemaVersion } as RecordedParEvent;
}
