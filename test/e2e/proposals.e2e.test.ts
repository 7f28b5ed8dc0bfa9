import { vietnamDayOf } from '../../src/domain/calendarDate';
import { expectData, startTestService, type TestService } from '../support/service';
import { SAMPLE_AGENCIES } from './districtCycle';
import { APPRAISE, DECISION, FINALIZE, OPEN_CYCLE, PUBLISH_FRAMEWORK, REGISTER_AGENCY, SUBMIT, SURVEY, districtFramework } from './operations';

const YEAR = 2026;
const DAY = 24 * 3600 * 1000;
// The day in Vietnam, as the service counts duties: from 17:00 UTC the UTC date is still yesterday there.
const day = (offsetDays: number) => vietnamDayOf(new Date(Date.now() + offsetDays * DAY));

const PROPOSAL_FIELDS = `code status agencyCode
  opinions { requested { agencyCode } given { agencyCode opinion late } missing { agencyCode late } }
  appraisal { recommendation text } decision { decision decisionNumber decisionDate }`;
const mutation = (name: string, fields: string) => `mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${fields} } }`;
const DUTY = 'id agencyCode taskKind status dueAt doneAt late';
const RESPONSIBILITIES = `query($c: ID!, $on: Date) { responsibilities(agencyCode: $c, on: $on) { leads { ${DUTY} } commentsDue { ${DUTY} } decisions { ${DUTY} } } }`;
const WORKLOAD = `query($on: Date) { workload(on: $on) { agency { code } open due overdue done outstanding { id status } } }`;
const COMMENDATION_FIELDS = 'agencyCode kind rank band remedialPlanDueAt remedialPlan { weakCriteria actions { text } late }';

/**
 * Articles 6 and 16(6) over HTTP: a reform proposal out for opinions (one never given, so overdue), appraised and
 * decided; then a district ranking published and what its bands suggest: a commendation, an accountability proposal
 * and the remedial plan it asks for.
 */
