import {
  MongoBulkWriteError,
  MongoClient,
  MongoServerError,
  type Collection,
  type Db,
  type Filter as MongoFilter,
  type Sort,
  type UpdateOneModel,
} from 'mongodb';
import {
  assertCheckpoint,
  assertCollectionName,
  assertIds,
  parseFilter,
  parseIndexes,
  parseLimit,
  parseSort,
  serializeWrite,
  type Condition,
  type SortKey,
  assertLease,
} from '../documentFilter';
import { redactUrl } from '../../../shared/redactUrl';
import type { CollectionSpec, DocumentWrite, Filter, FindOptions, ReadStore, StoredDocument } from '../readStore';

interface MongoReadStoreOptions {
  /** Used when the URL names no database; default `par_ledger`. */
  dbName?: string;
  /** How long to look for a server before failing; default 5000 ms unless the URL sets it. */
  serverSelectionTimeoutMS?: number;
}

/** One stored document: `doc` is the read model's document in the key encoding described at `encodeValue`. */
interface StoredRow {
  _id: string;
  position: number;
  doc: unknown;
}
interface CheckpointRow {
  _id: string;
  position: number;
}
interface MetaRow {
  _id: string;
  value: string;
}
interface LeaseRow {
  _id: string;
  holder: string;
  expiresAt: Date;
}
interface CollectionRow {
  _id: string;
  /** `{ fields }` objects rather than a list of lists: FerretDB 1.x stores no arrays inside arrays. */
  indexes: { fields: string[] }[];
}

const DEFAULT_DB_NAME = 'par_ledger';
const DEFAULT_SERVER_SELECTION_TIMEOUT_MS = 5000;
const DUPLICATE_KEY = 11000;
const NAMESPACE_EXISTS = 48;

