import type { StoredDocument } from '../store/readStore';
import type { Target } from './target';

export const cacheKey = (collection: string, id: string) => `${collection}\u0000${id}`;

/** A document changed since it was last written, and what a failure to present it must name. */
interface DirtyDocument {
  target: Target;
  /** The projection's own name for the collection, which Projection.present is given. */
  logical: string;
  /** The physical collection and the id it is written to. */
  collection: string;
  id: string;
  /** The first event that changed it since it was last written (a failed present stops its target just before). */
  firstPosition: number;
  firstType: string;
}

export type ChangedDocument = DirtyDocument & { stored: StoredDocument };

interface Entry {
  stored: StoredDocument | null;
  dirty: DirtyDocument | null;
}

/**
 * The documents the runner holds in memory between reading and writing them. Following the log, one lives for
 * one batch (written at its end, as reads must see it). A build keeps one across batches: nothing reads a
 * generation before it is switched to, so a document changed in many batches (an assessment is touched all year
 * long) is presented, serialised and written once when it goes cold or at the end, instead of once per batch.
 * `capacity` bounds the documents kept; the least recently used go first (written if changed).
 */
export class WorkingSet {
  /** Insertion order is use order: a document is moved to the end each time it is named or changed. */
  private readonly entries = new Map<string, Entry>();

  constructor(readonly capacity: number) {}

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The document as it stands (null when absent), or undefined when not held. */
  get(key: string): StoredDocument | null | undefined {
    return this.entries.get(key)?.stored;
  }

  /** Marks a held document as just used, so it is evicted last. */
  touch(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  loaded(key: string, stored: StoredDocument | null): void {
    this.entries.set(key, { stored, dirty: null });
  }

  changed(key: string, stored: StoredDocument, change: Omit<DirtyDocument, 'firstPosition' | 'firstType'>, eventType: string): void {
    const dirty = this.entries.get(key)?.dirty ?? { ...change, firstPosition: stored.position, firstType: eventType };
    this.entries.delete(key);
    this.entries.set(key, { stored, dirty });
  }

  /** Removes the least recently used documents beyond capacity; returns the changed ones, to be written. */
  evict(): ChangedDocument[] {
    const out: ChangedDocument[] = [];
    let excess = this.entries.size - this.capacity;
    for (const [key, entry] of this.entries) {
      if (excess-- <= 0) break;
      this.entries.delete(key);
      if (entry.dirty && entry.stored) out.push({ ...entry.dirty, stored: entry.stored });
    }
    return out;
  }

  /** Every changed document, now counted as written (they stay held, clean). */
  takeChanged(): ChangedDocument[] {
    const out: ChangedDocument[] = [];
    for (const entry of this.entries.values()) {
      if (!entry.dirty || !entry.stored) continue;
      out.push({ ...entry.dirty, stored: entry.stored });
      entry.dirty = null;
    }
    return out;
  }

  /** The earliest unwritten change of a target's documents, with its event type; null when it has none. */
  firstChange(target: Target): { position: number; type: string } | null {
    let first: { position: number; type: string } | null = null;
    for (const { dirty } of this.entries.values()) {
      if (dirty?.target === target && (first === null || dirty.firstPosition < first.position)) {
        first = { position: dirty.firstPosition, type: dirty.firstType };
      }
    }
    return first;
  }

  /** Forgets a document (its unwritten state was not stored). */
  forget(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets a target's unwritten changes: its documents are read again from the store, as last written. */
  discard(target: Target): void {
    for (const [key, entry] of this.entries) if (entry.dirty?.target === target) this.entries.delete(key);
  }
}
