import { expectData, startTestService, type GraphQLResponse, type TestService } from '../support/service';
import { OPEN_CYCLE, PUBLISH_FRAMEWORK, REGISTER_AGENCY, RESPONSIBILITIES, districtFramework } from './operations';

const YEAR = 2025;
const DAY = 24 * 3600 * 1000;

const FIELDS = `
  status version totalPoints selfTotalPoints applicableMaxPoints indexPercent
  areas { code points maxPoints selfPoints appraisedPoints }
  criteria {
    code selfPoints appraisedPoints finalPoints applicable notApplicableClaim draft { applicable points explanation evidence }
    explanationRequests { question dueAt answeredAt text evidence revisedPoints }
  }
`;
const DRAFT = `mutation($input: SubmitSelfAssessmentInput!) { saveSelfAssessmentDraft(input: $input) { ${FIELDS} } }`;
const SUBMIT = `mutation($input: SubmitSelfAssessmentInput!) { submitSelfAssessment(input: $input) { ${FIELDS} } }`;
const APPRAISE = `mutation($input: AppraiseCriterionInput!) { appraiseCriterion(input: $input) { ${FIELDS} } }`;
const SURVEY = `mutation($input: RecordSurveyScoresInput!) { recordSurveyScores(input: $input) { ${FIELDS} } }`;
const REQUEST = `mutation($input: RequestExplanationInput!) { requestExplanation(input: $input) { ${FIELDS} } }`;
const EXPLAIN = `mutation($input: SubmitExplanationInput!) { submitExplanation(input: $input) { ${FIELDS} } }`;
const AMEND = `mutation($input: AmendCycleScheduleInput!) { amendCycleSchedule(input: $input) { year } }`;
const EXPLANATION_DUTIES = `query($agencyCode: ID!) {
  responsibilities(agencyCode: $agencyCode, year: ${YEAR}) {
    cycles { explanationsToAnswer { criterionCode question dueAt appraiserCode } explanationsToDecide { agencyCode criterionCode dueAt answeredAt } }
  }
}`;
const FINALIZE = `mutation($input: FinalizeAssessmentInput!) { finalizeAssessment(input: $input) { ${FIELDS} } }`;

interface Criterion {
  code: string;
  selfPoints: number | null;
  appraisedPoints: number | null;
  finalPoints: number | null;
  applicable: boolean;
  notApplicableClaim: string | null;
  draft: { applicable: boolean; points: number | null } | null;
  explanationRequests: { question: string; dueAt: string; answeredAt: string | null; text: string | null; evidence: string[]; revisedPoints: number | null }[];
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
  const appraiser = (agency: string) => t.token(['APPRAISER'], agency, `appraiser.${agency}`);
  const appraise = (agency: string, input: object) => t.gql(APPRAISE, { input: { year: YEAR, round: 1, ...input } }, appraiser(agency));
  const pendingOf = async (agency: string) =>
    expectData(await t.gql(RESPONSIBILITIES, { agencyCode: agency }, coordinator)).responsibilities.cycles[0].pendingAppraisals.map(
      (p: { agencyCode: string; criterionCode: string }) => `${p.agencyCode} ${p.criterionCode}`,
    );

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

