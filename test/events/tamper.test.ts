import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { EventMetadata, NewEvent } from '../../src/events/envelope';
import { verifyChain } from '../../src/events/hashChain';
import { CorruptEventError } from '../../src/events/storedEvent';
import type { EventStore } from '../../src/events/store/eventStore';
import { PostgresEventStore } from '../../src/events/store/postgres/postgresEventStore';
import { SqliteEventStore } from '../../src/events/store/sqlite/sqliteEventStore';
import { REGISTER_AGENCY } from '../e2e/operations';
import { createTestDatabase } from '../support/postgresDatabase';
import { startTestService, type TestService } from '../support/service';
import { servers } from '../support/servers';
import {
  changedByte,
  INTEGER_COLUMNS,
  tamperablePostgres,
  tamperableSqlite,
  tamperableSqliteCopy,
  TEXT_COLUMNS,
  type TamperableLog,
  type TamperColumn,
} from '../support/tamperableLog';

const PROJECT_ROOT = resolve(__dirname, '../..');
const run = promisify(execFile);

/** A small log with the kinds of JSON a real one holds: Vietnamese text, numbers, arrays, nulls, escapes. */
const EVENTS: { stream: string; event: NewEvent }[] = [
  { stream: 'agency-TAMKY', event: { type: 'AgencyRegistered', schemaVersion: 1, data: { code: 'TAMKY', name: 'UBND thành phố Tam Kỳ', group: 'DISTRICT' } } },
  { stream: 'agency-SNV', event: { type: 'AgencyRegistered', schemaVersion: 1, data: { code: 'SNV', name: 'Sở Nội vụ', group: 'DEPARTMENT' } } },
  {
    stream: 'assessment-2026-TAMKY',
    event: {
      type: 'SelfAssessmentSubmitted',
      schemaVersion: 1,
      data: { scores: [{ criterionCode: '1.1.1', points: 7.7001, evidence: ['KH số 12/KH-UBND\tngày 10/01/2025'] }], note: null },
    },
  },
  {
    stream: 'assessment-2026-TAMKY',
    event: { type: 'CriterionAppraised', schemaVersion: 2, data: { round: 1, points: -0.25, large: 1e21, ok: true, quote: 'tài liệu "kiểm chứng" \\ đủ' } },
  },
  { stream: 'agency-TAMKY', event: { type: 'AgencyRenamed', schemaVersion: 1, data: { name: 'Thành phố Tam Kỳ' } } },
  { stream: 'cycle-2026', event: { type: 'RankingPublished', schemaVersion: 1, data: { entries: [{ rank: 1, agencyCode: 'TAMKY', indexPercent: 91.25 }] } } },
];

const metadata = (i: number): EventMetadata => ({
  actor: { sub: `user-${i}`, name: 'Nguyễn Thị Hoà', agency: i % 2 ? null : 'SNV', roles: ['COORDINATOR'] },
  commandId: `cmd-${i}`,
  correlationId: `corr-${i}`,
  causationId: `cmd-${i}`,
  recordedAt: `2026-01-0${i + 1}T08:00:00.000Z`,
});

async function writeLog(store: EventStore): Promise<void> {
  for (const [i, { stream, event }] of EVENTS.entries()) {
    await store.append(stream, [event], { expectedVersion: 'any', metadata: metadata(i), command: { commandId: `cmd-${i}`, fingerprint: `f-${i}` } });
  }
}

interface Change {
  position: number;
  column: TamperColumn;
  offset: number;
  /** The row is now at this position (a changed global_position moves it). */
  nowAt: number;
}

/**
 * Applies every single-byte change to every column of every row, one at a time, and hands each applied change
 * to `check` before putting the row back. Returns how many changes the database refused.
 */
async function everySingleByteChange(log: TamperableLog, check: (change: Change) => Promise<void>): Promise<{ applied: number; refused: number }> {
  let applied = 0;
  let refused = 0;
  for (const row of await log.rows()) {
    const position = Number(row.global_position);
    for (const column of TEXT_COLUMNS) {
      const bytes = Buffer.from(row[column], 'utf8');
      for (let offset = 0; offset < bytes.length; offset++) {
        const changed = Buffer.from(bytes);
        changed[offset] = changedByte(bytes[offset]);
        if (!(await log.setText(position, column, changed))) {
          refused++;
          continue;
        }
        applied++;
        await check({ position, column, offset, nowAt: position });
        await log.restore(position, row);
      }
    }
    for (const column of INTEGER_COLUMNS) {
      const digits = row[column];
      for (let offset = 0; offset < digits.length; offset++) {
        // Another digit there; when the database refuses it (a position or stream version already taken), the next.
        let value: number | null = null;
        for (let step = 1; step <= 9 && value === null; step++) {
          const candidate = Number(`${digits.slice(0, offset)}${(Number(digits[offset]) + step) % 10}${digits.slice(offset + 1)}`);
          if (await log.setInteger(position, column, candidate)) value = candidate;
        }
        if (value === null) {
          refused++;
          continue;
        }
        applied++;
        const nowAt = column === 'global_position' ? value : position;
        await check({ position, column, offset, nowAt });
        await log.restore(nowAt, row);
      }
    }
  }
  return { applied, refused };
}

