import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { EventStore } from '../../src/events/store/eventStore';
import { PostgresEventStore } from '../../src/events/store/postgres/postgresEventStore';
import { SqliteEventStore } from '../../src/events/store/sqlite/sqliteEventStore';
import { configure } from '../../src/events/store/sqlite/sqliteSchema';
import type { BenchContext } from '../context';
import { row, type Row } from '../report';
import { benchPayload, drive, perSecond, type DriveResult } from './drive';

const METADATA = {
  actor: { sub: 'bench', name: 'bench', agency: null, roles: ['ADMIN'] },
  commandId: 'bench',
  correlationId: 'bench',
  causationId: 'bench',
  recordedAt: '2026-01-01T00:00:00.000Z',
};

/** Each drive gets its own streams: rows sharing one store must not find a lane's stream already written. */
let runs = 0;
export const nextRun = () => `${process.pid}-${++runs}`;

/** One event per append on the lane's own stream at the version it expects: what a command does. */
export function parAppend(store: EventStore, run: string, lane: number, n: number): Promise<unknown> {
  return store.append(`bench-${run}-${lane}`, [{ type: 'BenchAppended', schemaVersion: 1, data: benchPayload(lane, n) }], {
    expectedVersion: n,
    metadata: { ...METADATA, recordedAt: new Date().toISOString() },
  });
}

/** The raw driver's row: the same columns as PAR Ledger's events table, one row per transaction. */
const RAW_TABLE = `CREATE TABLE IF NOT EXISTS bench_raw_events (global_position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL,
  stream_version INTEGER NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL, UNIQUE (stream_id, stream_version))`;

const rawRow = (lane: number, n: number, position: number) => [
  position,
  crypto.randomUUID(),
  `bench-${lane}`,
  n + 1,
  'BenchAppended',
  1,
  JSON.stringify(benchPayload(lane, n)),
  JSON.stringify(METADATA),
  '0'.repeat(64),
  'f'.repeat(64),
];

export function rawSqlite(file: string, durationMs: number): Promise<DriveResult> {
  const db = new Database(file);
  configure(db, false); // WAL, synchronous = FULL, as the project's adapter
  db.exec(RAW_TABLE);
  const insert = db.prepare('INSERT INTO bench_raw_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  let position = 0;
  // better-sqlite3 is synchronous: "in flight" means nothing here, one row per implicit transaction.
  return drive({ inFlight: 1, durationMs }, async (lane, n) => {
    insert.run(...rawRow(lane, n, ++position));
  }).finally(() => db.close());
}

async function rawPostgres(url: string, durationMs: number): Promise<DriveResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(RAW_TABLE.replace('INTEGER PRIMARY KEY', 'BIGINT PRIMARY KEY').replace('bench_raw_events', 'bench_raw_events'));
  let position = 0;
  try {
    return await drive({ inFlight: 1, durationMs }, async (lane, n) => {
      await client.query('INSERT INTO bench_raw_events VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', rawRow(lane, n, ++position));
    });
  } finally {
    await client.end();
  }
}

const failedOf = (r: DriveResult) => r.failed;

export async function sqliteAppendRows(ctx: BenchContext): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = ctx.scratch('append-sqlite');
  const raw = await rawSqlite(join(dir, 'raw.sqlite'), ctx.preset.appendMs);
  const rawRate = perSecond(raw);
  const baseline = { baseline: rawRate, baselineName: 'raw better-sqlite3, 1 row/tx, synchronous FULL' };
  for (const inFlight of [1, 10, 100]) {
    const id = inFlight === 1 ? 'append-sqlite-seq' : `append-sqlite-c${inFlight}`;
    if (!ctx.wants(id)) continue;
    const file = join(dir, `par-${inFlight}.sqlite`);
    const store = SqliteEventStore.open(file);
    const run = nextRun();
    const result = await drive({ inFlight, durationMs: ctx.preset.appendMs }, (lane, n) => parAppend(store, run, lane, n).then(() => undefined)).finally(() =>
      store.close(),
    );
    const what = inFlight === 1 ? 'SQLite append, sequential' : `SQLite append, ${inFlight} in flight`;
    rows.push(row(id, { what, unit: 'appends/s', project: perSecond(result), ...baseline, failed: failedOf(result) }));
  }
  rmSync(dir, { recursive: true, force: true });
  return rows;
}