// Internal collections start with '_', which read-store collection names cannot (assertCollectionName).
const CHECKPOINTS = '_checkpoints';
const META = '_meta';
const LEASES = '_leases';
const COLLECTIONS = '_collections';

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
 *   documentFilter.ts (see `toMongoFilter` for the two places where MongoDB's own semantics differ).
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
    const shown = redactUrl(url);
    const dbName = databaseName(url, options.dbName);
    const timeout = options.serverSelectionTimeoutMS ?? DEFAULT_SERVER_SELECTION_TIMEOUT_MS;
    const urlSetsTimeout = /[?&]serverSelectionTimeoutMS=/i.test(url);
    let client: MongoClient;
    try {
      client = new MongoClient(url, {
        appName: 'par-ledger',
        ...(urlSetsTimeout && options.serverSelectionTimeoutMS === undefined ? {} : { serverSelectionTimeoutMS: timeout }),
      });
    } catch (error) {
      // No `cause` here or below: the driver's error may quote the URL with its password, and loggers print causes.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(`Invalid MongoDB URL ${shown}: ${errorMessage(error, url, shown)}`);
    }
    try {
      await client.connect();
      await client.db(dbName).command({ ping: 1 });
    } catch (error) {
      await client.close().catch(() => undefined);
      // eslint-disable-next-line preserve-caught-error
      throw new Error(`Cannot connect to the MongoDB server at ${shown}: ${errorMessage(error, url, shown)}`);
    }
    return new MongoReadStore(client, client.db(dbName));
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
   * repairs it. See writeDocuments for how a collection's documents are written.
   */
  async write(documents: DocumentWrite[], checkpoints: { projection: string; position: number }[]): Promise<void> {
    this.assertOpen();
    // Validate everything before changing anything, so a bad batch leaves the store as it was.
    const encoded = documents.map((write) => ({ ...write, doc: encodeValue(JSON.parse(serializeWrite(write))) }));
    checkpoints.forEach(assertCheckpoint);

    for (const [collection, writes] of latestWrites(encoded)) await this.writeDocuments(collection, writes);

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

  /**
   * One conditional upsert: it matches when the lease is the holder's or expired, and then takes it over; when
   * another holder's valid lease exists it matches nothing, so the upsert tries to insert a second document with
   * the same `_id` and fails with a duplicate key error, which means "held by someone else". Two instances racing
   * for a free lease are decided the same way by the unique `_id`.
   *
   * Time is the server's, never this instance's, so a skewed instance clock can neither steal a valid lease nor
   * keep one past its term. MongoDB could compute it inside the update (`[{ $set: { expiresAt: { $add: ['$$NOW',
   * ttl] } } }]` with `$expr` and `$$NOW` in the filter), but FerretDB 1.24 accepts neither pipeline updates nor
   * `$$NOW`, so the server's time is read first (`hello` reports `localTime`) and both the expiry and the
   * "expired?" comparison of the upsert use it. Reading it a moment before the update only errs on the safe
   * side: the old lease looks valid a moment longer, and the new one ends a moment sooner.
   */
  async acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    this.assertOpen();
    assertLease(name, holder, ttlMs);
    const now = await this.serverTime();
    try {
      const result = await this.db
        .collection<LeaseRow>(LEASES)
        .updateOne(
          { _id: name, $or: [{ holder }, { expiresAt: { $lt: new Date(now) } }] },
          { $set: { holder, expiresAt: new Date(now + ttlMs) } },
          { upsert: true },
        );
      return result.matchedCount + result.upsertedCount > 0;
    } catch (error) {
      if (hasCode(error, DUPLICATE_KEY)) return false;
      throw error;
    }
  }

  /** The server's clock, in milliseconds since the epoch. */
  private async serverTime(): Promise<number> {
    const { localTime } = (await this.db.command({ hello: 1 })) as { localTime?: unknown };
    if (!(localTime instanceof Date) || Number.isNaN(localTime.getTime())) {
      throw new Error('the MongoDB server did not report its time (hello.localTime), which leases need');
    }
    return localTime.getTime();
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    this.assertOpen();
    assertLease(name, holder);
    await this.db.collection<LeaseRow>(LEASES).deleteOne({ _id: name, holder });
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

  /**
   * Inserts first: a new `_id` needs no lookup (the unique `_id` index decides), which matters on FerretDB 1.x, where
   * every update looks its document up with a scan of the collection. The writes whose `_id` exists then become
   * conditional updates (`position < new`), in ordered chunks: their upsert inserts when the document vanished
   * meanwhile, and fails with a duplicate key when the stored document is as new or newer (a replay), which stops
   * the chunk there; it resumes just past that write.
   */
  private async writeDocuments(collection: string, writes: readonly EncodedWrite[]): Promise<void> {
    const documents = this.documents(collection);
    let existing: readonly EncodedWrite[] = [];
    try {
      await documents.insertMany(
        writes.map(({ id, position, doc }) => ({ _id: id, position, doc })),
        { ordered: false },
      );
    } catch (error) {
      existing = duplicateKeyIndexes(error).map((index) => writes[index]);
    }
    const updates: UpdateOneModel<StoredRow>[] = existing.map(({ id, position, doc }) => ({
      filter: { _id: id, position: { $lt: position } },
      update: { $set: { position, doc } },
      upsert: true,
    }));
    let next = 0;
    while (next < updates.length) {
      const chunk = updates.slice(next, next + UPDATE_CHUNK);
      try {
        await documents.bulkWrite(
          chunk.map((updateOne) => ({ updateOne })),
          { ordered: true },
        );
        next += chunk.length;
      } catch (error) {
        const [index] = duplicateKeyIndexes(error);
        const failed = chunk[index];
        // Usually the stored document is as new or newer. It may also have been inserted by a concurrent writer
        // after this upsert found nothing: once more, on its own, the write then updates it if it is older.
        await ignoreDuplicateKey(() => documents.updateOne(failed.filter, failed.update, { upsert: true }));
        next += index + 1;
      }
    }
  }

  /** Like the other adapters, a closed store refuses work (the driver would silently reconnect). */
  private assertOpen(): void {
    if (this.closed) throw new Error('MongoReadStore is closed');
  }
}

// ------------------------------------------------------------------------------------------------ writes

interface EncodedWrite {
  id: string;
  position: number;
  doc: unknown;
}

/**
 * Per collection, the one write per id that applying the batch in order would leave: the highest position, the
 * first of equals (a later write at the same position is a no-op). Then no two writes of a batch share an `_id`, so
 * one unordered insert can try them all.
 */
function latestWrites(writes: readonly (EncodedWrite & { collection: string })[]): Map<string, EncodedWrite[]> {
  const byCollection = new Map<string, Map<string, EncodedWrite>>();
  for (const { collection, id, position, doc } of writes) {
    let latest = byCollection.get(collection);
    if (latest === undefined) {
      latest = new Map();
      byCollection.set(collection, latest);
    }
    const previous = latest.get(id);
    if (previous === undefined || position > previous.position) latest.set(id, { id, position, doc });
  }
  return new Map([...byCollection].map(([collection, latest]) => [collection, [...latest.values()]]));
}

/**
 * Update statements per `update` command. FerretDB 1.24 keeps the cursor of every statement that matched a document
 * open, holding one of its 50 pooled PostgreSQL connections, until the whole command ends (msg_update.go defers the
 * close inside its loop): one bulk of more than about 50 updates of existing documents exhausts the pool and hangs
 * the server for every client, for good. Small chunks stay well below that even with several writers at once, and
 * cost little: FerretDB runs the statements of a bulk one by one anyway (measured: 8, 16 or 32 per bulk all take
 * about 1.4 ms per updated document).
 */
const UPDATE_CHUNK = 8;
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

/** The indexes (in their bulk) of the writes that failed with a duplicate key; rethrows any other failure. */
function duplicateKeyIndexes(error: unknown): number[] {
  if (error instanceof MongoBulkWriteError) {
    const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    if (writeErrors.length > 0 && writeErrors.every((writeError) => writeError.code === DUPLICATE_KEY)) {
      return writeErrors.map((writeError) => writeError.index).sort((a, b) => a - b);
    }
  }
  throw error;
}

async function ignoreDuplicateKey(operation: () => Promise<unknown>): Promise<void> {
  try {
    await operation();
  } catch (error) {
    if (!hasCode(error, DUPLICATE_KEY)) throw error;
  }
}

/** An upsert can lose the race to insert a new `_id` to a concurrent upsert; done again, it updates instead. */
async function retryOnDuplicateKey<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (!hasCode(error, DUPLICATE_KEY)) throw error;
    return operation();
  }
}

