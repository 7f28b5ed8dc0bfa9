import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DuplicateCommandError, StreamVersionConflictError, type EventStore } from '../../src/events/store/eventStore';
import type { RecordedEvent } from '../../src/events/envelope';
import { canonicalJson } from '../../src/events/canonicalJson';
import { hashEvent, verifyChain } from '../../src/events/hashChain';
import { MemoryEventStore } from '../../src/events/store/memory/memoryEventStore';
import { SqliteEventStore } from '../../src/events/store/sqlite/sqliteEventStore';
import { eventStoreContract, metadata, newEvent } from './eventStore.contract';
import { expectConsistentRun, runConcurrentWriters } from '../support/concurrentWriters';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'par-ledger-events-'));
}

function verify(store: EventStore, batchSize?: number) {
  return verifyChain((after, limit) => store.readAll(after, limit), batchSize);
}

eventStoreContract(
  'memory',
  async () => {
    const store = new MemoryEventStore();
    return { store, cleanup: () => store.close() };
  },
  async (history) => {
    const store = new MemoryEventStore(history);
    return { store, cleanup: () => store.close() };
  },
);

eventStoreContract(
  'sqlite',
  async () => {
    const dir = tempDir();
    // A folder that does not exist yet: open() must create it.
    const store = SqliteEventStore.open(join(dir, 'data', 'events.sqlite'));
    return {
      store,
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  async (history) => {
    const dir = tempDir();
    const file = join(dir, 'events.sqlite');
    const store = SqliteEventStore.open(file);
    const db = new Database(file);
    const insert = db.prepare(
      'INSERT INTO events (global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const e of history) {
      insert.run(
        e.globalPosition,
        e.eventId,
        e.streamId,
        e.streamVersion,
        e.type,
        e.schemaVersion,
        canonicalJson(e.data),
        canonicalJson(e.metadata),
        e.prevHash,
        e.hash,
      );
    }
    db.close();
    return {
      store,
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
);

describe('MemoryEventStore', () => {
  it('hands out frozen events, so a caller cannot rewrite history by accident', async () => {
    const store = new MemoryEventStore();
    const result = await store.append('s', [newEvent('Scored', { score: 1, nested: { list: [1] } })], { expectedVersion: 0, metadata: metadata() });
    const [read] = await store.readStream('s');
    expect(Object.isFrozen(read)).toBe(true);
    expect(Object.isFrozen(read.metadata.actor.roles)).toBe(true);
    expect(() => {
      (read.data as { nested: { list: number[] } }).nested.list.push(2);
    }).toThrow(TypeError);
    expect(Object.isFrozen(result.events[0].data)).toBe(true);
    (await store.readAll(0, 10)).pop(); // the array is the caller's own
    expect(await store.readAll(0, 10)).toHaveLength(1);
  });
});

describe('SqliteEventStore', () => {
  let dir: string;
  let file: string;
  const opened: EventStore[] = [];

  function open(): SqliteEventStore {
    const store = SqliteEventStore.open(file);
    opened.push(store);
    return store;
  }

  /** A second connection that bypasses the store, as an operator (or an attacker) with the file would. */
  function raw(): Database.Database {
    const db = new Database(file);
    db.pragma('busy_timeout = 5000');
    return db;
  }

  beforeEach(() => {
    dir = tempDir();
    file = join(dir, 'events.sqlite');
  });

  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('opening', () => {
    it('creates the parent folder, uses WAL and records the applied migrations', async () => {
      file = join(dir, 'a', 'b', 'events.sqlite');
      const store = open();
      expect(existsSync(file)).toBe(true);
      const db = raw();
      try {
        expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
        const migrations = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
        expect(migrations).toEqual([
          { version: 1, name: 'events and commands' },
          { version: 2, name: 'commit time index' },
          { version: 3, name: 'stream and type index' },
        ]);
        const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
        expect(tables).toEqual(['commands', 'events', 'schema_migrations']);
      } finally {
        db.close();
      }
      await store.close();
    });

    it('reads streams by type through the stream and type index, not row by row', async () => {
      const store = open();
      await store.close();
      const db = raw();
      try {
        const statement = (store as unknown as { statements: { selectStreamsOfTypes: Database.Statement } }).statements.selectStreamsOfTypes.source;
        const plan = db.prepare(`EXPLAIN QUERY PLAN ${statement}`).all('["s-1","s-2"]', '["A","B"]', 10) as { detail: string }[];
        expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING (COVERING )?INDEX events_stream_type/);
      } finally {
        db.close();
      }
    });

    it('sets the per-connection pragmas durability and sharing depend on', () => {
      const store = open();
      // Pragmas like synchronous live on the store's own connection; there is no other way to look at them.
      const db = (store as unknown as { db: Database.Database }).db;
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    });

    it('does not re-apply migrations when reopened', async () => {
      await open().close();
      await open().close();
      const db = raw();
      try {
        expect(db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(3);
      } finally {
        db.close();
      }
    });

    it('refuses a file whose schema is newer than the code', async () => {
      await open().close();
      const db = raw();
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', '2030-01-01')").run();
      db.close();
      expect(() => SqliteEventStore.open(file)).toThrow(/schema version 99.*newer/);
    });

    it('keeps events immutable against an accidental UPDATE or DELETE', async () => {
      const store = open();
      await store.append('s', [newEvent('Noted')], { expectedVersion: 0, metadata: metadata(), command: { commandId: 'c', fingerprint: 'f' } });
      const db = raw();
      try {
        expect(() => db.prepare("UPDATE events SET data = '{}'").run()).toThrow(/immutable/);
        expect(() => db.prepare('DELETE FROM events').run()).toThrow(/immutable/);
        expect(() => db.prepare("UPDATE commands SET fingerprint = 'x'").run()).toThrow(/immutable/);
      } finally {
        db.close();
      }
      expect(await store.readStream('s')).toHaveLength(1);
    });
  });

  it('keeps the data, commands and chain across close and reopen', async () => {
    const first = open();
    await first.append('agency-STP', [newEvent('AgencyRegistered', { name: 'Sở Tư pháp', weight: 14.5 })], { expectedVersion: 0, metadata: metadata() });
    await first.append('agency-STP', [newEvent('AgencyRenamed', { name: 'Sở Tư pháp tỉnh Quảng Nam' })], {
      expectedVersion: 1,
      metadata: metadata(),
      command: { commandId: 'cmd-rename', fingerprint: 'fp' },
    });
    const before = await first.readAll(0, 100);
    await first.close();

    const second = open();
    expect(await second.readAll(0, 100)).toEqual(before);
    expect(await second.headPosition()).toBe(2);
    expect(await second.findCommand('cmd-rename')).toEqual({
      commandId: 'cmd-rename',
      fingerprint: 'fp',
      streamId: 'agency-STP',
      firstPosition: 2,
      lastPosition: 2,
    });
    await expect(second.append('agency-STP', [newEvent('X')], { expectedVersion: 1, metadata: metadata() })).rejects.toBeInstanceOf(StreamVersionConflictError);

    const third = await second.append('agency-STP', [newEvent('AgencyMerged', { into: 'SNV' })], { expectedVersion: 2, metadata: metadata() });
    expect(third.events[0]).toMatchObject({ globalPosition: 3, streamVersion: 3, prevHash: before[1].hash });
    expect(await verify(second)).toMatchObject({ checked: 3, firstBreak: null });
  });

  it('keeps positions gapless and the chain linear when two connections on one file append alternately', async () => {
    const one = open();
    const two = open();
    const stores = [one, two];

    for (let i = 0; i < 12; i++) {
      const store = stores[i % 2];
      // The shared stream's version is only right if each connection sees the other's commits.
      await store.append('cycle-2024', [newEvent('Step', { i })], { expectedVersion: i, metadata: metadata() });
      await store.append(`own-${i % 2}`, [newEvent('Own', { i }), newEvent('Own', { i, second: true })], { expectedVersion: 'any', metadata: metadata() });
    }
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => stores[i % 2].append('burst', [newEvent('Burst', { i })], { expectedVersion: 'any', metadata: metadata() })),
    );

    await expect(two.append('cycle-2024', [newEvent('Stale')], { expectedVersion: 11, metadata: metadata() })).rejects.toMatchObject({ actualVersion: 12 });
    await one.append('x', [newEvent('X')], { expectedVersion: 0, metadata: metadata(), command: { commandId: 'shared-cmd', fingerprint: 'fp' } });
    const duplicate = two.append('y', [newEvent('Y')], { expectedVersion: 0, metadata: metadata(), command: { commandId: 'shared-cmd', fingerprint: 'fp' } });
    await expect(duplicate).rejects.toBeInstanceOf(DuplicateCommandError);

    const total = 12 * 3 + 10 + 1;
    const fromOne = await one.readAll(0, 1000);
    expect(fromOne.map((e) => e.globalPosition)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(await two.readAll(0, 1000)).toEqual(fromOne);
    expect((await one.readStream('cycle-2024')).map((e) => (e.data as { i: number }).i)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(await verify(one)).toMatchObject({ checked: total, firstBreak: null });
    expect(await verify(two, 5)).toMatchObject({ checked: total, firstBreak: null });
  });

  it('rolls back everything when an insert fails half-way through an append', async () => {
    const first = open();
    await first.append('s', [newEvent('First')], { expectedVersion: 0, metadata: metadata() });
    await first.close();
    // Fails the third row of the next append, after two rows were already inserted in the same transaction.
    const db = raw();
    db.exec("CREATE TRIGGER fail_third BEFORE INSERT ON events WHEN NEW.stream_version = 4 BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    db.close();
    const store = open();
    const command = { commandId: 'cmd-half', fingerprint: 'fp' };
    const append = () => store.append('s', [newEvent('A'), newEvent('B'), newEvent('C')], { expectedVersion: 1, metadata: metadata(), command });
    // Not `rejects.toThrow`: when jest reuses a worker, better-sqlite3's SqliteError can come from another vm
    // realm, and toThrow then reports "did not throw" for a perfectly real rejection.
    const failure = await append().then(
      () => null,
      (error: unknown) => error,
    );
    expect(String((failure as { message?: unknown } | null)?.message)).toMatch(/injected failure/);
    expect(await store.headPosition()).toBe(1);
    expect(await store.readStream('s')).toHaveLength(1);
    expect(await store.findCommand('cmd-half')).toBeNull();
    await store.close();

    const cleanup = raw();
    cleanup.exec('DROP TRIGGER fail_third');
    cleanup.close();
    const reopened = open();
    const result = await reopened.append('s', [newEvent('A'), newEvent('B'), newEvent('C')], { expectedVersion: 1, metadata: metadata(), command });
    expect([result.firstPosition, result.lastPosition]).toEqual([2, 4]);
    expect(await verify(reopened)).toMatchObject({ checked: 4, firstBreak: null });
  });

  describe('tamper evidence', () => {
    async function fiveEvents(): Promise<SqliteEventStore> {
      const store = open();
      for (let i = 1; i <= 5; i++) {
        await store.append(`assessment-2024-A${i % 2}`, [newEvent('Scored', { score: i * 1.5 })], { expectedVersion: 'any', metadata: metadata() });
      }
      expect(await verify(store)).toMatchObject({ checked: 5, firstBreak: null });
      return store;
    }

    /** Someone with write access to the file can drop the guards; the chain must still give them away. */
    function tamper(sql: string): void {
      const db = raw();
      try {
        db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;');
        db.exec(sql);
      } finally {
        db.close();
      }
    }

    it('reports the first event whose content was changed', async () => {
      const store = await fiveEvents();
      tamper(`UPDATE events SET data = '{"score":100}' WHERE global_position = 3`);
      const verification = await verify(store);
      expect(verification.firstBreak).toEqual({ globalPosition: 3, reason: expect.stringMatching(/content/) });
      expect(verification.checked).toBe(2);
    });

    it('reports the next link when the changed event was also re-hashed', async () => {
      const store = await fiveEvents();
      const [third] = await store.readAll(2, 1);
      const forged: RecordedEvent = { ...third, data: { score: 100 } };
      const { hash: _old, ...unsealed } = forged;
      tamper(`UPDATE events SET data = '{"score":100}', hash = '${hashEvent(unsealed)}' WHERE global_position = 3`);
      const verification = await verify(store);
      expect(verification.firstBreak).toEqual({ globalPosition: 4, reason: expect.stringMatching(/prevHash/) });
    });

    it('reports a deleted event as missing', async () => {
      const store = await fiveEvents();
      tamper('DELETE FROM events WHERE global_position = 2');
      expect((await verify(store)).firstBreak).toEqual({ globalPosition: 2, reason: expect.stringMatching(/missing/) });
    });
  });

  describe('separate processes', () => {
    // Real processes contend for the write lock here (in one process better-sqlite3 calls never overlap).
    it('keeps a catch-up reader gapless and the chain valid while three processes append concurrently', async () => {
      const reader = open(); // also creates the schema before the writers race for it
      const run = await runConcurrentWriters(reader, 'sqlite', file);
      expectConsistentRun(run);
      expect(run.conflicts).toBeGreaterThan(0); // the contended stream really was contended
      expect(await reader.readAll(0, 10_000)).toEqual(run.seen);
      expect(await verify(reader)).toMatchObject({ checked: run.seen.length, firstBreak: null });
    }, 60_000);
  });
});
