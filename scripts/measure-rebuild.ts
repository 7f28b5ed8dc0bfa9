/**
 * Measures projection rebuilds on SQLite (issue 8: ≥ 100k events/s over all projections). Generates, once, a
 * realistic log of about `--events` events (scripts/rebuildLog.ts), then, `--runs` times, on a fresh SQLite read
 * store: reads and upcasts the whole log (the floor any rebuild pays), builds every projection from nothing as a
 * service's first start does, rebuilds them all in one pass as `npm run rebuild` does (with each projector's own
 * share of the time), and each projection on its own as `npm run rebuild -- <name>` does. Prints
 * the median of the runs in events per second, and the peak resident memory.
 *
 *   node -r @swc-node/register scripts/measure-rebuild.ts [--events 100000] [--runs 3] [--dir /tmp/par-measure] [--skip-each]
 *   node --cpu-prof --cpu-prof-dir /tmp/prof -r @swc-node/register scripts/measure-rebuild.ts --runs 1
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { SqliteEventStore } from '../src/events/store/sqlite/sqliteEventStore';
import { upcast } from '../src/events/upcasters';
import { allProjections } from '../src/projections/allProjections';
import { ProjectionRunner } from '../src/projections/runner/projectionRunner';
import { SqliteReadStore } from '../src/projections/store/sqlite/sqliteReadStore';
import { rebuildLog } from './rebuildLog';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const target = Number(flag('events', '100000'));
const runs = Number(flag('runs', '3'));
const dir = flag('dir', '/tmp/par-measure');
const skipEach = args.includes('--skip-each');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(f: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await f();
  return performance.now() - start;
}

async function main() {
  fs.mkdirSync(dir, { recursive: true });
  const logFile = path.join(dir, `log-${target}.db`);
  await rebuildLog(logFile, target, (m) => console.log(m));
  const events = SqliteEventStore.open(logFile);
  const head = await events.headPosition();
  console.log(`log: ${head} events (${logFile})`);
  const samples = new Map<string, number[]>();
  const sample = (name: string, ms: number) => samples.set(name, [...(samples.get(name) ?? []), ms]);
  try {
    for (let run = 1; run <= runs; run++) {
      sample(
        'read + upcast the log',
        await timed(async () => {
          for (let after = 0; after < head;) {
            const batch = await events.readAll(after, 500);
            for (const e of batch) upcast(e);
            after = batch[batch.length - 1].globalPosition;
          }
        }),
      );
      const readFile = path.join(dir, `read-${process.pid}.db`);
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(readFile + suffix, { force: true });
      const readStore = SqliteReadStore.open(readFile);
      const runner = new ProjectionRunner(events, readStore, allProjections);
      try {
        // A first start on an empty read store builds every projection before serving.
        sample('first start: all projections', await timed(() => runner.start()));
        // `npm run rebuild`: every projection in one pass beside the live generations; each projector's own share.
        const report = await runner.rebuildMany(allProjections.map((p) => p.name));
        sample('rebuild all (one pass)', report.ms);
        for (const [name, ms] of Object.entries(report.projectorMs)) sample(`  of which ${name}`, ms);
        for (const [name, ms] of Object.entries(report.storeMs)) sample(`  of which ${name}`, ms);
        if (!skipEach) for (const p of allProjections) sample(`rebuild ${p.name}`, await timed(() => runner.rebuild(p.name)));
      } finally {
        await runner.stop();
        await readStore.close();
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(readFile + suffix, { force: true });
      }
      console.log(`run ${run}: ${[...samples].map(([k, v]) => `${k} ${(v[v.length - 1] / 1000).toFixed(2)} s`).join('; ')}`);
    }
  } finally {
    await events.close();
  }
  console.log(`\nmedian of ${runs} run(s), ${head} events:`);
  for (const [name, ms] of samples) {
    const m = median(ms);
    console.log(
      `${name.padEnd(34)} ${(m / 1000).toFixed(2).padStart(8)} s ${Math.round(head / (m / 1000))
        .toLocaleString('en')
        .padStart(12)} events/s`,
    );
  }
  console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
