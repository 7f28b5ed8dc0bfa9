import { availableBackends } from '../support/backends';
import { expectData, startTestService, type TestService } from '../support/service';
import {
  APPRAISE,
  ASSESSMENT,
  AUDIT,
  DECISION,
  FINALIZE,
  OPEN_CYCLE,
  PUBLISH_FRAMEWORK,
  PUBLISH_RANKING,
  RANKING,
  REGISTER_AGENCY,
  RESPONSIBILITIES,
  SUBMIT,
  SURVEY,
  districtFramework,
} from './operations';

const YEAR = 2025;
const DAY = 24 * 3600 * 1000;

/**
 * A whole cycle over HTTP with real tokens. The numbers are chosen so that float arithmetic would drift
 * (7.7001 + 9.2999), two districts tie on the index with different points and maxima (18/20 and 16.2/18),
 * and two sit exactly on a band threshold (90 %).
 */
describe.each(availableBackends('the end-to-end cycle').map((b) => [b.name, b] as const))('a PAR cycle end to end over HTTP on %s', (_name, backend) => {
  let t: TestService;
  let coordinator: string;

  beforeAll(async () => {
    t = await startTestService({}, {}, backend);
    coordinator = t.token(['COORDINATOR'], 'SNV', 'coordinator.snv');
  });
  afterAll(async () => t?.stop());

  const officer = (agency: string) => t.token(['AGENCY_OFFICER'], agency, `officer.${agency}`);
  const appraiser = (agency: string) => t.token(['APPRAISER'], agency, `appraiser.${agency}`);

  const submit = (agencyCode: string, scores: object[]) => t.gql(SUBMIT, { input: { year: YEAR, agencyCode, scores } }, officer(agencyCode)).then(expectData);
  const appraise = (agency: string, agencyCode: string, criterionCode: string, points: number | null, round = 1, extra: object = {}) =>
    t.gql(APPRAISE, { input: { year: YEAR, agencyCode, criterionCode, points, round, comment: 'đã kiểm tra', ...extra } }, appraiser(agency)).then(expectData);
  const survey = (agencyCode: string, points: number) =>
    t.gql(SURVEY, { input: { year: YEAR, agencyCode, scores: [{ criterionCode: '3.1', points }] } }, coordinator).then(expectData);
  const finalize = (agencyCode: string) => t.gql(FINALIZE, { input: { year: YEAR, agencyCode } }, coordinator).then(expectData);

  /** Self-assesses, appraises (round 1 as given), records the survey and finalises. */
  async function fullAssessment(code: string, leaves: Record<string, number | null>, surveyPoints: number) {
    await submit(
      code,
      Object.entries(leaves).map(([criterionCode, points]) =>
        points === null
          ? { criterionCode, applicable: false, explanation: 'Không ban hành VBQPPL trong năm' }
          : { criterionCode, points, evidence: [`QĐ số ${criterionCode}/QĐ-UBND`] },
      ),
    );
    for (const [criterionCode, points] of Object.entries(leaves)) {
      // A "not applicable" claim counts only once the leaf's appraiser confirms it.
      if (points === null) {
        await appraise(criterionCode.startsWith('2') ? 'STP' : 'SNV', code, criterionCode, null, 1, { applicable: false });
        continue;
      }
      await appraise(criterionCode.startsWith('2') ? 'STP' : 'SNV', code, criterionCode, points);
    }
    await survey(code, surveyPoints);
    return finalize(code);
  }

  it('runs from registration to a published ranking, and keeps everything across a restart', async () => {
    // Register appraisers and four districts.
    const agencies = [
      { code: 'SNV', name: 'Sở Nội vụ', group: 'DEPARTMENT' },
      { code: 'STP', name: 'Sở Tư pháp', group: 'DEPARTMENT' },
      { code: 'TAMKY', name: 'UBND Thành phố Tam Kỳ', group: 'DISTRICT' },
      { code: 'HOIAN', name: 'UBND Thành phố Hội An', group: 'DISTRICT' },
      { code: 'NONGSON', name: 'UBND Huyện Nông Sơn', group: 'DISTRICT' },
      { code: 'DAILOC', name: 'UBND Huyện Đại Lộc', group: 'DISTRICT' },
    ];
    for (const input of agencies) {
      const { registerAgency } = expectData(await t.gql(REGISTER_AGENCY, { input }, coordinator));
      expect(registerAgency).toEqual(input);
    }

    const { publishFramework } = expectData(await t.gql(PUBLISH_FRAMEWORK, { input: districtFramework }, coordinator));
    expect(publishFramework.maxPoints).toBe(20);
    expect(publishFramework.areas.map((a: { maxPoints: number }) => a.maxPoints)).toEqual([8, 2, 10]);
    expect(publishFramework.areas[0].criteria[1].children[0].appraiserCode).toBe('SNV');

    const now = Date.now();
    const { openAssessmentCycle } = expectData(
      await t.gql(
        OPEN_CYCLE,
        {
          input: {
            year: YEAR,
            frameworkCodes: [districtFramework.code],
            selfAssessmentDeadline: new Date(now + 30 * DAY).toISOString(),
            appraisalDeadline: new Date(now + 60 * DAY).toISOString(),
            // Districts are rated on their own thresholds; the default bands would rate 90 % only "Tốt".
            bands: [
              { label: 'Xuất sắc', minIndexPercent: 95 },
              { label: 'Tốt', minIndexPercent: 85 },
            ],
            groupBands: [
              {
                group: 'DISTRICT',
                bands: [
                  { label: 'Xuất sắc', minIndexPercent: 90 },
                  { label: 'Tốt', minIndexPercent: 80 },
                  { label: 'Khá', minIndexPercent: 70 },
                  { label: 'Trung bình', minIndexPercent: 50 },
                  { label: 'Yếu', minIndexPercent: 0 },
                ],
              },
            ],
          },
        },
        coordinator,
      ),
    );
    expect(openAssessmentCycle.participants.map((p: { code: string }) => p.code).sort()).toEqual(['DAILOC', 'HOIAN', 'NONGSON', 'TAMKY']);
    expect(openAssessmentCycle.groupBands).toEqual([{ group: 'DISTRICT', bands: ['Xuất sắc', 'Tốt', 'Khá', 'Trung bình', 'Yếu'].map((label) => ({ label })) }]);

    // Tam Kỳ: two appraisal rounds on 1.1 (3.5, then 4 after its explanation).
    const submitted = await submit('TAMKY', [
      { criterionCode: '1.1', points: 4, evidence: ['KH số 12/KH-UBND ngày 10/01/2025'] },
      { criterionCode: '1.2.1', points: 2.5, evidence: ['BC số 45/BC-UBND'] },
      { criterionCode: '1.2.2', points: 1.5, explanation: 'Báo cáo gửi qua phần mềm, không có số văn bản' },
      { criterionCode: '2.1', points: 2, evidence: ['KQ rà soát 2025'] },
    ]);
    expect(submitted.submitSelfAssessment.status).toBe('SUBMITTED');
    expect(submitted.submitSelfAssessment.criteria.find((c: { code: string }) => c.code === '1.1').selfPoints).toBe(4);

    const snvDuties = expectData(await t.gql(RESPONSIBILITIES, { agencyCode: 'SNV' }, coordinator)).responsibilities;
    expect(snvDuties.cycles[0].appraises[0].criterionCodes).toEqual(['1.1', '1.2.1', '1.2.2']);
    expect(snvDuties.cycles[0].pendingAppraisals).toHaveLength(3);
    expect(snvDuties.cycles[0].appraisalsOverdue).toBe(false);

    const round1 = await appraise('SNV', 'TAMKY', '1.1', 3.5);
    expect(round1.appraiseCriterion.status).toBe('UNDER_APPRAISAL');
    expect(round1.appraiseCriterion.criteria.find((c: { code: string }) => c.code === '1.1').finalPoints).toBe(3.5);
    const afterRound1 = expectData(await t.gql('{ serviceInstance { position } }', {}, coordinator)).serviceInstance.position;
    const round2 = await appraise('SNV', 'TAMKY', '1.1', 4, 2);
    const leaf11 = round2.appraiseCriterion.criteria.find((c: { code: string }) => c.code === '1.1');
    expect(leaf11.appraisals).toEqual([
      { round: 1, points: 3.5 },
      { round: 2, points: 4 },
    ]);
    expect(leaf11.finalPoints).toBe(4);
    await appraise('SNV', 'TAMKY', '1.2.1', 2.5);
    await appraise('SNV', 'TAMKY', '1.2.2', 1.5);
    await appraise('STP', 'TAMKY', '2.1', 2);
    await survey('TAMKY', 8);
    const tamKy = (await finalize('TAMKY')).finalizeAssessment;
    expect(tamKy).toMatchObject({
      status: 'FINALIZED',
      totalPoints: 18,
      applicableMaxPoints: 20,
      indexPercent: 90,
      band: { label: 'Xuất sắc', minIndexPercent: 90 },
    });
    expect(tamKy.areas).toEqual([
      { code: '1', title: 'Công tác chỉ đạo, điều hành CCHC', points: 8, maxPoints: 8, indexPercent: 100 },
      { code: '2', title: 'Văn bản quy phạm pháp luật', points: 2, maxPoints: 2, indexPercent: 100 },
      { code: '3', title: 'Tác động của CCHC', points: 8, maxPoints: 10, indexPercent: 80 },
    ]);

    // Hội An: 2.1 not applicable, so 16.2 of 18 is the same 90 % as Tam Kỳ's 18 of 20.
    const hoiAn = (await fullAssessment('HOIAN', { '1.1': 3.5, '1.2.1': 2.2, '1.2.2': 1.5, '2.1': null }, 9)).finalizeAssessment;
    expect(hoiAn).toMatchObject({ totalPoints: 16.2, applicableMaxPoints: 18, band: { label: 'Xuất sắc', minIndexPercent: 90 } });
    expect(hoiAn.indexPercent).toBeCloseTo(90, 10);
    // Nông Sơn: 7.7001 + 9.2999 must be exactly 17.
    const nongSon = (await fullAssessment('NONGSON', { '1.1': 3, '1.2.1': 2, '1.2.2': 1.2001, '2.1': 1.5 }, 9.2999)).finalizeAssessment;
    expect(nongSon).toMatchObject({ totalPoints: 17, applicableMaxPoints: 20, indexPercent: 85, band: { label: 'Tốt', minIndexPercent: 80 } });
    const daiLoc = (await fullAssessment('DAILOC', { '1.1': 4, '1.2.1': 2.5, '1.2.2': 1.5, '2.1': 2 }, 9)).finalizeAssessment;
    expect(daiLoc).toMatchObject({ totalPoints: 19, indexPercent: 95 });

    // The People's Committee (UBND) approves the ranking by a numbered decision; the coordinator may not.
    const byCoordinator = await t.gql(PUBLISH_RANKING, { input: { year: YEAR, group: 'DISTRICT', ...DECISION } }, coordinator);
    expect(byCoordinator.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const leader = t.token(['PROVINCIAL_LEADER'], null, 'leader.ubnd');
    const { publishRanking } = expectData(await t.gql(PUBLISH_RANKING, { input: { year: YEAR, group: 'DISTRICT', ...DECISION } }, leader));
    expect(publishRanking).toMatchObject({ published: true, decisionNumber: '123/QĐ-UBND', decisionDate: '2027-03-01' });
    const ranks = publishRanking.entries.map((e: { rank: number; agency: { code: string } }) => [e.rank, e.agency.code]);
    // The tie shares rank 2 and the next rank is 4; within the tie, Vietnamese order of names (Hội An before Tam Kỳ).
    expect(ranks).toEqual([
      [1, 'DAILOC'],
      [2, 'HOIAN'],
      [2, 'TAMKY'],
      [4, 'NONGSON'],
    ]);
    expect(publishRanking.entries[3]).toMatchObject({
      totalPoints: 17,
      maxPoints: 20,
      indexPercent: 85,
      band: { label: 'Tốt', minIndexPercent: 80 },
      agency: { name: 'UBND Huyện Nông Sơn' },
    });

    // Analysts and inspectors can ask what was known at a past point of the log.
    const past = expectData(
      await t.gql(
        `query($asOf: AsOfInput) {
          assessment(year: ${YEAR}, agencyCode: "TAMKY", asOf: $asOf) { status criteria { code finalPoints } }
          ranking(year: ${YEAR}, group: DISTRICT, asOf: $asOf) { published entries { rank } }
        }`,
        { asOf: { position: afterRound1 } },
        t.token(['ANALYST'], null, 'analyst.1'),
      ),
    );
    expect(past.assessment.status).toBe('UNDER_APPRAISAL');
    expect(past.assessment.criteria.find((c: { code: string }) => c.code === '1.1').finalPoints).toBe(3.5);
    expect(past.ranking).toEqual({ published: false, entries: [] });
    const badAsOf = await t.gql(`{ ranking(year: ${YEAR}, group: DISTRICT, asOf: {}) { published } }`, {}, coordinator);
    expect(badAsOf.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' });

    // The audit trail holds every step, attributed to the token's actor, in a valid hash chain.
    const trail = expectData(await t.gql(AUDIT, { first: 500 }, t.token(['INSPECTOR'], null, 'inspector.1'))).auditTrail;
    const types = trail.edges.map((e: { node: { type: string } }) => e.node.type);
    expect(types.slice(0, 8)).toEqual([
      'AgencyRegistered',
      'AgencyRegistered',
      'AgencyRegistered',
      'AgencyRegistered',
      'AgencyRegistered',
      'AgencyRegistered',
      'FrameworkPublished',
      'AssessmentCycleOpened',
    ]);
    expect(types[types.length - 1]).toBe('RankingPublished');
    expect(types.filter((x: string) => x === 'AssessmentFinalized')).toHaveLength(4);
    expect(trail.totalCount).toBe(trail.edges.length);
    trail.edges.forEach((e: { node: { prevHash: string; hash: string } }, i: number) => {
      if (i > 0) expect(e.node.prevHash).toBe(trail.edges[i - 1].node.hash);
    });
    const tamKyTrail = expectData(await t.gql(AUDIT, { filter: { agencyCode: 'TAMKY', eventType: 'CriterionAppraised' } }, coordinator)).auditTrail;
    expect(tamKyTrail.totalCount).toBe(5);
    expect(tamKyTrail.edges[0].node.actor).toEqual({ sub: 'appraiser.SNV', name: 'Test APPRAISER SNV', agency: 'SNV', roles: ['APPRAISER'] });
    const corrected = expectData(await t.gql(AUDIT, { filter: { eventType: 'AppraisalCorrected' } }, coordinator)).auditTrail;
    expect(corrected.totalCount).toBe(0); // round 2 is a new round, not a correction

    // Paging: two pages of 3 cover the first 6 events without overlap.
    const page1 = expectData(await t.gql(AUDIT, { first: 3 }, coordinator)).auditTrail;
    const page2 = expectData(await t.gql(AUDIT, { first: 3, after: page1.pageInfo.endCursor }, coordinator)).auditTrail;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect([...page1.edges, ...page2.edges].map((e: { node: { position: number } }) => e.node.position)).toEqual([1, 2, 3, 4, 5, 6]);

    // Restart on the same data folder: nothing lost, and the service keeps working.
    const before = {
      ranking: expectData(await t.gql(RANKING, { year: YEAR, group: 'DISTRICT' }, coordinator)),
      assessment: expectData(await t.gql(ASSESSMENT, { year: YEAR, agencyCode: 'NONGSON' }, coordinator)),
      trail: expectData(await t.gql(AUDIT, { first: 500 }, coordinator)),
    };
    await t.restart();
    const health = await fetch(t.service.url.replace('/graphql', '/health'));
    expect(health.status).toBe(200);
    expect(expectData(await t.gql(RANKING, { year: YEAR, group: 'DISTRICT' }, coordinator))).toEqual(before.ranking);
    expect(expectData(await t.gql(ASSESSMENT, { year: YEAR, agencyCode: 'NONGSON' }, coordinator))).toEqual(before.assessment);
    expect(expectData(await t.gql(AUDIT, { first: 500 }, coordinator))).toEqual(before.trail);
    const after = expectData(await t.gql(REGISTER_AGENCY, { input: { code: 'TIENPHUOC', name: 'UBND Huyện Tiên Phước', group: 'DISTRICT' } }, coordinator));
    expect(after.registerAgency.code).toBe('TIENPHUOC');
    const grown = expectData(await t.gql(AUDIT, { first: 1, filter: { eventType: 'AgencyRegistered' } }, coordinator)).auditTrail;
    expect(grown.totalCount).toBe(7);
  });
});
