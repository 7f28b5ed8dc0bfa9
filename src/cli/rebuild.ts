import 'reflect-metadata';
import { SingleBar, Presets } from 'cli-progress';
import { allProjections } from '../projections/allProjections';
import { ProjectionRunner, type RebuildProgress } from '../projections/runner/projectionRunner';
import { openStores } from '../stores';
import { configOrExit, EXIT_REFUSED, parseFlags, runTool } from './cliSupport';
import { describeEventStore, refuseAbsentEventStore, refuseEmptyEventStore } from './storeChecks';

const usage = `usage: npm run rebuild -- [projection ...]
Replays the event log, in one pass, into a new generation of each named read model (all when none is named) and
switches each to it once caught up (on a read store that lacks them, the first build is that pass); prints each projector's time and the time spent reading and writing. A running service keeps serving the old generation meanwhile and switches within a second.
Projections: ${allProjections.map((p) => p.name).join(', ')}`;

/**
 * A bar over the log following the projection furthest behind (one pass builds them all), with the rate and the
 * time left since it was made; nothing is drawn until the first batch.
 */
function progressBar(verb: string) {
  const bar = new SingleBar(
    { format: `${verb} [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | {eta_formatted} left`, etaBuffer: 20 },
    Presets.shades_classic,
  );
  const positions = new Map<string, number>();
  const started = Date.now();
  let shown = false;
  return {
    update(p: RebuildProgress) {
      if (!shown) {
        shown = true;
        bar.start(p.head, 0, { rate: 0 });
      }
      positions.set(p.projection, p.position);
      const position = Math.min(...positions.values());
      bar.setTotal(p.head);
      bar.update(position, { rate: Math.round(position / Math.max((Date.now() - started) / 1000, 0.001)) });
    },
    stop() {
      if (shown) bar.stop();
    },
  };
}

runTool('npm run rebuild', async () => {
  const { values, positionals: names } = parseFlags({ options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true }, usage);
  if (values.help) return console.log(usage);
  const unknown = names.filter((n) => !allProjections.some((p) => p.name === n));
  if (unknown.length > 0) {
    console.error(`unknown projection ${unknown.join(', ')}`);
    console.error(usage);
    return EXIT_REFUSED;
  }
  const config = configOrExit();
  refuseAbsentEventStore(config);
  const { events, readStore } = await openStores(config);
  let runner: ProjectionRunner | null = null;
  try {
    await refuseEmptyEventStore(events, config);
    console.log(`replaying ${describeEventStore(config)}`);
    const chosen = names.length > 0 ? names : allProjections.map((p) => p.name);
    // One bar for the build a start runs on a new read store, another for the rebuild.
    let bar = progressBar('building');
    runner = new ProjectionRunner(events, readStore, allProjections, { log: (m) => console.log(m), onBuildProgress: (p) => bar.update(p) });
    const startedAt = performance.now();
    await runner.start();
    bar.stop();
    // What start() just built from the whole log is as new as a rebuild would make it: not replayed twice.
    const fresh = runner.builtOnStart().filter((n) => chosen.includes(n));
    if (fresh.length > 0) {
      const ms = performance.now() - startedAt;
      const head = await events.headPosition();
      console.log(`built ${fresh.join(', ')} on start: ${head} events in ${(ms / 1000).toFixed(1)} s (${Math.round(head / (ms / 1000))} events/s)`);
    }
    const toRebuild = chosen.filter((n) => !fresh.includes(n));
    if (toRebuild.length === 0) return;
    bar = progressBar('rebuilding');
    const report = await runner.rebuildMany(toRebuild, (p) => bar.update(p));
    bar.stop();
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `${toRebuild.length} projection(s) over ${report.events} events in ${seconds(report.ms)} (${Math.round(report.events / (report.ms / 1000))} events/s)`,
    );
    for (const status of runner.status().filter((s) => toRebuild.includes(s.name))) {
      console.log(
        `  ${status.name.padEnd(18)} ${seconds(report.projectorMs[status.name] ?? 0).padStart(8)}  generation ${status.generation} at position ${status.checkpoint}`,
      );
    }
    const { readLog, loadDocuments, writeDocuments } = report.storeMs;
    console.log(`  ${'reading the log'.padEnd(18)} ${seconds(readLog).padStart(8)}`);
    console.log(`  ${'loading documents'.padEnd(18)} ${seconds(loadDocuments).padStart(8)}`);
    console.log(`  ${'writing documents'.padEnd(18)} ${seconds(writeDocuments).padStart(8)}`);
  } finally {
    await runner?.stop();
    await readStore.close();
    await events.close();
  }
});
