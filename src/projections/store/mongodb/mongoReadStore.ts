import type { Collection, Db, MongoClient } from 'mongodb';
import { assertCheckpoint, assertCollectionName, assertIds, parseFilter, parseIndexes, parseLimit, parseSort, serializeWrite } from '../documentFilter';
import type { CollectionSpec, DocumentWrite, Filter, FindOptions, ReadStore, StoredDocument } from '../readStore';
import { connectDatabase, type MongoReadStoreOptions } from './mongoConnection';
import { decodeValue, encodeValue } from './mongoEncoding';
import { hasCode, NAMESPACE_EXISTS, retryOnDuplicateKey } from './mongoErrors';
import { CHECKPOINTS, COLLECTIONS, META, type CheckpointRow, type CollectionRow, type MetaRow, type StoredRow } from './mongoLayout';
import { acquireLease, releaseLease } from './mongoLease';
import { toMongoFilter, toMongoSort } from './mongoQuery';
import { latestWrites, writeDocuments } from './mongoWrites';

/**
 * ReadStore on a MongoDB-protocol server: MongoDB itself, or FerretDB 1.x on PostgreSQL (what CI runs). Nothing here
 * needs transactions, $lookup, $facet or $setWindowFields, which FerretDB 1.x lacks:
 *
 * - one server collection per read-store collection, each document stored as `{ _id: id, position, doc }`;
 *   checkpoints, meta, leases and collection specs live in `_checkpoints`, `_meta`, `_leases`, `_collections`;
 * - a document is inserted when its `_id` is new, else updated only if `position < new position`; documents go
 *   before checkpoints, and checkpoints use `$max`: every write is idempotent, so a batch cut short by a crash is
 *   simply replayed (DESIGN.md, Projections);
 * - filters and sorts run on the server, on `doc.<path>`, translated so that the answers are exactly those of
 *   documentFilter.ts (see `toMongoFilter` in mongoQuery.ts for the two places where MongoDB's own semantics differ).
 */
export class MongoReadStore implements ReadStore {
  private closed = false;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {}

  /**
   * Connects and checks that the server answers, failing within the server selection timeout with a message that
   * names the URL (without credentials). The database is the URL's path, else `options.dbName`, else `par_ledger`.
   */
  static async connect(url: string, options: MongoReadStoreOptions = {}): Promise<MongoReadStore> {
    const { client, db } = await connectDatabase(url, options);
    return new MongoReadStore(client, db);
  }

  /** The database this store uses. */
  get databaseName(): string {
    return this.db.databaseName;
  }

  async ensureCollection(spec: CollectionSpec): Promise<void> {
    this.assertOpen();
    assertCollectionName(spec.name);
    const indexes = parseIndexes(spec.name, spec.indexes);
    try {
      await this.db.createCollection(spec.name);
    } catch (error) {
      if (!hasCode(error, NAMESPACE_EXISTS)) throw error;
    }
    const collection = this.documents(spec.name);
    for (const fields of indexes) {
      // Default index names (`doc.a_1_doc.b_1`): the same fields always give the same name, so this is idempotent.
      await collection.createIndex(Object.fromEntries(fields.map((field) => [`doc.${field}`, 1] as const)));
    }
    await this.db
      .collection<CollectionRow>(COLLECTIONS)
      .updateOne({ _id: spec.name }, { $set: { indexes: indexes.map((fields) => ({ fields })) } }, { upsert: true });
  }

  async dropCollection(name: string): Promise<void> {
    this.assertOpen();
    assertCollectionName(name);
    await this.documents(name).drop(); // resolves for an unknown collection too (driver 6+)
    await this.db.collection<CollectionRow>(COLLECTIONS).deleteOne({ _id: name });
  }

  async get<T>(collection: string, id: string): Promise<StoredDocument<T> | null> {
    this.assertOpen();
    assertCollectionName(collection);
    assertIds([id]);
    const row = await this.documents(collection).findOne({ _id: id });
    return row === null ? null : { doc: decodeValue(row.doc) as T, position: row.position };
  }

  async positionOf(collection: string, id: string): Promise<number | null> {
    this.assertOpen();
    assertCollectionName(collection);
    assertIds([id]);
    const row = await this.documents(collection).findOne({ _id: id }, { projection: { position: 1 } });
    return row === null ? null : row.position;
  }

