import { fixedDirectory } from '../../src/projections/agencies/agencyDirectory';
import { Presets, SingleBar } from 'cli-progress';
import { CommandHandler } from '../../src/commands/commandHandler';
import { ParCommands } from '../../src/commands/parCommands';
import type { AgencyGroup } from '../../src/events/parEvents';
import type { EventStore } from '../../src/events/store/eventStore';
import { benchFrameworks, leavesOf, planAgencies, planYear, yearsOf, type Leaf } from './plan';
import type { LogShape } from './presets';
import { StreamCache } from './streamCache';
import { PhaseClock, inPool, playYear } from './yearFlow';

/** Events an assessment-year makes on average (measured on the standard log); only sizes the progress bar. */
const EVENTS_PER_ASSESSMENT = 68;

export function estimatedEvents(shape: LogShape): number {
  return planAgencies(shape).length * shape.years * EVENTS_PER_ASSESSMENT;
}

/**
 * Writes a realistic log into an empty store through the real command path (ParCommands → CommandHandler →
 * deciders → EventStore.append), so every event passed the same rules a mutation does and the projections accept
 * it; nothing is written around the domain. A stream cache in front of the store (the generator is the only
 * writer) and many agencies in flight per phase keep it fast: the store's group commit shares each fsync.
 */
export async function generateLog(store: EventStore, shape: LogShape, options: { progress?: boolean; concurrency?: number } = {}): Promise<number> {
  const cache = new StreamCache(store);
  const clock = new PhaseClock();
  const agencies = planAgencies(shape);
  const commands = new ParCommands(new CommandHandler(cache, clock), fixedDirectory(agencies), { complaintDays: 15 });
  const frameworks = benchFrameworks();
  const groups = [...new Set(agencies.map((a) => a.group))];
  const used = frameworks.filter((f) => groups.includes(f.group));
  const leavesByGroup = new Map<AgencyGroup, Leaf[]>(used.map((f) => [f.group, leavesOf(f)]));
  const bar = options.progress
    ? new SingleBar(
        { format: `generating ${shape.name.padEnd(9)} [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | {eta_formatted} left`, etaBuffer: 50 },
        Presets.shades_classic,
      )
    : null;
  const started = Date.now();
  bar?.start(estimatedEvents(shape), 0, { rate: 0 });
  const tick = setInterval(() => {
    const rate = Math.round(cache.appended / Math.max(0.001, (Date.now() - started) / 1000));
    bar?.setTotal(Math.max(bar.getTotal(), cache.appended));
    bar?.update(cache.appended, { rate });
  }, 250);
  try {
    const concurrency = options.concurrency ?? 64;
    clock.set('2015-01-02T01:00:00Z');
    const coordinator = { actor: { sub: 'system:bench', name: 'PAR Ledger bench', agency: null, roles: ['ADMIN'] } };
    await inPool(agencies, concurrency, (a) => commands.registerAgency(coordinator, { code: a.code, name: a.name, group: a.group }));
    for (const framework of used) await commands.publishFramework(coordinator, framework);
    for (const year of yearsOf(shape)) {
      const scripts = planYear(shape, year, agencies, leavesByGroup);
      await playYear({ commands, clock, year, frameworkCodes: used.map((f) => f.code), groups, leavesByGroup, scripts, concurrency });
      cache.forget(`assessment-${year}-`);
    }
  } finally {
    clearInterval(tick);
    bar?.update(cache.appended, { rate: Math.round(cache.appended / Math.max(0.001, (Date.now() - started) / 1000)) });
    bar?.stop();
  }
  return cache.appended;
}
