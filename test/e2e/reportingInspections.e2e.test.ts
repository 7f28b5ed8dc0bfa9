import type { Role } from '../../src/auth/authorization';
import { signToken } from '../../src/auth/tokenSigner';
import { expectData, startTestService, type GraphQLResponse, type TestService } from '../support/service';
import { REGISTER_AGENCY } from './operations';

const SCHEDULE = 'mutation($input: ScheduleReportingInput!) { scheduleReporting(input: $input) { id title dueAt } }';
const SUBMIT = 'mutation($input: SubmitProgressReportInput!) { submitProgressReport(input: $input) { id submissions { agencyCode status revisions } } }';
const COMPILE = 'mutation($input: CompileProvincialReportInput!) { compileProvincialReport(input: $input) { compiled { onTime late missing summary } } }';
const RAISE = 'mutation($input: ReportRegulationIssueInput!) { reportRegulationIssue(input: $input) { id agencyCode text proposal } }';
const REPORTING = `query($id: ID!, $on: Date) { reporting(id: $id, on: $on) {
  id period quarter on submissions { agencyCode status submittedAt revisions progress { taskCode status percent } difficulties } compiled { missing }
} }`;
const PLAN = 'mutation($input: IssueInspectionPlanInput!) { issueInspectionPlan(input: $input) { year issuingAgencyCode inspections { code dueAt } } }';
const RECORD =
  'mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { code conductedOn followUpDueAt findings { area severity criterionCode } } }';
const FOLLOW_UP = 'mutation($input: ReportInspectionFollowUpInput!) { reportInspectionFollowUp(input: $input) { code followUpDone followUps { text done } } }';
const DUTY = 'agencyCode role taskKind subject { code } legalBasis dueAt status late';
const RESPONSIBILITIES = `query($c: ID!, $on: Date) { responsibilities(agencyCode: $c, on: $on) {
  leads { ${DUTY} } coordinates { ${DUTY} } reportsDue { ${DUTY} } inspections { ${DUTY} }
} }`;
const WORKLOAD = 'query($on: Date) { workload(on: $on) { agency { code } open due overdue done outstanding { taskKind subject { code } } } }';

/**
 * A year of reporting and inspection (Decision 2824, Art. 4, 5, 17(3)) over HTTP, on a clock the test moves: a
 * quarterly round with one report on time, one late and one missing, compiled by SNV; an issue with the regulation;
 * SNV's inspection plan and a department's, one inspection recorded with findings and followed up.
 */