function describeStore(
  name: string,
  setup: () => Promise<{ store: EventStore; log: TamperableLog; cliEnv: Record<string, string>; cleanup: () => Promise<void> }>,
) {
  describe(`tampering with a stored event on ${name}`, () => {
    let store: EventStore;
    let log: TamperableLog;
    let cliEnv: Record<string, string>;
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      ({ store, log, cliEnv, cleanup } = await setup());
    }, 60_000);
    afterAll(async () => {
      await log?.close();
      await store?.close();
      await cleanup?.();
    });

    it('reports every single-byte change of every column as a break at that row’s position', async () => {
      expect(await verifyChain((a, l) => store.readAll(a, l))).toMatchObject({ checked: EVENTS.length, firstBreak: null });
      const missed: string[] = [];
      const counts = await everySingleByteChange(log, async ({ position, column, offset }) => {
        const result = await verifyChain((a, l) => store.readAll(a, l));
        if (result.firstBreak?.globalPosition !== position) missed.push(`${column}[${offset}] of ${position}: ${JSON.stringify(result.firstBreak)}`);
      });
      expect(missed).toEqual([]);
      // Only refusals by the database itself are skipped, and they are few (taken positions, malformed uuid or UTF-8).
      expect(counts.applied).toBeGreaterThan(10 * counts.refused);
      if (process.env.PAR_TEST_LOG) console.log(`${name}: ${counts.applied} changes applied and reported, ${counts.refused} refused by the database`);
      expect(await verifyChain((a, l) => store.readAll(a, l))).toMatchObject({ checked: EVENTS.length, firstBreak: null });
    }, 120_000);

    it('makes every reader fail loudly on a row that no longer parses, naming its position, never skipping it', async () => {
      const row = (await log.rows())[3];
      for (const column of ['data', 'metadata'] as const) {
        const bytes = Buffer.from(row[column], 'utf8');
        bytes[0] = changedByte(bytes[0]); // '{' → 'z'
        expect(await log.setText(4, column, bytes)).toBe(true);
        const expected = { name: 'CorruptEventError', globalPosition: 4, reason: expect.stringContaining(`${column} is not valid JSON`) };
        await expect(store.readAll(0, 100)).rejects.toMatchObject(expected);
        await expect(store.readAll(0, 100)).rejects.toBeInstanceOf(CorruptEventError);
        await expect(store.readStream(row.stream_id)).rejects.toMatchObject(expected);
        await log.restore(4, row);
      }
      expect(await store.readAll(0, 100)).toHaveLength(EVENTS.length);
    });

    it('makes `npm run verify` exit non-zero naming the position, also for rows that no longer parse', async () => {
      const rows = await log.rows();
      const row = rows[2];
      const position = Number(row.global_position);
      const samples: { column: (typeof TEXT_COLUMNS)[number]; offset: number }[] = [
        { column: 'data', offset: 0 }, // '{' → 'z': not JSON any more
        { column: 'metadata', offset: 1 }, // '"' → '#'
        { column: 'data', offset: 30 },
        { column: 'hash', offset: 63 },
        { column: 'prev_hash', offset: 0 },
      ];
      for (const { column, offset } of samples) {
        const bytes = Buffer.from(row[column], 'utf8');
        bytes[offset] = changedByte(bytes[offset]);
        expect(await log.setText(position, column, bytes)).toBe(true);
        const outcome = await run(process.execPath, ['-r', '@swc-node/register', 'src/cli/verifyLog.ts'], {
          cwd: PROJECT_ROOT,
          env: { ...process.env, ...cliEnv },
        }).then(
          ({ stdout }) => ({ code: 0, output: stdout }),
          (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: `${error.stdout}${error.stderr}` }),
        );
        expect({ column, code: outcome.code === 0 ? 0 : 'non-zero' }).toEqual({ column, code: 'non-zero' });
        expect(outcome.output).toMatch(new RegExp(`position ${position}\\b`));
        expect(outcome.output).not.toMatch(/Unexpected .* in JSON|at Object\.|\n\s+at /);
        await log.restore(position, row);
      }
    }, 120_000);
  });
}

