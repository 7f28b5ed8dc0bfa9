import { liveDirectory } from '../../src/projections/agencies/agencyDirectory';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CommandHandler, type Clock } from '../../src/commands/commandHandler';
import { ParCommands, type AgencyDirectory } from '../../src/commands/parCommands';
import { leavesOf, type Leaf } from '../../src/domain/framework/framework';
import { frameworkDecider } from '../../src/domain/framework/frameworkDecider';
import { assessmentDecider } from '../../src/domain/assessment/assessmentDecider';
import { cycleDecider } from '../../src/domain/cycle/cycleDecider';
import { publishedRankingsFold } from '../../src/domain/commendation/publishedRankings';
import { fromPoints } from '../../src/domain/points';
import type { Actor } from '../../src/events/envelope';
import type { EventStore } from '../../src/events/store/eventStore';
import { MemoryEventStore } from '../../src/events/store/memory/memoryEventStore';
import { streams, type AgencyGroup } from '../../src/events/parEvents';
import { SqliteEventStore } from '../../src/events/store/sqlite/sqliteEventStore';
import { allProjections } from '../../src/projections/allProjections';
import { MemoryReadStore } from '../../src/projections/store/memory/memoryReadStore';
import type { Projection } from '../../src/projections/projection';
import { ProjectionRunner, type RunnerOptions } from '../../src/projections/runner/projectionRunner';
import { ReadModels } from '../../src/projections/readModels';
import type { ReadStore } from '../../src/projections/store/readStore';
import { SqliteReadStore } from '../../src/projections/store/sqlite/sqliteReadStore';
import { seedIfEmpty, seedReorganisation } from '../../src/seed/seed';
import { quangNamAgencies } from '../../src/seed/quangNamAgencies';
import { coordinationAgencies } from '../../src/seed/regulationMatrix';
import { sampleFrameworks } from '../../src/seed/sampleFrameworks';

export const YEAR = 2025;
export const ADMIN: Actor = { sub: 'test', name: 'Test', agency: 'SNV', roles: ['ADMIN', 'COORDINATOR'] };
export const officer = (agency: string): Actor => ({ sub: `officer.${agency}`, name: `Officer ${agency}`, agency, roles: ['AGENCY_OFFICER'] });
export const appraiser = (agency: string): Actor => ({ sub: `appraiser.${agency}`, name: `Appraiser ${agency}`, agency, roles: ['APPRAISER'] });
/** The People's Committee (UBND) leadership, who approves rankings by a numbered decision. */
const LEADER: Actor = { sub: 'leader.ubnd', name: 'Phó Chủ tịch UBND tỉnh', agency: 'VPUBND', roles: ['PROVINCIAL_LEADER'] };

const START = Date.parse('2025-01-06T08:00:00.000Z');
const DAY = 24 * 3600 * 1000;
export const SELF_ASSESSMENT_DEADLINE = new Date(START + 60 * DAY);
export const APPRAISAL_DEADLINE = new Date(START + 120 * DAY);

/** Deterministic time: every reading is one second after the previous one, well inside the cycle's deadlines. */
export class SteppingClock implements Clock {
  constructor(private t = START) {}
  now(): Date {
    this.t += 1000;
    return new Date(this.t);
  }
}

// ------------------------------------------------------------------------------------------ temp folders, stores

export interface TempDir {
  dir: string;
  file(name: string): string;
  remove(): void;
}

export function tempDir(prefix = 'par-projections-'): TempDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, file: (name) => path.join(dir, name), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export type StoreKind = 'memory' | 'sqlite';

export interface Stores {
  events: EventStore;
  readStore: ReadStore;
  close(): Promise<void>;
}

/** A fresh pair of stores; SQLite ones live in `dir` (event log and read models in separate files). */
export function openStores(kind: StoreKind, dir?: TempDir, names = { events: 'events.db', read: 'read.db' }): Stores {
  if (kind === 'memory') {
    const events = new MemoryEventStore();
    const readStore = new MemoryReadStore();
    return {
      events,
      readStore,
      close: async () => {
        await readStore.close();
        await events.close();
      },
    };
  }
  if (!dir) throw new Error('sqlite stores need a temp dir');
  const events = SqliteEventStore.open(dir.file(names.events));
  const readStore = SqliteReadStore.open(dir.file(names.read));
  return {
    events,
    readStore,
    close: async () => {
      await readStore.close();
      await events.close();
    },
  };
}

/**
 * A stand-in for `inner` with some methods replaced; everything else (including methods a port gains later) is
 * delegated, bound to `inner`.
 */
