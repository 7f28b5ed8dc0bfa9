import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { EventStore } from '../../events/store/eventStore';
import { PostgresEventStore } from '../../events/store/postgres/postgresEventStore';
import { SqliteEventStore } from '../../events/store/sqlite/sqliteEventStore';
import { redactUrl } from '../../shared/redactUrl';

export type CrashStore = 'sqlite' | 'postgres';

/** Fresh stores for one crash-test run: the service's environment, a reader of its log, and how to remove them. */
interface ScratchStores {
  env: Record<string, string>;
  description: string;
  openLog(): Promise<EventStore>;
  remove(): Promise<void>;
}

/**
 * A temporary data folder (SQLite log and read models), and for PostgreSQL a scratch database created on the
 * server at `serverUrl` (the user needs CREATEDB) and dropped afterwards.
 */
export async function createScratchStores(store: CrashStore, serverUrl: string | null): Promise<ScratchStores> {
  const dir = mkdtempSync(join(tmpdir(), 'par-crash-'));
  const removeDir = async () => rmSync(dir, { recursive: true, force: true });
  const common = { PAR_DATA_DIR: dir, READ_STORE: 'sqlite' };
  if (store === 'sqlite') {
    return {
      env: { ...common, EVENT_STORE: 'sqlite' },
      description: `SQLite in ${dir}`,
      openLog: async () => SqliteEventStore.open(join(dir, 'events.sqlite')),
      remove: removeDir,
    };
  }
  if (!serverUrl) throw new Error('--store postgres needs a server: pass --url or set TEST_POSTGRES_URL or EVENT_STORE_URL');
  const name = `par_crash_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { ...common, EVENT_STORE: 'postgres', EVENT_STORE_URL: url.toString() },
    description: `PostgreSQL database ${name} on ${redactUrl(serverUrl)}`,
    openLog: () => PostgresEventStore.connect(url.toString()),
    async remove() {
      await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await removeDir();
    },
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return await work(client);
  } catch (error) {
    throw new Error(`cannot use PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}`, { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
}