describeStore('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'par-tamper-'));
  const pristine = join(dir, 'pristine', 'events.sqlite');
  const original = SqliteEventStore.open(pristine);
  await writeLog(original);
  await original.close();
  const dataDir = join(dir, 'copy');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dataDir);
  const log = tamperableSqliteCopy(pristine, join(dataDir, 'events.sqlite'));
  const store = SqliteEventStore.open(join(dataDir, 'events.sqlite'));
  const cliEnv = { PAR_DATA_DIR: dataDir, EVENT_STORE: 'sqlite', READ_STORE: 'memory', PAR_JWT_SECRET: 'tamper-test-secret-0123456789abcdefghij' };
  return { store, log, cliEnv, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

if (servers.postgres) {
  describeStore('PostgreSQL', async () => {
    const database = await createTestDatabase(servers.postgres as string);
    const store = await PostgresEventStore.connect(database.url);
    await writeLog(store);
    const log = await tamperablePostgres(database.url);
    const dir = mkdtempSync(join(tmpdir(), 'par-tamper-'));
    const cliEnv = {
      PAR_DATA_DIR: dir,
      EVENT_STORE: 'postgres',
      EVENT_STORE_URL: database.url,
      READ_STORE: 'memory',
      PAR_JWT_SECRET: 'tamper-test-secret-0123456789abcdefghij',
    };
    return {
      store,
      log,
      cliEnv,
      cleanup: async () => {
        await database.drop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
} else {
  process.stderr.write('skipped: tampering on PostgreSQL (set TEST_POSTGRES_URL to run it)\n');
}

describe('logVerification over GraphQL on a tampered log (SQLite)', () => {
  const VERIFY = `query($full: Boolean) { logVerification(full: $full) { checked headHash incremental checkedFrom verifiedAt firstBreak { position reason } } }`;
  let dir: string;
  let service: TestService;
  let log: TamperableLog;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'par-tamper-gql-'));
    service = await startTestService({ PAR_DATA_DIR: dir, PAR_FULL_VERIFY_INTERVAL_S: '3600' });
    const coordinator = service.token(['COORDINATOR'], 'SNV');
    for (const code of ['TPA', 'TPB', 'TPC', 'TPD', 'TPE']) {
      const answer = await service.gql(REGISTER_AGENCY, { input: { code, name: `Đơn vị ${code}`, group: 'COMMUNE' } }, coordinator);
      expect(answer.errors).toBeUndefined();
    }
    log = tamperableSqlite(join(dir, 'events.sqlite'));
  }, 60_000);
  afterAll(async () => {
    await log?.close();
    await service?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds an unparsable row below the kept head only with the rate-limited full check, and a changed head at once', async () => {
    const inspector = service.token(['INSPECTOR']);
    const verify = async (full?: boolean) => service.gql(VERIFY, full === undefined ? {} : { full }, inspector);

    expect((await verify()).data.logVerification).toMatchObject({ checked: 5, incremental: false, checkedFrom: 1, firstBreak: null });
    const rows = await log.rows();
    const second = rows[1];
    const unparsable = Buffer.from(second.data, 'utf8');
    unparsable[0] = changedByte(unparsable[0]); // '{' becomes 'z'
    expect(await log.setText(2, 'data', unparsable)).toBe(true);

    // The ordinary check continues from position 5: its cost does not grow with the log, so it cannot see this.
    expect((await verify()).data.logVerification).toMatchObject({ checked: 5, incremental: true, checkedFrom: 5, firstBreak: null });
    const full = (await verify(true)).data.logVerification;
    expect(full).toMatchObject({
      checked: 1,
      headHash: rows[0].hash,
      incremental: false,
      checkedFrom: 1,
      firstBreak: { position: 2, reason: expect.stringMatching(/cannot be decoded: data is not valid JSON/) },
    });

    const tooSoon = await verify(true);
    expect(tooSoon.errors?.[0].extensions).toMatchObject({ code: 'INVALID_STATE', field: 'full', retryAfterSeconds: expect.any(Number) });
    expect(tooSoon.errors?.[0].message).toMatch(/next one is allowed at/);
    // Ordinary checks now continue from below the break, so they keep reporting it.
    expect((await verify()).data.logVerification.firstBreak).toMatchObject({ position: 2 });

    await log.restore(2, second);
    const head = rows[4];
    const changedHash = Buffer.from(head.hash, 'utf8');
    changedHash[10] = changedByte(changedHash[10]);
    expect(await log.setText(5, 'hash', changedHash)).toBe(true);
    expect((await verify()).data.logVerification).toMatchObject({
      checked: 4,
      incremental: true,
      firstBreak: { position: 5, reason: expect.stringMatching(/content does not match/) },
    });
  }, 60_000);
});
