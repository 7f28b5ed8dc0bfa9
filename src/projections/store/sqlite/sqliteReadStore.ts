import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import {
  assertCheckpoint,
  assertCollectionName,
  assertIds,
  parseFilter,
  parseIndexes,
  parseLimit,
  parseSort,
  serializeWrite,
  assertLease,
} from '../documentFilter';
import type { CollectionSpec, DocumentWrite, Filter, FindOptions, ReadStore, StoredDocument } from '../readStore';
import { buildOrderBy, buildWhere, jsonExtract, type Query } from './sqliteFilterSql';
import { ACQUIRE_LEASE_SQL, RELEASE_LEASE_SQL } from './sqliteLease';
import { indexName, indexNamePrefix, migrate } from './sqliteSchema';

/** Generated find/count SQL varies with filters; keep the cache bounded in case callers vary a lot. */
const STATEMENT_CACHE_SIZE = 256;

interface DocumentRow {
  id: string;
  position: number;
  doc: string;
}
interface PreparedWrite {
  collection: string;
  id: string;
  position: number;
  text: string;
}
type Checkpoint = { projection: string; position: number };

/**
 * ReadStore on one SQLite file. Filters and sorts become json_extract expressions over the JSON text; values are
 * always bound, while field paths and collection names, validated to plain identifiers, are written into the SQL
 * so that it matches the partial expression indexes that ensureCollection creates.
 */
export class SqliteReadStore implements ReadStore {
  private readonly statements = new Map<string, Database.Statement>();
  /** Per collection, the fields that lead one of its indexes: equality on them is planned differently. */
  private readonly indexedFields = new Map<string, ReadonlySet<string>>();
  private readonly writeBatch: (documents: PreparedWrite[], checkpoints: Checkpoint[]) => void;

  private constructor(private readonly db: Database.Database) {
    const upsertDocument = db.prepare(
      `INSERT INTO documents (collection, id, position, doc) VALUES (?, ?, ?, ?)
       ON CONFLICT (collection, id) DO UPDATE SET position = excluded.position, doc = excluded.doc
       WHERE excluded.position > documents.position`,
    );
    const raiseCheckpoint = db.prepare(
      `INSERT INTO checkpoints (projection, position) VALUES (?, ?)
       ON CONFLICT (projection) DO UPDATE SET position = excluded.position
       WHERE excluded.position > checkpoints.position`,
    );
    this.writeBatch = db.transaction((documents: PreparedWrite[], checkpoints: Checkpoint[]) => {
      for (const d of documents) upsertDocument.run(d.collection, d.id, d.position, d.text);
      for (const c of checkpoints) raiseCheckpoint.run(c.projection, c.position);
    });
  }

