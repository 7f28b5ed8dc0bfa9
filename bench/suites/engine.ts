import { fixedDirectory } from '../../src/projections/agencies/agencyDirectory';
import { join } from 'node:path';
import { CommandHandler, systemClock } from '../../src/commands/commandHandler';
import { ParCommands } from '../../src/commands/parCommands';
import { ChainVerifier } from '../../src/events/chainVerifier';
import type { EventStore } from '../../src/events/store/eventStore';
import { SqliteEventStore } from '../../src/events/store/sqlite/sqliteEventStore';
import { allProjections } from '../../src/projections/allProjections';
import { AsOfReader } from '../../src/projections/asOf';
import { ProjectionRunner } from '../../src/projections/runner/projectionRunner';
import { MemoryReadStore } from '../../src/projections/store/memory/memoryReadStore';
import { SqliteReadStore } from '../../src/projections/store/sqlite/sqliteReadStore';
import type { BenchContext } from '../context';
import { benchFrameworks, leavesOf, planAgencies, yearsOf } from '../generate/plan';
import { row, type Row } from '../report';
import { rawSqlite } from './append';
import { benchPayload, drive, percentile, perSecond } from './drive';

const seconds = (ms: number) => ms / 1000;

/** Reading the whole log through the port in the runner's batch size: the floor under any rebuild. */
async function readWholeLog(events: EventStore): Promise<number> {
  const started = performance.now();
  let after = 0;
  for (;;) {
    const batch = await events.readAll(after, 1000);
    if (batch.length === 0) break;
    after = batch[batch.length - 1].globalPosition;
  }
  return performance.now() - started;
}

/**
 * rebuild-sqlite: the start-up build of every projection into an empty read store (what a new service, a changed
 * projection or a rebuild of everything costs), with each projection's share of it. Leaves the data directory
 * with read models built, for the GraphQL rows.
 */
export async function rebuildRows(ctx: BenchContext, dataDir: string): Promise<Row[]> {
  const events = SqliteEventStore.open(join(dataDir, 'events.sqlite'));
  const readStore = SqliteReadStore.open(join(dataDir, 'read-models.sqlite'));
  const rows: Row[] = [];
  try {
    const head = await events.headPosition();
    const readMs = await readWholeLog(events);
    const baseline = { baseline: head / seconds(readMs), baselineName: 'reading the same log (readAll)' };
    ctx.say(`rebuild: ${head} events, every projection (start-up build)…`);
    const runner = new ProjectionRunner(events, readStore, allProjections);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await runner.start();
    await runner.catchUp();
    const totalMs = performance.now() - started;
    // On a shared machine the wall rate moves with the load; the process's own CPU time says what the build cost.
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    await runner.stop();
    rows.push(
      row('rebuild-sqlite', {
        // Peak resident memory of the bench process so far (the build is its largest part): the 1 GB bound.
        what: `rebuild, all ${allProjections.length} projections, ${head} events (CPU ${cpuSeconds.toFixed(1)} s: ${Math.round(head / cpuSeconds)} events per CPU s; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)`,
        unit: 'events/s',
        project: head / seconds(totalMs),
        ...baseline,
      }),
    );
    // Per-projection rows came from each projection's last write; since builds run all projections in one pass
    // they finish together, so those shares no longer mean anything: `npm run rebuild` prints each projector's time.
  } finally {
    await readStore.close();
    await events.close();
  }
  return rows;
}

/**
 * commands-sqlite: load, decide, append in process on distinct assessments of a newly opened year, 10 in flight
 * (as many as the mutation rows' 10 clients put in flight, and the append rows' c10), and commands-sqlite-c100
 * for a deadline-day burst. In flight is what the store's group commit can share one durable commit among, so at
 * 10 the row is bounded by 10 × the fsync rate as well as by the commands' own cost; the c100 row shows the cost
 * with the fsync spread thinner.
 */