interface EmmettAdapter {
  append(streamId: string, expectedVersion: number, data: unknown): Promise<void>;
  close(): Promise<void>;
}

async function emmett(ctx: BenchContext, url: string, inFlight: number): Promise<DriveResult> {
  const { openEmmettPostgres } = ctx.peers() as { openEmmettPostgres(url: string): EmmettAdapter };
  const store = openEmmettPostgres(url);
  const prefix = `emmett-${inFlight}-${Date.now()}`;
  try {
    return await drive({ inFlight, durationMs: ctx.preset.appendMs }, (lane, n) => store.append(`${prefix}-${lane}`, n, benchPayload(lane, n)));
  } finally {
    await store.close();
  }
}

/** Three writer processes at once, each with 10 appends in flight; rates are added up. */
async function threeProcesses(kind: 'par' | 'emmett', url: string, durationMs: number): Promise<DriveResult> {
  const worker = join(__dirname, 'appendWorker.ts');
  const runs = Array.from(
    { length: 3 },
    () =>
      new Promise<DriveResult>((resolve, reject) => {
        const child = spawn(process.execPath, ['-r', '@swc-node/register', worker, kind, url, String(durationMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('exit', (code) =>
          code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop() as string) as DriveResult) : reject(new Error(`${kind} writer exited ${code}`)),
        );
      }),
  );
  const results = await Promise.all(runs);
  return {
    done: results.reduce((s, r) => s + r.done, 0),
    failed: results.reduce((s, r) => s + r.failed, 0),
    elapsedMs: Math.max(...results.map((r) => r.elapsedMs)),
    latencies: [],
  };
}

export async function postgresAppendRows(ctx: BenchContext, url: string): Promise<Row[]> {
  const rows: Row[] = [];
  const ms = ctx.preset.appendMs;
  if (ctx.wants('append-pg-seq')) {
    const raw = await rawPostgres(url, ms);
    const store = await PostgresEventStore.connect(url);
    const run = nextRun();
    const par = await drive({ inFlight: 1, durationMs: ms }, (lane, n) => parAppend(store, run, lane, n).then(() => undefined)).finally(() => store.close());
    rows.push(
      row('append-pg-seq', {
        what: 'PostgreSQL append, sequential',
        unit: 'appends/s',
        project: perSecond(par),
        baseline: perSecond(raw),
        baselineName: 'raw pg, 1 row/tx',
        failed: par.failed,
      }),
    );
    const peer = await emmett(ctx, url, 1);
    rows.push(
      row('append-pg-seq-emmett', {
        what: 'PostgreSQL append, sequential (vs Emmett)',
        unit: 'appends/s',
        project: perSecond(par),
        baseline: perSecond(peer),
        baselineName: 'Emmett PostgreSQL 0.42.0',
        failed: par.failed,
      }),
    );
  }
  for (const inFlight of [10, 100]) {
    const id = `append-pg-c${inFlight}`;
    if (!ctx.wants(id)) continue;
    const store = await PostgresEventStore.connect(url);
    const run = nextRun();
    const par = await drive({ inFlight, durationMs: ms }, (lane, n) => parAppend(store, run, lane, n).then(() => undefined)).finally(() => store.close());
    const peer = await emmett(ctx, url, inFlight);
    rows.push(
      row(id, {
        what: `PostgreSQL append, ${inFlight} in flight`,
        unit: 'appends/s',
        project: perSecond(par),
        baseline: perSecond(peer),
        baselineName: `Emmett PostgreSQL 0.42.0 (${peer.failed} failed)`,
        failed: par.failed,
      }),
    );
  }
  if (ctx.wants('append-pg-3proc')) {
    const par = await threeProcesses('par', url, ms);
    const peer = await threeProcesses('emmett', url, ms);
    rows.push(
      row('append-pg-3proc', {
        what: 'PostgreSQL append, 3 processes × 10 in flight',
        unit: 'appends/s',
        project: perSecond(par),
        baseline: perSecond(peer),
        baselineName: `Emmett PostgreSQL 0.42.0 (${peer.failed} failed)`,
        failed: par.failed,
      }),
    );
  }
  return rows;
}