  /**
   * synchronous=NORMAL may lose the last transactions on power loss but never corrupts the file; read models are
   * rebuilt from the event log, and their checkpoints are written in the same transactions, so that is safe here.
   */
  static open(file: string): SqliteReadStore {
    const inMemory = file === ':memory:';
    if (!inMemory) mkdirSync(dirname(resolve(file)), { recursive: true });
    const db = new Database(file, { timeout: 5000 });
    try {
      if (!inMemory) db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
      // 64 MB of pages instead of 2: a build keeps the collections' indexes up to date as it writes.
      db.pragma('cache_size = -65536');
      migrate(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteReadStore(db);
  }

  async ensureCollection(spec: CollectionSpec): Promise<void> {
    assertCollectionName(spec.name);
    const indexes = parseIndexes(spec.name, spec.indexes);
    this.db.transaction(() => {
      for (const fields of indexes) {
        const columns = fields.map(jsonExtract).join(', ');
        this.db.exec(
          `CREATE INDEX IF NOT EXISTS ${indexName(spec.name, fields)}
           ON documents (collection, ${columns}) WHERE collection = '${spec.name}'`,
        );
      }
      this.statement(
        `INSERT INTO collections (name, indexes) VALUES (?, ?)
         ON CONFLICT (name) DO UPDATE SET indexes = excluded.indexes`,
      ).run(spec.name, JSON.stringify(indexes));
    })();
    this.indexedFields.delete(spec.name);
  }

  async dropCollection(name: string): Promise<void> {
    assertCollectionName(name);
    this.db.transaction(() => {
      this.statement('DELETE FROM documents WHERE collection = ?').run(name);
      // Every index ever created for the collection, including ones a later spec no longer lists.
      for (const index of this.indexNames(name)) this.db.exec(`DROP INDEX "${index}"`);
      this.statement('DELETE FROM collections WHERE name = ?').run(name);
    })();
    this.indexedFields.delete(name);
  }

  async get<T>(collection: string, id: string): Promise<StoredDocument<T> | null> {
    assertCollectionName(collection);
    const row = this.statement('SELECT position, doc FROM documents WHERE collection = ? AND id = ?').get(collection, id) as
      Omit<DocumentRow, 'id'> | undefined;
    return row === undefined ? null : { doc: JSON.parse(row.doc) as T, position: row.position };
  }

  async positionOf(collection: string, id: string): Promise<number | null> {
    assertCollectionName(collection);
    const position = this.statement('SELECT position FROM documents WHERE collection = ? AND id = ?').pluck().get(collection, id);
    return (position as number | undefined) ?? null;
  }

  async getMany<T>(collection: string, ids: readonly string[]): Promise<Map<string, StoredDocument<T>>> {
    assertCollectionName(collection);
    assertIds(ids);
    const found = new Map<string, StoredDocument<T>>();
    if (ids.length === 0) return found;
    // One statement for any number of ids: the list travels as a JSON array parameter.
    const rows = this.statement('SELECT id, position, doc FROM documents WHERE collection = ? AND id IN (SELECT value FROM json_each(?))').all(
      collection,
      JSON.stringify(ids),
    ) as DocumentRow[];
    for (const row of rows) found.set(row.id, { doc: JSON.parse(row.doc) as T, position: row.position });
    return found;
  }

  async find<T>(collection: string, options: FindOptions = {}): Promise<T[]> {
    const query = this.buildFind(collection, options);
    if (query === null) return [];
    const texts = this.statement(query.sql)
      .pluck()
      .all(...query.params) as string[];
    return texts.map((text) => JSON.parse(text) as T);
  }

  async count(collection: string, filter?: Filter): Promise<number> {
    assertCollectionName(collection);
    const where = buildWhere(collection, parseFilter(filter), this.leadingIndexFields(collection));
    return this.statement(`SELECT count(*) FROM documents WHERE ${where.sql}`)
      .pluck()
      .get(...where.params) as number;
  }

  async write(documents: DocumentWrite[], checkpoints: { projection: string; position: number }[]): Promise<void> {
    // Validate the whole batch before the transaction, so that errors name the bad entry, not a SQLite failure.
    const prepared = documents.map((d) => ({ ...d, text: serializeWrite(d) }));
    checkpoints.forEach(assertCheckpoint);
    this.writeBatch(prepared, checkpoints);
  }

  async checkpoint(projection: string): Promise<number> {
    const position = this.statement('SELECT position FROM checkpoints WHERE projection = ?').pluck().get(projection);
    return (position as number | undefined) ?? 0;
  }

  /** See sqliteLease.ts: one statement, timed by SQLite's own clock, so that only one instance can win. */
  async acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    assertLease(name, holder, ttlMs);
    const row = this.statement(ACQUIRE_LEASE_SQL).get({ name, holder, ttlMs }) as { holder: string } | undefined;
    return row?.holder === holder;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    assertLease(name, holder);
    this.statement(RELEASE_LEASE_SQL).run(name, holder);
  }

  async getMeta(key: string): Promise<string | null> {
    const value = this.statement('SELECT value FROM meta WHERE key = ?').pluck().get(key);
    return (value as string | undefined) ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.statement('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  async close(): Promise<void> {
    this.statements.clear();
    if (this.db.open) this.db.close();
  }

  /** SQLite's plan for a find, to check that a read model's queries use its indexes. */
  explainFind(collection: string, options: FindOptions = {}): string[] {
    const query = this.buildFind(collection, options);
    if (query === null) return [];
    const plan = this.db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params);
    return (plan as { detail: string }[]).map((row) => row.detail);
  }

  /** `null` when the answer is known to be empty without asking (limit 0). */
  private buildFind(collection: string, options: FindOptions): Query | null {
    assertCollectionName(collection);
    const where = buildWhere(collection, parseFilter(options.filter), this.leadingIndexFields(collection));
    const orderBy = buildOrderBy(parseSort(options.sort));
    const limit = parseLimit(options.limit);
    if (limit === 0) return null;
    return {
      sql: `SELECT doc FROM documents WHERE ${where.sql} ORDER BY ${orderBy} LIMIT ?`,
      params: [...where.params, limit ?? -1],
    };
  }

  /** Read from the schema rather than remembered specs, so that indexes of earlier specs count too. */
  private leadingIndexFields(collection: string): ReadonlySet<string> {
    let fields = this.indexedFields.get(collection);
    if (fields === undefined) {
      const prefix = indexNamePrefix(collection);
      fields = new Set(this.indexNames(collection).map((name) => name.slice(prefix.length).split(',')[0]));
      this.indexedFields.set(collection, fields);
    }
    return fields;
  }

  private indexNames(collection: string): string[] {
    const prefix = indexNamePrefix(collection);
    const names = this.statement(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'documents'`).pluck().all() as string[];
    return names.filter((name) => name.startsWith(prefix));
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      if (this.statements.size >= STATEMENT_CACHE_SIZE) {
        const oldest = this.statements.keys().next();
        if (oldest.done !== true) this.statements.delete(oldest.value);
      }
    } else {
      this.statements.delete(sql); // re-inserted below: Map order then doubles as least-recently-used order
    }
    this.statements.set(sql, statement);
    return statement;
  }
}
