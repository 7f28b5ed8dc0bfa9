import 'reflect-metadata';
import { SingleBar, Presets } from 'cli-progress';
import { allProjections } from '../projections/allProjections';
import { ProjectionRunner } from '../projections/runner/projectionRunner';
import { openStores } from '../stores';
import { configOrExit, EXIT_REFUSED, parseFlags, runTool } from './cliSupport';
import { describeEventStore, refuseAbsentEventStore, refuseEmptyEventStore } from './storeChecks';

const usage = `usage: npm run rebuild -- [projection ...]
Replays the event log into a new generation of each named read model (all when none is named) and switches to
it once caught up. A running service keeps serving the old generation meanwhile and switches within a second.
Projections: ${allProjections.map((p) => p.name).join(', ')}`;

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
    runner = new ProjectionRunner(events, readStore, allProjections, { log: (m) => console.log(m) });
    await runner.start();
    for (const name of names.length > 0 ? names : allProjections.map((p) => p.name)) {
      const bar = new SingleBar({ format: `${name.padEnd(18)} [{bar}] {percentage}% | {value}/{total} events | {eta_formatted} left` }, Presets.shades_classic);
      bar.start(await events.headPosition(), 0);
      const started = Date.now();
      await runner.rebuild(name, (p) => {
        bar.setTotal(p.head);
        bar.update(p.position);
      });
      bar.stop();
      const status = runner.status().find((s) => s.name === name);
      console.log(`${name}: generation ${status?.generation} at position ${status?.checkpoint} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await runner?.stop();
    await readStore.close();
    await events.close();
  }
});