export function withOverrides<T extends object>(inner: T, overrides: Partial<T>): T {
  return new Proxy(inner, {
    get(target, prop) {
      if (Object.prototype.hasOwnProperty.call(overrides, prop)) return (overrides as Record<PropertyKey, unknown>)[prop];
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Wraps an event store and counts what readAll hands out (readAll is how the runner reads the log), so a test can
 * tell whether a runner re-read the log from the start.
 */
export function countingReads(inner: EventStore): {
  events: EventStore;
  read: () => number;
  calls: () => { after: number; limit: number; returned: number }[];
} {
  const calls: { after: number; limit: number; returned: number }[] = [];
  const events = withOverrides<EventStore>(inner, {
    readAll: async (after, limit) => {
      const result = await inner.readAll(after, limit);
      calls.push({ after, limit, returned: result.length });
      return result;
    },
  });
  return { events, read: () => calls.reduce((n, c) => n + c.returned, 0), calls: () => [...calls] };
}

// ------------------------------------------------------------------------------------------ runner + commands

export interface Live {
  runner: ProjectionRunner;
  read: ReadModels;
  handler: CommandHandler;
  commands: ParCommands;
}

/** The directory a running service gives ParCommands: the agencies read model, once caught up with the log. */
export function directoryOver(runner: ProjectionRunner, read: ReadModels): AgencyDirectory {
  return liveDirectory(runner, read.agencyHistory);
}

/** Starts a runner on the stores and wires ParCommands to it, as the service does. */
export async function startLive(
  events: EventStore,
  readStore: ReadStore,
  options: RunnerOptions = {},
  projections: readonly Projection[] = allProjections,
  clock: Clock = new SteppingClock(),
  /** Hands what the commands append to the runner, as the service does (else the runner reads it back from the log). */
  handOff = true,
): Promise<Live> {
  const runner = new ProjectionRunner(events, readStore, projections, { pollMs: 20, ...options });
  await runner.start();
  const read = new ReadModels(readStore, runner);
  const handler = new CommandHandler(events, clock, handOff ? { onAppended: (recorded) => runner.offer(recorded) } : {});
  const commands = new ParCommands(handler, directoryOver(runner, read));
  return { runner, read, handler, commands };
}

// ------------------------------------------------------------------------------------------ a realistic log

export interface CycleLog {
  /** Assessed agencies that went all the way to finalisation, by group. */
  finalized: Record<string, string[]>;
  head: number;
}

const pointsFor = (leaf: Leaf, share: number) => Math.round(fromPoints(leaf.maxPoints) * share * 100) / 100;

async function frameworkLeaves(handler: CommandHandler, code: string): Promise<Leaf[]> {
  const { state } = await handler.load(streams.framework(code), frameworkDecider);
  if (!state.published) throw new Error(`framework ${code} is not published`);
  return leavesOf(state.framework.areas);
}

/** The district the cycle log leaves out of its group's ranking (AgencyExcludedFromRanking). */
export const EXCLUDED_DISTRICT = 'DIENBAN';
/**
 * Agencies the cycle log registers: the seeded ones (with UBND and TTHCC, which take part in the coordination), and
 * SNNMT, SDTTG (2025 mergers), SNN and SMT (a 2028 split).
 */
export const AGENCIES_IN_LOG = quangNamAgencies.length + coordinationAgencies.length + 4;
/** Frameworks the cycle log publishes: the samples and the province's national criteria set of 2031. */
export const FRAMEWORKS_IN_LOG = sampleFrameworks.length + 1;
/** Why the log leaves out the other districts it never takes to finalisation (a ranking waits for every participant). */
const NOT_TAKEN_THROUGH = 'Chưa hoàn thành thẩm định trong kỳ, không xếp hạng';
/** The district that sends nothing: its non-submission is recorded, it is finalised on its survey points and ranked. */
export const NON_SUBMITTER = 'BACTRAMY';
/** The districts' survey, which their survey scores cite. */
export const DISTRICT_SURVEY = {
  code: 'DTXHH-2025',
  title: 'Điều tra xã hội học đo lường sự hài lòng của người dân năm 2025',
  conductedBy: 'Viện Nghiên cứu Phát triển Quảng Nam',
  respondents: 1200,
  reportReference: 'Báo cáo số 17/BC-VNCPT',
};
/** Why the log waives the departments' survey (SurveyWaived). */
/** A ranking of a year before PAR Ledger, imported as the People's Committee published it. */
export const IMPORTED_2019 = {
  year: 2019,
  group: 'DEPARTMENT' as const,
  jurisdiction: 'QNA',
  decisionNumber: '1012/QĐ-UBND',
  decisionDate: new Date('2020-03-27'),
  source: 'Quyết định số 1012/QĐ-UBND ngày 27/3/2020 của UBND tỉnh Quảng Nam',
  entries: [
    { rank: 1, agencyCode: 'STP', agencyName: 'Sở Tư pháp', totalPoints: 86.4, maxPoints: 100, indexPercent: 86.4, band: 'Tốt' },
    { rank: 2, agencyCode: 'STTTT-2019', agencyName: 'Sở Thông tin và Truyền thông', totalPoints: 81.25, maxPoints: 98.5, indexPercent: 82.49, band: 'Tốt' },
  ],
};

export const WAIVER_REASON = 'Không tổ chức điều tra xã hội học đối với sở, ban, ngành năm 2025';

/**
 * Drives real commands through ParCommands: the seed (Quảng Nam's agencies and the three sample frameworks), the
 * 2025 cycle over the sample frameworks, self-assessments (one revised, one criterion not applicable, one
 * department that never gets appraised), appraisals in two rounds and corrections, survey scores,
 * finalisations, a non-submitting district (recorded after the self-assessment deadline is brought forward,
 * finalised on its survey points), a survey the districts' scores cite, the departments' survey waived, a district left out
 * of the ranking, a published (then republished) DISTRICT ranking, an upheld and a rejected complaint, a reopening with a
 * correction and a republication, then a complaint and a proposal left open. Returns what was finalised.
 */
export async function buildCycleLog(events: EventStore, commands: ParCommands, handler: CommandHandler): Promise<CycleLog> {
  // The 2025 reorganisation comes after the cycle (below): the cycle assesses the units of 2018–2024.
  await seedIfEmpty(events, commands, undefined, { reorganisation: false });
  const admin = { actor: ADMIN };
  await commands.openAssessmentCycle(admin, {
    year: YEAR,
    frameworkCodes: sampleFrameworks.map((f) => f.code),
    selfAssessmentDeadline: SELF_ASSESSMENT_DEADLINE,
    appraisalDeadline: APPRAISAL_DEADLINE,
    bands: [
      { label: 'Xuất sắc', minIndexPercent: 90 },
      { label: 'Tốt', minIndexPercent: 80 },
      { label: 'Khá', minIndexPercent: 70 },
      { label: 'Trung bình', minIndexPercent: 50 },
      { label: 'Yếu', minIndexPercent: 0 },
    ],
    // Districts are rated on their own thresholds.
    groupBands: [
      {
        group: 'DISTRICT',
        bands: [
          { label: 'Xuất sắc', minIndexPercent: 85 },
          { label: 'Tốt', minIndexPercent: 70 },
        ],
      },
    ],
  });

  // The schedule moves for everyone: appraisal gets ten more days.
  await commands.amendCycleSchedule(admin, {
    year: YEAR,
    selfAssessmentDeadline: SELF_ASSESSMENT_DEADLINE,
    appraisalDeadline: new Date(APPRAISAL_DEADLINE.getTime() + 10 * DAY),
    reason: 'Lùi thời hạn thẩm định theo Công văn số 45/UBND-NC',
  });
  // Đại Lộc's appraisal gets twenty more days on top.
  await commands.grantExtension(admin, {
    year: YEAR,
    agencyCode: 'DAILOC',
    phase: 'APPRAISAL',
    until: new Date(APPRAISAL_DEADLINE.getTime() + 20 * DAY),
    reason: 'Đại Lộc bổ sung hồ sơ sau bão',
  });

  const codeOf = (group: AgencyGroup) => sampleFrameworks.find((f) => f.group === group)!.code;
  const districtLeaves = await frameworkLeaves(handler, codeOf('DISTRICT'));
  const departmentLeaves = await frameworkLeaves(handler, codeOf('DEPARTMENT'));
  const selfAssessed = (leaves: Leaf[]) => leaves.filter((l) => l.method !== 'SURVEY');
  const surveyed = (leaves: Leaf[]) => leaves.filter((l) => l.method === 'SURVEY');

  const submit = (agencyCode: string, leaves: Leaf[], share: number, notApplicable: string[] = []) =>
    commands.submitSelfAssessment(
      { actor: officer(agencyCode) },
      {
        year: YEAR,
        agencyCode,
        scores: selfAssessed(leaves).map((leaf, i) =>
          notApplicable.includes(leaf.code)
            ? { criterionCode: leaf.code, applicable: false, explanation: 'Không phát sinh trong năm' }
            : i % 3 === 0
              ? { criterionCode: leaf.code, points: pointsFor(leaf, share), explanation: 'Báo cáo qua phần mềm, không có số văn bản' }
              : { criterionCode: leaf.code, points: pointsFor(leaf, share), evidence: [`QĐ số ${leaf.code}/QĐ-UBND`] },
        ),
      },
    );
  const appraise = (agencyCode: string, leaf: Leaf, share: number, round: 1 | 2 = 1) =>
    commands.appraiseCriterion(
      { actor: appraiser(leaf.appraiserCode!) },
      { year: YEAR, agencyCode, criterionCode: leaf.code, round, points: pointsFor(leaf, share), comment: `vòng ${round}` },
    );
  const survey = (agencyCode: string, leaves: Leaf[], share: number, surveyCode: string | null = null) =>
    commands.recordSurveyScores(admin, {
      year: YEAR,
      agencyCode,
      scores: surveyed(leaves).map((l) => ({ criterionCode: l.code, points: pointsFor(l, share) })),
      surveyCode,
    });
  const finalize = (agencyCode: string) => commands.finalizeAssessment(admin, { year: YEAR, agencyCode });

  // Districts: three go all the way, one revises after a first appraisal, one only submits.
  const districts: [string, number][] = [
    ['TAMKY', 0.9],
    ['HOIAN', 0.8],
    ['NONGSON', 0.85],
  ];
  // Nông Sơn first saves a draft of its first two leaves: the submission below sends it (naming them again wins).
  const draftOf = (agencyCode: string, leaves: Leaf[], share: number) =>
    commands.saveSelfAssessmentDraft(
      { actor: officer(agencyCode) },
      {
        year: YEAR,
        agencyCode,
        scores: selfAssessed(leaves)
          .slice(0, 2)
          .map((leaf) => ({ criterionCode: leaf.code, points: pointsFor(leaf, share), evidence: [`Dự thảo ${leaf.code}`] })),
      },
    );
  await draftOf('NONGSON', districtLeaves, 0.5);
  for (const [code, share] of districts) await submit(code, districtLeaves, share, code === 'HOIAN' ? ['2.1'] : []);
  await submit('DAILOC', districtLeaves, 0.7);

  // Round 1 for the whole of each finishing district, and for the first half of Đại Lộc.
  for (const [code, share] of districts) {
    for (const leaf of selfAssessed(districtLeaves)) {
      if (code === 'HOIAN' && leaf.code === '2.1') continue;
      await appraise(code, leaf, share - 0.05);
    }
  }
  // Hội An's "not applicable" claim on 2.1 is confirmed by its appraiser (no comment needed: the claim explains).
  const claimed = selfAssessed(districtLeaves).find((l) => l.code === '2.1')!;
  await commands.appraiseCriterion(
    { actor: appraiser(claimed.appraiserCode!) },
    { year: YEAR, agencyCode: 'HOIAN', criterionCode: '2.1', round: 1, applicable: false },
  );
  const dailocLeaves = selfAssessed(districtLeaves);
  for (const leaf of dailocLeaves.slice(0, Math.floor(dailocLeaves.length / 2))) await appraise('DAILOC', leaf, 0.65);
  // Đại Lộc revises: the criteria appraised so far stay appraised, the others stay owed.
  await submit('DAILOC', districtLeaves, 0.75);

  // Round 2 on some criteria after the agencies' explanations, and a correction of a round 2 score.
  const round2 = selfAssessed(districtLeaves).filter((_, i) => i % 5 === 0);
  // Between the rounds the leaf's appraiser asks Nông Sơn to explain its first round 2 leaf, and Nông Sơn answers; Đại Lộc's
  // question stays unanswered (owed by the agency, waiting at its appraiser).
  const ask = (agencyCode: string, leaf: Leaf) =>
    commands.requestExplanation(
      { actor: appraiser(leaf.appraiserCode!) },
      { year: YEAR, agencyCode, criterionCode: leaf.code, question: `Đề nghị giải trình tiêu chí ${leaf.code}`, dueAt: APPRAISAL_DEADLINE },
    );
  await ask('NONGSON', round2[0]);
  await commands.submitExplanation(
    { actor: officer('NONGSON') },
    {
      year: YEAR,
      agencyCode: 'NONGSON',
      criterionCode: round2[0].code,
      text: 'Đã bổ sung tài liệu',
      evidence: ['CV số 9/UBND'],
      revisedPoints: pointsFor(round2[0], 0.9),
    },
  );
  await ask('DAILOC', dailocLeaves[0]);
  for (const [code, share] of districts) {
    for (const leaf of round2) {
      if (code === 'HOIAN' && leaf.code === '2.1') continue;
      await appraise(code, leaf, share, 2);
    }
  }
  await appraise('TAMKY', round2[0], 0.95, 2); // AppraisalCorrected
  await appraise('NONGSON', selfAssessed(districtLeaves)[1], 0.5, 1); // a round 1 correction

  // The districts' survey is described, and the finishing districts' scores cite it (Tam Kỳ's first, uncited, are replaced).
  await commands.recordSurvey(admin, { year: YEAR, group: 'DISTRICT', ...DISTRICT_SURVEY, conductedAt: new Date(START + 30 * DAY) });
  await survey('TAMKY', districtLeaves, 0.5);
  for (const [code, share] of districts) await survey(code, districtLeaves, share, DISTRICT_SURVEY.code);
  await survey('DAILOC', districtLeaves, 0.6);
  // Tam Kỳ proposes a bonus, its appraiser a penalty; the coordinator accepts the bonus in part and rejects the penalty.
  await commands.proposeAdjustment(
    { actor: officer('TAMKY') },
    { year: YEAR, agencyCode: 'TAMKY', kind: 'BONUS', points: 1.5, reason: 'Được Bộ Nội vụ khen thưởng về CCHC', evidence: ['QĐ số 88/QĐ-BNV'] },
  );
  await commands.proposeAdjustment(
    { actor: appraiser('STP') },
    { year: YEAR, agencyCode: 'TAMKY', kind: 'PENALTY', points: 0.5, reason: 'Chậm báo cáo rà soát VBQPPL', evidence: ['CV số 3/STP'] },
  );
  await commands.decideAdjustment(admin, { year: YEAR, agencyCode: 'TAMKY', adjustmentId: 'ADJ-1', acceptedPoints: 1.25, comment: 'Một phần' });
  await commands.decideAdjustment(admin, { year: YEAR, agencyCode: 'TAMKY', adjustmentId: 'ADJ-2', acceptedPoints: 0, comment: 'Đã khắc phục' });
  for (const [code] of districts) await finalize(code);

  // Departments: SNV and STP self-assess; SNV is appraised on its own SNV-led area only and never finalised. SNV may
  // not appraise itself: the coordinator names STP for four of those leaves, and STP appraises them.
  await submit('SNV', departmentLeaves, 0.9);
  await submit('STP', departmentLeaves, 0.8, ['1.3']);
  await draftOf('STC', departmentLeaves, 0.6); // a draft never sent: DRAFT, owed by no appraiser
  const snvLed = selfAssessed(departmentLeaves)
    .filter((l) => l.appraiserCode === 'SNV')
    .slice(0, 4);
  await commands.assignAppraiser(admin, {
    year: YEAR,
    agencyCode: 'SNV',
    criterionCodes: snvLed.map((l) => l.code),
    appraiserCode: 'STP',
    reason: 'Sở Nội vụ không tự thẩm định; giao Sở Tư pháp',
  });
  for (const leaf of snvLed) await appraise('SNV', { ...leaf, appraiserCode: 'STP' }, 0.85);

  // The departments' survey is waived for the year: their survey leaves are no longer applicable.
  await commands.waiveSurvey(admin, { year: YEAR, group: 'DEPARTMENT', reason: WAIVER_REASON });

  // Self-assessment closes early for everyone; Bắc Trà My sent nothing: its non-submission is recorded, and it is
  // finalised on its survey points alone.
  await commands.amendCycleSchedule(admin, {
    year: YEAR,
    selfAssessmentDeadline: new Date(START),
    appraisalDeadline: new Date(APPRAISAL_DEADLINE.getTime() + 10 * DAY),
    reason: 'Chốt thời hạn tự đánh giá theo Công văn số 51/UBND-NC',
  });
  await commands.recordNonSubmission(admin, { year: YEAR, agencyCode: NON_SUBMITTER, reason: 'Không gửi báo cáo tự đánh giá dù đã được nhắc' });
  await survey(NON_SUBMITTER, districtLeaves, 0.7);
  await finalize(NON_SUBMITTER);

  // Điện Bàn never self-assesses: it is left out of the DISTRICT ranking before publication.
  await commands.excludeFromRanking(admin, { year: YEAR, agencyCode: EXCLUDED_DISTRICT, reason: 'Sắp xếp lại đơn vị hành chính trong năm, không xếp hạng' });
  // A ranking waits for every participant: the districts this log never takes to finalisation are left out too.
  const { state: cycle } = await handler.load(streams.cycle(YEAR), cycleDecider);
  for (const p of cycle.opened ? cycle.participants.filter((p) => p.group === 'DISTRICT') : []) {
    if (cycle.opened && cycle.excluded.some((x) => x.agencyCode === p.code)) continue;
    const { state } = await handler.load(streams.assessment(YEAR, p.code), assessmentDecider);
    if (state.status !== 'FINALIZED') await commands.excludeFromRanking(admin, { year: YEAR, agencyCode: p.code, reason: NOT_TAKEN_THROUGH });
  }
  // SNV proposes the DISTRICT ranking; the People's Committee approves it, then corrects it by a second decision.
  await commands.proposeRanking(admin, { year: YEAR, group: 'DISTRICT' });
  await commands.publishRanking({ actor: LEADER }, { year: YEAR, group: 'DISTRICT', decisionNumber: '512/QĐ-UBND', decisionDate: new Date('2026-03-01') });
  await commands.publishRanking(
    { actor: LEADER },
    { year: YEAR, group: 'DISTRICT', reason: 'Đính chính tên đơn vị', decisionNumber: '530/QĐ-UBND', decisionDate: new Date('2026-03-10') },
  );

  // After publication: Hội An's complaint is upheld, its assessment reopened, one appraisal corrected and the ranking
  // published again; Tam Kỳ's complaint is rejected.
  await commands.lodgeComplaint({ actor: officer('HOIAN') }, { year: YEAR, agencyCode: 'HOIAN', criterionCode: round2[0].code, text: 'Đề nghị chấm lại' });
  await commands.lodgeComplaint({ actor: officer('TAMKY') }, { year: YEAR, agencyCode: 'TAMKY', criterionCode: '1', text: 'Đề nghị xem lại lĩnh vực 1' });
  await commands.resolveComplaint(admin, { year: YEAR, agencyCode: 'HOIAN', complaintId: 'KN-1', outcome: 'UPHELD', comment: 'Có cơ sở' });
  await commands.resolveComplaint(admin, { year: YEAR, agencyCode: 'TAMKY', complaintId: 'KN-1', outcome: 'REJECTED', comment: 'Không có tài liệu mới' });
  await commands.reopenAssessment(admin, { year: YEAR, agencyCode: 'HOIAN', reason: 'Khiếu nại KN-1 được chấp nhận' });
  await appraise('HOIAN', round2[0], 1, 2);
  await finalize('HOIAN');
  await commands.publishRanking(
    { actor: LEADER },
    { year: YEAR, group: 'DISTRICT', reason: 'Sửa điểm Hội An sau khiếu nại', decisionNumber: '601/QĐ-UBND', decisionDate: new Date('2026-04-02') },
  );

  // The 2019 departments' ranking, run before PAR Ledger, recorded as published: STP as registered, the former
  // Department of Information and Communications under a code no longer in the register.
  await commands.importPublishedRanking(admin, IMPORTED_2019);

  // Left open at the end, for the coordinator's duties: Nông Sơn's complaint and a penalty STP proposes on SNV.
  await commands.lodgeComplaint({ actor: officer('NONGSON') }, { year: YEAR, agencyCode: 'NONGSON', criterionCode: '1', text: 'Đề nghị xem lại lĩnh vực 1' });
  await commands.proposeAdjustment(
    { actor: appraiser('STP') },
    {
      year: YEAR,
      agencyCode: 'SNV',
      kind: 'PENALTY',
      points: 0.5,
      reason: 'Chậm gửi báo cáo quý',
      evidence: ['CV số 7/SNV'],
    },
  );

  await reorganise(commands);
  await provincialIndex(commands);
  await plans(commands);
  await proposalsAndCommendations(commands, handler);
  await reportAndInspect(commands);
  return { finalized: { DISTRICT: [...districts.map(([c]) => c), NON_SUBMITTER] }, head: await events.headPosition() };
}

/** The province's own assessment of 2031 (Art. 7): asked, provided, compiled, and the ministry's result. */
async function provincialIndex(commands: ParCommands): Promise<void> {
  const national = {
    code: 'PAR-TINH-2031',
    title: 'Bộ chỉ số CCHC cấp tỉnh (thử)',
    group: 'PROVINCE' as const,
    areas: [
      { code: '2', title: 'Xây dựng và tổ chức thực hiện VBQPPL', criteria: [{ code: '2.1', title: 'Rà soát VBQPPL', maxPoints: 3, appraiserCode: 'STP' }] },
    ],
  };
  await commands.publishFramework({ actor: ADMIN }, national);
  const dueAt = new Date('2099-01-01T00:00:00Z');
  await commands.provincialIndex.requestCriterionData(
    { actor: ADMIN },
    { year: 2031, frameworkCode: national.code, criterionCodes: ['2.1'], agencyCode: 'STP', dueAt },
  );
  await commands.provincialIndex.provideCriterionData(
    { actor: officer('STP') },
    { year: 2031, criterionCode: '2.1', value: 2.5, evidence: ['BC số 5/BC-STP'] },
  );
  await commands.provincialIndex.compileProvincialAssessment({ actor: ADMIN }, { year: 2031 });
  await commands.provincialIndex.recordNationalResult(
    { actor: ADMIN },
    { year: 2031, indexPercent: 86.4, rank: 12, ofProvinces: 34, decisionNumber: '1234/QĐ-BNV' },
  );
}

/**
 * The seeded 2025 reorganisation (jurisdictions, mergers, dissolutions), then a rename, a move and a split of later,
 * invented years, so that the log holds every lineage event.
 */
async function reorganise(commands: ParCommands): Promise<void> {
  await seedReorganisation(commands);
  const change = (effectiveFrom: string) => ({ effectiveFrom, legalBasis: { number: '15/NQ-HĐND', date: '2026-10-01' } });
  await commands.lineage.renameAgency({ actor: ADMIN }, { code: 'SNNMT', name: 'Sở Nông nghiệp, Môi trường và Thủy sản', ...change('2027-01-01') });
  await commands.lineage.moveAgency({ actor: ADMIN }, { code: 'CHQ', group: 'DEPARTMENT', ...change('2027-01-01') });
  await commands.lineage.splitAgency(
    { actor: ADMIN },
    {
      sourceCode: 'SNNMT',
      into: [
        { code: 'SNN', name: 'Sở Nông nghiệp', group: 'DEPARTMENT' },
        { code: 'SMT', name: 'Sở Môi trường', group: 'DEPARTMENT' },
      ],
      ...change('2028-01-01'),
    },
  );
}

/** A PAR plan through every step (Art. 3): drafted, comments asked and given, a change notified, adopted, amended. */
async function plans(commands: ParCommands): Promise<void> {
  const planCode = 'KH-CCHC-2027';
  const task = {
    code: 'NV-01',
    title: 'Rà soát, đơn giản hóa thủ tục hành chính',
    lead: 'VPUBND',
    coordinators: ['STP'],
    dueAt: new Date('2027-06-30T10:00:00Z'),
  };
  const admin = { actor: ADMIN };
  await commands.plans.draftPlan(admin, { code: planCode, kind: 'YEARLY', year: 2027, title: 'Kế hoạch cải cách hành chính năm 2027', tasks: [task] });
  await commands.plans.requestPlanComments(admin, { planCode, agencyCodes: ['STP', 'STC'], dueAt: new Date('2026-12-15T10:00:00Z') });
  await commands.plans.submitPlanComment({ actor: officer('STP') }, { planCode, agencyCode: 'STP', text: 'Đề nghị bổ sung nhiệm vụ rà soát văn bản' });
  await commands.plans.adoptPlan({ actor: LEADER }, { planCode, decisionNumber: '125/QĐ-UBND', decisionDate: new Date('2027-01-20') });
  await commands.plans.notifyHigherLevelChange(
    { actor: officer('STC') },
    { planCode, text: 'Thay đổi cơ chế tài chính', legalBasis: { number: '60/2021/NĐ-CP', date: new Date('2021-06-21') } },
  );
  await commands.plans.amendPlan(admin, {
    planCode,
    reason: 'Theo cơ chế tài chính mới',
    decisionNumber: '300/QĐ-UBND',
    decisionDate: new Date('2027-04-01'),
    tasks: [{ ...task, coordinators: ['STP', 'STC'] }],
  });
}

/**
 * A reform proposal taken from submission through opinions (one given, one left missing) and appraisal to the
 * decision; then, on the published DISTRICT ranking, a commendation of the first, accountability of the last and its
 * remedial plan: every proposal and commendation event.
 */
async function proposalsAndCommendations(commands: ParCommands, handler: CommandHandler): Promise<void> {
  const code = 'DA-SXD-2026-01';
  await commands.proposals.submitReformProposal(
    { actor: officer('SXD') },
    {
      code,
      title: 'Đề án số hoá hồ sơ cấp phép xây dựng',
      submittingAgencyCode: 'SXD',
      summary: 'Số hoá hồ sơ năm 2026.',
      attachments: ['Tờ trình số 5/TTr-SXD'],
    },
  );
  await commands.proposals.requestProposalOpinions({ actor: ADMIN }, { code, agencyCodes: ['STP', 'STC'], dueAt: new Date('2099-01-01T00:00:00Z') });
  await commands.proposals.giveProposalOpinion(
    { actor: officer('STP') },
    { code, agencyCode: 'STP', opinion: 'AGREE_WITH_CHANGES', text: 'Bổ sung căn cứ pháp lý.' },
  );
  // The People's Committee is a seeded agency (UBND): its decision on the appraised proposal becomes its duty.
  await commands.proposals.appraiseProposal({ actor: ADMIN }, { code, recommendation: 'APPROVE', text: 'Đủ điều kiện trình UBND tỉnh.' });
  await commands.proposals.decideProposal(
    { actor: LEADER },
    { code, decision: 'APPROVED', decisionNumber: '77/QĐ-UBND', decisionDate: new Date('2026-05-04') },
  );

  const { state } = await handler.load(streams.cycle(YEAR), publishedRankingsFold);
  const entries = state.groups.DISTRICT?.entries ?? [];
  const [first, last] = [entries[0], entries[entries.length - 1]];
  const basis = 'Quyết định số 512/QĐ-UBND công bố Chỉ số CCHC năm 2025';
  await commands.commendations.proposeCommendation({ actor: ADMIN }, { year: YEAR, agencyCode: first.agencyCode, reason: 'Dẫn đầu khối huyện', basis });
  await commands.commendations.proposeAccountability({ actor: ADMIN }, { year: YEAR, agencyCode: last.agencyCode, reason: 'Xếp cuối khối huyện', basis });
  await commands.commendations.submitRemedialPlan(
    { actor: officer(last.agencyCode) },
    { year: YEAR, agencyCode: last.agencyCode, weakCriteria: ['1'], actions: [{ text: 'Rà soát quy trình nội bộ' }], dueAt: new Date('2099-01-01T00:00:00Z') },
  );
}

/**
 * A quarterly round (scheduled, reported on, revised, compiled), an issue with the regulation, and an inspection
 * planned, recorded with findings and followed up: every reporting and inspection event (Decision 2824, Art. 4, 5).
 */
async function reportAndInspect(commands: ParCommands): Promise<void> {
  const snv = { actor: ADMIN };
  await commands.reporting.scheduleReporting(snv, {
    period: 'QUARTER',
    year: 2026,
    quarter: 1,
    dueAt: new Date('2026-04-10T10:00:00Z'),
    agencyCodes: ['STP', 'STC'],
  });
  for (const agencyCode of ['STP', 'STC', 'STP']) {
    await commands.reporting.submitProgressReport(
      { actor: officer(agencyCode) },
      {
        reportingId: 'BC-2026-Q1',
        agencyCode,
        progress: [{ taskCode: 'KH-2026.1', status: 'IN_PROGRESS', percent: 50, note: null }],
        difficulties: 'Thiếu nhân lực',
      },
    );
  }
  await commands.reporting.compileProvincialReport(snv, { reportingId: 'BC-2026-Q1', summary: 'Tổng hợp quý 1 năm 2026' });
  await commands.reporting.reportRegulationIssue({ actor: officer('STP') }, { text: 'Thời hạn báo cáo quý quá ngắn', proposal: 'Lùi hạn 5 ngày' });
  await commands.inspections.issueInspectionPlan(snv, {
    year: 2026,
    inspections: [
      { code: 'KT-2026-01', targetAgencyCode: 'SYT', leadAgencyCode: 'SNV', coordinators: ['STP', 'STC'], plannedMonth: 5, scope: 'Kết quả CCHC năm 2025' },
    ],
  });
  await commands.inspections.recordInspection(snv, {
    code: 'KT-2026-01',
    conductedOn: new Date('2025-01-06'),
    findings: [{ area: 'Thủ tục hành chính', text: 'Chưa công khai đủ TTHC', severity: 'MAJOR', criterionCode: '3.2' }],
  });
  await commands.inspections.reportInspectionFollowUp({ actor: officer('SYT') }, { code: 'KT-2026-01', text: 'Đã công khai đủ', done: true });
}

/**
 * Builds the cycle log on `events` with a throwaway runner (memory read store) as the agency directory, for tests
 * that need a log but not the read models built while it was written.
 */
export async function buildCycleLogOffline(events: EventStore): Promise<CycleLog> {
  const scratch = new MemoryReadStore();
  const live = await startLive(events, scratch);
  try {
    return await buildCycleLog(events, live.commands, live.handler);
  } finally {
    await live.runner.stop();
    await scratch.close();
  }
}

// ------------------------------------------------------------------------------------------ snapshots

export type Snapshot = Record<string, unknown[]>;

/** Every document of every collection of every projection, as `readStore.find` lists them (ordered by id). */
export async function snapshot(runner: ProjectionRunner, readStore: ReadStore, projections: readonly Projection[] = runner.projections): Promise<Snapshot> {
  const result: Snapshot = {};
  for (const p of projections) {
    for (const c of p.collections) result[`${p.name}/${c.name}`] = await readStore.find(runner.collection(p.name, c.name));
  }
  return result;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