export async function commandRows(ctx: BenchContext, dataDir: string): Promise<Row[]> {
  const events = SqliteEventStore.open(join(dataDir, 'events.sqlite'));
  try {
    const shape = ctx.preset.shape;
    const agencies = planAgencies(shape).filter((a) => a.group !== 'DEPARTMENT' || a.code.startsWith('P'));
    const frameworks = benchFrameworks();
    const commands = new ParCommands(new CommandHandler(events, systemClock), fixedDirectory([]), { complaintDays: 15 });
    const coordinator = { actor: { sub: 'bench', name: 'bench', agency: 'SNV', roles: ['COORDINATOR'] } };
    const year = yearsOf(shape)[shape.years - 1] + 1;
    const groups = new Set(agencies.map((a) => a.group));
    const day = 24 * 3600 * 1000;
    await commands.openAssessmentCycle(coordinator, {
      year,
      frameworkCodes: frameworks.filter((f) => groups.has(f.group)).map((f) => f.code),
      selfAssessmentDeadline: new Date(Date.now() + 30 * day),
      appraisalDeadline: new Date(Date.now() + 60 * day),
      agencyCodes: agencies.map((a) => a.code),
    });
    const leaves = new Map(frameworks.map((f) => [f.group, leavesOf(f).filter((l) => !l.survey)]));
    // The disk's durable commits per second now (one row per transaction, the append rows' raw baseline): with
    // n in flight, one group commit serves at most n commands, so n × this bounds the row whatever commands cost.
    const raw = rawSqlite(join(ctx.scratch('commands-raw'), 'raw.sqlite'));
    const commits = perSecond(await raw.drive(Math.min(1000, ctx.preset.commandsMs), 0).finally(raw.close));
    const rows: Row[] = [];
    for (const [id, wanted] of [
      ['commands-sqlite', 10],
      ['commands-sqlite-c100', 100],
    ] as const) {
      if (!ctx.wants(id)) continue;
      // Never two in flight on one stream: a small preset's few agencies cap it.
      const inFlight = Math.min(wanted, agencies.length);
      const result = await drive({ inFlight, durationMs: ctx.preset.commandsMs }, async (lane, n) => {
        // Lane i drafts agencies i, i + inFlight, …: no two commands in flight share a stream.
        const lanes = agencies.filter((_, i) => i % inFlight === lane);
        const agency = lanes[n % lanes.length];
        const leaf = (leaves.get(agency.group) ?? [])[n % 5];
        await commands.saveSelfAssessmentDraft(
          { actor: { sub: `officer.${agency.code}`, name: agency.code, agency: agency.code, roles: ['AGENCY_OFFICER'] } },
          { year, agencyCode: agency.code, scores: [{ criterionCode: leaf.code, points: leaf.maxPoints / 2, evidence: [benchPayload(lane, n).comment] }] },
        );
      });
      rows.push(
        row(id, {
          what: `commands in process (load, decide, append), ${inFlight} in flight; ceiling ${inFlight} × ${Math.round(commits)} fsync/s`,
          unit: 'commands/s',
          project: perSecond(result),
          baseline: 5000,
          baselineName: 'issue 8 target',
          failed: result.failed,
          p99Ms: percentile(result.latencies, 99),
        }),
      );
    }
    return rows;
  } finally {
    await events.close();
  }
}

async function medianMs(runs: number, work: () => Promise<unknown>): Promise<{ median: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
  }
  return { median: percentile(times, 50) as number, p99: percentile(times, 99) as number };
}

/** As-of reads at the head of the generated log, and incremental log verification after a few new events. */
export async function readRows(ctx: BenchContext, dataDir: string, part: 'asof' | 'verify'): Promise<Row[]> {
  const events = SqliteEventStore.open(join(dataDir, 'events.sqlite'));
  const rows: Row[] = [];
  try {
    const shape = ctx.preset.shape;
    const head = await events.headPosition();
    const year = yearsOf(shape)[shape.years - 1];
    const agencies = planAgencies(shape);
    const largest = [...agencies.reduce((m, a) => m.set(a.group, (m.get(a.group) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1])[0];
    const group = largest[0] as (typeof agencies)[number]['group'];
    const agency = agencies.filter((a) => a.group === group)[0];
    const asOf = new AsOfReader(events);
    if (part === 'asof' && ctx.wants('asof-assessment')) {
      const t = await medianMs(ctx.preset.asOfRuns, () => asOf.assessment(year, agency.code, { position: head }));
      rows.push(
        row('asof-assessment', {
          what: `as-of assessment (${agency.code} ${year}) at ${head} events, median`,
          unit: 'ms',
          project: t.median,
          baseline: 20,
          baselineName: 'issue 8 target (lower is better)',
          p99Ms: t.p99,
        }),
      );
    }
    if (part === 'asof' && ctx.wants('asof-ranking')) {
      const t = await medianMs(ctx.preset.asOfRuns, () => asOf.ranking(year, group, { position: head }));
      rows.push(
        row('asof-ranking', {
          what: `as-of ranking (${group} ${year}, ${largest[1]} agencies) at ${head} events, median`,
          unit: 'ms',
          project: t.median,
          baseline: 200,
          baselineName: 'issue 8 target (lower is better)',
          p99Ms: t.p99,
        }),
      );
    }
    if (part === 'verify' && ctx.wants('verify-incremental')) {
      const verifier = new ChainVerifier((after, limit) => events.readAll(after, limit), new MemoryReadStore(), { fullIntervalMs: 0 });
      const first = await medianMs(1, () => verifier.verify({ full: false }));
      await drive({ inFlight: 1, durationMs: 60_000, maxOps: 100 }, async (lane, n) => {
        await events.append('bench-verify', [{ type: 'BenchAppended', schemaVersion: 1, data: benchPayload(lane, n) }], {
          expectedVersion: n,
          metadata: {
            actor: { sub: 'bench', name: 'bench', agency: null, roles: [] },
            commandId: 'b',
            correlationId: 'b',
            causationId: 'b',
            recordedAt: new Date().toISOString(),
          },
        });
      });
      const next = await medianMs(1, () => verifier.verify({ full: false }));
      rows.push(
        row('verify-incremental', {
          what: `logVerification after 100 new events (log of ${head})`,
          unit: 'ms',
          project: next.median,
          baseline: first.median,
          baselineName: 'first verification of the whole log',
        }),
      );
    }
  } finally {
    await events.close();
  }
  return rows;
}
