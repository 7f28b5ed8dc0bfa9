import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PostgresEventStore } from '../../src/events/store/postgres/postgresEventStore';

/**
 * A throw-away database on the test server, so suites never see each other's events. Needs a user that may
 * CREATE DATABASE (the local trust-auth server's postgres user can).
 */
export async function createTestDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `par_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A PostgreSQL event store on a database of its own; cleanup closes it and drops the database. */
export async function freshPostgresStore(serverUrl: string): Promise<{ store: PostgresEventStore; cleanup: () => Promise<void> }> {
  const db = await createTestDatabase(serverUrl);
  const store = await PostgresEventStore.connect(db.url);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await db.drop();
    },
  };
}
