import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore } from '../../src/events/store/postgres/postgresEventStore';
import { SqliteEventStore } from '../../src/events/store/sqlite/sqliteEventStore';
import { createTestDatabase } from '../support/postgresDatabase';
import { describeWithServer, servers } from '../support/servers';
import { groupCommitContract } from './groupCommit.contract';

function sqliteFile(): { file: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'par-ledger-group-'));
  return { file: join(dir, 'events.sqlite'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

groupCommitContract(
  'sqlite',
  async () => {
    const { file, remove } = sqliteFile();
    const store = SqliteEventStore.open(file);
    return {
      store,
      cleanup: async () => {
        await store.close();
        remove();
      },
    };
  },
  async () => {
    const { file, remove } = sqliteFile();
    SqliteEventStore.open(file).close(); // created and migrated before the writer starts
    return { kind: 'sqlite', location: file, open: async () => SqliteEventStore.open(file), cleanup: async () => remove() };
  },
);

describeWithServer('group commit on PostgreSQL', servers.postgres, 'TEST_POSTGRES_URL', (serverUrl) => {
  groupCommitContract(
    'postgres',
    async () => {
      const db = await createTestDatabase(serverUrl);
      const store = await PostgresEventStore.connect(db.url);
      return {
        store,
        cleanup: async () => {
          await store.close();
          await db.drop();
        },
      };
    },
    async () => {
      const db = await createTestDatabase(serverUrl);
      await (await PostgresEventStore.connect(db.url)).close(); // migrated before the writer starts
      return { kind: 'postgres', location: db.url, open: () => PostgresEventStore.connect(db.url), cleanup: db.drop };
    },
  );
});
