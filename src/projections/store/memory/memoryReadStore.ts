import {
  assertCheckpoint,
  assertCollectionName,
  assertIds,
  compareBySort,
  compareStrings,
  matchesConditions,
  parseFilter,
  parseIndexes,
  parseLimit,
  parseSort,
  serializeWrite,
  assertLease,
} from '../documentFilter';
import type { CollectionSpec, DocumentWrite, Filter, FindOptions, ReadStore, StoredDocument } from '../readStore';

interface MemoryReadStoreOptions {
  /**
   * The store's own clock, which decides lease expiry (milliseconds since the epoch; default Date.now). Every
   * user of a memory store lives in one process, so this plays the part a database server's clock plays for
   * the other adapters; tests pass a manual clock to expire leases without sleeping.
   */
  clock?: { now(): number };
}

/**
 * ReadStore in process memory, for tests. Documents go through JSON on the way in (so they normalise exactly as
 * in the persistent adapters) and are cloned on the way out, so callers never share objects with the store.
 */
export class MemoryReadStore implements ReadStore {
  private readonly collections = new Map<string, Map<string, StoredDocument<unknown>>>();
  private readonly checkpoints = new Map<string, number>();
  private readonly meta = new Map<string, string>();
  private readonly leases = new Map<string, { holder: string; expiresAt: number }>();
  private closed = false;
  private readonly clock: { now(): number };

  constructor(options: MemoryReadStoreOptions = {}) {
    this.clock = options.clock ?? { now: () => Date.now() };
  }

  async ensureCollection(spec: CollectionSpec): Promise<void> {
    this.assertOpen();
    assertCollectionName(spec.name);
    parseIndexes(spec.name, spec.indexes);
    if (!this.collections.has(spec.name)) this.collections.set(spec.name, new Map());
  }

  async dropCollection(name: string): Promise<void> {
    this.assertOpen();
    assertCollectionName(name);
    this.collections.delete(name);
  }

  async get<T>(collection: string, id: string): Promise<StoredDocument<T> | null> {
    this.assertOpen();
    assertCollectionName(collection);
    const stored = this.collections.get(collection)?.get(id);
    return stored === undefined ? null : cloneStored<T>(stored);
  }

  async positionOf(collection: string, id: string): Promise<number | null> {
    this.assertOpen();
    assertCollectionName(collection);
    return this.collections.get(collection)?.get(id)?.position ?? null;
  }

  async getMany<T>(collection: string, ids: readonly string[]): Promise<Map<string, StoredDocument<T>>> {
    this.assertOpen();
    assertCollectionName(collection);
    assertIds(ids);
    const documents = this.collections.get(collection);
    const found = new Map<string, StoredDocument<T>>();
    for (const id of ids) {
      const stored = documents?.get(id);
      if (stored !== undefined) found.set(id, cloneStored<T>(stored));
    }
    return found;
  }

  async find<T>(collection: string, options: FindOptions = {}): Promise<T[]> {
    this.assertOpen();
    assertCollectionName(collection);
    const conditions = parseFilter(options.filter);
    const sort = parseSort(options.sort);
    const limit = parseLimit(options.limit);
    const matching = [...(this.collections.get(collection) ?? [])].filter(([, stored]) => matchesConditions(stored.doc, conditions));
    matching.sort(([idA, a], [idB, b]) => compareBySort(a.doc, b.doc, sort) || compareStrings(idA, idB));
    return matching.slice(0, limit).map(([, stored]) => structuredClone(stored.doc) as T);
  }

  async count(collection: string, filter?: Filter): Promise<number> {
    this.assertOpen();
    assertCollectionName(collection);
    const conditions = parseFilter(filter);
    let count = 0;
    for (const stored of this.collections.get(collection)?.values() ?? []) {
      if (matchesConditions(stored.doc, conditions)) count++;
    }
    return count;
  }

  async write(documents: DocumentWrite[], checkpoints: { projection: string; position: number }[]): Promise<void> {
    this.assertOpen();
    // Validate everything before changing anything, so a bad batch leaves the store as it was.
    const texts = documents.map(serializeWrite);
    checkpoints.forEach(assertCheckpoint);
    documents.forEach((write, i) => {
      let collection = this.collections.get(write.collection);
      if (collection === undefined) {
        collection = new Map();
        this.collections.set(write.collection, collection);
      }
      const stored = collection.get(write.id);
      if (stored === undefined || write.position > stored.position) {
        collection.set(write.id, { doc: JSON.parse(texts[i]) as unknown, position: write.position });
      }
    });
    for (const { projection, position } of checkpoints) {
      if (position > (this.checkpoints.get(projection) ?? 0)) this.checkpoints.set(projection, position);
    }
  }

  async checkpoint(projection: string): Promise<number> {
    this.assertOpen();
    return this.checkpoints.get(projection) ?? 0;
  }

  async acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    this.assertOpen();
    assertLease(name, holder, ttlMs);
    const now = this.clock.now();
    const lease = this.leases.get(name);
    if (lease !== undefined && lease.holder !== holder && lease.expiresAt >= now) return false;
    this.leases.set(name, { holder, expiresAt: now + ttlMs });
    return true;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    this.assertOpen();
    assertLease(name, holder);
    if (this.leases.get(name)?.holder === holder) this.leases.delete(name);
  }

  async getMeta(key: string): Promise<string | null> {
    this.assertOpen();
    return this.meta.get(key) ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.assertOpen();
    this.meta.set(key, value);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** Like the persistent adapters, so a test that uses a store after closing it fails here too. */
  private assertOpen(): void {
    if (this.closed) throw new Error('MemoryReadStore is closed');
  }
}

function cloneStored<T>(stored: StoredDocument<unknown>): StoredDocument<T> {
  return { doc: structuredClone(stored.doc) as T, position: stored.position };
}