describe('reporting and inspections over HTTP', () => {
  let t: TestService;
  let now = Date.parse('2030-03-01T02:00:00Z');
  const at = (iso: string) => (now = Date.parse(iso));
  // Signed at the test's time: the service checks tokens against its own clock.
  const token = (roles: Role[], agency: string | null) =>
    signToken({ sub: `${roles[0]}.${agency}`, name: 'Test', agency, roles }, t.service.jwtSecret!, { now });
  const snv = () => token(['COORDINATOR'], 'SNV');
  const officer = (agency: string) => token(['AGENCY_OFFICER'], agency);
  const refusal = (response: GraphQLResponse) => ({ code: response.errors?.[0]?.extensions?.code, field: response.errors?.[0]?.extensions?.field });
  const duties = async (c: string, on: string) => expectData(await t.gql(RESPONSIBILITIES, { c, on }, snv())).responsibilities;
  const workloadOf = async (code: string, on: string) =>
    (expectData(await t.gql(WORKLOAD, { on }, snv())).workload as { agency: { code: string } }[]).find((w) => w.agency.code === code);
  const report = (agencyCode: string, percent: number) => ({
    reportingId: 'BC-2030-Q1',
    agencyCode,
    progress: [{ taskCode: 'KH-2030.1', status: 'IN_PROGRESS', percent }],
    difficulties: 'Thiếu nhân lực',
  });

  beforeAll(async () => {
    t = await startTestService({}, { clock: { now: () => new Date(now) } });
    const admin = token(['ADMIN'], null);
    for (const [code, name] of [
      ['SNV', 'Sở Nội vụ'],
      ['STP', 'Sở Tư pháp'],
      ['STC', 'Sở Tài chính'],
      ['SKHCN', 'Sở Khoa học và Công nghệ'],
      ['SYT', 'Sở Y tế'],
    ]) {
      expectData(await t.gql(REGISTER_AGENCY, { input: { code, name, group: 'DEPARTMENT' } }, admin));
    }
  });
  afterAll(async () => t?.stop());

  it('schedules a quarterly round; refuses a bad quarter and a past deadline, naming the field', async () => {
    const input = { period: 'QUARTER', year: 2030, quarter: 1, dueAt: '2030-04-10T10:00:00.000Z', agencyCodes: ['STP', 'STC', 'SKHCN'] };
    expect(refusal(await t.gql(SCHEDULE, { input: { ...input, quarter: 5 } }, snv()))).toEqual({ code: 'BAD_USER_INPUT', field: 'quarter' });
    expect(refusal(await t.gql(SCHEDULE, { input: { ...input, dueAt: '2030-02-01T00:00:00Z' } }, snv()))).toEqual({ code: 'BAD_USER_INPUT', field: 'dueAt' });
    expect(refusal(await t.gql(SCHEDULE, { input }, officer('STP')))).toEqual({ code: 'FORBIDDEN', field: undefined });
    expect(expectData(await t.gql(SCHEDULE, { input }, snv())).scheduleReporting).toEqual({
      id: 'BC-2030-Q1',
      title: 'Báo cáo CCHC quý 1 năm 2030',
      dueAt: '2030-04-10T10:00:00.000Z',
    });
  });

  it('takes a report on time from the agency itself; refuses another agency’s officer and an agency not asked', async () => {
    at('2030-04-05T03:00:00Z');
    expect(refusal(await t.gql(SUBMIT, { input: report('STP', 10) }, officer('STC')))).toEqual({ code: 'FORBIDDEN', field: undefined });
    expect(refusal(await t.gql(SUBMIT, { input: report('SYT', 10) }, officer('SYT')))).toEqual({ code: 'BAD_USER_INPUT', field: 'agencyCode' });
    expectData(await t.gql(SUBMIT, { input: report('STP', 40) }, officer('STP')));
    // STC's report is due within a week: DUE in its responsibilities and SNV's workload.
    expect((await duties('STC', '2030-04-05')).reportsDue).toEqual([
      expect.objectContaining({
        role: 'REPORT',
        taskKind: 'PROGRESS_REPORT',
        subject: { code: 'BC-2030-Q1' },
        status: 'DUE',
        legalBasis: 'QĐ 2824/QĐ-UBND, Điều 4 khoản 2',
      }),
    ]);
    expect(await workloadOf('STC', '2030-04-05')).toMatchObject({ due: 1, overdue: 0 });
  });

  it('accepts a late report and records it late; the missing one shows overdue, on the day after the deadline only', async () => {
    at('2030-04-15T03:00:00Z');
    expectData(await t.gql(SUBMIT, { input: report('STC', 20) }, officer('STC')));
    const round = async (on: string) => expectData(await t.gql(REPORTING, { id: 'BC-2030-Q1', on }, officer('SYT'))).reporting;
    const statuses = async (on: string) =>
      Object.fromEntries((await round(on)).submissions.map((s: { agencyCode: string; status: string }) => [s.agencyCode, s.status]));
    expect(await statuses('2030-04-05')).toEqual({ SKHCN: 'PENDING', STC: 'PENDING', STP: 'ON_TIME' });
    expect(await statuses('2030-04-15')).toEqual({ SKHCN: 'MISSING', STC: 'LATE', STP: 'ON_TIME' });
    expect((await round('2030-04-15')).submissions.find((s: { agencyCode: string }) => s.agencyCode === 'STP')).toMatchObject({
      submittedAt: '2030-04-05T03:00:00.000Z',
      progress: [{ taskCode: 'KH-2030.1', status: 'IN_PROGRESS', percent: 40 }],
    });

    expect((await duties('STC', '2030-04-15')).reportsDue).toEqual([expect.objectContaining({ status: 'DONE', late: true })]);
    expect((await duties('STP', '2030-04-15')).reportsDue).toEqual([expect.objectContaining({ status: 'DONE', late: false })]);
    expect((await duties('SKHCN', '2030-04-05')).reportsDue).toEqual([expect.objectContaining({ status: 'DUE' })]);
    expect((await duties('SKHCN', '2030-04-15')).reportsDue).toEqual([expect.objectContaining({ status: 'OVERDUE' })]);
    expect(await workloadOf('SKHCN', '2030-04-15')).toMatchObject({
      overdue: 1,
      outstanding: [{ taskKind: 'PROGRESS_REPORT', subject: { code: 'BC-2030-Q1' } }],
    });
    expect(await workloadOf('STC', '2030-04-15')).toMatchObject({ due: 0, overdue: 0, done: 1 });
    expect(await workloadOf('SNV', '2030-04-15')).toMatchObject({ open: 1, outstanding: [{ taskKind: 'PROVINCIAL_REPORT' }] });
  });

  it('SNV compiles who reported on time, late and never, once; the missing report is then no longer owed', async () => {
    at('2030-04-20T03:00:00Z');
    const input = { reportingId: 'BC-2030-Q1', summary: 'Tổng hợp tình hình CCHC quý 1 năm 2030' };
    expect(expectData(await t.gql(COMPILE, { input }, snv())).compileProvincialReport.compiled).toEqual({
      ...input,
      reportingId: undefined,
      onTime: ['STP'],
      late: ['STC'],
      missing: ['SKHCN'],
    });
    expect(refusal(await t.gql(COMPILE, { input }, snv()))).toEqual({ code: 'INVALID_STATE', field: undefined });
    expect(refusal(await t.gql(SUBMIT, { input: report('SKHCN', 5) }, officer('SKHCN')))).toEqual({ code: 'INVALID_STATE', field: undefined });
    expect((await duties('SKHCN', '2030-04-20')).reportsDue).toEqual([expect.objectContaining({ status: 'CANCELLED' })]);
    expect((await duties('SNV', '2030-04-20')).leads).toEqual([expect.objectContaining({ taskKind: 'PROVINCIAL_REPORT', status: 'DONE' })]);
  });

  it('an agency raises an issue with the regulation: SNV owes its consideration', async () => {
    const raised = expectData(await t.gql(RAISE, { input: { text: 'Thời hạn báo cáo quý quá ngắn', proposal: 'Lùi hạn 5 ngày' } }, officer('STP')));
    expect(raised.reportRegulationIssue).toEqual({ id: 'KN-001', agencyCode: 'STP', text: 'Thời hạn báo cáo quý quá ngắn', proposal: 'Lùi hạn 5 ngày' });
    expect(expectData(await t.gql('{ regulationIssues { id agencyCode } }', {}, officer('SYT'))).regulationIssues).toEqual([
      { id: 'KN-001', agencyCode: 'STP' },
    ]);
    expect((await duties('SNV', '2030-04-20')).leads).toContainEqual(
      expect.objectContaining({ taskKind: 'REGULATION_FEEDBACK', subject: { code: 'KN-001' }, status: 'OPEN', legalBasis: 'QĐ 2824/QĐ-UBND, Điều 17 khoản 3' }),
    );
  });

  it('plans inspections: SNV’s with coordinators, a department’s of what it leads only', async () => {
    const planned = {
      code: 'KT-2030-01',
      targetAgencyCode: 'SYT',
      leadAgencyCode: 'SNV',
      coordinators: ['STP', 'STC'],
      plannedMonth: 5,
      scope: 'Kết quả CCHC năm 2029',
    };
    expect(expectData(await t.gql(PLAN, { input: { year: 2030, inspections: [planned] } }, snv())).issueInspectionPlan).toEqual({
      year: 2030,
      issuingAgencyCode: 'SNV',
      inspections: [{ code: 'KT-2030-01', dueAt: '2030-05-31T16:59:59.999Z' }],
    });
    const own = { code: 'KT-STP-01', targetAgencyCode: 'SKHCN', leadAgencyCode: 'STP', plannedMonth: 9, scope: 'Công tác xây dựng VBQPPL' };
    expect(refusal(await t.gql(PLAN, { input: { year: 2030, inspections: [{ ...own, leadAgencyCode: 'SNV' }] } }, officer('STP')))).toEqual({
      code: 'FORBIDDEN',
      field: undefined,
    });
    expectData(await t.gql(PLAN, { input: { year: 2030, inspections: [own] } }, officer('STP')));
    const plans = expectData(await t.gql('{ inspectionPlans(year: 2030) { issuingAgencyCode inspections { code } } }', {}, officer('SYT'))).inspectionPlans;
    expect(plans).toEqual([
      { issuingAgencyCode: 'SNV', inspections: [{ code: 'KT-2030-01' }] },
      { issuingAgencyCode: 'STP', inspections: [{ code: 'KT-STP-01' }] },
    ]);
    expect((await duties('STP', '2030-04-20')).coordinates).toEqual([
      expect.objectContaining({ taskKind: 'INSPECTION', subject: { code: 'KT-2030-01' }, status: 'OPEN' }),
    ]);
    expect((await duties('STP', '2030-04-20')).inspections).toEqual([expect.objectContaining({ role: 'INSPECT', subject: { code: 'KT-STP-01' } })]);
  });

  it('records an inspection with findings (one on a criterion) and its follow-up by the inspected agency', async () => {
    at('2030-05-12T03:00:00Z');
    const input = {
      code: 'KT-2030-01',
      conductedOn: '2030-05-11',
      findings: [
        { area: 'Thủ tục hành chính', text: 'Chưa công khai đầy đủ TTHC', severity: 'MAJOR', criterionCode: '3.2' },
        { area: 'Chỉ đạo điều hành', text: 'Kế hoạch CCHC ban hành chậm', severity: 'MINOR' },
      ],
      recommendations: 'Công khai đủ TTHC trong 30 ngày',
    };
    expect(refusal(await t.gql(RECORD, { input: { ...input, code: 'KT-2030-99' } }, snv()))).toEqual({ code: 'NOT_FOUND', field: 'code' });
    expect(refusal(await t.gql(RECORD, { input }, officer('STC')))).toEqual({ code: 'FORBIDDEN', field: undefined });
    expect(expectData(await t.gql(RECORD, { input }, snv())).recordInspection).toEqual({
      code: 'KT-2030-01',
      conductedOn: '2030-05-11',
      followUpDueAt: '2030-06-10T16:59:59.999Z',
      findings: [
        { area: 'Thủ tục hành chính', severity: 'MAJOR', criterionCode: '3.2' },
        { area: 'Chỉ đạo điều hành', severity: 'MINOR', criterionCode: null },
      ],
    });
    expect((await duties('STP', '2030-05-12')).coordinates).toEqual([expect.objectContaining({ status: 'DONE', late: false })]);
    expect((await duties('SYT', '2030-05-12')).inspections).toEqual([
      expect.objectContaining({ role: 'FOLLOW_UP', taskKind: 'INSPECTION_FOLLOW_UP', status: 'OPEN' }),
    ]);

    at('2030-05-20T03:00:00Z');
    const followUp = { code: 'KT-2030-01', text: 'Đã công khai đủ TTHC trên cổng dịch vụ công', done: true };
    expect(refusal(await t.gql(FOLLOW_UP, { input: followUp }, officer('STP')))).toEqual({ code: 'FORBIDDEN', field: undefined });
    expect(expectData(await t.gql(FOLLOW_UP, { input: followUp }, officer('SYT'))).reportInspectionFollowUp).toEqual({
      code: 'KT-2030-01',
      followUpDone: true,
      followUps: [{ text: followUp.text, done: true }],
    });
    expect((await duties('SYT', '2030-05-15')).inspections).toEqual([expect.objectContaining({ status: 'OPEN' })]);
    expect((await duties('SYT', '2030-05-20')).inspections).toEqual([expect.objectContaining({ status: 'DONE', late: false })]);
    expect(await workloadOf('SYT', '2030-05-20')).toMatchObject({ open: 0, done: 1 });
  });
});
