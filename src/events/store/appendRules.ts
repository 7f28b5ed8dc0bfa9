import { canonicalJson } from '../canonicalJson';
import type { EventMetadata, NewEvent } from '../envelope';
import { withCanonicalText, type SealableEvent } from '../hashChain';
import type { AppendOptions, ExpectedVersion } from './eventStore';

/** An in-process hint that the log grew (see EventStore.onAppend). */
export type AppendListener = () => void;

// Every adapter applies these same rules before touching its store; the contract suite holds them all to it.

export function validateAppend(streamId: string, events: NewEvent[], options: AppendOptions): void {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new TypeError('streamId must be a non-empty string');
  if (!Array.isArray(events) || events.length === 0) throw new TypeError('append needs at least one event');
  for (const event of events) {
    if (typeof event.type !== 'string' || event.type.length === 0) throw new TypeError('event type must be a non-empty string');
    if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) throw new TypeError(`schemaVersion of ${event.type} must be a positive integer`);
  }
  assertExpectedVersion(options.expectedVersion);
}

function assertExpectedVersion(expected: ExpectedVersion): void {
  if (expected !== 'any' && !(Number.isInteger(expected) && expected >= 0)) {
    throw new TypeError(`expectedVersion must be a non-negative integer or 'any', got ${String(expected)}`);
  }
}

export function validateTime(time: Date): void {
  if (!(time instanceof Date) || Number.isNaN(time.getTime())) throw new TypeError(`time must be a valid Date, got ${String(time)}`);
}

/**
 * The metadata an append seals: its recordedAt no earlier than the head event's, so that commit times never go
 * backwards along the log (another instance's clock may be behind, or this one's may step back) and "everything
 * recorded by time t" is a prefix. One metadata object is shared by the append's events and hashed with them, so
 * it is adjusted before sealing, never after. An unreadable head time (a tampered row) sets no floor.
 */
export function withCommitTime(metadata: EventMetadata, headRecordedAt: string | null | undefined): EventMetadata {
  if (typeof headRecordedAt !== 'string') return metadata;
  const head = Date.parse(headRecordedAt);
  const given = Date.parse(metadata.recordedAt);
  if (Number.isNaN(head) || (!Number.isNaN(given) && given >= head)) return metadata;
  return { ...metadata, recordedAt: headRecordedAt };
}

/** The recordedAt of stored metadata text, or null when it cannot be read. */
export function recordedAtOf(metadataText: string | null | undefined): string | null {
  if (typeof metadataText !== 'string') return null;
  try {
    const value = (JSON.parse(metadataText) as { recordedAt?: unknown }).recordedAt;
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function validateAfterVersion(afterVersion: number): void {
  if (!Number.isInteger(afterVersion) || afterVersion < 0) throw new TypeError(`afterVersion must be a non-negative integer, got ${afterVersion}`);
}

export function validateReadAll(after: number, limit: number): void {
  if (!Number.isInteger(after) || after < 0) throw new TypeError(`after must be a non-negative integer, got ${after}`);
  // limit 0 would return [] and look like "caught up" to a reader loop, so it is refused rather than honoured.
  if (!Number.isInteger(limit) || limit < 1) throw new TypeError(`limit must be a positive integer, got ${limit}`);
}

/** The event as it will read back, with the canonical text of its data, which sealing hashes and the adapter stores. */
export function toStoredEvent(event: NewEvent): SealableEvent {
  const { text, value } = storedForm(event.data, `data of ${event.type}`);
  return { type: event.type, schemaVersion: event.schemaVersion, data: value, dataText: text };
}

/** An append's metadata as it will read back, keeping its canonical text for sealing. */
export function toStoredMetadata(metadata: EventMetadata): EventMetadata {
  const { text, value } = storedForm(metadata, 'metadata');
  return withCanonicalText(value as EventMetadata, text);
}

/**
 * The canonical text of a value about to be stored, and parsed back, the value as it will read back: undefined
 * fields dropped, toJSON applied. NaN, Infinity, BigInt and functions are refused instead of silently becoming
 * null or vanishing (a NaN score must not be stored as "no score").
 */
function storedForm(value: unknown, what: string): { text: string; value: unknown } {
  try {
    const text = canonicalJson(value);
    // A function inside an object comes out as `undefined` in the text: refused here, by the parse.
    return { text, value: JSON.parse(text) as unknown };
  } catch (error) {
    throw new TypeError(`${what} cannot be stored as JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** The in-process subscribers of an event store's onAppend. */
export class AppendListeners {
  private readonly entries = new Set<{ listener: AppendListener }>();

  /** A wrapper per subscription, so the same function subscribed twice is also unsubscribed one at a time. */
  add(listener: AppendListener): () => void {
    const entry = { listener };
    this.entries.add(entry);
    return () => {
      this.entries.delete(entry);
    };
  }

  notify(): void {
    for (const { listener } of [...this.entries]) {
      try {
        listener();
      } catch (error) {
        // The append is committed; failing it now would invite a retry that appends twice.
        process.emitWarning(`onAppend listener threw: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
