import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from './canonicalJson';
import { GENESIS_HASH, type EventMetadata, type NewEvent, type RecordedEvent } from './envelope';
import { CorruptEventError, storedTextOf } from './storedEvent';

export function hashEvent(event: Omit<RecordedEvent, 'hash'>): string {
  const { prevHash, ...rest } = event;
  return createHash('sha256')
    .update(prevHash)
    .update(canonicalJson({ ...rest, prevHash }))
    .digest('hex');
}

/** A new event, with its data's canonical text when the adapter already built it (toStoredEvent). */
export type SealableEvent = NewEvent & { dataText?: string };

interface CanonicalTexts {
  data: string;
  metadata: string;
}

/*
 * The texts each event was hashed over, kept from sealing so that the adapter writes them without serialising
 * again. Beside the event rather than on it, like storedEvent.ts's texts: a WeakMap lets them go with the event.
 */
const sealedTexts = new WeakMap<RecordedEvent, CanonicalTexts>();

/** Values whose canonical text is already known: metadata as the adapter prepared it, before sealing. */
const knownTexts = new WeakMap<object, string>();

/** Remembers `text` as the canonical JSON of `value`, which nobody may change afterwards. */
export function withCanonicalText<T extends object>(value: T, text: string): T {
  knownTexts.set(value, text);
  return value;
}

/** The canonical JSON of an event's data and metadata: as hashed when this process sealed it, else built now. */
export function canonicalTextsOf(event: RecordedEvent): CanonicalTexts {
  return sealedTexts.get(event) ?? { data: canonicalJson(event.data), metadata: canonicalJson(event.metadata) };
}

/**
 * Gives new events their identity, positions and links in the chain. Every adapter seals through this one
 * function, inside its own atomic append, so all stores produce the same chain for the same history.
 */
export function sealEvents(
  streamId: string,
  events: readonly SealableEvent[],
  metadata: EventMetadata,
  after: { streamVersion: number; globalPosition: number; hash: string },
): RecordedEvent[] {
  const sealed: RecordedEvent[] = [];
  // Once per append, not per event; known already unless the commit time moved it (withCommitTime copies it then).
  const metadataText = knownTexts.get(metadata) ?? canonicalJson(metadata);
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
    const texts = { data: event.dataText ?? canonicalJson(event.data), metadata: metadataText };
    const hash = hashFromTexts(unsealed, texts);
    const recorded = { ...unsealed, hash };
    sealedTexts.set(recorded, texts);
    sealed.push(recorded);
    prevHash = hash;
  });
  return sealed;
}

/**
 * hashEvent with the data and metadata already in canonical form: the same canonical text of the whole envelope,
 * put together from its parts (keys in RFC 8785 order) instead of serialising data and metadata once more.
 */
function hashFromTexts(event: Omit<RecordedEvent, 'hash'>, texts: CanonicalTexts): string {
  const { eventId, streamId, type, prevHash, globalPosition, streamVersion, schemaVersion } = event;
  const plain =
    [eventId, streamId, type, prevHash].every((v) => typeof v === 'string') && [globalPosition, streamVersion, schemaVersion].every(Number.isSafeInteger);
  if (!plain) return hashEvent(event);
  const text =
    `{"data":${texts.data},"eventId":${JSON.stringify(eventId)},"globalPosition":${globalPosition},"metadata":${texts.metadata},` +
    `"prevHash":${JSON.stringify(prevHash)},"schemaVersion":${schemaVersion},"streamId":${JSON.stringify(streamId)},"streamVersion":${streamVersion},` +
    `"type":${JSON.stringify(type)}}`;
  return createHash('sha256').update(prevHash).update(text).digest('hex');
}

interface ChainBreak {
  globalPosition: number;
  reason: string;
}

export interface ChainVerification {
  /** Events known intact from the start of the log: the position of the last one. */
  checked: number;
  /** Hash of the last intact event (the genesis hash for an empty log). */
  headHash: string;
  firstBreak: ChainBreak | null;
}

