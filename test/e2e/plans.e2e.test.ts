import { expectData, startTestService, type TestService } from '../support/service';
import { REGISTER_AGENCY } from './operations';

const DAY = 24 * 3600 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const dayIn = (days: number) => inDays(days).slice(0, 10);

const CODE = 'KH-CCHC-2030';
const PARTNERS = ['STC', 'STP', 'SKHCN', 'VPUBND', 'SXD'];
const AGENCIES = [
  ['SNV', 'Sở Nội vụ'],
  ['STC', 'Sở Tài chính'],
  ['STP', 'Sở Tư pháp'],
  ['SKHCN', 'Sở Khoa học và Công nghệ'],
  ['VPUBND', 'Văn phòng UBND tỉnh'],
  ['SXD', 'Sở Xây dựng'],
];

const PLAN_FIELDS = `code kind year title status
  tasks { code lead coordinators dueAt status }
  commentRequests { agencyCode dueAt commentedAt status late }
  comments { agencyCode text }
  notifications { agencyCode text legalBasis { number date } consideredAt }
  adoption { decisionNumber decisionDate }
  amendments { reason decisionNumber taskCodes }`;
const op = (name: string) => `mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${PLAN_FIELDS} } }`;
const PLAN = `query($code: ID!) { plan(code: $code) { ${PLAN_FIELDS} } }`;
const PLANS = `query($year: Int!) { plans(year: $year) { code status } }`;
const DUTY = 'agencyCode role taskKind title subject { type code } legalBasis dueAt status late';
const RESPONSIBILITIES = `query($c: ID!, $on: Date) { responsibilities(agencyCode: $c, on: $on) {
  leads { ${DUTY} } coordinates { ${DUTY} } commentsDue { ${DUTY} } } }`;
const WORKLOAD = `query($on: Date) { workload(on: $on) { agency { code } open due overdue done outstanding { ${DUTY} } } }`;

/**
 * Art. 3 over HTTP: SNV drafts the 2030 plan and asks its five partner departments for comments; four comment in
 * time, one never does (overdue after the deadline in `responsibilities` and `workload`); UBND adopts the plan and its
 * tasks become the departments' LEAD and COORDINATE duties; a department notifies a higher-level change, SNV amends.
 */
