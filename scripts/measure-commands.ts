/**
 * Commands per second in process (load, decide, append) on a SQLite event store: issue 8's "commands in process"
 * row, measured without HTTP or projections. Seeds the Quảng Nam agencies and sample frameworks, opens a cycle, then
 * times `--commands` self-assessment submissions (one criterion each, round-robin over the districts, so every
 * assessment stream keeps growing) followed by as many round-1 appraisals of what was submitted. With
 * `--concurrency c` (at most one per district) c commands are in flight, never two on one stream, so the store's
 * group commit shares one fsync among them; one at a time, the fsync per command bounds the rate.
 *
 *   node -r @swc-node/register scripts/measure-commands.ts [--commands 2000] [--runs 3] [--concurrency 1] [--memory]
 *
 * Prints each run and the median; profile with `node --cpu-prof -r @swc-node/register scripts/measure-commands.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandHandler } from '../src/commands/commandHandler';
import { ParCommands } from '../src/commands/parCommands';
import { leavesOf } from '../src/domain/framework/framework';
import { frameworkDecider } from '../src/domain/framework/frameworkDecider';
import type { Actor } from '../src/events/envelope';
import { streams } from '../src/events/parEvents';
import type { EventStore } from '../src/events/store/eventStore';
import { MemoryEventStore } from '../src/events/store/memory/memoryEventStore';
import { SqliteEventStore } from '../src/events/store/sqlite/sqliteEventStore';
import { quangNamAgencies } from '../src/seed/quangNamAgencies';
import { sampleFrameworks } from '../src/seed/sampleFrameworks';
import { seedIfEmpty } from '../src/seed/seed';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const commandCount = flag('commands', 2000);
const runs = flag('runs', 3);
const inMemory = args.includes('--memory');
const concurrency = flag('concurrency', 1);

const YEAR = 2026;
const coordinator: Actor = { sub: 'bench', name: 'Bench', agency: 'SNV', roles: ['ADMIN', 'COORDINATOR'] };
const officer = (agency: string): Actor => ({ sub: `officer.${agency}`, name: `Officer ${agency}`, agency, roles: ['AGENCY_OFFICER'] });
const appraiser = (agency: string): Actor => ({ sub: `appraiser.${agency}`, name: `Appraiser ${agency}`, agency, roles: ['APPRAISER'] });

interface Run {
  submitsPerSecond: number;
  appraisalsPerSecond: number;
  overallPerSecond: number;
}

async function once(): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'par-measure-commands-'));
  const store: EventStore = inMemory ? new MemoryEventStore() : SqliteEventStore.open(join(dir, 'events.sqlite'));
  try {
    const handler = new CommandHandler(store);
    const directory = { agenciesInGroups: async (groups: readonly string[]) => quangNamAgencies.filter((a) => groups.includes(a.group)) };
    const commands = new ParCommands(handler, directory);
    await seedIfEmpty(store, commands);
    await commands.openAssessmentCycle(
      { actor: coordinator },
      {
        year: YEAR,
        frameworkCodes: sampleFrameworks.map((f) => f.code),
        selfAssessmentDeadline: new Date('2099-01-15T10:00:00Z'),
        appraisalDeadline: new Date('2099-03-15T10:00:00Z'),
        bands: [{ label: 'Tốt', minIndexPercent: 80 }],
      },
    );
    const districtFramework = sampleFrameworks.find((f) => f.group === 'DISTRICT')!.code;
    const { state } = await handler.load(streams.framework(districtFramework), frameworkDecider);
    if (!state.published) throw new Error('the district framework was not seeded');
    const leaves = leavesOf(state.framework.areas).filter((l) => l.method !== 'SURVEY' && l.appraiserCode);
    const districts = quangNamAgencies.filter((a) => a.group === 'DISTRICT').map((a) => a.code);
    // Each (district, leaf) pair once: a submission, and later its appraisal.
    const pairs = Array.from({ length: commandCount }, (_, i) => ({
      agencyCode: districts[i % districts.length],
      leaf: leaves[Math.floor(i / districts.length) % leaves.length],
    }));

    // `concurrency` lanes take the pairs in order; commands on one stream wait for each other (no conflicts to retry).
    const lanes = Math.max(1, Math.min(concurrency, districts.length));
    const inLanes = async (work: (pair: (typeof pairs)[number], i: number) => Promise<unknown>) => {
      let next = 0;
      const busy = new Map<string, Promise<unknown>>();
      await Promise.all(
        Array.from({ length: lanes }, async () => {
          while (next < pairs.length) {
            const i = next++;
            const before = busy.get(pairs[i].agencyCode) ?? Promise.resolve();
            const run = before.then(() => work(pairs[i], i));
            busy.set(pairs[i].agencyCode, run);
            await run;
          }
        }),
      );
    };

    const submitStart = performance.now();
    await inLanes(({ agencyCode, leaf }, i) =>
      commands.submitSelfAssessment(
        { actor: officer(agencyCode) },
        { year: YEAR, agencyCode, scores: [{ criterionCode: leaf.code, points: 0, evidence: [`KH số ${i}/KH-UBND`] }] },
      ),
    );
    const submitMs = performance.now() - submitStart;

    const appraiseStart = performance.now();
    const seen = new Set<string>();
    let appraisals = 0;
    await inLanes(async ({ agencyCode, leaf }) => {
      if (seen.has(`${agencyCode}/${leaf.code}`)) return;
      seen.add(`${agencyCode}/${leaf.code}`);
      appraisals++;
      await commands.appraiseCriterion(
        { actor: appraiser(leaf.appraiserCode!) },
        { year: YEAR, agencyCode, criterionCode: leaf.code, round: 1, points: 0, comment: 'đạt' },
      );
    });
    const appraiseMs = performance.now() - appraiseStart;
    return {
      submitsPerSecond: (commandCount / submitMs) * 1000,
      appraisalsPerSecond: (appraisals / appraiseMs) * 1000,
      overallPerSecond: ((commandCount + appraisals) / (submitMs + appraiseMs)) * 1000,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await once();
    results.push(run);
    console.log(
      `run ${i + 1}: submit ${run.submitsPerSecond.toFixed(0)}/s, appraise ${run.appraisalsPerSecond.toFixed(0)}/s, overall ${run.overallPerSecond.toFixed(0)}/s`,
    );
  }
  const store = inMemory ? 'memory' : 'sqlite';
  console.log(
    `median of ${runs} (${commandCount} submissions, ${store}, ${concurrency} in flight): submit ${median(results.map((r) => r.submitsPerSecond)).toFixed(0)}/s, appraise ${median(
      results.map((r) => r.appraisalsPerSecond),
    ).toFixed(0)}/s, overall ${median(results.map((r) => r.overallPerSecond)).toFixed(0)}/s`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
