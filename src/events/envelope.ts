/** Who did something: copied from the verified JWT into every event's metadata. */
export interface Actor {
  sub: string;
  name: string;
  agency: string | null;
  roles: string[];
}

export interface EventMetadata {
  actor: Actor;
  commandId: string;
  correlationId: string;
  causationId: string;
  recordedAt: string; // ISO 8601, set by the command handler's clock
}

/** What a decider emits: a type and its payload; the store adds identity, order and the chain. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  type: Type;
  schemaVersion: number;
  data: Data;
}

/** An event as stored: immutable, ordered per stream and globally, chained by hash. */
export interface RecordedEvent<Type extends string = string, Data = unknown> {
  eventId: string;
  streamId: string;
  streamVersion: number; // 1-based per stream
  globalPosition: number; // 1-based, store order, no gaps
  type: Type;
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
