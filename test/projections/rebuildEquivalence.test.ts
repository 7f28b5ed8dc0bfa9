import { PAR_EVENT_TYPES } from '../../src/events/parEvents';
import Database from 'better-sqlite3';
import { allProjections } from '../../src/projections/allProjections';
import type { AssessmentDocument } from '../../src/projections/assessments/assessmentDocument';
import type { AuditEntry } from '../../src/projections/auditTrail/auditTrailProjection';
import { MemoryReadStore } from '../../src/projections/store/memory/memoryReadStore';
import { ProjectionRunner } from '../../src/projections/runner/projectionRunner';
import type { RankingDocument } from '../../src/projections/rankings/rankingsProjection';
import type { ReadStore } from '../../src/projections/store/readStore';
import type { ResponsibilityDocument } from '../../src/projections/responsibilities/responsibilitiesProjection';
import type { CoordinatorDutiesDocument } from '../../src/projections/responsibilities/responsibilityDocument';
import type { SurveysDocument } from '../../src/projections/surveys/surveysProjection';
import { SqliteReadStore } from '../../src/projections/store/sqlite/sqliteReadStore';
import { quangNamAgencies } from '../../src/seed/quangNamAgencies';
import {
  YEAR,
  AGENCIES_IN_LOG,
  FRAMEWORKS_IN_LOG,
  DISTRICT_SURVEY,
  EXCLUDED_DISTRICT,
  IMPORTED_2019,
  NON_SUBMITTER,
  buildCycleLog,
  countingReads,
  openStores,
  snapshot,
  startLive,
  tempDir,
  type CycleLog,
  type Live,
  type Snapshot,
  type StoreKind,
  type Stores,
  type TempDir,
} from './fixtures';

/** Every document row of a SQLite read store file, with its position: what a replay must reproduce exactly. */
function documentRows(file: string): { collection: string; id: string; position: number; doc: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT collection, id, position, doc FROM documents ORDER BY collection, id').all() as never;
  } finally {
    db.close();
  }
}

/**
 * The read models built live, by a runner following the log while the commands of a whole cycle ran, equal the
 * read models a fresh runner builds from the same log on an empty read store: projectors are pure functions of
 * the log, whatever the batching, timing or store.
 */