describe('plans and programmes over HTTP (Art. 3)', () => {
  let t: TestService;
  let snv: string;
  let leader: string;
  const officer = (agency: string) => t.token(['AGENCY_OFFICER'], agency, `officer.${agency.toLowerCase()}`);
  const commentsDue = inDays(10);
  const taskDue = inDays(200);
  const tasks = [
    { code: 'NV-01', title: 'Rà soát, đơn giản hóa thủ tục hành chính', lead: 'VPUBND', coordinators: ['STP', 'SKHCN'], dueAt: taskDue },
    { code: 'NV-02', title: 'Cải cách tài chính công', lead: 'STC', coordinators: [], dueAt: taskDue },
  ];
  const responsibilities = async (c: string, on: string) => expectData(await t.gql(RESPONSIBILITIES, { c, on }, snv)).responsibilities;
  const workload = async (on: string) => expectData(await t.gql(WORKLOAD, { on }, snv)).workload;
  const errorOf = (response: { errors?: { extensions?: { code?: string; field?: string } }[] }) => response.errors?.[0]?.extensions;

  beforeAll(async () => {
    t = await startTestService();
    snv = t.token(['COORDINATOR'], 'SNV', 'coordinator.snv');
    leader = t.token(['PROVINCIAL_LEADER'], null, 'leader.ubnd');
    for (const [code, name] of AGENCIES) expectData(await t.gql(REGISTER_AGENCY, { input: { code, name, group: 'DEPARTMENT' } }, snv));
  });
  afterAll(async () => t?.stop());

  it('drafts the plan; an unknown lead is refused naming tasks[i].lead, a second draft with CONFLICT', async () => {
    const input = { code: CODE, kind: 'YEARLY', year: 2030, title: 'Kế hoạch cải cách hành chính năm 2030', tasks };
    const unknown = await t.gql(op('draftPlan'), { input: { ...input, tasks: [tasks[0], { ...tasks[1], lead: 'KHONGCO' }] } }, snv);
    expect(errorOf(unknown)).toMatchObject({ code: 'NOT_FOUND', field: 'tasks[1].lead' });
    const plan = expectData(await t.gql(op('draftPlan'), { input }, snv)).draftPlan;
    expect(plan).toMatchObject({
      code: CODE,
      status: 'DRAFT',
      tasks: [
        { code: 'NV-01', status: null },
        { code: 'NV-02', status: null },
      ],
    });
    expect(errorOf(await t.gql(op('draftPlan'), { input }, snv))?.code).toBe('CONFLICT');
    expect(expectData(await t.gql(PLANS, { year: 2030 }, officer('SXD'))).plans).toEqual([{ code: CODE, status: 'DRAFT' }]);
  });

  it('asks the five partner departments; four comment in time, the fifth never; others cannot comment', async () => {
    const past = await t.gql(op('requestPlanComments'), { input: { planCode: CODE, agencyCodes: PARTNERS, dueAt: inDays(-1) } }, snv);
    expect(errorOf(past)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueAt' });
    expectData(await t.gql(op('requestPlanComments'), { input: { planCode: CODE, agencyCodes: PARTNERS, dueAt: commentsDue } }, snv));
    for (const agency of ['STC', 'STP', 'SKHCN', 'VPUBND']) {
      expectData(await t.gql(op('submitPlanComment'), { input: { planCode: CODE, agencyCode: agency, text: `Góp ý của ${agency}` } }, officer(agency)));
    }
    // Another agency's comment, and one from an agency not asked, are refused.
    expect(errorOf(await t.gql(op('submitPlanComment'), { input: { planCode: CODE, agencyCode: 'SXD', text: 'Thay' } }, officer('STP')))?.code).toBe(
      'FORBIDDEN',
    );
    expect(errorOf(await t.gql(op('submitPlanComment'), { input: { planCode: CODE, agencyCode: 'SNV', text: 'Góp ý' } }, officer('SNV')))?.code).toBe(
      'FORBIDDEN',
    );
    const plan = expectData(await t.gql(PLAN, { code: CODE }, snv)).plan;
    expect(plan.comments.map((c: { agencyCode: string }) => c.agencyCode)).toEqual(['STC', 'STP', 'SKHCN', 'VPUBND']);
    expect(plan.commentRequests.find((r: { agencyCode: string }) => r.agencyCode === 'SXD')).toMatchObject({ commentedAt: null, status: 'OPEN' });
  });

  it('shows the missing comment overdue after the deadline, in responsibilities and workload; the others done', async () => {
    const after = dayIn(12);
    const sxd = await responsibilities('SXD', after);
    expect(sxd.commentsDue).toEqual([
      expect.objectContaining({
        agencyCode: 'SXD',
        role: 'COMMENT',
        taskKind: 'PLAN_COMMENT',
        status: 'OVERDUE',
        dueAt: commentsDue,
        subject: { type: 'PLAN', code: CODE },
      }),
    ]);
    expect((await responsibilities('STP', after)).commentsDue).toEqual([expect.objectContaining({ status: 'DONE', late: false })]);
    const rows = await workload(after);
    expect(rows.find((r: { agency: { code: string } }) => r.agency.code === 'SXD')).toMatchObject({ overdue: 1, done: 0 });
    expect(rows.find((r: { agency: { code: string } }) => r.agency.code === 'STP')).toMatchObject({ overdue: 0, done: 1 });
    // SNV leads the drafting until the plan is adopted.
    expect((await responsibilities('SNV', after)).leads).toEqual([expect.objectContaining({ taskKind: 'PLAN_DRAFTING', status: 'OPEN' })]);
  });

  it('is adopted by UBND (not by SNV, not twice); the tasks become leads and coordinates duties; the late comment is cancelled', async () => {
    const input = { planCode: CODE, decisionNumber: '125/QĐ-UBND', decisionDate: dayIn(1) };
    expect(errorOf(await t.gql(op('adoptPlan'), { input }, snv))?.code).toBe('FORBIDDEN');
    const plan = expectData(await t.gql(op('adoptPlan'), { input }, leader)).adoptPlan;
    expect(plan).toMatchObject({ status: 'ADOPTED', adoption: { decisionNumber: '125/QĐ-UBND' } });
    expect(plan.tasks.map((task: { status: string }) => task.status)).toEqual(['OPEN', 'OPEN']);
    expect(errorOf(await t.gql(op('adoptPlan'), { input }, leader))?.code).toBe('INVALID_STATE');
    expect(errorOf(await t.gql(op('submitPlanComment'), { input: { planCode: CODE, agencyCode: 'SXD', text: 'Muộn' } }, officer('SXD')))?.code).toBe(
      'INVALID_STATE',
    );

    const on = dayIn(30);
    const vpubnd = await responsibilities('VPUBND', on);
    expect(vpubnd.leads).toEqual([
      expect.objectContaining({ role: 'LEAD', taskKind: 'PLAN_TASK', dueAt: taskDue, status: 'OPEN', subject: { type: 'PLAN_TASK', code: `${CODE}/NV-01` } }),
    ]);
    expect((await responsibilities('STP', on)).coordinates).toEqual([expect.objectContaining({ role: 'COORDINATE', taskKind: 'PLAN_TASK', dueAt: taskDue })]);
    expect((await responsibilities('STC', on)).leads).toEqual([expect.objectContaining({ title: expect.stringContaining('Cải cách tài chính công') })]);
    expect((await responsibilities('SXD', on)).commentsDue).toEqual([expect.objectContaining({ status: 'CANCELLED' })]);
    expect((await responsibilities('SNV', on)).leads).toEqual([expect.objectContaining({ taskKind: 'PLAN_DRAFTING', status: 'DONE' })]);
    // Past the tasks' deadline they are overdue: reporting (issue 10's next part) is what closes them.
    const overdue = await workload(dayIn(210));
    expect(overdue.find((r: { agency: { code: string } }) => r.agency.code === 'VPUBND')).toMatchObject({ overdue: 1 });
  });

  it('a higher-level change makes SNV consider an adjustment, done when SNV records the amendment', async () => {
    const notice = { planCode: CODE, text: 'Nghị định mới về cơ chế tự chủ tài chính', legalBasis: { number: '60/2021/NĐ-CP', date: '2021-06-21' } };
    expect(errorOf(await t.gql(op('notifyHigherLevelChange'), { input: notice }, snv))?.code).toBe('FORBIDDEN');
    expectData(await t.gql(op('notifyHigherLevelChange'), { input: notice }, officer('STC')));
    const change = (await responsibilities('SNV', dayIn(1))).leads.filter((d: { taskKind: string }) => d.taskKind === 'HIGHER_LEVEL_CHANGE');
    expect(change).toEqual([expect.objectContaining({ status: 'OPEN', dueAt: null, legalBasis: 'QĐ 2824/QĐ-UBND, Điều 3 khoản 1 điểm b' })]);

    const amendment = {
      planCode: CODE,
      reason: 'Theo Nghị định 60/2021/NĐ-CP',
      decisionNumber: '300/QĐ-UBND',
      decisionDate: dayIn(2),
      tasks: [{ ...tasks[1], coordinators: ['SNV'] }],
    };
    const plan = expectData(await t.gql(op('amendPlan'), { input: amendment }, snv)).amendPlan;
    expect(plan.amendments).toEqual([{ reason: 'Theo Nghị định 60/2021/NĐ-CP', decisionNumber: '300/QĐ-UBND', taskCodes: ['NV-02'] }]);
    expect(plan.notifications).toEqual([expect.objectContaining({ agencyCode: 'STC', consideredAt: expect.any(String) })]);
    const snvDuties = await responsibilities('SNV', dayIn(3));
    expect(snvDuties.leads.find((d: { taskKind: string }) => d.taskKind === 'HIGHER_LEVEL_CHANGE')?.status).toBe('DONE');
    expect(snvDuties.coordinates).toEqual([expect.objectContaining({ taskKind: 'PLAN_TASK', title: expect.stringContaining('Cải cách tài chính công') })]);
  });
});
