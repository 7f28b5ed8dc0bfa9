import type { Role } from '../../src/auth/authorization';
import { signToken } from '../../src/auth/tokenSigner';
import { expectData, startTestService, type GraphQLResponse, type TestService } from '../support/service';
import { OPEN_CYCLE, PUBLISH_FRAMEWORK } from './operations';

/** The five departments Decision 2824 names beside SNV (Art. 3, 5, 6, 7); 2024 is before STTTT merged into SKHCN. */
const FIVE = ['STC', 'STP', 'SKHCN', 'STTTT', 'VPUBND'];
const YEAR = 2024;
const op = (name: string, fields = '__typename') => `mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${fields} } }`;
const DUTY = 'subject { code } taskKind status late';
const RESPONSIBILITIES = `query($c: ID!, $on: Date) { responsibilities(agencyCode: $c, on: $on) {
  leads { ${DUTY} } coordinates { ${DUTY} } providesDataFor { ${DUTY} } reportsDue { ${DUTY} } commentsDue { ${DUTY} } inspections { ${DUTY} } decisions { ${DUTY} } } }`;
const WORKLOAD = 'query($on: Date) { workload(on: $on) { agency { code } open due overdue done } }';

const departmentSet = {
  code: 'TEST-SO-2024-PHOIHOP',
  title: 'Bộ chỉ số thử nghiệm — sở (năm phối hợp)',
  group: 'DEPARTMENT',
  sample: true,
  areas: [
    { code: '1', title: 'Chỉ đạo, điều hành', criteria: [{ code: '1.1', title: 'Kế hoạch CCHC', maxPoints: 5, appraiserCode: 'SNV' }] },
    { code: '7', title: 'Hiện đại hóa hành chính', criteria: [{ code: '7.1', title: 'Ứng dụng CNTT', maxPoints: 5, appraiserCode: 'STTTT' }] },
  ],
};
/** The national criteria set: one criterion per department that provides its data (Art. 9–14). */
const provinceSet = {
  code: 'TEST-TINH-2024',
  title: 'Bộ chỉ số CCHC cấp tỉnh (thử nghiệm)',
  group: 'PROVINCE',
  sample: true,
  areas: [
    {
      code: '1',
      title: 'Các lĩnh vực',
      criteria: [
        { code: '2.1', title: 'Văn bản QPPL', maxPoints: 2, appraiserCode: 'STP' },
        { code: '3.1', title: 'Thủ tục hành chính', maxPoints: 2, appraiserCode: 'VPUBND' },
        { code: '6.1', title: 'Tài chính công', maxPoints: 2, appraiserCode: 'STC' },
        { code: '7.1', title: 'Ứng dụng CNTT', maxPoints: 2, appraiserCode: 'STTTT' },
        { code: '7.2', title: 'ISO 9001', maxPoints: 2, appraiserCode: 'SKHCN' },
      ],
    },
  ],
};
const DATA_OF: Record<string, string> = { STP: '2.1', VPUBND: '3.1', STC: '6.1', STTTT: '7.1', SKHCN: '7.2' };

/**
 * Issue 10's year of coordination over HTTP, on a clock the test moves through 2024: a plan drafted, commented by the
 * five named departments (one late), adopted; a quarterly report round with one late and one missing; an inspection
 * with findings and a follow-up; a reform proposal with opinions, appraisal and decision; the provincial index data
 * provided by each department; commendation and accountability after the ranking. `responsibilities` and `workload`
 * are checked at several dates.
 */