describe.each<[StoreKind, boolean]>([
  // Following by reading every event back from the log …
  ['memory', false],
  // … and as the service does, taking what the commands appended from memory (AppendedTail).
  ['sqlite', true],
])('read models built live equal a rebuild from the log (%s stores, appended events handed over: %s)', (kind, handOff) => {
  let dir: TempDir;
  let stores: Stores;
  let live: Live;
  let log: CycleLog;
  let liveDocs: Snapshot;
  let counting: ReturnType<typeof countingReads>;

  beforeAll(async () => {
    dir = tempDir();
    stores = openStores(kind, dir);
    // Small batches and a fast poll, so the live runner really follows the commands in many small steps.
    counting = countingReads(stores.events);
    live = await startLive(counting.events, stores.readStore, { batchSize: 4, pollMs: 5 }, undefined, undefined, handOff);
    log = await buildCycleLog(stores.events, live.commands, live.handler);
    await live.runner.catchUp();
    liveDocs = await snapshot(live.runner, stores.readStore);
  });

  afterAll(async () => {
    await live?.runner.stop();
    await stores?.close();
    dir?.remove();
  });

  it('built a realistic log and live read models from it', async () => {
    expect(live.runner.position()).toBe(log.head);
    if (handOff) {
      // Nothing was read twice; what was handed over was not read back.
      expect(counting.read()).toBeLessThan(log.head);
    } else {
      // It followed: many small reads, each event read once (nothing re-read), not one catch-up at the end.
      expect(counting.read()).toBe(log.head);
      expect(counting.calls().filter((c) => c.returned > 0).length).toBeGreaterThanOrEqual(Math.ceil(log.head / 4));
    }
    const types = new Set((await stores.events.readAll(0, 10_000)).map((e) => e.type));
    // Every event type this build knows is in the log, so each is checked below for rebuild and as-of equality.
    expect([...types].sort()).toEqual([...PAR_EVENT_TYPES].sort());
    for (const p of allProjections) for (const c of p.collections) expect(liveDocs[`${p.name}/${c.name}`].length).toBeGreaterThan(0);
    // The audit trail tags every event of an assessment stream with its agency, drafts and complaints included.
    const trail = liveDocs['auditTrail/auditTrail'] as AuditEntry[];
    const untagged = trail.filter((e) => e.streamId.startsWith('assessment-') && e.streamId !== `assessment-${YEAR}-${e.agencyCode}`);
    expect(untagged.map((e) => e.type)).toEqual([]);
    expect(trail.filter((e) => e.type === 'ExtensionGranted').map((e) => e.agencyCode)).toEqual(['DAILOC']);

    expect(liveDocs['agencies/agencies']).toHaveLength(AGENCIES_IN_LOG);
    expect(liveDocs['agencies/jurisdictions']).toHaveLength(3);
    expect(liveDocs['frameworks/frameworks']).toHaveLength(FRAMEWORKS_IN_LOG);
    expect(liveDocs['auditTrail/auditTrail']).toHaveLength(log.head);
    const assessments = liveDocs['assessments/assessments'] as AssessmentDocument[];
    expect(assessments).toHaveLength(quangNamAgencies.filter((a) => a.group !== 'COMMUNE').length);
    expect(
      assessments
        .filter((a) => a.status === 'FINALIZED')
        .map((a) => a.agencyCode)
        .sort(),
    ).toEqual([...log.finalized.DISTRICT].sort());
    expect(assessments.find((a) => a.agencyCode === 'STC')?.status).toBe('DRAFT');
    const nonSubmitter = assessments.find((a) => a.agencyCode === NON_SUBMITTER)!;
    expect(nonSubmitter).toMatchObject({ status: 'FINALIZED', submittedAt: null, nonSubmission: { reason: 'Không gửi báo cáo tự đánh giá dù đã được nhắc' } });
    expect(nonSubmitter.criteria.filter((c) => c.method === 'SELF_ASSESSED').every((c) => c.finalPoints === 0)).toBe(true);
    expect(nonSubmitter.totalPoints).toBe(nonSubmitter.criteria.filter((c) => c.method === 'SURVEY').reduce((sum, c) => sum + (c.finalPoints ?? 0), 0));
    // SNV's own SNV-led leaves were given to STP (conflict of interest): STP's appraisals, STP as their appraiser.
    const reassigned = assessments.find((a) => a.agencyCode === 'SNV')!.criteria.filter((c) => c.appraisals[0]?.appraiserCode === 'STP');
    expect(reassigned.map((c) => c.appraiserCode)).toEqual(['STP', 'STP', 'STP', 'STP']);
    const explained = assessments.find((a) => a.agencyCode === 'NONGSON')!.criteria.find((c) => c.explanationRequests.length > 0)!;
    expect(explained.explanationRequests[0].answeredAt).not.toBeNull();
    // The districts' scores cite the survey (Tam Kỳ's earlier uncited ones replaced); the departments' survey is waived.
    const [surveys] = liveDocs['surveys/surveys'] as SurveysDocument[];
    expect(surveys.surveys.map((x) => x.code)).toEqual([DISTRICT_SURVEY.code]);
    expect([...new Set(surveys.surveys[0].scores.map((x) => x.agencyCode))]).toEqual(['HOIAN', 'NONGSON', 'TAMKY']);
    const tamky = assessments.find((a) => a.agencyCode === 'TAMKY')!.criteria.filter((c) => c.method === 'SURVEY');
    expect(tamky.every((c) => c.surveyCode === DISTRICT_SURVEY.code && c.applicable)).toBe(true);
    expect(surveys.surveys[0].scores.filter((x) => x.agencyCode === 'TAMKY').map((x) => x.points)).toEqual(tamky.map((c) => c.surveyPoints));
    const stp = assessments.find((a) => a.agencyCode === 'STP')!;
    expect(stp.surveyWaived).toBe(true);
    expect(stp.criteria.filter((c) => c.method === 'SURVEY').every((c) => !c.applicable)).toBe(true);
    expect(stp.applicableMaxPoints).toBe(stp.criteria.filter((c) => c.applicable).reduce((sum, c) => Math.round((sum + c.maxPoints) * 10_000) / 10_000, 0));
    const rankings = liveDocs['rankings/rankings'] as RankingDocument[];
    const district = rankings.find((r) => r.year === YEAR && r.group === 'DISTRICT')!;
    expect(district.publications).toHaveLength(3);
    expect(district.publications[1].reason).toBe('Đính chính tên đơn vị');
    expect(district.proposal).toBeNull(); // consumed by the publication
    expect(district.publications[0].entries.map((e) => e.agencyCode).sort()).toEqual([...log.finalized.DISTRICT].sort());
    expect(district.publications.map((p) => [p.decisionNumber, p.decisionDate])).toEqual([
      ['512/QĐ-UBND', '2026-03-01'],
      ['530/QĐ-UBND', '2026-03-10'],
      ['601/QĐ-UBND', '2026-04-02'],
    ]);
    // The republication after Hội An's upheld complaint and correction: only Hội An moved.
    const [, corrected, republished] = district.publications;
    const hoiAn = (p: typeof corrected) => p.entries.find((e) => e.agencyCode === 'HOIAN')!;
    expect(hoiAn(republished).totalPoints).toBeGreaterThan(hoiAn(corrected).totalPoints);
    expect(republished.entries.filter((e) => e.agencyCode !== 'HOIAN')).toEqual(corrected.entries.filter((e) => e.agencyCode !== 'HOIAN'));
    const hoiAnAssessment = assessments.find((a) => a.agencyCode === 'HOIAN')!;
    expect(hoiAnAssessment.complaints).toEqual([expect.objectContaining({ id: 'KN-1', status: 'RESOLVED', outcome: 'UPHELD' })]);
    expect(hoiAnAssessment.reopenings).toHaveLength(1);
    expect(district.provisionalEntries.map((e) => e.agencyCode).sort()).toEqual([...log.finalized.DISTRICT].sort());
    // Điện Bàn, and the districts the log never finalises (a ranking waits for every participant).
    expect(district.notRanked.map((n) => n.agencyCode)).toContain(EXCLUDED_DISTRICT);
    expect(district.notRanked.filter((n) => log.finalized.DISTRICT.includes(n.agencyCode))).toEqual([]);
    // The imported 2019 ranking: a document of its own, published as given, marked imported with its source.
    const imported = rankings.find((r) => r.year === IMPORTED_2019.year)!;
    expect(imported).toMatchObject({ imported: true, jurisdiction: 'QNA', source: IMPORTED_2019.source, finalized: [], proposal: null });
    expect(imported.publication).toMatchObject({ decisionNumber: '1012/QĐ-UBND', decisionDate: '2020-03-27', entries: IMPORTED_2019.entries });
    expect(district).toMatchObject({ imported: false, source: null, jurisdiction: null });
    const duties = liveDocs['responsibilities/responsibilities'] as ResponsibilityDocument[];
    const snv = duties.find((d) => d.year === YEAR && d.agencyCode === 'SNV')!;
    expect(snv.pendingAppraisals.length).toBeGreaterThan(0); // Đại Lộc's unappraised half, SNV's and STP's own
    expect(snv.appraised.length).toBeGreaterThan(0);
    const closed = duties.find((d) => d.year === YEAR && d.agencyCode === NON_SUBMITTER)!;
    expect(closed.selfAssessment?.nonSubmission?.reason).toBe('Không gửi báo cáo tự đánh giá dù đã được nhắc');
    const of = (code: string) => duties.find((d) => d.year === YEAR && d.agencyCode === code)!;
    // Đại Lộc's question stays to answer and to decide; Nông Sơn's was answered and settled by round 2.
    const dailocLeaf = of('DAILOC').explanationsToAnswer!.map((e) => e.criterionCode);
    expect(dailocLeaf).toHaveLength(1);
    const waiting = duties.flatMap((d) => (d.explanationsToDecide ?? []).map((e) => ({ appraiser: d.agencyCode, ...e })));
    expect(waiting.map((e) => [e.agencyCode, e.criterionCode, e.answeredAt])).toEqual([['DAILOC', dailocLeaf[0], null]]);
    expect(waiting[0].appraiser).toBe(of('DAILOC').explanationsToAnswer![0].appraiserCode);
    expect(of('NONGSON').explanationsToAnswer).toEqual([]);
    // Each agency follows its complaints and proposals; the coordinator has only what is still open.
    expect(of('HOIAN').complaints!.map((c) => [c.id, c.outcome, c.comment])).toEqual([['KN-1', 'UPHELD', 'Có cơ sở']]);
    expect(of('TAMKY').complaints!.map((c) => [c.id, c.outcome])).toEqual([['KN-1', 'REJECTED']]);
    expect(of('NONGSON').complaints!.map((c) => [c.id, c.outcome, c.resolvedAt])).toEqual([['KN-1', null, null]]);
    expect(of('TAMKY').adjustments!.map((a) => [a.id, a.kind, a.proposedPoints, a.acceptedPoints])).toEqual([
      ['ADJ-1', 'BONUS', 1.5, 1.25],
      ['ADJ-2', 'PENALTY', 0.5, 0],
    ]);
    const [coordinator, ...otherYears] = liveDocs['responsibilities/coordinatorDuties'] as CoordinatorDutiesDocument[];
    expect(otherYears).toEqual([]);
    expect(coordinator.complaintsToResolve.map((c) => [c.agencyCode, c.id, c.criterionCode])).toEqual([['NONGSON', 'KN-1', '1']]);
    expect(coordinator.adjustmentsToDecide.map((a) => [a.agencyCode, a.id, a.kind, a.points])).toEqual([['SNV', 'ADJ-1', 'PENALTY', 0.5]]);
    // Every district is finalised (Hội An again after its reopening) or excluded: only the other assessed groups are left.
    const others = assessments.filter((a) => a.group !== 'DISTRICT').map((a) => a.agencyCode);
    expect(others.length).toBeGreaterThan(0);
    expect(coordinator.assessmentsToFinalize.map((a) => a.agencyCode).sort()).toEqual(others.sort());
    expect(coordinator.assessmentsToFinalize.every((a) => a.reopened === null)).toBe(true);
  });

  it('equals, collection by collection, what a fresh runner builds from the same log on a fresh read store', async () => {
    const fresh: ReadStore = kind === 'memory' ? new MemoryReadStore() : SqliteReadStore.open(dir.file('fresh.db'));
    const runner = new ProjectionRunner(stores.events, fresh, allProjections);
    try {
      await runner.start();
      expect(runner.position()).toBe(log.head);
      for (const p of allProjections) {
        for (const c of p.collections) {
          const built = await fresh.find(runner.collection(p.name, c.name));
          const followed = await stores.readStore.find(live.runner.collection(p.name, c.name));
          expect({ collection: `${p.name}/${c.name}`, docs: built }).toEqual({ collection: `${p.name}/${c.name}`, docs: followed });
        }
      }
      expect(await snapshot(runner, fresh)).toEqual(liveDocs);
    } finally {
      await runner.stop();
      await fresh.close();
    }
    if (kind === 'sqlite') {
      // Down to each document's id and recorded position.
      expect(documentRows(dir.file('fresh.db'))).toEqual(documentRows(dir.file('read.db')));
    }
  });

  it('equals a rebuild with the other store adapter and one-event batches', async () => {
    const other: ReadStore = kind === 'memory' ? SqliteReadStore.open(dir.file('other.db')) : new MemoryReadStore();
    const runner = new ProjectionRunner(stores.events, other, allProjections, { batchSize: 1 });
    try {
      await runner.start();
      expect(await snapshot(runner, other)).toEqual(liveDocs);
    } finally {
      await runner.stop();
      await other.close();
    }
  });

  it('still equals after every projection of the live runner is rebuilt in place', async () => {
    for (const p of allProjections) await live.runner.rebuild(p.name);
    expect(await snapshot(live.runner, stores.readStore)).toEqual(liveDocs);
  });
});
