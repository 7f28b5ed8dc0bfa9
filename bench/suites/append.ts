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

/** Something measured in slices: each call drives it for a while, on streams of its own (one per slice). */
type Sliced = (durationMs: number, slice: number) => Promise<DriveResult>;

/** better-sqlite3 is synchronous: "in flight" means nothing here, one row per implicit transaction. */
export function rawSqlite(file: string): { drive: Sliced; close: () => void } {
  const db = new Database(file);
  configure(db, false); // WAL, synchronous = FULL, as the project's adapter
  db.exec(RAW_TABLE);
  const insert = db.prepare('INSERT INTO bench_raw_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  let position = 0;
  return {
    drive: (durationMs, slice) =>
      drive({ inFlight: 1, durationMs }, async (lane, n) => {
        insert.run(...rawRow(slice * 1000 + lane, n, ++position));
      }),
    close: () => db.close(),
  };
}

async function rawPostgres(url: string): Promise<{ drive: Sliced; close: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(RAW_TABLE.replace('INTEGER PRIMARY KEY', 'BIGINT PRIMARY KEY'));
  let position = 0;
  return {
    drive: (durationMs, slice) =>
      drive({ inFlight: 1, durationMs }, async (lane, n) => {
        await client.query('INSERT INTO bench_raw_events VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', rawRow(slice * 1000 + lane, n, ++position));
      }),
    close: () => client.end(),
  };
}

/** PAR Ledger with `inFlight` appends in flight, a fresh set of streams per slice. */
const parInFlight =
  (store: EventStore, inFlight: number): Sliced =>
  (durationMs) => {
    const run = nextRun();
    return drive({ inFlight, durationMs }, (lane, n) => parAppend(store, run, lane, n).then(() => undefined));
  };

const SLICES = 4;

/**
 * The project and its baseline driven in turns (a b, b a, ...) and each added up, so that both see the same
 * disk: on a shared machine the fsync rate drifts several times over within a minute, and one block each would
 * compare two different disks.
 */
async function alternating(durationMs: number, a: Sliced, b: Sliced): Promise<[DriveResult, DriveResult]> {
  const sum = (x: DriveResult, y: DriveResult): DriveResult => ({
    done: x.done + y.done,
    failed: x.failed + y.failed,
    elapsedMs: x.elapsedMs + y.elapsedMs,
    latencies: x.latencies.concat(y.latencies),
  });
  let ra: DriveResult = { done: 0, failed: 0, elapsedMs: 0, latencies: [] };
  let rb = ra;
  for (let slice = 0; slice < SLICES; slice++) {
    // a b, b a, a b, b a: neither always goes first (the one after the other may find its writes still settling).
    if (slice % 2 === 0) ra = sum(ra, await a(durationMs / SLICES, slice));
    rb = sum(rb, await b(durationMs / SLICES, slice));
    if (slice % 2 === 1) ra = sum(ra, await a(durationMs / SLICES, slice));
  }
  return [ra, rb];
}

const failedOf = (r: DriveResult) => r.failed;

export async function sqliteAppendRows(ctx: BenchContext): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = ctx.scratch('append-sqlite');
  const raw = rawSqlite(join(dir, 'raw.sqlite'));
  const seqStore = SqliteEventStore.open(join(dir, 'par-1.sqlite'));
  // The sequential row is measured in turns with the raw driver; the other rows compare with the same raw rate.
  const [rawResult, seq] = await alternating(ctx.preset.appendMs, raw.drive, parInFlight(seqStore, 1)).finally(async () => {
    raw.close();
    await seqStore.close();
  });
  const baseline = { baseline: perSecond(rawResult), baselineName: 'raw better-sqlite3, 1 row/tx, synchronous FULL' };
  if (ctx.wants('append-sqlite-seq')) {
    rows.push(row('append-sqlite-seq', { what: 'SQLite append, sequential', unit: 'appends/s', project: perSecond(seq), ...baseline, failed: failedOf(seq) }));
  }
  for (const inFlight of [10, 100]) {
    const id = `append-sqlite-c${inFlight}`;
    if (!ctx.wants(id)) continue;
    const store = SqliteEventStore.open(join(dir, `par-${inFlight}.sqlite`));
    const run = nextRun();
    const result = await drive({ inFlight, durationMs: ctx.preset.appendMs }, (lane, n) => parAppend(store, run, lane, n).then(() => undefined)).finally(() =>
      store.close(),
    );
    rows.push(row(id, { what: `SQLite append, ${inFlight} in flight`, unit: 'appends/s', project: perSecond(result), ...baseline, failed: failedOf(result) }));
  }
  rmSync(dir, { recursive: true, force: true });
  return rows;
}

interface EmmettAdapter {
  append(streamId: string, expectedVersion: number, data: unknown): Promise<void>;
  close(): Promise<void>;
}

/** Emmett with `inFlight` appends in flight, on streams of its own per slice; close() when done. */
function emmett(ctx: BenchContext, url: string, inFlight: number): { drive: Sliced; close: () => Promise<void> } {
  const { openEmmettPostgres } = ctx.peers() as { openEmmettPostgres(url: string): EmmettAdapter };
  const store = openEmmettPostgres(url);
  const prefix = `emmett-${inFlight}-${Date.now()}`;
  return {
    drive: (durationMs, slice) => drive({ inFlight, durationMs }, (lane, n) => store.append(`${prefix}-${slice}-${lane}`, n, benchPayload(lane, n))),
    close: () => store.close(),
  };
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
    const raw = await rawPostgres(url);
    const store = await PostgresEventStore.connect(url);
    const [rawResult, par] = await alternating(ms, raw.drive, parInFlight(store, 1)).finally(async () => {
      await raw.close();
      await store.close();
    });
    rows.push(
      row('append-pg-seq', {
        what: 'PostgreSQL append, sequential',
        unit: 'appends/s',
        project: perSecond(par),
        baseline: perSecond(rawResult),
        baselineName: 'raw pg, 1 row/tx',
        failed: par.failed,
      }),
    );
    const peerStore = emmett(ctx, url, 1);
    const peer = await peerStore.drive(ms, 0).finally(() => peerStore.close());
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
    const peerStore = emmett(ctx, url, inFlight);
    const [par, peer] = await alternating(ms, parInFlight(store, inFlight), peerStore.drive).finally(async () => {
      await store.close();
      await peerStore.close();
    });
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