  async getMany<T>(collection: string, ids: readonly string[]): Promise<Map<string, StoredDocument<T>>> {
    this.assertOpen();
    assertCollectionName(collection);
    assertIds(ids);
    // FerretDB 1.x hands only top-level equality to PostgreSQL: `_id: { $in }` reads the whole collection into
    // FerretDB, while an `_id` equality is one PostgreSQL query (measured on 10,000 documents: 400 ms against 2 ms).
    // So up to a few dozen ids are looked up one by one, a few at a time, more with one `$in`; both are plain MongoDB.
    const documents = this.documents(collection);
    const unique = [...new Set(ids)];
    const rows =
      unique.length <= SEPARATE_LOOKUPS
        ? await mapConcurrently(unique, LOOKUP_CONCURRENCY, (id) => documents.findOne({ _id: id }))
        : await documents.find({ _id: { $in: unique } }).toArray();
    const found = new Map<string, StoredDocument<T>>();
    for (const row of rows) {
      if (row !== null) found.set(row._id, { doc: decodeValue(row.doc) as T, position: row.position });
    }
    return found;
  }

  async find<T>(collection: string, options: FindOptions = {}): Promise<T[]> {
    this.assertOpen();
    assertCollectionName(collection);
    const filter = toMongoFilter(parseFilter(options.filter));
    const sort = toMongoSort(parseSort(options.sort));
    const limit = parseLimit(options.limit);
    if (limit === 0) return []; // MongoDB reads limit 0 as "no limit"
    const rows = await this.documents(collection)
      .find(filter, { projection: { _id: 0, doc: 1 }, sort, ...(limit === undefined ? {} : { limit }) })
      .toArray();
    return rows.map((row) => decodeValue(row.doc) as T);
  }

  async count(collection: string, filter?: Filter): Promise<number> {
    this.assertOpen();
    assertCollectionName(collection);
    return this.documents(collection).countDocuments(toMongoFilter(parseFilter(filter)));
  }

  /**
   * Documents first, then checkpoints; every write is conditional on the stored position and so idempotent: without
   * transactions (FerretDB 1.x has none) a crash may leave any prefix of a batch written, and replaying the batch
   * repairs it. See writeDocuments (mongoWrites.ts) for how a collection's documents are written.
   */
  async write(documents: DocumentWrite[], checkpoints: { projection: string; position: number }[]): Promise<void> {
    this.assertOpen();
    // Validate everything before changing anything, so a bad batch leaves the store as it was.
    const encoded = documents.map((write) => ({ ...write, doc: encodeValue(JSON.parse(serializeWrite(write))) }));
    checkpoints.forEach(assertCheckpoint);

    for (const [collection, writes] of latestWrites(encoded)) await writeDocuments(this.documents(collection), writes);

    const highest = new Map<string, number>();
    for (const { projection, position } of checkpoints) {
      highest.set(projection, Math.max(position, highest.get(projection) ?? 0));
    }
    for (const [projection, position] of highest) {
      await retryOnDuplicateKey(() => this.db.collection<CheckpointRow>(CHECKPOINTS).updateOne({ _id: projection }, { $max: { position } }, { upsert: true }));
    }
  }

  async checkpoint(projection: string): Promise<number> {
    this.assertOpen();
    const row = await this.db.collection<CheckpointRow>(CHECKPOINTS).findOne({ _id: projection });
    return row?.position ?? 0;
  }

  /** See mongoLease.ts: the lease is timed by the server's clock, read with `hello` because FerretDB lacks `$$NOW`. */
  async acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    this.assertOpen();
    return acquireLease(this.db, name, holder, ttlMs);
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    this.assertOpen();
    await releaseLease(this.db, name, holder);
  }

  async getMeta(key: string): Promise<string | null> {
    this.assertOpen();
    const row = await this.db.collection<MetaRow>(META).findOne({ _id: key });
    return row?.value ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.assertOpen();
    await retryOnDuplicateKey(() => this.db.collection<MetaRow>(META).updateOne({ _id: key }, { $set: { value } }, { upsert: true }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.close();
  }

  private documents(collection: string): Collection<StoredRow> {
    return this.db.collection<StoredRow>(collection);
  }

  /** Like the other adapters, a closed store refuses work (the driver would silently reconnect). */
  private assertOpen(): void {
    if (this.closed) throw new Error('MongoReadStore is closed');
  }
}

/** Up to this many ids, getMany looks each up on its own (see there), this many at once. */
const SEPARATE_LOOKUPS = 32;
const LOOKUP_CONCURRENCY = 8;

/** `items.map(fn)` with at most `limit` calls pending at once; results in the order of `items`. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
