import { expectData, startTestService, type GraphQLResponse, type TestService } from '../support/service';
import { OPEN_CYCLE, PUBLISH_FRAMEWORK, REGISTER_AGENCY, RESPONSIBILITIES, districtFramework } from './operations';

const YEAR = 2025;
const DAY = 24 * 3600 * 1000;

const FIELDS = `
  status version totalPoints selfTotalPoints applicableMaxPoints indexPercent
  areas { code points maxPoints selfPoints appraisedPoints }
  criteria { code selfPoints appraisedPoints finalPoints applicable draft { applicable points explanation evidence } }
`;
const DRAFT = `mutation($input: SubmitSelfAssessmentInput!) { saveSelfAssessmentDraft(input: $input) { ${FIELDS} } }`;
const SUBMIT = `mutation($input: SubmitSelfAssessmentInput!) { submitSelfAssessment(input: $input) { ${FIELDS} } }`;

interface Criterion {
  code: string;
  selfPoints: number | null;
  appraisedPoints: number | null;
  finalPoints: number | null;
  applicable: boolean;
  draft: { applicable: boolean; points: number | null } | null;
}
const leaf = (assessment: { criteria: Criterion[] }, code: string) => assessment.criteria.find((c) => c.code === code) as Criterion;
const errorCode = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;

/**
 * Self-assessment drafts, "not applicable" claims and the explanation round between the two appraisal rounds,
 * over HTTP with real tokens; totals are compared exactly (7.7001-style sums would drift as floats).
 */
describe('self-assessment rounds over HTTP', () => {
  let t: TestService;
  let coordinator: string;
  const officer = (agency: string) => t.token(['AGENCY_OFFICER'], agency, `officer.${agency}`);

  beforeAll(async () => {
    t = await startTestService();
    coordinator = t.token(['COORDINATOR'], 'SNV', 'coordinator.snv');
    for (const input of [
      { code: 'SNV', name: 'Sở Nội vụ', group: 'DEPARTMENT' },
      { code: 'STP', name: 'Sở Tư pháp', group: 'DEPARTMENT' },
      { code: 'TAMKY', name: 'UBND Thành phố Tam Kỳ', group: 'DISTRICT' },
      { code: 'HOIAN', name: 'UBND Thành phố Hội An', group: 'DISTRICT' },
    ]) {
      expectData(await t.gql(REGISTER_AGENCY, { input }, coordinator));
    }
    expectData(await t.gql(PUBLISH_FRAMEWORK, { input: districtFramework }, coordinator));
    const now = Date.now();
    expectData(
      await t.gql(
        OPEN_CYCLE,
        {
          input: {
            year: YEAR,
            frameworkCodes: [districtFramework.code],
            selfAssessmentDeadline: new Date(now + 30 * DAY).toISOString(),
            appraisalDeadline: new Date(now + 60 * DAY).toISOString(),
          },
        },
        coordinator,
      ),
    );
  });
  afterAll(async () => t?.stop());

  it('a draft is kept unsent, not pending for appraisers, and sent with the next submission', async () => {
    const saved = expectData(
      await t.gql(
        DRAFT,
        {
          input: {
            year: YEAR,
            agencyCode: 'TAMKY',
            scores: [
              { criterionCode: '1.1', points: 3.7001, evidence: ['KH số 12/KH-UBND ngày 10/01/2025'] },
              { criterionCode: '2.1', points: 1.2999, evidence: ['KQ rà soát 2025'] },
            ],
          },
        },
        officer('TAMKY'),
      ),
    ).saveSelfAssessmentDraft;
    expect(saved.status).toBe('DRAFT');
    expect(saved.selfTotalPoints).toBe(0);
    expect(leaf(saved, '1.1')).toMatchObject({ selfPoints: null, draft: { applicable: true, points: 3.7001 } });

    // Appraisers owe nothing for a draft.
    const snv = expectData(await t.gql(RESPONSIBILITIES, { agencyCode: 'SNV' }, coordinator)).responsibilities;
    expect(snv.cycles[0].pendingAppraisals).toEqual([]);

    // Someone else's draft, or a draft by the wrong role: FORBIDDEN.
    const input = { year: YEAR, agencyCode: 'TAMKY', scores: [{ criterionCode: '1.1', points: 1, evidence: ['x'] }] };
    expect(errorCode(await t.gql(DRAFT, { input }, officer('HOIAN')))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(DRAFT, { input }, coordinator))).toBe('FORBIDDEN');

    const sent = expectData(
      await t.gql(
        SUBMIT,
        { input: { year: YEAR, agencyCode: 'TAMKY', scores: [{ criterionCode: '1.2.1', points: 2.5, evidence: ['BC số 45/BC-UBND'] }] } },
        officer('TAMKY'),
      ),
    ).submitSelfAssessment;
    expect(sent.status).toBe('SUBMITTED');
    // 3.7001 + 2.5 + 1.2999 = 7.5 exactly; area 1 = 6.2001, area 2 = 1.2999.
    expect(sent.selfTotalPoints).toBe(7.5);
    expect(sent.areas.map((a: { code: string; selfPoints: number; appraisedPoints: number }) => [a.code, a.selfPoints, a.appraisedPoints])).toEqual([
      ['1', 6.2001, 0],
      ['2', 1.2999, 0],
      ['3', 0, 0],
    ]);
    expect(sent.criteria.every((c: Criterion) => c.draft === null)).toBe(true);
    const after = expectData(await t.gql(RESPONSIBILITIES, { agencyCode: 'SNV' }, coordinator)).responsibilities;
    expect(after.cycles[0].pendingAppraisals.map((p: { criterionCode: string }) => p.criterionCode).sort()).toEqual(['1.1', '1.2.1']);
  });
});
