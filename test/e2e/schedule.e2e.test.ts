import { expectData, startTestService, type TestService } from '../support/service';
import { OPEN_CYCLE, PUBLISH_FRAMEWORK, REGISTER_AGENCY, districtFramework } from './operations';

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
});
