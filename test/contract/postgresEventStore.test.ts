import pg from 'pg';
import { canonicalJson } from '../../src/events/canonicalJson';
import { verifyChain } from '../../src/events/hashChain';
import { PostgresEventStore } from '../../src/events/store/postgres/postgresEventStore';
import { expectConsistentRun, runConcurrentWriters } from '../support/concurrentWriters';
import { createTestDatabase, freshPostgresStore } from '../support/postgresDatabase';
import { describeWithServer, servers } from '../support/servers';
import { eventStoreContract, metadata, newEvent } from './eventStore.contract';

describeWithServer('PostgresEventStore', servers.postgres, 'TEST_POSTGRES_URL', (serverUrl) => {
  eventStoreContract(
    'postgres',
    () => freshPostgresStore(serverUrl),
    async (history) => {
      const db = await createTestDatabase(serverUrl);
      const store = await PostgresEventStore.connect(db.url);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        for (const e of history) {
          await client.query(
            'INSERT INTO par_events (global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
            [
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
            ],
          );
        }
      } finally {
        await client.end();
      }
      return {
        store,
        cleanup: async () => {
          await store.close();
          await db.drop();
        },
      };
    },
  );

  describe('on a real server', () => {
    let db: { url: string; drop: () => Promise<void> };
    beforeEach(async () => {
      db = await createTestDatabase(serverUrl);
    });
    afterEach(async () => db.drop());

    it('keeps a follower gapless and consistent with every stream while three processes append concurrently', async () => {
      const reader = await PostgresEventStore.connect(db.url); // migrates before the writers race for the schema
      try {
        const run = await runConcurrentWriters(reader, 'postgres', db.url);
        expectConsistentRun(run);
        expect(run.conflicts).toBeGreaterThan(0);
        expect(await verifyChain((after, limit) => reader.readAll(after, limit))).toMatchObject({ checked: run.seen.length, firstBreak: null });
      } finally {
        await reader.close();
      }
    }, 120_000);

    it('migrates once when two instances start together, and refuses a newer schema', async () => {
      const [a, b] = await Promise.all([PostgresEventStore.connect(db.url), PostgresEventStore.connect(db.url)]);
      await a.close();
      await b.close();
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        expect((await client.query('SELECT version FROM par_schema_migrations ORDER BY version')).rows).toEqual([
          { version: 1 },
          { version: 2 },
          { version: 3 },
        ]);
        await client.query("INSERT INTO par_schema_migrations (version, name) VALUES (99, 'from the future')");
      } finally {
        await client.end();
      }
      await expect(PostgresEventStore.connect(db.url)).rejects.toThrow(/schema version 99/);
    });

    it('refuses to update or delete events, so history cannot be rewritten through SQL', async () => {
      const store = await PostgresEventStore.connect(db.url);
      await store.append('s', [newEvent('A')], { expectedVersion: 0, metadata: metadata() });
      await store.close();
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        await expect(client.query("UPDATE par_events SET data = '{}'")).rejects.toThrow(/append-only/);
        await expect(client.query('DELETE FROM par_events')).rejects.toThrow(/append-only/);
      } finally {
        await client.end();
      }
    });

    it('wakes a follower in another process when this one appends (LISTEN/NOTIFY)', async () => {
      const writer = await PostgresEventStore.connect(db.url);
      const follower = await PostgresEventStore.connect(db.url);
      try {
        const woken = new Promise<void>((resolve) => follower.onAppend(resolve));
        await writer.append('s', [newEvent('A')], { expectedVersion: 0, metadata: metadata() });
        await woken;
        expect(await follower.headPosition()).toBe(1);
      } finally {
        await writer.close();
        await follower.close();
      }
    });

    it('says which server it could not reach, without the password', async () => {
      await expect(PostgresEventStore.connect('postgres://someone:secret@127.0.0.1:1/nowhere')).rejects.toThrow(
        /cannot use PostgreSQL at postgres:\/\/someone@127\.0\.0\.1:1\/nowhere/,
      );
    });
  });
});
