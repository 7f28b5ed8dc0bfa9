/**
 * Where projections keep their documents. Adapters: memory (tests), SQLite (embedded default); server adapters
 * follow the same contract (test/contract/readStore.contract.ts). Deliberately small: keyed documents,
 * equality/range filters, sorts and checkpoints, so that a MongoDB-protocol server without transactions
 * (FerretDB) can serve it too.
 */

export type Scalar = string | number | boolean | null;

/** A condition on one (dot-separated) field: a value means equality. */
type FieldCondition = Scalar | { $eq?: Scalar; $in?: Scalar[]; $gt?: string | number; $gte?: string | number; $lt?: string | number; $lte?: string | number };

export type Filter = Record<string, FieldCondition>;

export interface FindOptions {
  filter?: Filter;
  sort?: { field: string; direction: 1 | -1 }[];
  limit?: number;
}

export interface StoredDocument<T = unknown> {
  doc: T;
  /** The global position of the last event applied to this document. */
  position: number;
}

export interface DocumentWrite {
  collection: string;
  id: string;
  doc: unknown;
  position: number;
}

export interface CollectionSpec {
  name: string;
  /** Fields (dot-separated paths) queries filter or sort on; each entry is one index. */
  indexes: string[][];
}

export interface ReadStore {
  /** Creates the collection and its indexes if missing; idempotent. */
  ensureCollection(spec: CollectionSpec): Promise<void>;
  dropCollection(name: string): Promise<void>;
  get<T>(collection: string, id: string): Promise<StoredDocument<T> | null>;
  getMany<T>(collection: string, ids: readonly string[]): Promise<Map<string, StoredDocument<T>>>;
  /**
   * The position of a document's last write without the document (null when absent): lets a reader that keeps a
   * decoded copy check it is still current without reading and parsing it again.
   */
  positionOf(collection: string, id: string): Promise<number | null>;
  find<T>(collection: string, options?: FindOptions): Promise<T[]>;
  count(collection: string, filter?: Filter): Promise<number>;
  /**
   * Writes documents and checkpoints. A document is replaced only when the write's position is greater than
   * the stored one, so replays are no-ops. Adapters that can do it atomically do; the others write documents
   * before checkpoints, which keeps replay after a crash safe.
   */
  write(documents: DocumentWrite[], checkpoints: { projection: string; position: number }[]): Promise<void>;
  /** 0 when the projection never ran. */
  checkpoint(projection: string): Promise<number>;
  /**
   * Takes or renews the lease `name` for `holder` until now + `ttlMs`, if it is free, expired or already the
   * holder's. Several service instances share one read store; only the lease holder advances projections, and
   * a holder that dies loses the lease when it expires. Returns whether `holder` holds it now.
   * "Now" is the store's clock (the database server's; the memory store's injected one), never the caller's, and
   * "expired?" is decided in the same statement that takes the lease: instances whose clocks disagree cannot
   * both hold it.
   */
  acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up at once if `holder` holds it (a clean shutdown), so another instance takes over. */
  releaseLease(name: string, holder: string): Promise<void>;
  /** Small named values that are not documents of a projection (e.g. which generation of a projection is live). */
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  close(): Promise<void>;
}
