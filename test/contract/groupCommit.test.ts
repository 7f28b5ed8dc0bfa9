import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verifyChain } from '../../src/events/hashChain';
import { PostgresEventStore } from '../../src/events/store/postgres/postgresEventStore';
import { SqliteEventStore } from '../../src/events/store/sqlite/sqliteEventStore';
import { createTestDatabase, freshPostgresStore } from '../support/postgresDatabase';
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

describe('SqliteEventStore group commit', () => {
  it('fails only the append whose write fails unexpectedly, and still writes the rest of its group', async () => {
    const { file, remove } = sqliteFile();
    const store = SqliteEventStore.open(file);
    try {
      // A write the checks cannot foresee (a full disk, a constraint added by an operator): here, a trigger.
      const operator = new Database(file);
      operator.exec(
        `CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.stream_id = 'poison' AND NEW.stream_version = 2 BEGIN SELECT RAISE(ABORT, 'poisoned'); END`,
      );
      operator.close();
      const metadata = {
        actor: { sub: 'a', name: 'Đỗ Minh Châu', agency: null, roles: [] },
        commandId: 'c',
        correlationId: 'c',
        causationId: 'c',
        recordedAt: new Date().toISOString(),
      };
      const event = (i: number) => ({ type: 'Noted', schemaVersion: 1, data: { i } });
      let commits = 0;
      store.onAppend(() => commits++);
      const outcomes = await Promise.allSettled(
        ['a', 'b', 'poison', 'c', 'd'].map((stream, i) =>
          store.append(stream, [event(i), event(i)], { expectedVersion: 0, metadata, command: { commandId: `cmd-${stream}`, fingerprint: 'f' } }),
        ),
      );
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect(String((outcomes[2] as PromiseRejectedResult).reason)).toContain('poisoned');
      expect(commits).toBe(1);
      const all = await store.readAll(0, 100);
      expect(all.map((e) => `${e.streamId}:${e.globalPosition}`)).toEqual(['a:1', 'a:2', 'b:3', 'b:4', 'c:5', 'c:6', 'd:7', 'd:8']);
      expect(await store.findCommand('cmd-poison')).toBeNull();
      expect(await verifyChain((after, limit) => store.readAll(after, limit))).toMatchObject({ checked: 8, firstBreak: null });
      // The next append continues from the true head, not from what the failed attempt had sealed.
      expect(await store.append('e', [event(9)], { expectedVersion: 0, metadata })).toMatchObject({ firstPosition: 9 });
    } finally {
      await store.close();
      remove();
    }
  });
});

describeWithServer('group commit on PostgreSQL', servers.postgres, 'TEST_POSTGRES_URL', (serverUrl) => {
  groupCommitContract(
    'postgres',
    () => freshPostgresStore(serverUrl),
    async () => {
      const db = await createTestDatabase(serverUrl);
      await (await PostgresEventStore.connect(db.url)).close(); // migrated before the writer starts
      return { kind: 'postgres', location: db.url, open: () => PostgresEventStore.connect(db.url), cleanup: db.drop };
    },
  );
});
