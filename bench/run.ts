import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import pg from 'pg';
import { BenchContext, RUN_SETTINGS, ensureGeneratedLog } from './context';
import { LOG_SHAPES } from './generate/presets';
import { USAGE, formatTable, parseArgs, skippedRow, toJson, type Report, type Row } from './report';
import { postgresAppendRows, sqliteAppendRows } from './suites/append';
import { commandRows, readRows, rebuildRows } from './suites/engine';
import { graphqlRows, mutationRows } from './suites/http';

const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A scratch database for this run, or the reason there is none. */
async function scratchDatabase(name: string): Promise<{ url: string; drop(): Promise<void> } | string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    await admin.end().catch(() => undefined);
    return `no PostgreSQL at ${ADMIN_URL} (${(error as Error).message}); set BENCH_POSTGRES_URL`;
  }
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

function commit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

const PG_ROWS: [string, string][] = [
  ['append-pg-seq', 'PostgreSQL append, sequential'],
  ['append-pg-c10', 'PostgreSQL append, 10 in flight'],
  ['append-pg-c100', 'PostgreSQL append, 100 in flight'],
  ['append-pg-3proc', 'PostgreSQL append, 3 processes'],
  ['mutations-pg-c1', 'mutations over HTTP, PostgreSQL, 1 client'],
  ['mutations-pg-c10', 'mutations over HTTP, PostgreSQL, 10 clients'],
];

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const say = (line: string) => console.error(line);
  if (args.generate) {
    await ensureGeneratedLog(LOG_SHAPES[args.generate], say);
    return 0;
  }
  const ctx = new BenchContext(args.preset, RUN_SETTINGS[args.preset], args.only, say);
  const rows: Row[] = [];
  const started = Date.now();
  const step = async (groups: string[], what: () => Promise<Row[]>) => {
    if (!groups.some((group) => ctx.wantsAny(group))) return;
    const t = Date.now();
    rows.push(...(await what()));
    say(`${groups.join(', ')}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  try {
    await step(['append-sqlite'], () => sqliteAppendRows(ctx));
    const pgIds = PG_ROWS.map(([id]) => id);
    const db = pgIds.some((id) => ctx.wantsAny(id)) ? await scratchDatabase(`par_bench_${process.pid}`) : null;
    if (typeof db === 'string') {
      say(`skipped the PostgreSQL rows: ${db}`);
      for (const [id, what] of PG_ROWS) if (ctx.wantsAny(id)) rows.push(skippedRow(id, what, id.startsWith('append') ? 'appends/s' : 'mutations/s', db));
    }
    if (db && typeof db !== 'string') {
      try {
        await step(['append-pg'], () => postgresAppendRows(ctx, db.url));
      } finally {
        await db.drop();
      }
    }
    // The log-based rows share one copy of the generated log; the rebuild leaves read models built for GraphQL.
    const logIds = ['rebuild-sqlite', 'commands-sqlite', 'asof-', 'verify-incremental', 'graphql-'];
    if (logIds.some((id) => ctx.wantsAny(id))) {
      const dataDir = await ctx.dataDirWithLog('log');
      await step(['rebuild-sqlite'], () => rebuildRows(ctx, dataDir));
      await step(['asof-'], () => readRows(ctx, dataDir, 'asof'));
      await step(['graphql-'], () => graphqlRows(ctx, dataDir));
      // Last on this copy: they append (a new year's drafts, 100 events for the verifier).
      await step(['verify-incremental'], () => readRows(ctx, dataDir, 'verify'));
      await step(['commands-sqlite'], () => commandRows(ctx, dataDir));
    }
    await step(['mutations-sqlite'], () => mutationRows(ctx, 'sqlite', {}));
    if (ctx.wantsAny('mutations-pg')) {
      const mdb = await scratchDatabase(`par_bench_${process.pid}_m`);
      if (typeof mdb !== 'string') {
        try {
          await step(['mutations-pg'], () => mutationRows(ctx, 'pg', { EVENT_STORE: 'postgres', EVENT_STORE_URL: mdb.url }));
        } finally {
          await mdb.drop();
        }
      }
    }
  } finally {
    ctx.cleanup();
  }
  const report: Report = {
    preset: args.preset,
    cores: availableParallelism(),
    loadAverage: loadavg(),
    date: new Date().toISOString(),
    commit: commit(),
    rows,
  };
  console.log(formatTable(report));
  say(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (args.json) writeFileSync(args.json, `${JSON.stringify(toJson(report), null, 2)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
