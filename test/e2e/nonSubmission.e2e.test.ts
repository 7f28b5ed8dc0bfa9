import { expectData, startTestService, type TestService } from '../support/service';
import { openDistrictCycle } from './districtCycle';
import { APPRAISE, DECISION, FINALIZE, PUBLISH_RANKING, SUBMIT, SURVEY, districtFramework } from './operations';

const YEAR = 2026;
const DAY = 24 * 3600 * 1000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

const FIELDS = `year status totalPoints selfTotalPoints applicableMaxPoints indexPercent submittedAt finalizedAt
  nonSubmission { reason recordedAt deadline }
  criteria { code selfPoints appraisedPoints surveyPoints finalPoints applicable draft { points } }`;
const RECORD = `mutation($input: RecordNonSubmissionInput!, $commandId: ID) {
  recordNonSubmission(input: $input, commandId: $commandId) { ${FIELDS} }
}`;
const DRAFT = 'mutation($input: SubmitSelfAssessmentInput!) { saveSelfAssessmentDraft(input: $input) { status } }';
const AMEND = 'mutation($input: AmendCycleScheduleInput!) { amendCycleSchedule(input: $input) { selfAssessmentDeadline } }';
const EXTEND = 'mutation($input: GrantExtensionInput!) { grantExtension(input: $input) { year } }';
const DUTIES = `query($c: ID!) { responsibilities(agencyCode: $c, year: ${YEAR}) {
  cycles { selfAssessment { deadline submittedAt overdue nonSubmission { reason recordedAt } } }
} }`;

const REASON = 'Không gửi báo cáo tự đánh giá dù đã được nhắc tại Công văn số 312/SNV-CCHC';

