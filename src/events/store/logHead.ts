import { GENESIS_HASH, type EventMetadata, type NewEvent, type RecordedEvent } from '../envelope';
import { sealEvents } from '../hashChain';
import { recordedAtOf, withCommitTime } from './appendRules';

/** Where the next append goes: the last event's position and hash, and its commit time (the next one's floor). */
export interface LogHead {
  position: number;
  hash: string;
  recordedAt: string | null;
}

/** The head as a store answers it (the last event's position, hash and metadata text); the genesis for none. */
export function logHeadOf(last: { position: number | string; hash: string; metadata: string | null } | null | undefined): LogHead {
  return last
    ? { position: Number(last.position), hash: last.hash, recordedAt: recordedAtOf(last.metadata) }
    : { position: 0, hash: GENESIS_HASH, recordedAt: null };
}

/** The head once `event` is written. */
export function headAfter(event: RecordedEvent): LogHead {
  return { position: event.globalPosition, hash: event.hash, recordedAt: event.metadata.recordedAt };
}

/** An append's events sealed on top of `head`, the first at `streamVersion` + 1 of its stream. */
export function sealOnHead(head: LogHead, streamId: string, events: NewEvent[], metadata: EventMetadata, streamVersion: number): RecordedEvent[] {
  return sealEvents(streamId, events, withCommitTime(metadata, head.recordedAt), { streamVersion, globalPosition: head.position, hash: head.hash });
}
