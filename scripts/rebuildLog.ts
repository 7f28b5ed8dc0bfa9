/**
 * A large, realistic event log for measuring rebuilds (scripts/measure-rebuild.ts). Real commands write two
 * template years on a memory store: the rebuild-equivalence fixture's year (every event type, test/projections/
 * fixtures.ts buildCycleLog) and a dense year in which every one of the 43 seeded agencies self-assesses, is
 * appraised on every leaf (a fifth of them in a second round), gets survey scores and is finalised, and each
 * group's ranking is proposed and published. The templates are then copied, year by year, into a SQLite event
 * store until the log holds the events asked for: the same shapes and stream lengths as a province running the
 * index for decades, without paying for millions of command decisions.
 */
import fs from 'node:fs';
import type { RecordedEvent } from '../src/events/envelope';
import type { EventStore } from '../src/events/store/eventStore';
import { MemoryEventStore } from '../src/events/store/memory/memoryEventStore';
import { SqliteEventStore } from '../src/events/store/sqlite/sqliteEventStore';
import { leavesOf, type Leaf } from '../src/domain/framework/framework';
import { frameworkDecider } from '../src/domain/framework/frameworkDecider';
import { fromPoints } from '../src/domain/points';
import { streams, type AgencyGroup } from '../src/events/parEvents';
import { MemoryReadStore } from '../src/projections/store/memory/memoryReadStore';
import { quangNamAgencies } from '../src/seed/quangNamAgencies';
import { sampleFrameworks } from '../src/seed/sampleFrameworks';
import {
  ADMIN,
  APPRAISAL_DEADLINE,
  SELF_ASSESSMENT_DEADLINE,
  YEAR,
  appraiser,
  buildCycleLog,
  officer,
  startLive,
  type Live,
} from '../test/projections/fixtures';

const DENSE_YEAR = YEAR + 1;
const LEADER = { sub: 'leader.ubnd', name: 'Phó Chủ tịch UBND tỉnh', agency: 'VPUBND', roles: ['PROVINCIAL_LEADER'] };

/** Seeded, so that every generated log of a size is the same log. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function denseYear({ commands, handler }: Live) {
  const admin = { actor: ADMIN };
  const rnd = random(8);
  await commands.openAssessmentCycle(admin, {
    year: DENSE_YEAR,
    frameworkCodes: sampleFrameworks.map((f) => f.code),
    selfAssessmentDeadline: SELF_ASSESSMENT_DEADLINE,
    appraisalDeadline: APPRAISAL_DEADLINE,
    bands: [
      { label: 'Xuất sắc', minIndexPercent: 90 },
      { label: 'Tốt', minIndexPercent: 80 },
      { label: 'Khá', minIndexPercent: 65 },
    ],
  });
  const groups = [...new Set(sampleFrameworks.map((f) => f.group))];
  for (const group of groups) {
    const code = sampleFrameworks.find((f) => f.group === group)!.code;
    const { state } = await handler.load(streams.framework(code), frameworkDecider);
    if (!state.published) throw new Error(`framework ${code} is not published`);
    const leaves = leavesOf(state.framework.areas);
    const own = leaves.filter((l: Leaf) => l.method !== 'SURVEY');
    const points = (l: Leaf) => Math.round(fromPoints(l.maxPoints) * (0.5 + rnd() / 2) * 100) / 100;
    for (const agency of quangNamAgencies.filter((a) => a.group === group)) {
      const year = DENSE_YEAR;
      const agencyCode = agency.code;
      await commands.submitSelfAssessment(
        { actor: officer(agencyCode) },
        { year, agencyCode, scores: own.map((l) => ({ criterionCode: l.code, points: points(l), evidence: [`QĐ số ${l.code}/QĐ-UBND`] })) },
      );
      for (const round of [1, 2] as const) {
        for (const [i, l] of own.entries()) {
          if (round === 2 && i % 5 !== 0) continue;
          const by = l.appraiserCode !== agencyCode ? l.appraiserCode! : agencyCode === 'STP' ? 'SNV' : 'STP';
          if (by !== l.appraiserCode && round === 1)
            await commands.assignAppraiser(admin, { year, agencyCode, criterionCodes: [l.code], appraiserCode: by, reason: 'Không tự thẩm định' });
          await commands.appraiseCriterion(
            { actor: appraiser(by) },
            { year, agencyCode, criterionCode: l.code, round, points: points(l), comment: `vòng ${round}` },
          );
        }
      }
      const surveyed = leaves.filter((l) => l.method === 'SURVEY');
      if (surveyed.length > 0)
        await commands.recordSurveyScores(admin, { year, agencyCode, scores: surveyed.map((l) => ({ criterionCode: l.code, points: points(l) })) });
      await commands.finalizeAssessment(admin, { year, agencyCode });
    }
    await commands.proposeRanking(admin, { year: DENSE_YEAR, group: group as AgencyGroup });
    await commands.publishRanking(
      { actor: LEADER },
      { year: DENSE_YEAR, group: group as AgencyGroup, decisionNumber: `${group}/QĐ-UBND`, decisionDate: new Date('2027-04-01') },
    );
  }
}

/** The seed and the two template years, written by real commands on memory stores. */
async function templates(): Promise<{ seed: RecordedEvent[]; years: RecordedEvent[] }> {
  const events = new MemoryEventStore();
  const scratch = new MemoryReadStore();
  const live = await startLive(events, scratch);
  try {
    await buildCycleLog(events, live.commands, live.handler);
    await denseYear(live);
  } finally {
    await live.runner.stop();
    await scratch.close();
  }
  const all = await events.readAll(0, Number.MAX_SAFE_INTEGER);
  const firstCycle = all.findIndex((e) => e.type === 'AssessmentCycleOpened');
  return { seed: all.slice(0, firstCycle), years: all.slice(firstCycle) };
}

