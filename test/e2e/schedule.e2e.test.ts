import { expectData, startTestService, type TestService } from '../support/service';
import { OPEN_CYCLE, PUBLISH_FRAMEWORK, REGISTER_AGENCY, SUBMIT, districtFramework } from './operations';

const YEAR = 2025;
const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

const AMEND = `mutation($input: AmendCycleScheduleInput!, $commandId: ID) {
  amendCycleSchedule(input: $input, commandId: $commandId) {
    year selfAssessmentDeadline appraisalDeadline
    scheduleAmendments { selfAssessmentDeadline appraisalDeadline previousSelfAssessmentDeadline previousAppraisalDeadline reason amendedAt }
  }
}`;

const GRANT = `mutation($input: GrantExtensionInput!) {
  grantExtension(input: $input) { extensions { agency { code name } agencyCode phase until reason grantedAt } }
}`;

const DUTIES = `query($agencyCode: ID!) {
  responsibilities(agencyCode: $agencyCode, year: ${YEAR}) {
    cycles {
      selfAssessment { deadline submittedAt overdue }
      appraisalDeadline appraisalsOverdue pendingAppraisals { agencyCode criterionCode deadline overdue }
      extensions { agency { code } phase until reason }
    }
  }
}`;

/** The schedule of a real year over HTTP: deadlines moved for everyone. */
describe('the schedule over HTTP', () => {
  let t: TestService;
  let coordinator: string;
  const opened = { selfAssessmentDeadline: at(30 * DAY), appraisalDeadline: at(60 * DAY) };

  beforeAll(async () => {
    t = await startTestService();
    coordinator = t.token(['COORDINATOR'], 'SNV', 'coordinator.snv');
    for (const input of [
      { code: 'SNV', name: 'Sở Nội vụ', group: 'DEPARTMENT' },
      { code: 'STP', name: 'Sở Tư pháp', group: 'DEPARTMENT' },
      { code: 'TAMKY', name: 'UBND Thành phố Tam Kỳ', group: 'DISTRICT' },
      { code: 'HOIAN', name: 'UBND Thành phố Hội An', group: 'DISTRICT' },
      { code: 'DAILOC', name: 'UBND huyện Đại Lộc', group: 'DISTRICT' },
      { code: 'NONGSON', name: 'UBND huyện Nông Sơn', group: 'DISTRICT' },
    ]) {
      expectData(await t.gql(REGISTER_AGENCY, { input }, coordinator));
    }
    expectData(await t.gql(PUBLISH_FRAMEWORK, { input: districtFramework }, coordinator));
    expectData(await t.gql(OPEN_CYCLE, { input: { year: YEAR, frameworkCodes: [districtFramework.code], ...opened } }, coordinator));
  });
  afterAll(async () => t?.stop());

  it('amendCycleSchedule moves the year’s deadlines with a reason, keeps the previous ones, and refuses a bad schedule', async () => {
    const moved = { selfAssessmentDeadline: at(35 * DAY), appraisalDeadline: at(65 * DAY) };
    const reason = 'UBND tỉnh lùi thời hạn theo Công văn số 123/UBND-NC';
    const cycle = expectData(await t.gql(AMEND, { input: { year: YEAR, ...moved, reason }, commandId: 'amend-1' }, coordinator)).amendCycleSchedule;
    expect(cycle).toMatchObject({ ...moved, scheduleAmendments: [{ ...moved, previousSelfAssessmentDeadline: opened.selfAssessmentDeadline, reason }] });
    expect(cycle.scheduleAmendments[0].previousAppraisalDeadline).toBe(opened.appraisalDeadline);

    const refusals: [object, string, string | undefined][] = [
      [{ year: YEAR, selfAssessmentDeadline: at(40 * DAY), appraisalDeadline: at(39 * DAY), reason }, 'BAD_USER_INPUT', 'appraisalDeadline'],
      [{ year: YEAR, ...moved, reason: '   ' }, 'BAD_USER_INPUT', 'reason'],
      [{ year: YEAR, ...moved, reason: 'ạ'.repeat(2001) }, 'BAD_USER_INPUT', 'reason'],
      [{ year: 2030, ...moved, reason }, 'NOT_FOUND', 'year'],
    ];
    for (const [input, code, field] of refusals) {
      const response = await t.gql(AMEND, { input }, coordinator);
      expect(response.errors?.[0].extensions).toMatchObject({ code, field });
    }
    const officer = t.token(['AGENCY_OFFICER'], 'TAMKY');
    expect((await t.gql(AMEND, { input: { year: YEAR, ...moved, reason } }, officer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const read = expectData(await t.gql(`{ cycle(year: ${YEAR}) { scheduleAmendments { reason } } }`, {}, officer)).cycle;
    expect(read.scheduleAmendments).toEqual([{ reason }]);
  });

  it('grantExtension gives one agency more time: it may still self-assess after the year’s deadline, the others may not', async () => {
    const until = at(40 * DAY);
    const reason = 'Huyện Đại Lộc bị ảnh hưởng bão, xin gia hạn tự đánh giá';
    const input = { year: YEAR, agencyCode: 'DAILOC', phase: 'SELF_ASSESSMENT', until, reason };
    const granted = expectData(await t.gql(GRANT, { input }, coordinator)).grantExtension;
    expect(granted.extensions).toEqual([
      { agency: { code: 'DAILOC', name: 'UBND huyện Đại Lộc' }, agencyCode: 'DAILOC', phase: 'SELF_ASSESSMENT', until, reason, grantedAt: expect.any(String) },
    ]);
    const refusals: [object, string, string | undefined][] = [
      [{ ...input, until: at(20 * DAY) }, 'BAD_USER_INPUT', 'until'],
      [{ ...input, phase: 'APPRAISAL', until: at(-DAY) }, 'BAD_USER_INPUT', 'until'],
      [{ ...input, agencyCode: 'SNV' }, 'NOT_FOUND', 'agencyCode'],
      [{ ...input, reason: '' }, 'BAD_USER_INPUT', 'reason'],
    ];
    for (const [refused, code, field] of refusals) {
      expect((await t.gql(GRANT, { input: refused }, coordinator)).errors?.[0].extensions).toMatchObject({ code, field });
    }
    expect((await t.gql(GRANT, { input }, t.token(['APPRAISER'], 'SNV'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // The year's self-assessment closed a minute ago (amended); appraisal stays open.
    const closed = at(-MINUTE);
    const appraisalDeadline = at(65 * DAY);
    expectData(await t.gql(AMEND, { input: { year: YEAR, selfAssessmentDeadline: closed, appraisalDeadline, reason: 'Chốt tự đánh giá sớm' } }, coordinator));
    const scores = [{ criterionCode: '1.1', points: 3, evidence: ['KH số 12/KH-UBND'] }];
    const late = await t.gql(SUBMIT, { input: { year: YEAR, agencyCode: 'HOIAN', scores } }, t.token(['AGENCY_OFFICER'], 'HOIAN'));
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'DEADLINE_PASSED' });
    expectData(await t.gql(SUBMIT, { input: { year: YEAR, agencyCode: 'DAILOC', scores } }, t.token(['AGENCY_OFFICER'], 'DAILOC')));

    // responsibilities: Hội An is overdue; Đại Lộc is not and sees its extended deadline; SNV owes Đại Lộc an appraisal.
    const duties = async (agencyCode: string) => expectData(await t.gql(DUTIES, { agencyCode }, coordinator)).responsibilities.cycles[0];
    expect((await duties('HOIAN')).selfAssessment).toEqual({ deadline: closed, submittedAt: null, overdue: true });
    const dailoc = await duties('DAILOC');
    expect(dailoc.selfAssessment).toMatchObject({ deadline: until, overdue: false });
    expect(dailoc.extensions).toEqual([{ agency: { code: 'DAILOC' }, phase: 'SELF_ASSESSMENT', until, reason }]);
    const snv = await duties('SNV');
    expect(snv.pendingAppraisals).toEqual([{ agencyCode: 'DAILOC', criterionCode: '1.1', deadline: appraisalDeadline, overdue: false }]);
    expect(snv).toMatchObject({ appraisalDeadline, appraisalsOverdue: false });
  });
});