/** An agency that never sends its self-assessment: recorded, finalised on its survey points alone, and ranked. */
describe('recordNonSubmission over HTTP', () => {
  let t: TestService;
  let coordinator: string;
  let hoian: string;

  beforeAll(async () => {
    t = await startTestService();
    coordinator = t.token(['COORDINATOR'], 'SNV', 'coordinator.snv');
    hoian = t.token(['AGENCY_OFFICER'], 'HOIAN', 'officer.hoian');
    await openDistrictCycle(t, coordinator, { agencies: ['SNV', 'STP', 'TAMKY', 'HOIAN'], year: YEAR });

    // Tam Kỳ takes part as usual: 10 of 10 self-assessed (appraised as claimed) and 9 of 10 in the survey.
    const self: Record<string, number> = { '1.1': 4, '1.2.1': 2.5, '1.2.2': 1.5, '2.1': 2 };
    const scores = Object.entries(self).map(([criterionCode, points]) => ({ criterionCode, points, evidence: [`KH số 1/KH-UBND ${criterionCode}`] }));
    expectData(await t.gql(SUBMIT, { input: { year: YEAR, agencyCode: 'TAMKY', scores } }, t.token(['AGENCY_OFFICER'], 'TAMKY')));
    for (const [criterionCode, points] of Object.entries(self)) {
      const input = { year: YEAR, agencyCode: 'TAMKY', criterionCode, round: 1, points, comment: 'đã kiểm tra' };
      expectData(await t.gql(APPRAISE, { input }, t.token(['APPRAISER'], criterionCode.startsWith('2') ? 'STP' : 'SNV')));
    }
    expectData(await t.gql(SURVEY, { input: { year: YEAR, agencyCode: 'TAMKY', scores: [{ criterionCode: '3.1', points: 9 }] } }, coordinator));
    expectData(await t.gql(FINALIZE, { input: { year: YEAR, agencyCode: 'TAMKY' } }, coordinator));

    // Hội An only saves a draft, and its survey result comes in before the deadline.
    const draft = { year: YEAR, agencyCode: 'HOIAN', scores: [{ criterionCode: '1.1', points: 3, evidence: ['KH số 7/KH-UBND'] }] };
    expect(expectData(await t.gql(DRAFT, { input: draft }, hoian)).saveSelfAssessmentDraft.status).toBe('DRAFT');
    expectData(await t.gql(SURVEY, { input: { year: YEAR, agencyCode: 'HOIAN', scores: [{ criterionCode: '3.1', points: 6.5 }] } }, coordinator));
  });
  afterAll(async () => t?.stop());

  it('refused before the deadline; after it the agency scores 0 on self-assessed leaves, is finalised on its survey points and ranked', async () => {
    const key = { year: YEAR, agencyCode: 'HOIAN' };
    const early = await t.gql(RECORD, { input: { ...key, reason: REASON } }, coordinator);
    expect(early.errors?.[0].extensions?.code).toBe('INVALID_STATE');
    expect(early.errors?.[0].message).toMatch(/has not passed/);

    // The coordinator brings the year's self-assessment deadline forward, to a minute ago.
    const deadline = at(-60_000);
    const amend = { year: YEAR, selfAssessmentDeadline: deadline, appraisalDeadline: at(60 * DAY), reason: 'Rút ngắn theo Kế hoạch số 9/KH-UBND' };
    expectData(await t.gql(AMEND, { input: amend }, coordinator));
    const overdue = expectData(await t.gql(DUTIES, { c: 'HOIAN' }, coordinator)).responsibilities.cycles[0].selfAssessment;
    expect(overdue).toMatchObject({ submittedAt: null, overdue: true, nonSubmission: null });

    // Only a coordinator (or an administrator) records it.
    for (const token of [hoian, t.token(['APPRAISER'], 'STP'), t.token(['ANALYST'])]) {
      expect((await t.gql(RECORD, { input: { ...key, reason: REASON } }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const refusals: [object, string, string | undefined][] = [
      [{ year: YEAR, agencyCode: 'TAMKY', reason: REASON }, 'INVALID_STATE', undefined], // it submitted
      [{ ...key, reason: '   ' }, 'BAD_USER_INPUT', 'reason'],
      [{ ...key, reason: 'ạ'.repeat(2001) }, 'BAD_USER_INPUT', 'reason'],
      [{ year: YEAR, agencyCode: 'SNV', reason: REASON }, 'NOT_FOUND', 'agencyCode'],
      [{ year: 2031, agencyCode: 'HOIAN', reason: REASON }, 'NOT_FOUND', 'year'],
    ];
    for (const [input, code, field] of refusals) {
      const response = await t.gql(RECORD, { input }, coordinator);
      expect(response.errors?.[0].extensions).toMatchObject(field ? { code, field } : { code });
    }

    const recorded = expectData(await t.gql(RECORD, { input: { ...key, reason: REASON }, commandId: 'non-submission-hoian' }, coordinator)).recordNonSubmission;
    expect(recorded).toMatchObject({
      status: 'NOT_SUBMITTED',
      totalPoints: 6.5,
      selfTotalPoints: 0,
      applicableMaxPoints: 20,
      indexPercent: 32.5,
      submittedAt: null,
      nonSubmission: { reason: REASON, deadline: new Date(deadline).toISOString() },
    });
    expect(
      recorded.criteria.map((c: { code: string; finalPoints: number | null; selfPoints: number | null }) => [c.code, c.finalPoints, c.selfPoints]),
    ).toEqual([
      ['1.1', 0, null],
      ['1.2.1', 0, null],
      ['1.2.2', 0, null],
      ['2.1', 0, null],
      ['3.1', 6.5, null],
    ]);
    // The saved draft was never sent: it stays as the agency left it and counts for nothing.
    expect(recorded.criteria[0].draft).toEqual({ points: 3 });
    // The same commandId again replays: nothing appended, the same answer.
    expect(expectData(await t.gql(RECORD, { input: { ...key, reason: REASON }, commandId: 'non-submission-hoian' }, coordinator)).recordNonSubmission).toEqual(
      recorded,
    );
    const again = await t.gql(RECORD, { input: { ...key, reason: 'lần nữa' } }, coordinator);
    expect(again.errors?.[0].extensions?.code).toBe('INVALID_STATE');

    // The self-assessment is closed for good, even under an extension granted afterwards.
    expectData(await t.gql(EXTEND, { input: { ...key, phase: 'SELF_ASSESSMENT', until: at(5 * DAY), reason: 'Xin gia hạn muộn' } }, coordinator));
    const late = { ...key, scores: [{ criterionCode: '1.1', points: 3, evidence: ['KH số 7/KH-UBND'] }] };
    expect((await t.gql(SUBMIT, { input: late }, hoian)).errors?.[0].extensions?.code).toBe('INVALID_STATE');
    expect((await t.gql(DRAFT, { input: late }, hoian)).errors?.[0].extensions?.code).toBe('INVALID_STATE');

    // The duty is closed, not overdue.
    const closed = expectData(await t.gql(DUTIES, { c: 'HOIAN' }, hoian)).responsibilities.cycles[0].selfAssessment;
    expect(closed).toMatchObject({ submittedAt: null, overdue: false, nonSubmission: { reason: REASON, recordedAt: recorded.nonSubmission.recordedAt } });

    // A survey result recorded afterwards counts too; finalisation awaits no appraisal and no claim.
    expectData(await t.gql(SURVEY, { input: { ...key, scores: [{ criterionCode: '3.1', points: 7.2501 }] } }, coordinator));
    const final = expectData(await t.gql(FINALIZE, { input: key }, coordinator)).finalizeAssessment;
    expect(final).toMatchObject({ status: 'FINALIZED', totalPoints: 7.2501, applicableMaxPoints: 20, indexPercent: 36.2505 });

    const leader = t.token(['PROVINCIAL_LEADER'], null, 'leader.ubnd');
    const published = expectData(await t.gql(PUBLISH_RANKING, { input: { year: YEAR, group: 'DISTRICT', ...DECISION } }, leader)).publishRanking;
    expect(published.entries).toEqual([
      expect.objectContaining({ rank: 1, agency: expect.objectContaining({ code: 'TAMKY' }), totalPoints: 19, maxPoints: 20, indexPercent: 95 }),
      expect.objectContaining({ rank: 2, agency: expect.objectContaining({ code: 'HOIAN' }), totalPoints: 7.2501, maxPoints: 20, indexPercent: 36.2505 }),
    ]);

    // The audit trail shows who recorded it, and why.
    const trail = expectData(
      await t.gql('{ auditTrail(filter: { eventType: "NonSubmissionRecorded" }) { edges { node { agencyCode data actor { sub } } } } }', {}, coordinator),
    );
    expect(
      trail.auditTrail.edges.map((e: { node: { agencyCode: string; data: unknown; actor: { sub: string } } }) => [
        e.node.agencyCode,
        e.node.data,
        e.node.actor.sub,
      ]),
    ).toEqual([
      [
        'HOIAN',
        {
          year: YEAR,
          agencyCode: 'HOIAN',
          group: 'DISTRICT',
          frameworkCode: districtFramework.code,
          reason: REASON,
          deadline: new Date(deadline).toISOString(),
        },
        'coordinator.snv',
      ],
    ]);
  });
});
