import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { createTestDatabase } from './postgresDatabase';
import { servers } from './servers';

/** Fresh, empty stores for one test, as the environment variables the service reads. */
export interface BackendInstance {
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

export interface Backend {
  name: string;
  create(): Promise<BackendInstance>;
}

export const sqliteBackend: Backend = {
  name: 'SQLite (embedded)',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'par-ledger-'));
    return { env: { PAR_DATA_DIR: dir, EVENT_STORE: 'sqlite', READ_STORE: 'sqlite' }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

export const postgresMongoBackend: Backend = {
  name: 'PostgreSQL + MongoDB',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'par-ledger-'));
    const pg = await createTestDatabase(servers.postgres as string);
    const mongoUrl = new URL(servers.mongodb as string);
    mongoUrl.pathname = `/par_test_${randomBytes(6).toString('hex')}`;
    return {
      env: { PAR_DATA_DIR: dir, EVENT_STORE: 'postgres', EVENT_STORE_URL: pg.url, READ_STORE: 'mongodb', READ_STORE_URL: mongoUrl.toString() },
      async cleanup() {
        const client = new MongoClient(servers.mongodb as string);
        try {
          await client.connect();
          await client.db(mongoUrl.pathname.slice(1)).dropDatabase();
        } finally {
          await client.close();
        }
        await pg.drop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const announced = new Set<string>();

/** SQLite always; PostgreSQL + MongoDB where both test servers are configured (CI), with a skip line otherwise. */
export function availableBackends(suite: string): Backend[] {
  if (servers.postgres && servers.mongodb) return [sqliteBackend, postgresMongoBackend];
  if (!announced.has(suite)) {
    announced.add(suite);
    process.stderr.write(`skipped: ${suite} on PostgreSQL + MongoDB (set TEST_POSTGRES_URL and TEST_MONGODB_URL to run it)\n`);
  }
  return [sqliteBackend];
}