describe('reform proposals, commendation and accountability over HTTP', () => {
  let t: TestService;
  let coordinator: string;
  let leader: string;
  const officer = (agency: string) => t.token(['AGENCY_OFFICER'], agency);
  const gql = (query: string, variables: Record<string, unknown>, token: string) => t.gql(query, variables, token);

  beforeAll(async () => {
    t = await startTestService();
    coordinator = t.token(['COORDINATOR'], 'SNV', 'coordinator.snv');
    leader = t.token(['PROVINCIAL_LEADER'], null, 'leader.ubnd');
    const agencies = [
      ...Object.values(SAMPLE_AGENCIES),
      { code: 'SXD', name: 'Sở Xây dựng', group: 'DEPARTMENT' },
      { code: 'STC', name: 'Sở Tài chính', group: 'DEPARTMENT' },
      { code: 'UBND', name: 'Ủy ban nhân dân tỉnh Quảng Nam', group: 'DEPARTMENT' },
    ];
    for (const input of agencies) expectData(await gql(REGISTER_AGENCY, { input }, coordinator));
  });
  afterAll(async () => t?.stop());

  it('takes a proposal through opinions (one missing and overdue), appraisal and decision', async () => {
    const code = 'DA-SXD-2026-01';
    const submit = { code, title: 'Đề án số hoá hồ sơ cấp phép xây dựng', submittingAgencyCode: 'SXD', summary: 'Số hoá hồ sơ.', attachments: ['TTr 5'] };
    // Another agency's officer may not submit for SXD.
    const refused = await gql(mutation('submitReformProposal', 'code'), { input: submit }, officer('STP'));
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(expectData(await gql(mutation('submitReformProposal', PROPOSAL_FIELDS), { input: submit }, officer('SXD'))).submitReformProposal.status).toBe(
      'SUBMITTED',
    );
    const dueAt = new Date(Date.now() + 2 * DAY).toISOString();
    const past = await gql(mutation('requestProposalOpinions', 'code'), { input: { code, agencyCodes: ['STP'], dueAt: '2020-01-01T00:00:00Z' } }, coordinator);
    expect(past.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueAt' });
    expectData(await gql(mutation('requestProposalOpinions', 'code'), { input: { code, agencyCodes: ['STP', 'STC'], dueAt } }, coordinator));

    const opinion = { code, agencyCode: 'STP', opinion: 'AGREE_WITH_CHANGES', text: 'Bổ sung căn cứ pháp lý.' };
    const given = expectData(await gql(mutation('giveProposalOpinion', PROPOSAL_FIELDS), { input: opinion }, officer('STP'))).giveProposalOpinion;
    expect(given.opinions).toEqual({
      requested: [{ agencyCode: 'STP' }, { agencyCode: 'STC' }],
      given: [{ agencyCode: 'STP', opinion: 'AGREE_WITH_CHANGES', late: false }],
      missing: [{ agencyCode: 'STC', late: false }],
    });
    const notAsked = await gql(mutation('giveProposalOpinion', 'code'), { input: { ...opinion, agencyCode: 'HOIAN' } }, officer('HOIAN'));
    expect(notAsked.errors?.[0].extensions).toMatchObject({ code: 'INVALID_STATE', field: 'agencyCode' });

    // Five days on, STC's opinion is overdue for STC and in SNV's workload; SNV's appraisal is open.
    const later = day(5);
    const stc = expectData(await gql(RESPONSIBILITIES, { c: 'STC', on: later }, coordinator)).responsibilities;
    expect(stc.commentsDue).toEqual([expect.objectContaining({ id: `proposal:${code}:opinion:STC`, taskKind: 'PROPOSAL_OPINION', status: 'OVERDUE' })]);
    const snv = expectData(await gql(RESPONSIBILITIES, { c: 'SNV', on: later }, coordinator)).responsibilities;
    expect(snv.leads).toEqual([expect.objectContaining({ id: `proposal:${code}:appraisal`, status: 'OPEN' })]);
    const workload = expectData(await gql(WORKLOAD, { on: later }, coordinator)).workload;
    expect(workload.find((w: { agency: { code: string } }) => w.agency.code === 'STC')).toMatchObject({ overdue: 1, done: 0 });
    expect(workload.find((w: { agency: { code: string } }) => w.agency.code === 'STP')).toMatchObject({ overdue: 0, done: 1 });

    const early = await gql(mutation('decideProposal', 'code'), { input: { code, decision: 'APPROVED', ...DECISION } }, leader);
    expect(early.errors?.[0].extensions?.code).toBe('INVALID_STATE');
    const appraise = { code, recommendation: 'APPROVE', text: 'Đủ điều kiện trình UBND tỉnh.' };
    expect(expectData(await gql(mutation('appraiseProposal', 'status'), { input: appraise }, coordinator)).appraiseProposal.status).toBe('APPRAISED');
    const twice = await gql(mutation('appraiseProposal', 'status'), { input: appraise }, coordinator);
    expect(twice.errors?.[0].extensions?.code).toBe('INVALID_STATE');
    const tooLate = await gql(mutation('giveProposalOpinion', 'code'), { input: { ...opinion, agencyCode: 'STC' } }, officer('STC'));
    expect(tooLate.errors?.[0].extensions?.code).toBe('INVALID_STATE');

    // The missing opinion is no longer asked for; the People's Committee now owes its decision.
    const stcAfter = expectData(await gql(RESPONSIBILITIES, { c: 'STC', on: later }, coordinator)).responsibilities;
    expect(stcAfter.commentsDue.map((d: { status: string }) => d.status)).toEqual(['CANCELLED']);
    const ubnd = expectData(await gql(RESPONSIBILITIES, { c: 'UBND', on: later }, coordinator)).responsibilities;
    expect(ubnd.decisions).toEqual([expect.objectContaining({ taskKind: 'PROPOSAL_DECISION', status: 'OPEN' })]);

    const decided = expectData(
      await gql(mutation('decideProposal', PROPOSAL_FIELDS), { input: { code, decision: 'APPROVED', ...DECISION } }, leader),
    ).decideProposal;
    expect(decided).toMatchObject({ status: 'DECIDED', decision: { decision: 'APPROVED', ...DECISION }, appraisal: { recommendation: 'APPROVE' } });
    const listed = expectData(await gql(`{ reformProposals(status: DECIDED, year: ${new Date().getUTCFullYear()}) { code } }`, {}, officer('HOIAN')));
    expect(listed.reformProposals).toEqual([{ code }]);
    const ubndAfter = expectData(await gql(RESPONSIBILITIES, { c: 'UBND', on: later }, coordinator)).responsibilities;
    expect(ubndAfter.decisions.map((d: { status: string }) => d.status)).toEqual(['DONE']);
  });

  it('suggests, proposes and follows commendation and accountability after the district ranking is published', async () => {
    const proposal = { year: YEAR, agencyCode: 'HOIAN', reason: 'Dẫn đầu khối huyện', basis: `QĐ ${DECISION.decisionNumber}` };
    const framework = { ...districtFramework, code: 'TEST-HUYEN-KHEN' };
    expectData(await gql(PUBLISH_FRAMEWORK, { input: framework }, coordinator));
    const bands = [
      { label: 'Tốt', minIndexPercent: 80 },
      { label: 'Khá', minIndexPercent: 50 },
      { label: 'Trung bình', minIndexPercent: 0 },
    ];
    const open = {
      year: YEAR,
      frameworkCodes: [framework.code],
      selfAssessmentDeadline: new Date(Date.now() + 30 * DAY).toISOString(),
      appraisalDeadline: new Date(Date.now() + 60 * DAY).toISOString(),
      bands,
    };
    expectData(await gql(OPEN_CYCLE, { input: open }, coordinator));
    const early = await gql(mutation('proposeCommendation', 'kind'), { input: proposal }, coordinator);
    expect(early.errors?.[0].extensions?.code).toBe('INVALID_STATE');

    // Indices: Hội An 100 % (Tốt), Đại Lộc 67.5 % (Khá), Nông Sơn 27.5 % and Tam Kỳ 22.5 % (Trung bình).
    const scores: Record<string, [Record<string, number>, number]> = {
      HOIAN: [{ '1.1': 4, '1.2.1': 2.5, '1.2.2': 1.5, '2.1': 2 }, 10],
      DAILOC: [{ '1.1': 3, '1.2.1': 2, '1.2.2': 1, '2.1': 1.5 }, 6],
      TAMKY: [{ '1.1': 1, '1.2.1': 0.5, '1.2.2': 0.5, '2.1': 0.5 }, 2],
      NONGSON: [{ '1.1': 1, '1.2.1': 0.5, '1.2.2': 0.5, '2.1': 0.5 }, 3],
    };
    for (const [agencyCode, [self, survey]] of Object.entries(scores)) {
      const list = Object.entries(self).map(([criterionCode, points]) => ({ criterionCode, points, evidence: [`KH ${criterionCode}`] }));
      expectData(await gql(SUBMIT, { input: { year: YEAR, agencyCode, scores: list } }, officer(agencyCode)));
      for (const [criterionCode, points] of Object.entries(self)) {
        const input = { year: YEAR, agencyCode, criterionCode, round: 1, points, comment: 'đã kiểm tra' };
        expectData(await gql(APPRAISE, { input }, t.token(['APPRAISER'], criterionCode.startsWith('2') ? 'STP' : 'SNV')));
      }
      expectData(await gql(SURVEY, { input: { year: YEAR, agencyCode, scores: [{ criterionCode: '3.1', points: survey }] } }, coordinator));
      expectData(await gql(FINALIZE, { input: { year: YEAR, agencyCode } }, coordinator));
    }
    expectData(
      await gql(
        'mutation($input: ProposeRankingInput!) { proposeRanking(input: $input) { status } }',
        { input: { year: YEAR, group: 'DISTRICT' } },
        coordinator,
      ),
    );
    expectData(
      await gql(
        'mutation($input: PublishRankingInput!) { publishRanking(input: $input) { status } }',
        { input: { year: YEAR, group: 'DISTRICT', ...DECISION } },
        leader,
      ),
    );

    const SUGGEST = `{ commendationSuggestions(year: ${YEAR}, group: DISTRICT) { kind agencyCode rank band proposed } }`;
    expect(expectData(await gql(SUGGEST, {}, officer('TAMKY'))).commendationSuggestions).toEqual([
      { kind: 'COMMENDATION', agencyCode: 'HOIAN', rank: 1, band: 'Tốt', proposed: null },
      { kind: 'ACCOUNTABILITY', agencyCode: 'NONGSON', rank: 3, band: 'Trung bình', proposed: null },
      { kind: 'ACCOUNTABILITY', agencyCode: 'TAMKY', rank: 4, band: 'Trung bình', proposed: null },
    ]);

    // The departments' ranking is not published: no proposal for a department yet.
    const notPublished = await gql(mutation('proposeCommendation', 'kind'), { input: { ...proposal, agencyCode: 'SXD' } }, coordinator);
    expect(notPublished.errors?.[0].extensions).toMatchObject({ code: 'INVALID_STATE' });
    const commended = expectData(await gql(mutation('proposeCommendation', COMMENDATION_FIELDS), { input: proposal }, coordinator)).proposeCommendation;
    expect(commended).toMatchObject({ agencyCode: 'HOIAN', kind: 'COMMENDATION', rank: 1, band: 'Tốt', remedialPlan: null });

    const plan = {
      year: YEAR,
      agencyCode: 'TAMKY',
      weakCriteria: ['1.1', '3.1'],
      actions: [{ text: 'Ban hành kế hoạch CCHC đúng hạn' }],
      dueAt: day(200) + 'T00:00:00Z',
    };
    const noAccountability = await gql(mutation('submitRemedialPlan', 'kind'), { input: plan }, officer('TAMKY'));
    expect(noAccountability.errors?.[0].extensions).toMatchObject({ code: 'INVALID_STATE', field: 'agencyCode' });
    const accountable = { ...proposal, agencyCode: 'TAMKY', reason: 'Xếp cuối khối huyện' };
    expect(
      expectData(await gql(mutation('proposeAccountability', COMMENDATION_FIELDS), { input: accountable }, coordinator)).proposeAccountability,
    ).toMatchObject({
      kind: 'ACCOUNTABILITY',
      rank: 4,
    });
    const owed = expectData(await gql(RESPONSIBILITIES, { c: 'TAMKY', on: day(40) }, coordinator)).responsibilities;
    expect(owed.leads).toEqual([expect.objectContaining({ taskKind: 'REMEDIAL_PLAN', status: 'OVERDUE' })]);

    const wrongAgency = await gql(mutation('submitRemedialPlan', 'kind'), { input: plan }, officer('HOIAN'));
    expect(wrongAgency.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const sent = expectData(await gql(mutation('submitRemedialPlan', COMMENDATION_FIELDS), { input: plan }, officer('TAMKY'))).submitRemedialPlan;
    expect(sent.remedialPlan).toEqual({ weakCriteria: ['1.1', '3.1'], actions: [{ text: 'Ban hành kế hoạch CCHC đúng hạn' }], late: false });
    const done = expectData(await gql(RESPONSIBILITIES, { c: 'TAMKY', on: day(40) }, coordinator)).responsibilities;
    expect(done.leads.map((d: { status: string }) => d.status)).toEqual(['DONE']);

    const listed = expectData(await gql(`{ commendations(year: ${YEAR}) { agencyCode kind } }`, {}, coordinator)).commendations;
    expect(listed).toEqual([
      { agencyCode: 'HOIAN', kind: 'COMMENDATION' },
      { agencyCode: 'TAMKY', kind: 'ACCOUNTABILITY' },
    ]);
    expect(expectData(await gql(SUGGEST, {}, coordinator)).commendationSuggestions.map((s: { proposed: string | null }) => s.proposed)).toEqual([
      'COMMENDATION',
      null,
      'ACCOUNTABILITY',
    ]);
  });
});