/** The template's events moved `shift` years on: every `year` field and every year in a stream id. */
function shifted(e: RecordedEvent, shift: number): { streamId: string; data: unknown } {
  if (shift === 0) return { streamId: e.streamId, data: e.data };
  const streamId = e.streamId.replace(/-(\d{4})(?=-|$)/, (_, y: string) => `-${Number(y) + shift}`);
  const data = JSON.parse(JSON.stringify(e.data), (k, v: unknown) => (k === 'year' && typeof v === 'number' ? v + shift : v));
  return { streamId, data };
}

/**
 * Appends events one command's group at a time, as commands did, keeping each group's metadata. All are asked for
 * at once: the store commits them in the order asked, many per transaction (its group commit).
 */
async function appendGroups(store: EventStore, events: { e: RecordedEvent; streamId: string; data: unknown }[]) {
  const appends: Promise<unknown>[] = [];
  let i = 0;
  while (i < events.length) {
    const first = events[i];
    let j = i + 1;
    while (j < events.length && events[j].streamId === first.streamId && events[j].e.metadata.commandId === first.e.metadata.commandId) j++;
    const group = events.slice(i, j).map(({ e, data }) => ({ type: e.type, schemaVersion: e.schemaVersion, data }));
    appends.push(store.append(first.streamId, group, { expectedVersion: 'any', metadata: first.e.metadata }));
    i = j;
  }
  await Promise.all(appends);
}

/** A SQLite event log of at least `target` events at `file`, generated once and then reused. */
export async function rebuildLog(file: string, target: number, log: (m: string) => void): Promise<void> {
  if (fs.existsSync(file)) return;
  const started = Date.now();
  const { seed, years } = await templates();
  log(`templates: ${seed.length} seed events, ${years.length} events per two years (${Date.now() - started} ms)`);
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  const store = SqliteEventStore.open(partial);
  try {
    await appendGroups(
      store,
      seed.map((e) => ({ e, streamId: e.streamId, data: e.data })),
    );
    for (let shift = 0; (await store.headPosition()) < target; shift += 2) {
      await appendGroups(
        store,
        years.map((e) => ({ e, ...shifted(e, shift) })),
      );
      log(`  ${await store.headPosition()} events`);
    }
  } finally {
    await store.close();
  }
  fs.renameSync(partial, file);
  log(`log of ${target}+ events written in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