  it('a "not applicable" claim is pending for its appraiser, blocks finalisation, and is confirmed or rejected', async () => {
    const scores = [
      { criterionCode: '1.1', points: 3.7001, evidence: ['KH số 03/KH-UBND'] },
      { criterionCode: '1.2.1', points: 2.2999, evidence: ['BC số 7/BC-UBND'] },
      { criterionCode: '1.2.2', applicable: false, explanation: 'Không phát sinh báo cáo chuyên đề trong năm' },
      { criterionCode: '2.1', applicable: false, explanation: 'Không ban hành VBQPPL trong năm' },
    ];
    const sent = expectData(await t.gql(SUBMIT, { input: { year: YEAR, agencyCode: 'HOIAN', scores } }, officer('HOIAN'))).submitSelfAssessment;
    expect(sent.selfTotalPoints).toBe(6);
    expect(leaf(sent, '2.1')).toMatchObject({ notApplicableClaim: 'PENDING', applicable: true, finalPoints: null });
    expect(await pendingOf('STP')).toContain('HOIAN 2.1');
    expect(await pendingOf('SNV')).toEqual(expect.arrayContaining(['HOIAN 1.1', 'HOIAN 1.2.1', 'HOIAN 1.2.2']));

    expectData(await appraise('SNV', { agencyCode: 'HOIAN', criterionCode: '1.1', points: 3.5001, comment: 'Thiếu 01 báo cáo' }));
    expectData(await appraise('SNV', { agencyCode: 'HOIAN', criterionCode: '1.2.1', points: 2.2999 }));
    const surveyed = expectData(
      await t.gql(SURVEY, { input: { year: YEAR, agencyCode: 'HOIAN', scores: [{ criterionCode: '3.1', points: 8.3 }] } }, coordinator),
    ).recordSurveyScores;
    // Undecided claims count as applicable with 0 points: 3.5001 + 2.2999 + 8.3 = 14.1 of 20.
    expect([surveyed.totalPoints, surveyed.applicableMaxPoints]).toEqual([14.1, 20]);

    const refused = await t.gql(FINALIZE, { input: { year: YEAR, agencyCode: 'HOIAN' } }, coordinator);
    expect(errorCode(refused)).toBe('INVALID_STATE');
    expect(refused.errors?.[0].message).toContain('"not applicable" claims the appraiser has not decided: 1.2.2, 2.1');

    // Only the leaf's appraiser decides: STP cannot confirm SNV's leaf.
    expect(errorCode(await appraise('STP', { agencyCode: 'HOIAN', criterionCode: '1.2.2', applicable: false }))).toBe('FORBIDDEN');
    const confirmed = expectData(await appraise('SNV', { agencyCode: 'HOIAN', criterionCode: '1.2.2', applicable: false })).appraiseCriterion;
    expect(leaf(confirmed, '1.2.2')).toMatchObject({ notApplicableClaim: 'CONFIRMED', applicable: false });
    const rejected = expectData(
      await appraise('STP', { agencyCode: 'HOIAN', criterionCode: '2.1', points: 1.2, comment: 'Có ban hành 01 quyết định QPPL' }),
    ).appraiseCriterion;
    expect(leaf(rejected, '2.1')).toMatchObject({ notApplicableClaim: 'REJECTED', applicable: true, finalPoints: 1.2 });
    expect(await pendingOf('STP')).not.toContain('HOIAN 2.1');

    const done = expectData(await t.gql(FINALIZE, { input: { year: YEAR, agencyCode: 'HOIAN' } }, coordinator)).finalizeAssessment;
    // 3.5001 + 2.2999 + 1.2 + 8.3 = 15.3 of 20 − 1.5 = 18.5; the agency claimed 6.
    expect(done).toMatchObject({ status: 'FINALIZED', totalPoints: 15.3, applicableMaxPoints: 18.5, selfTotalPoints: 6 });
    expect(done.indexPercent).toBeCloseTo((15.3 / 18.5) * 100, 10);
    expect(
      done.areas.map((a: { code: string; selfPoints: number; appraisedPoints: number; points: number }) => [a.code, a.selfPoints, a.appraisedPoints, a.points]),
    ).toEqual([
      ['1', 6, 5.8, 5.8],
      ['2', 0, 1.2, 1.2],
      ['3', 0, 0, 8.3],
    ]);
  });

