import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { MongoClient } from 'mongodb';
import { MemoryReadStore } from '../../src/projections/store/memory/memoryReadStore';
import { databaseName } from '../../src/projections/store/mongodb/mongoConnection';
import { MongoReadStore } from '../../src/projections/store/mongodb/mongoReadStore';
import { redactUrl } from '../../src/shared/redactUrl';
import { SqliteReadStore } from '../../src/projections/store/sqlite/sqliteReadStore';
import { describeWithServer, servers } from '../support/servers';
import { readStoreContract } from './readStore.contract';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'par-read-store-'));
}

readStoreContract('MemoryReadStore', async () => {
  // Its users share one process, so its clock stands for a server's: monotonic here, not this process's Date,
  // which the lease contract skews to check that adapters ignore the caller's clock.
  const store = new MemoryReadStore({ clock: { now: () => performance.timeOrigin + performance.now() } });
  return { store, cleanup: () => store.close() };
});

readStoreContract('SqliteReadStore', async () => {
  const dir = tempDir();
  const store = SqliteReadStore.open(path.join(dir, 'read.db'));
  return {
    store,
    cleanup: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

describeWithServer('ReadStore contract: mongodb', servers.mongodb, 'TEST_MONGODB_URL', (url) => {
  // Every test gets a database of its own, dropped afterwards through a separate client (tests close their store).
  let admin: MongoClient;
  const created = new Set<string>();

  beforeAll(async () => {
    admin = await new MongoClient(url, { serverSelectionTimeoutMS: 5000 }).connect();
  });

  afterAll(async () => {
    for (const name of created) await admin.db(name).dropDatabase();
    await admin?.close();
  });

  /** The URL with its path (the database) replaced, query string kept. */
  function urlFor(dbName: string): string {
    const parsed = /^([^/]+\/\/[^/?]*)(?:\/[^?]*)?(\?.*)?$/.exec(url);
    if (parsed === null) throw new Error(`Cannot read TEST_MONGODB_URL ${redactUrl(url)}`);
    return `${parsed[1]}/${dbName}${parsed[2] ?? ''}`;
  }

  async function open(dbName: string): Promise<MongoReadStore> {
    created.add(dbName);
    return MongoReadStore.connect(urlFor(dbName));
  }

  const newDatabaseName = () => `par_test_${randomBytes(6).toString('hex')}`;

  readStoreContract('MongoReadStore', async () => {
    const dbName = newDatabaseName();
    const store = await open(dbName);
    return {
      store,
      cleanup: async () => {
        await store.close();
        await admin.db(dbName).dropDatabase();
        created.delete(dbName);
      },
    };
  });

  describe('MongoReadStore on a server', () => {
    let dbName: string;
    let first: MongoReadStore;
    let second: MongoReadStore;

    beforeEach(async () => {
      dbName = newDatabaseName();
      [first, second] = await Promise.all([open(dbName), open(dbName)]);
    });

    afterEach(async () => {
      await Promise.all([first.close(), second.close()]);
      await admin.db(dbName).dropDatabase();
      created.delete(dbName);
    });

    it('uses the database named in the URL and stores documents as { _id, position, doc }', async () => {
      expect(first.databaseName).toBe(dbName);
      await first.write([{ collection: 'agencies', id: 'SNV', doc: { 'a.b': [[1]] }, position: 3 }], [{ projection: 'agencyView', position: 3 }]);
      const raw = await admin.db(dbName).collection('agencies').findOne({});
      expect(raw).toEqual({ _id: 'SNV', position: 3, doc: { 'a%2Eb': [{ '%a': [1] }] } });
      expect(await admin.db(dbName).collection('_checkpoints').findOne({})).toEqual({ _id: 'agencyView', position: 3 });
    });

    it('creates an index on doc.<field> for each index of the spec, idempotently', async () => {
      const spec = { name: 'audit', indexes: [['at'], ['actor.agency', 'at']] };
      await first.ensureCollection(spec);
      await first.ensureCollection(spec);
      const indexes = await admin.db(dbName).collection('audit').indexes();
      const keys = indexes.map((index) =>
        Object.entries(index.key)
          .map(([field, order]) => `${field}:${order}`)
          .join(),
      );
      expect(keys.sort()).toEqual(['_id:1', 'doc.actor.agency:1,doc.at:1', 'doc.at:1']);
      await first.dropCollection('audit');
      const names = (await admin.db(dbName).listCollections().toArray()).map((c) => c.name);
      expect(names).not.toContain('audit');
    });

    it('two instances sharing the database: the newer write wins whichever lands first', async () => {
      await Promise.all([
        first.write([{ collection: 'scores', id: 'a', doc: { v: 'older' }, position: 4 }], []),
        second.write([{ collection: 'scores', id: 'a', doc: { v: 'newer' }, position: 5 }], []),
      ]);
      await Promise.all([
        first.write([{ collection: 'scores', id: 'b', doc: { v: 'newer' }, position: 9 }], []),
        second.write([{ collection: 'scores', id: 'b', doc: { v: 'older' }, position: 8 }], []),
      ]);
      expect(await first.get('scores', 'a')).toEqual({ doc: { v: 'newer' }, position: 5 });
      expect(await second.get('scores', 'b')).toEqual({ doc: { v: 'newer' }, position: 9 });
    });

    it('two instances sharing the database: exactly one holds a lease', async () => {
      const won = await Promise.all([first.acquireLease('projections', 'first', 10_000), second.acquireLease('projections', 'second', 10_000)]);
      expect(won.filter(Boolean)).toHaveLength(1);
      const [holder, other] = won[0] ? [first, second] : [second, first];
      const [holderName, otherName] = won[0] ? ['first', 'second'] : ['second', 'first'];
      expect(await other.acquireLease('projections', otherName, 10_000)).toBe(false);
      await holder.releaseLease('projections', holderName);
      expect(await other.acquireLease('projections', otherName, 10_000)).toBe(true);
    });
  });
});

describe('MongoReadStore.connect', () => {
  it('takes the database from the URL path, else the option, else par_ledger', () => {
    expect(databaseName('mongodb://127.0.0.1:27017/par_prod?retryWrites=false')).toBe('par_prod');
    expect(databaseName('mongodb://u:p@h1,h2/par%5Fx', 'ignored')).toBe('par_x');
    expect(databaseName('mongodb://127.0.0.1:27017/', 'fromOption')).toBe('fromOption');
    expect(databaseName('mongodb://127.0.0.1:27017/?authSource=admin', 'fromOption')).toBe('fromOption');
    expect(databaseName('mongodb://127.0.0.1:27017')).toBe('par_ledger');
    expect(() => databaseName('mongodb://127.0.0.1:27017/a.b')).toThrow('a.b');
  });

  it('fails fast on an unreachable server, naming the URL without its credentials', async () => {
    const started = Date.now();
    const connecting = MongoReadStore.connect('mongodb://reader:s3cret@127.0.0.1:9/par', {
      serverSelectionTimeoutMS: 300,
    });
    await expect(connecting).rejects.toThrow('mongodb://reader@127.0.0.1:9/par');
    await expect(connecting).rejects.not.toThrow('s3cret');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('rejects a URL that is not a MongoDB URL, without echoing its credentials', async () => {
    await expect(MongoReadStore.connect('postgres://reader:s3cret@127.0.0.1/par')).rejects.toThrow(
      /^Invalid MongoDB URL postgres:\/\/reader@127\.0\.0\.1\/par: /,
    );
  });
});

describe('SqliteReadStore on disk', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = tempDir();
    file = path.join(dir, 'nested', 'deeper', 'read.db');
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A second, read-only connection: sees what the store committed, independent of its caches. */
  function inspect<T>(query: (db: Database.Database) => T): T {
    const db = new Database(file, { readonly: true });
    try {
      return query(db);
    } finally {
      db.close();
    }
  }

  it('creates the parent folders and opens the file in WAL mode', async () => {
    const store = SqliteReadStore.open(file);
    await store.close();
    expect(fs.existsSync(file)).toBe(true);
    expect(inspect((db) => db.pragma('journal_mode', { simple: true }))).toBe('wal');
  });

  it('keeps documents, positions, checkpoints and meta across close and reopen', async () => {
    const first = SqliteReadStore.open(file);
    await first.ensureCollection({ name: 'agencies', indexes: [['group']] });
    await first.write(
      [
        { collection: 'agencies', id: 'SNV', doc: { name: 'Sở Nội vụ', group: 'A' }, position: 7 },
        { collection: 'agencies', id: 'STP', doc: { name: 'Sở Tư pháp', group: 'B' }, position: 9 },
      ],
      [{ projection: 'agencyView', position: 9 }],
    );
    await first.setMeta('agencyView.live', 'v1');
    await first.close();

    const second = SqliteReadStore.open(file);
    try {
      expect(await second.get('agencies', 'SNV')).toEqual({ doc: { name: 'Sở Nội vụ', group: 'A' }, position: 7 });
      expect(await second.find('agencies', { filter: { group: 'B' } })).toEqual([{ name: 'Sở Tư pháp', group: 'B' }]);
      expect(await second.checkpoint('agencyView')).toBe(9);
      expect(await second.getMeta('agencyView.live')).toBe('v1');
      // Positions persisted too: a replayed older write is still ignored, a checkpoint still cannot go back.
      await second.write([{ collection: 'agencies', id: 'SNV', doc: { name: 'stale' }, position: 7 }], [{ projection: 'agencyView', position: 2 }]);
      expect((await second.get('agencies', 'SNV'))?.doc).toEqual({ name: 'Sở Nội vụ', group: 'A' });
      expect(await second.checkpoint('agencyView')).toBe(9);
    } finally {
      await second.close();
    }
  });

  it('creates partial expression indexes per collection and drops them with it', async () => {
    const store = SqliteReadStore.open(file);
    await store.ensureCollection({ name: 'audit', indexes: [['at'], ['actor.agency', 'at']] });
    await store.ensureCollection({ name: 'rankings', indexes: [['year']] });
    const indexes = () =>
      inspect(
        (db) =>
          db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name LIKE 'rs:%' ORDER BY name`).all() as { name: string; sql: string }[],
      );
    expect(indexes().map((i) => i.name)).toEqual(['rs:audit:actor.agency,at', 'rs:audit:at', 'rs:rankings:year']);
    expect(indexes()[0].sql).toContain(`json_extract(doc, '$.actor.agency')`);
    expect(indexes()[0].sql).toContain(`WHERE collection = 'audit'`);

    await store.dropCollection('audit');
    await store.close();
    expect(indexes().map((i) => i.name)).toEqual(['rs:rankings:year']);
  });

  it('serves ranges and sorts on an indexed field from its index', async () => {
    const store = SqliteReadStore.open(file);
    try {
      await store.ensureCollection({ name: 'audit', indexes: [['at']] });
      const plan = store.explainFind('audit', {
        filter: { at: { $gte: '2024-01-01' } },
        sort: [{ field: 'at', direction: -1 }],
        limit: 20,
      });
      expect(plan.join('\n')).toContain('rs:audit:at');
      expect(plan.join('\n')).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    } finally {
      await store.close();
    }
  });

  it('serves equality, array containment included, from the index of the field', async () => {
    const store = SqliteReadStore.open(file);
    try {
      await store.ensureCollection({ name: 'audit', indexes: [['actor.agency', 'at'], ['at']] });
      const plan = store.explainFind('audit', { filter: { 'actor.agency': { $in: ['SNV', null, true] } } }).join('\n');
      const searches = plan.match(/USING (COVERING )?INDEX rs:audit:actor\.agency,at \(collection=\? AND <expr>/g);
      expect(searches).toHaveLength(4); // one per value, one for arrays
      expect(plan).not.toMatch(/SCAN documents/);
    } finally {
      await store.close();
    }
  });

  it('uses an index created after the collection was first queried, and stops after a drop', async () => {
    const store = SqliteReadStore.open(file);
    try {
      const plan = () => store.explainFind('audit', { filter: { actor: 'u1' } }).join('\n');
      expect(plan()).not.toContain('rs:audit:actor');
      await store.ensureCollection({ name: 'audit', indexes: [['actor']] });
      expect(plan()).toContain('rs:audit:actor');
      await store.dropCollection('audit');
      expect(plan()).not.toContain('rs:audit:actor');
    } finally {
      await store.close();
    }
  });

  it('sees indexes created by another connection after reopening', async () => {
    const first = SqliteReadStore.open(file);
    await first.ensureCollection({ name: 'audit', indexes: [['actor']] });
    await first.close();
    const second = SqliteReadStore.open(file);
    try {
      expect(second.explainFind('audit', { filter: { actor: 'u1' } }).join('\n')).toContain('rs:audit:actor');
    } finally {
      await second.close();
    }
  });
});
