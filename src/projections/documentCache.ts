import type { ReadStore } from './store/readStore';

interface Entry {
  position: number;
  value: unknown;
}

/** Makes a cached value read-only all the way down: every request shares it, none may change it. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

/**
 * Decoded documents (and what is derived from them) kept between requests, checked against the store on each
 * read by the position of the document's last write: a ranking document is about half a megabyte of JSON, and
 * parsing and presenting it again on every request cost more than everything else a request does. The check is
 * one indexed lookup, so a document the runner just rewrote is never served stale, whichever instance wrote it.
 * Bounded (least recently used out first) and frozen, as every reader shares the same objects.
 */
export class DocumentCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: ReadStore,
    private readonly capacity = 64,
  ) {}

  /**
   * The document `derive`d (derive runs once per written version), or null when there is no document;
   * `onPosition` learns the position of the version served (null: absent).
   */
  async get<T, R>(collection: string, id: string, derive: (doc: T) => R, onPosition?: (position: number | null) => void): Promise<R | null> {
    const key = `${collection}\u0000${id}`;
    const cached = this.entries.get(key);
    if (cached !== undefined && (await this.store.positionOf(collection, id)) === cached.position) {
      this.entries.delete(key); // re-inserted below: Map order doubles as least-recently-used order
      this.entries.set(key, cached);
      onPosition?.(cached.position);
      return cached.value as R;
    }
    const stored = await this.store.get<T>(collection, id);
    onPosition?.(stored?.position ?? null);
    if (stored === null) {
      this.entries.delete(key);
      return null;
    }
    const value = deepFreeze(derive(stored.doc));
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { position: stored.position, value });
    return value;
  }
}
