import { deepFreeze } from '../shared/deepFreeze';
import { LruMap } from '../shared/lruMap';
import type { ReadStore } from './store/readStore';

interface Entry {
  position: number;
  doc: unknown;
}

/**
 * Decoded documents kept between requests, checked against the store on each
 * read by the position of the document's last write: a ranking document is about half a megabyte of JSON, and
 * parsing and presenting it again on every request cost more than everything else a request does. The check is
 * one indexed lookup, so a document the runner just rewrote is never served stale, whichever instance wrote it.
 * Bounded (least recently used out first) and frozen, as every reader shares the same objects.
 */
export class DocumentCache {
  private readonly entries: LruMap<string, Entry>;

  constructor(
    private readonly store: ReadStore,
    capacity = 64,
  ) {
    this.entries = new LruMap(capacity);
  }

  /** The document, decoded once per written version, or null; `onPosition` learns the version served (null: absent). */
  async get<T>(collection: string, id: string, onPosition?: (position: number | null) => void): Promise<T | null> {
    const key = `${collection}\u0000${id}`;
    const cached = this.entries.get(key);
    if (cached !== undefined && (await this.store.positionOf(collection, id)) === cached.position) {
      onPosition?.(cached.position);
      return cached.doc as T;
    }
    const stored = await this.store.get<T>(collection, id);
    onPosition?.(stored?.position ?? null);
    if (stored === null) {
      this.entries.delete(key);
      return null;
    }
    const doc = deepFreeze(stored.doc);
    this.entries.set(key, { position: stored.position, doc });
    return doc;
  }
}
