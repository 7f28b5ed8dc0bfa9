import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from './canonicalJson';
import { GENESIS_HASH, type EventMetadata, type NewEvent, type RecordedEvent } from './envelope';

export function hashEvent(event: Omit<RecordedEvent, 'hash'>): string {
  const { prevHash, ...rest } = event;
  return createHash('sha256').update(prevHash).update(canonicalJson({ ...rest, prevHash })).digest('hex');
}

/**
 * Gives new events their identity, positions and links in the chain. Every adapter seals through this one
 * function, inside its own atomic append, so all stores produce the same chain for the same history.
 */
export function sealEvents(
  streamId: string,
  events: NewEvent[],
  metadata: EventMetadata,
  after: { streamVersion: number; globalPosition: number; hash: string },
): RecordedEvent[] {
  const sealed: RecordedEvent[] = [];
  let prevHash = after.hash;
  events.forEach((event, i) => {
    const unsealed: Omit<RecordedEvent, 'hash'> = {
      eventId: randomUUID(),
      streamId,
      streamVersion: after.streamVersion + i + 1,
      globalPosition: after.globalPosition + i + 1,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      metadata,
      prevHash,
    };
    const hash = hashEvent(unsealed);
    sealed.push({ ...unsealed, hash });
    prevHash = hash;
  });
  return sealed;
}

export interface ChainBreak {
  globalPosition: number;
  reason: string;
}

export interface ChainVerification {
  checked: number;
  headHash: string;
  firstBreak: ChainBreak | null;
}

/** Walks the log in global order and reports the first event whose link or content does not match. */
export async function verifyChain(
  readAll: (after: number, limit: number) => Promise<RecordedEvent[]>,
  batchSize = 1000,
): Promise<ChainVerification> {
  let expectedPrev = GENESIS_HASH;
  let position = 0;
  let checked = 0;
  for (;;) {
    const batch = await readAll(position, batchSize);
    if (batch.length === 0) break;
    for (const event of batch) {
      if (event.globalPosition !== position + 1) {
        return { checked, headHash: expectedPrev, firstBreak: { globalPosition: position + 1, reason: `missing event: next stored position is ${event.globalPosition}` } };
      }
      if (event.prevHash !== expectedPrev) {
        return { checked, headHash: expectedPrev, firstBreak: { globalPosition: event.globalPosition, reason: 'prevHash does not link to the previous event' } };
      }
      const { hash, ...rest } = event;
      if (hashEvent(rest) !== hash) {
        return { checked, headHash: expectedPrev, firstBreak: { globalPosition: event.globalPosition, reason: 'content does not match its hash' } };
      }
      expectedPrev = hash;
      position = event.globalPosition;
      checked++;
    }
  }
  return { checked, headHash: expectedPrev, firstBreak: null };
}
