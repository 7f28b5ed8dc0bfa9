import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MemoryReadStore } from '../../src/projections/memoryReadStore';
import { SqliteReadStore } from '../../src/projections/sqliteReadStore';
import { readStoreContract } from './readStore.contract';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'par-read-store-'));
}

readStoreContract('MemoryReadStore', async () => {
  const store = new MemoryReadStore();
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
      await second.write(
        [{ collection: 'agencies', id: 'SNV', doc: { name: 'stale' }, position: 7 }],
        [{ projection: 'agencyView', position: 2 }],
      );
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
          db
            .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name LIKE 'rs:%' ORDER BY name`)
            .all() as { name: string; sql: string }[],
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