describe('a year of coordination under Decision 2824', () => {
  let t: TestService;
  let now = Date.parse('2024-01-05T02:00:00Z');
  const at = (iso: string) => (now = Date.parse(iso));
  const token = (roles: Role[], agency: string | null) =>
    signToken({ sub: `${roles[0]}.${agency}`, name: 'Test', agency, roles }, t.service.jwtSecret!, { now });
  const snv = () => token(['COORDINATOR'], 'SNV');
  const leader = () => token(['PROVINCIAL_LEADER'], null);
  const officer = (agency: string) => token(['AGENCY_OFFICER'], agency);
  const appraiser = (agency: string) => token(['APPRAISER'], agency);
  const send = async (name: string, input: object, tok: string, fields?: string) => expectData(await t.gql(op(name, fields), { input }, tok))[name];
  const refusal = (r: GraphQLResponse) => r.errors?.[0]?.extensions?.code;
  const duties = async (c: string, on: string) => expectData(await t.gql(RESPONSIBILITIES, { c, on }, snv())).responsibilities;
  const workloadOf = async (code: string, on: string) =>
    (expectData(await t.gql(WORKLOAD, { on }, snv())).workload as { agency: { code: string }; overdue: number; due: number; done: number }[]).find(
      (w) => w.agency.code === code,
    );
  const find = (list: { subject: { code: string } }[], code: string) => list.find((d) => d.subject.code === code);

  beforeAll(async () => {
    t = await startTestService({ PAR_SEED: 'true' }, { clock: { now: () => new Date(now) } });
  });
  afterAll(async () => t?.stop());

  it('a plan drafted by SNV, commented by the five departments (one late), adopted by the People’s Committee', async () => {
    const tasks = [
      { code: 'NV-1', title: 'Rà soát thủ tục hành chính', lead: 'VPUBND', coordinators: ['STP'], dueAt: '2024-12-15T10:00:00Z' },
      { code: 'NV-2', title: 'Chuyển đổi số', lead: 'STTTT', coordinators: ['SKHCN'], dueAt: '2024-12-15T10:00:00Z' },
    ];
    await send('draftPlan', { code: 'KH-CCHC-2024', kind: 'YEARLY', year: YEAR, title: 'Kế hoạch CCHC năm 2024', tasks }, snv());
    await send('requestPlanComments', { planCode: 'KH-CCHC-2024', agencyCodes: FIVE, dueAt: '2024-01-20T10:00:00Z' }, snv());
    at('2024-01-10T02:00:00Z');
    for (const agency of FIVE.filter((a) => a !== 'VPUBND')) {
      await send('submitPlanComment', { planCode: 'KH-CCHC-2024', agencyCode: agency, text: `Góp ý của ${agency}` }, officer(agency));
    }
    expect(find((await duties('VPUBND', '2024-01-15')).commentsDue, 'KH-CCHC-2024')).toMatchObject({ status: 'DUE' });
    expect(find((await duties('VPUBND', '2024-01-21')).commentsDue, 'KH-CCHC-2024')).toMatchObject({ status: 'OVERDUE' });
    expect((await workloadOf('VPUBND', '2024-01-21'))?.overdue).toBeGreaterThanOrEqual(1);
    const before = await t.service.events.headPosition();
    at('2024-01-22T02:00:00Z');
    await send('submitPlanComment', { planCode: 'KH-CCHC-2024', agencyCode: 'VPUBND', text: 'Góp ý muộn' }, officer('VPUBND'));
    expect(find((await duties('VPUBND', '2024-01-23')).commentsDue, 'KH-CCHC-2024')).toMatchObject({ status: 'DONE', late: true });
    // As-of: what the record said before the late comment, for an inspector checking SNV's follow-up then.
    const AS_OF = `query($c: ID!, $on: Date, $p: Int) { responsibilities(agencyCode: $c, on: $on, asOf: { position: $p }) { commentsDue { ${DUTY} } } }`;
    const then = expectData(await t.gql(AS_OF, { c: 'VPUBND', on: '2024-01-23', p: before }, snv())).responsibilities;
    expect(find(then.commentsDue, 'KH-CCHC-2024')).toMatchObject({ status: 'OVERDUE', late: false });

    at('2024-01-25T02:00:00Z');
    await send('adoptPlan', { planCode: 'KH-CCHC-2024', decisionNumber: '250/QĐ-UBND', decisionDate: '2024-01-25' }, leader());
    const stttt = await duties('STTTT', '2024-02-01');
    expect(stttt.leads.map((d: { taskKind: string }) => d.taskKind)).toContain('PLAN_TASK');
    expect((await duties('SKHCN', '2024-02-01')).coordinates.map((d: { taskKind: string }) => d.taskKind)).toContain('PLAN_TASK');
  });

  it('a 2024 cycle ranked and published, for commendation later', async () => {
    expectData(await t.gql(PUBLISH_FRAMEWORK, { input: departmentSet }, snv()));
    const input = {
      year: YEAR,
      frameworkCodes: [departmentSet.code],
      agencyCodes: ['SYT', 'SXD'],
      selfAssessmentDeadline: '2024-02-28T10:00:00Z',
      appraisalDeadline: '2024-03-31T10:00:00Z',
      bands: [
        { label: 'Tốt', minIndexPercent: 80 },
        { label: 'Trung bình', minIndexPercent: 0 },
      ],
    };
    expectData(await t.gql(OPEN_CYCLE, { input }, snv()));
    at('2024-02-10T02:00:00Z');
    const scores = [
      { criterionCode: '1.1', points: 5, evidence: ['KH số 1'] },
      { criterionCode: '7.1', points: 5, evidence: ['BC số 2'] },
    ];
    for (const agencyCode of ['SYT', 'SXD']) await send('submitSelfAssessment', { year: YEAR, agencyCode, scores }, officer(agencyCode));
    at('2024-03-05T02:00:00Z');
    for (const [agencyCode, points] of [
      ['SYT', 5],
      ['SXD', 2],
    ] as const) {
      await send('appraiseCriterion', { year: YEAR, agencyCode, criterionCode: '1.1', round: 1, points, comment: 'đã kiểm tra' }, appraiser('SNV'));
      await send('appraiseCriterion', { year: YEAR, agencyCode, criterionCode: '7.1', round: 1, points, comment: 'đã kiểm tra' }, appraiser('STTTT'));
      await send('finalizeAssessment', { year: YEAR, agencyCode }, snv());
    }
    await send('proposeRanking', { year: YEAR, group: 'DEPARTMENT' }, snv());
    await send('publishRanking', { year: YEAR, group: 'DEPARTMENT', decisionNumber: '300/QĐ-UBND', decisionDate: '2024-03-06' }, leader());
  });

  it('a quarterly report round: one on time, one late, one missing; SNV compiles', async () => {
    at('2024-03-20T02:00:00Z');
    const round = await send(
      'scheduleReporting',
      { period: 'QUARTER', year: YEAR, quarter: 1, dueAt: '2024-04-10T10:00:00Z', agencyCodes: ['STP', 'STC', 'SYT'] },
      snv(),
      'id',
    );
    expect(round.id).toBe('BC-2024-Q1');
    const report = (agencyCode: string) => ({ reportingId: 'BC-2024-Q1', agencyCode, progress: [{ taskCode: 'NV-1', status: 'IN_PROGRESS', percent: 40 }] });
    at('2024-04-05T02:00:00Z');
    await send('submitProgressReport', report('STP'), officer('STP'));
    at('2024-04-15T02:00:00Z');
    await send('submitProgressReport', report('STC'), officer('STC'));
    expect(find((await duties('STC', '2024-04-15')).reportsDue, 'BC-2024-Q1')).toMatchObject({ status: 'DONE', late: true });
    expect(find((await duties('SYT', '2024-04-15')).reportsDue, 'BC-2024-Q1')).toMatchObject({ status: 'OVERDUE' });
    expect((await workloadOf('SYT', '2024-04-15'))?.overdue).toBe(1);
    const compiled = await send('compileProvincialReport', { reportingId: 'BC-2024-Q1', summary: 'Tổng hợp quý I' }, snv(), 'compiled { onTime late missing }');
    expect(compiled.compiled).toEqual({ onTime: ['STP'], late: ['STC'], missing: ['SYT'] });
  });

  it('an inspection with findings, linked to a criterion, and the inspected agency’s follow-up', async () => {
    at('2024-04-20T02:00:00Z');
    const inspection = {
      code: 'KT-2024-01',
      targetAgencyCode: 'SYT',
      leadAgencyCode: 'SNV',
      coordinators: ['STP'],
      plannedMonth: 5,
      scope: 'Công tác CCHC năm 2024',
    };
    await send('issueInspectionPlan', { year: YEAR, inspections: [inspection] }, snv());
    expect(find((await duties('STP', '2024-05-01')).coordinates, 'KT-2024-01')).toBeDefined();
    at('2024-05-15T02:00:00Z');
    const findings = [{ area: 'Cải cách thủ tục hành chính', text: 'Chưa công khai đủ thủ tục', severity: 'MAJOR', criterionCode: '1.1' }];
    await send('recordInspection', { code: 'KT-2024-01', conductedOn: '2024-05-15', findings, recommendations: 'Công khai đầy đủ' }, snv());
    expect(find((await duties('SYT', '2024-05-20')).inspections, 'KT-2024-01')).toMatchObject({ taskKind: 'INSPECTION_FOLLOW_UP', status: 'OPEN' });
    at('2024-05-30T02:00:00Z');
    await send('reportInspectionFollowUp', { code: 'KT-2024-01', text: 'Đã công khai đầy đủ', done: true }, officer('SYT'));
    expect(find((await duties('SYT', '2024-06-01')).inspections, 'KT-2024-01')).toMatchObject({ status: 'DONE', late: false });
  });

  it('a reform proposal with opinions, SNV’s appraisal and the People’s Committee’s decision', async () => {
    at('2024-06-01T02:00:00Z');
    await send(
      'submitReformProposal',
      { code: 'DA-2024-01', title: 'Đề án số hóa hồ sơ', submittingAgencyCode: 'SXD', summary: 'Số hóa hồ sơ cấp phép' },
      officer('SXD'),
    );
    await send('requestProposalOpinions', { code: 'DA-2024-01', agencyCodes: ['STP', 'STC'], dueAt: '2024-06-15T10:00:00Z' }, snv());
    expect(find((await duties('STC', '2024-06-10')).commentsDue, 'DA-2024-01')).toMatchObject({ status: 'DUE' });
    for (const agency of ['STP', 'STC'])
      await send('giveProposalOpinion', { code: 'DA-2024-01', agencyCode: agency, opinion: 'AGREE', text: 'Nhất trí' }, officer(agency));
    await send('appraiseProposal', { code: 'DA-2024-01', recommendation: 'APPROVE', text: 'Đủ điều kiện' }, snv());
    expect(find((await duties('UBND', '2024-06-16')).decisions, 'DA-2024-01')).toMatchObject({ status: 'OPEN' });
    at('2024-06-20T02:00:00Z');
    await send('decideProposal', { code: 'DA-2024-01', decision: 'APPROVED', decisionNumber: '620/QĐ-UBND', decisionDate: '2024-06-20' }, leader());
    expect(find((await duties('UBND', '2024-06-21')).decisions, 'DA-2024-01')).toMatchObject({ status: 'DONE' });
  });

  it('the provincial index: each department provides its criterion’s data, SNV compiles, the ministry’s result', async () => {
    at('2024-07-01T02:00:00Z');
    expectData(await t.gql(PUBLISH_FRAMEWORK, { input: provinceSet }, snv()));
    for (const [agencyCode, criterion] of Object.entries(DATA_OF)) {
      const frameworkCode = agencyCode === 'STP' ? provinceSet.code : undefined;
      await send('requestCriterionData', { year: YEAR, frameworkCode, criterionCodes: [criterion], agencyCode, dueAt: '2024-07-15T10:00:00Z' }, snv());
    }
    expect(find((await duties('SKHCN', '2024-07-10')).providesDataFor, `${YEAR}/7.2`)).toMatchObject({ status: 'DUE' });
    at('2024-07-10T02:00:00Z');
    for (const [agencyCode, criterion] of Object.entries(DATA_OF)) {
      await send('provideCriterionData', { year: YEAR, criterionCode: criterion, value: 1.75, evidence: [`BC của ${agencyCode}`] }, officer(agencyCode));
    }
    const compiled = await send('compileProvincialAssessment', { year: YEAR }, snv(), 'missing');
    expect(compiled.missing).toEqual([]);
    await send('recordNationalResult', { year: YEAR, indexPercent: 84.9, rank: 20, ofProvinces: 63, decisionNumber: '1500/QĐ-BNV' }, snv());
    for (const agencyCode of Object.keys(DATA_OF)) {
      expect(find((await duties(agencyCode, '2024-07-16')).providesDataFor, `${YEAR}/${DATA_OF[agencyCode]}`)).toMatchObject({ status: 'DONE', late: false });
    }
  });

  it('after the ranking: commendation for the top, accountability and a remedial plan for the bottom', async () => {
    at('2024-07-20T02:00:00Z');
    const suggestions = expectData(await t.gql(`{ commendationSuggestions(year: ${YEAR}, group: DEPARTMENT) { agencyCode kind } }`, {}, snv()))
      .commendationSuggestions as { agencyCode: string; kind: string }[];
    expect(suggestions).toEqual(
      expect.arrayContaining([
        { agencyCode: 'SYT', kind: 'COMMENDATION' },
        { agencyCode: 'SXD', kind: 'ACCOUNTABILITY' },
      ]),
    );
    const basis = 'Quyết định 300/QĐ-UBND công bố Chỉ số CCHC năm 2024';
    await send('proposeCommendation', { year: YEAR, agencyCode: 'SYT', reason: 'Dẫn đầu khối sở', basis }, snv());
    await send('proposeAccountability', { year: YEAR, agencyCode: 'SXD', reason: 'Xếp cuối khối sở', basis }, snv());
    // SYT was not held accountable: it owes no remedial plan.
    const refused = await t.gql(
      op('submitRemedialPlan'),
      { input: { year: YEAR, agencyCode: 'SYT', weakCriteria: ['7.1'], actions: [{ text: 'x' }], dueAt: '2024-09-30T10:00:00Z' } },
      officer('SYT'),
    );
    expect(refusal(refused)).toBe('INVALID_STATE');
    expect((await duties('SXD', '2024-07-21')).leads.map((d: { taskKind: string }) => d.taskKind)).toContain('REMEDIAL_PLAN');
    await send(
      'submitRemedialPlan',
      {
        year: YEAR,
        agencyCode: 'SXD',
        weakCriteria: ['7.1'],
        actions: [{ text: 'Nâng cấp phần mềm một cửa', dueAt: '2024-10-31T10:00:00Z' }],
        dueAt: '2024-10-31T10:00:00Z',
      },
      officer('SXD'),
    );
    const remedial = (await duties('SXD', '2024-07-22')).leads.find((d: { taskKind: string }) => d.taskKind === 'REMEDIAL_PLAN');
    expect(remedial).toMatchObject({ status: 'DONE', late: false });
    // The year's end: nothing left overdue for the five departments that did everything asked of them in time.
    for (const agency of ['STP', 'SKHCN']) expect((await workloadOf(agency, '2024-07-22'))?.overdue).toBe(0);
  });
});