function hasCode(error: unknown, code: number): boolean {
  return error instanceof MongoServerError && error.code === code;
}

// ------------------------------------------------------------------------------------------------ queries

/**
 * Translates validated conditions into a MongoDB filter on `doc.<path>` with exactly the answers of
 * documentFilter.ts. MongoDB's own semantics already match for equality (type-strict, an array matches when an
 * element is equal, null matches missing), ranges across types, and paths through scalars. They differ in two
 * places, which the translation closes (checked against MongoDB semantics and FerretDB 1.24 by the contract):
 *
 * 1. a range matches an array when an element is in range: `$not: { $type: 'array' }` excludes arrays;
 * 2. a path through an array reaches into its elements (`a.b` matches `{ a: [{ b: 1 }] }`), whereas here a path
 *    through an array is missing: every proper prefix of the path must not be an array, except for conditions
 *    that also accept null, which then match when some prefix is an array (the value is missing).
 */
function toMongoFilter(conditions: readonly Condition[]): MongoFilter<StoredRow> {
  const merged: Record<string, unknown> = {};
  const and: Record<string, unknown>[] = [];
  for (const clause of conditions.flatMap(conditionClauses)) {
    const [key] = Object.keys(clause);
    // Plain `{ field: condition }` keeps the filter simple for the server's planner; repeats go into $and.
    if (Object.keys(clause).length === 1 && !key.startsWith('$') && !(key in merged)) merged[key] = clause[key];
    else and.push(clause);
  }
  if (and.length > 0) merged.$and = and;
  return merged as MongoFilter<StoredRow>;
}

function conditionClauses(condition: Condition): Record<string, unknown>[] {
  const field = `doc.${condition.path}`;
  const segments = condition.path.split('.');
  const prefixes = segments.slice(0, -1).map((_, i) => `doc.${segments.slice(0, i + 1).join('.')}`);
  const notThroughArrays = prefixes.map((prefix) => ({ [prefix]: { $not: { $type: 'array' } } }));

  if (condition.kind === 'range') {
    const range = { [condition.operator]: condition.value, $not: { $type: 'array' } };
    return [{ [field]: range }, ...notThroughArrays];
  }
  const { values } = condition;
  const equality = { [field]: values.length === 1 ? values[0] : { $in: values } };
  if (prefixes.length === 0) return [equality];
  if (!values.includes(null)) return [equality, ...notThroughArrays];
  // Null also matches a path that runs into an array (it is missing there), whatever MongoDB finds inside.
  return [{ $or: [equality, ...prefixes.map((prefix) => ({ [prefix]: { $type: 'array' } }))] }];
}