/** An event already verified, to continue from instead of the genesis. */
export interface VerifiedHead {
  position: number;
  hash: string;
  /** Its own prevHash, so that the event itself can be checked again later (a cheap rewrite check). */
  prevHash: string;
}

export const GENESIS_HEAD: VerifiedHead = { position: 0, hash: GENESIS_HASH, prevHash: '' };

type ReadAll = (after: number, limit: number) => Promise<RecordedEvent[]>;

/**
 * Walks the log in global order from the genesis and reports the first event whose position, link, content
 * or stored form does not match. A row that cannot even be decoded (CorruptEventError) is a break at its
 * position, after the rows before it have been checked.
 */
export async function verifyChain(readAll: ReadAll, batchSize = 1000): Promise<ChainVerification> {
  const { checked, headHash, firstBreak } = await walkChain(readAll, batchSize, GENESIS_HEAD);
  return { checked, headHash, firstBreak };
}

/** verifyChain from any verified head; also gives the last intact event as a head to continue from later. */
export async function walkChain(readAll: ReadAll, batchSize: number, from: VerifiedHead): Promise<ChainVerification & { head: VerifiedHead }> {
  let head = from;
  let limit = batchSize;
  const result = (firstBreak: ChainBreak | null) => ({ checked: head.position, headHash: head.hash, firstBreak, head });
  for (;;) {
    let batch: RecordedEvent[];
    try {
      batch = await readAll(head.position, limit);
    } catch (error) {
      if (!(error instanceof CorruptEventError)) throw error;
      // The decodable rows before it came in the same batch: read just those, so an earlier break wins.
      const before = Math.min(limit - 1, error.globalPosition === null ? 1 : error.globalPosition - head.position - 1);
      if (before > 0) {
        limit = before;
        continue;
      }
      return result(undecodable(error, head.position));
    }
    if (batch.length === 0) return result(null);
    for (const event of batch) {
      const problem = checkEvent(event, head.position, head.hash);
      if (problem) return result(problem);
      head = { position: event.globalPosition, hash: event.hash, prevHash: event.prevHash };
    }
  }
}

/** Why `event`, read after `position` whose hash is `expectedPrev`, breaks the chain; null when it does not. */
export function checkEvent(event: RecordedEvent, position: number, expectedPrev: string): ChainBreak | null {
  const next = position + 1;
  if (event.globalPosition !== next) {
    const reason =
      event.globalPosition > next
        ? `missing event: next stored position is ${event.globalPosition}`
        : `position ${event.globalPosition} is out of order or repeated after ${position}`;
    return { globalPosition: next, reason };
  }
  if (event.prevHash !== expectedPrev) return { globalPosition: next, reason: 'prevHash does not link to the previous event' };
  const { hash, ...rest } = event;
  if (hashEvent(rest) !== hash) return { globalPosition: next, reason: 'content does not match its hash' };
  const stored = storedTextOf(event);
  // Same value, other bytes (an escape spelled differently, 1e021 for 1e+21): the hash cannot see it, this can.
  if (stored?.data !== undefined && stored.data !== canonicalJson(event.data)) {
    return { globalPosition: next, reason: 'data is not stored in its canonical form' };
  }
  if (stored?.metadata !== undefined && stored.metadata !== canonicalJson(event.metadata)) {
    return { globalPosition: next, reason: 'metadata is not stored in its canonical form' };
  }
  return null;
}

function undecodable(error: CorruptEventError, position: number): ChainBreak {
  const next = position + 1;
  if (error.globalPosition === next) return { globalPosition: next, reason: `cannot be decoded: ${error.reason}` };
  const where = error.globalPosition === null ? 'the next stored row' : `the next stored row (position ${error.globalPosition})`;
  return { globalPosition: next, reason: `missing event: ${where} cannot be decoded: ${error.reason}` };
}