  it('between the rounds: the appraiser asks, the agency answers (after the self-assessment deadline), then round 2', async () => {
    const duties = async (agency: string) => expectData(await t.gql(EXPLANATION_DUTIES, { agencyCode: agency }, coordinator)).responsibilities.cycles[0];
    expectData(await appraise('SNV', { agencyCode: 'TAMKY', criterionCode: '1.1', points: 3.5, comment: 'Kế hoạch ban hành muộn' }));
    // Round 1 first: asking about an unappraised leaf is INVALID_STATE; only the leaf's appraiser asks.
    const dueAt = new Date(Date.now() + 3 * DAY).toISOString();
    const question = { year: YEAR, agencyCode: 'TAMKY', question: 'Đề nghị giải trình thời điểm ban hành kế hoạch', dueAt };
    expect(errorCode(await t.gql(REQUEST, { input: { ...question, criterionCode: '1.2.1' } }, appraiser('SNV')))).toBe('INVALID_STATE');
    expect(errorCode(await t.gql(REQUEST, { input: { ...question, criterionCode: '1.1' } }, appraiser('STP')))).toBe('FORBIDDEN');
    const asked = expectData(await t.gql(REQUEST, { input: { ...question, criterionCode: '1.1' } }, appraiser('SNV'))).requestExplanation;
    expect(leaf(asked, '1.1').explanationRequests).toEqual([
      { question: question.question, dueAt, answeredAt: null, text: null, evidence: [], revisedPoints: null },
    ]);
    expect((await duties('TAMKY')).explanationsToAnswer).toEqual([{ criterionCode: '1.1', question: question.question, dueAt, appraiserCode: 'SNV' }]);
    expect((await duties('SNV')).explanationsToDecide).toEqual([{ agencyCode: 'TAMKY', criterionCode: '1.1', dueAt, answeredAt: null }]);

    // Round 2 waits for the answer.
    const early = await appraise('SNV', { agencyCode: 'TAMKY', criterionCode: '1.1', points: 3.9, round: 2, comment: 'Sau giải trình' });
    expect(errorCode(early)).toBe('INVALID_STATE');

    // The self-assessment closes; the explanation is still allowed until its dueAt, for the agency's own officer.
    const closed = new Date(Date.now() - 60_000).toISOString();
    expectData(
      await t.gql(
        AMEND,
        {
          input: {
            year: YEAR,
            selfAssessmentDeadline: closed,
            appraisalDeadline: new Date(Date.now() + 60 * DAY).toISOString(),
            reason: 'Kết thúc tự đánh giá',
          },
        },
        coordinator,
      ),
    );
    const late = await t.gql(
      SUBMIT,
      { input: { year: YEAR, agencyCode: 'TAMKY', scores: [{ criterionCode: '1.1', points: 4, evidence: ['x'] }] } },
      officer('TAMKY'),
    );
    expect(errorCode(late)).toBe('DEADLINE_PASSED');
    const text = {
      year: YEAR,
      agencyCode: 'TAMKY',
      criterionCode: '1.1',
      text: 'Kế hoạch ban hành ngày 10/01, đúng hạn',
      evidence: ['KH số 12/KH-UBND'],
      revisedPoints: 3.9,
    };
    expect(errorCode(await t.gql(EXPLAIN, { input: text }, officer('HOIAN')))).toBe('FORBIDDEN');
    const explained = expectData(await t.gql(EXPLAIN, { input: text }, officer('TAMKY'))).submitExplanation;
    const [request] = leaf(explained, '1.1').explanationRequests;
    expect(request).toMatchObject({ text: text.text, evidence: text.evidence, revisedPoints: 3.9 });
    expect(request.answeredAt).not.toBeNull();
    expect((await duties('TAMKY')).explanationsToAnswer).toEqual([]);
    expect((await duties('SNV')).explanationsToDecide).toEqual([{ agencyCode: 'TAMKY', criterionCode: '1.1', dueAt, answeredAt: request.answeredAt }]);

    const decided = expectData(
      await appraise('SNV', { agencyCode: 'TAMKY', criterionCode: '1.1', points: 3.9, round: 2, comment: 'Sau giải trình' }),
    ).appraiseCriterion;
    expect((await duties('SNV')).explanationsToDecide).toEqual([]);
    expectData(await appraise('SNV', { agencyCode: 'TAMKY', criterionCode: '1.2.1', points: 2.4999 }));
    const final = expectData(await appraise('STP', { agencyCode: 'TAMKY', criterionCode: '2.1', points: 1.2999 })).appraiseCriterion;
    expect(leaf(decided, '1.1')).toMatchObject({ appraisedPoints: 3.9, finalPoints: 3.9 });
    // 3.9 + 2.4999 + 1.2999 = 7.6998 exactly, next to the 7.5 the agency claimed.
    expect([final.totalPoints, final.selfTotalPoints]).toEqual([7.6998, 7.5]);
    expect(final.areas.map((a: { code: string; selfPoints: number; appraisedPoints: number }) => [a.code, a.selfPoints, a.appraisedPoints])).toEqual([
      ['1', 6.2001, 6.3999],
      ['2', 1.2999, 1.2999],
      ['3', 0, 0],
    ]);
  });
});