/**
 * `doc.<field>` in order, then `_id` to break ties. MongoDB and FerretDB compare strings bytewise in UTF-8, which is
 * code-point order, and put missing and null first; they order booleans after strings and objects, as documentFilter
 * does. Arrays sort by their least (ascending) or greatest (descending) element, with `[]` before null: the contract
 * leaves the order of arrays open.
 */
function toMongoSort(sort: readonly SortKey[]): Sort {
  const keys: Record<string, 1 | -1> = {};
  for (const { field, direction } of sort) {
    const key = `doc.${field}`;
    if (!(key in keys)) keys[key] = direction; // a repeated field cannot change the order
  }
  keys._id = 1;
  return keys;
}

// ------------------------------------------------------------------------------------------------ encoding

/**
 * MongoDB-protocol servers reject keys that contain '.' or start with '$' (and keys with NUL bytes cannot be
 * encoded), and FerretDB 1.x rejects arrays directly inside arrays. Documents are JSON, where all of these are
 * fine, so they are stored in an encoding that is the identity on everything else, which keeps every queryable
 * path (a plain identifier) unchanged:
 * - in keys, '%', '.', '$' and NUL become '%25', '%2E', '%24', '%00';
 * - an array inside an array becomes `{ '%a': [...] }`; that key cannot come from a real key, whose '%' would have
 *   been escaped. An object never equals a scalar and never matches a range, so filters are unaffected.
 */
function encodeValue(value: unknown, inArray = false): unknown {
  if (Array.isArray(value)) {
    const elements = value.map((element) => encodeValue(element, true));
    return inArray ? { [NESTED_ARRAY]: elements } : elements;
  }
  if (typeof value === 'object' && value !== null) {
    const encoded: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) setOwn(encoded, encodeKey(key), encodeValue(member));
    return encoded;
  }
  return value;
}

function decodeValue(value: unknown, inArray = false): unknown {
  if (Array.isArray(value)) return value.map((element) => decodeValue(element, true));
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    const record = value as Record<string, unknown>;
    if (inArray && keys.length === 1 && keys[0] === NESTED_ARRAY && Array.isArray(record[NESTED_ARRAY])) {
      return (record[NESTED_ARRAY] as unknown[]).map((element) => decodeValue(element, true));
    }
    const decoded: Record<string, unknown> = {};
    for (const key of keys) setOwn(decoded, decodeKey(key), decodeValue(record[key]));
    return decoded;
  }
  return value;
}

const NESTED_ARRAY = '%a';

function encodeKey(key: string): string {
  return /[%.$\u0000]/.test(key) ? key.replace(/[%.$\u0000]/g, (c) => `%${hex(c)}`) : key;
}

function decodeKey(key: string): string {
  return key.includes('%') ? key.replace(/%([0-9A-F]{2})/g, (_, code: string) => String.fromCharCode(parseInt(code, 16))) : key;
}

function hex(character: string): string {
  return character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
}

/** Like JSON.parse, a key `__proto__` becomes an own property rather than the object's prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

// ------------------------------------------------------------------------------------------------ connection

/**
 * The database named by the URL's path (`mongodb://host/name`), else `fallback`, else `par_ledger`. Exported for
 * tests and for tools that report where a store lives.
 */
export function databaseName(url: string, fallback?: string): string {
  const afterScheme = url.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\//, '');
  const slash = afterScheme.indexOf('/');
  const path = slash === -1 ? '' : afterScheme.slice(slash + 1).split('?')[0];
  let name: string;
  try {
    name = decodeURIComponent(path) || fallback || DEFAULT_DB_NAME;
  } catch {
    throw new Error(`Invalid database name in MongoDB URL ${redactUrl(url)}`);
  }
  if (!/^[^/\\. "$*<>:|?\u0000]{1,63}$/.test(name)) {
    throw new Error(`Invalid MongoDB database name ${JSON.stringify(name)} (from ${redactUrl(url)})`);
  }
  return name;
}

function errorMessage(error: unknown, url: string, shown: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return url === shown ? message : message.split(url).join(shown);
}
