import { expectData, startTestService, type GraphQLResponse, type TestService } from '../support/service';
import { OPEN_CYCLE, PUBLISH_FRAMEWORK, REGISTER_AGENCY } from './operations';
import { AUDIT_TYPES, RANKING_QUERY, RANKING_SELECTION, SURVEYS_QUERY, YEAR_AGENCIES, mutation, yearFramework } from './parYear/yearOperations';

const YEAR = 2027;
const DAY = 24 * 3600 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const errorOf = (r: GraphQLResponse) => r.errors?.[0];

/**
 * A whole PAR year over HTTP, as Quảng Nam's SNV runs it: drafts sent late, a confirmed and a rejected "not
 * applicable" claim, an explanation round, deadlines moved for all and extended for one, a non-submitter, an
 * exclusion, bonus and penalty at and over the caps, SNV's proposal, a publication refused while some are missing,
 * the People's Committee's decision, a complaint, a reopening and a republication with its changes. Totals are
 * checked to the ten-thousandth.
 */
describe('a whole PAR year over HTTP', () => {
  let t: TestService;
  let snv: string;
  let leader: string;
  const officer = (agency: string) => t.token(['AGENCY_OFFICER'], agency, `officer.${agency.toLowerCase()}`);
  const appraiser = (agency: string) => t.token(['APPRAISER'], agency, `appraiser.${agency.toLowerCase()}`);
  const key = (agencyCode: string) => ({ year: YEAR, agencyCode });
  const send = async (name: string, input: object, token: string, selection?: string) =>
    expectData(await t.gql(mutation(name, selection), { input }, token))[name];
  const refused = async (name: string, input: object, token: string) => errorOf(await t.gql(mutation(name, 'status'), { input }, token));
  const evidence = (code: string) => [`KH số ${code}/KH-UBND`];
  const appraise = (agency: string, agencyCode: string, criterionCode: string, points: number, round = 1, comment = 'đã kiểm tra') =>
    send('appraiseCriterion', { ...key(agencyCode), criterionCode, round, points, comment }, appraiser(agency));
  const survey = (agencyCode: string, points: number) =>
    send('recordSurveyScores', { ...key(agencyCode), surveyCode: 'KS-2027', scores: [{ criterionCode: '3.1', points }] }, snv);

  beforeAll(async () => {
    t = await startTestService();
    snv = t.token(['COORDINATOR'], 'SNV', 'chuyenvien.snv');
    leader = t.token(['PROVINCIAL_LEADER'], null, 'lanhdao.ubnd');
  });
  afterAll(async () => t?.stop());

  it('opens the year: agencies, a framework with caps, bands for districts, the survey that scores them', async () => {
    for (const input of YEAR_AGENCIES) expectData(await t.gql(REGISTER_AGENCY, { input }, snv));
    expectData(await t.gql(PUBLISH_FRAMEWORK, { input: yearFramework }, snv));
    const bands = [
      { label: 'Xuất sắc', minIndexPercent: 90 },
      { label: 'Tốt', minIndexPercent: 80 },
      { label: 'Khá', minIndexPercent: 65 },
      { label: 'Trung bình', minIndexPercent: 50 },
      { label: 'Yếu', minIndexPercent: 0 },
    ];
    const input = {
      year: YEAR,
      frameworkCodes: [yearFramework.code],
      selfAssessmentDeadline: inDays(20),
      appraisalDeadline: inDays(60),
      bands: [{ label: 'Đạt', minIndexPercent: 50 }],
      groupBands: [{ group: 'DISTRICT', bands }],
    };
    const { openAssessmentCycle } = expectData(await t.gql(OPEN_CYCLE, { input }, snv));
    expect(openAssessmentCycle.participants).toHaveLength(6);
    const surveyInput = {
      year: YEAR,
      group: 'DISTRICT',
      code: 'KS-2027',
      title: 'Đo lường sự hài lòng của người dân năm 2027',
      conductedBy: 'Trường Đại học Quảng Nam',
      respondents: 1800,
      reportReference: 'Báo cáo số 15/BC-ĐHQN',
      conductedAt: inDays(-1),
    };
    expect(await send('recordSurvey', surveyInput, snv, 'code respondents')).toEqual({ code: 'KS-2027', respondents: 1800 });
  });

  it('self-assessment: a draft sent later with the rest, and "not applicable" claims', async () => {
    const draft = await send(
      'saveSelfAssessmentDraft',
      { ...key('TAMKY'), scores: [{ criterionCode: '1.1', points: 3.5, evidence: evidence('1') }] },
      officer('TAMKY'),
    );
    expect(draft).toMatchObject({ status: 'DRAFT', selfTotalPoints: 0 });
    const rest = [
      { criterionCode: '1.2.1', points: 2.5, evidence: evidence('2') },
      { criterionCode: '1.2.2', points: 1.5, evidence: evidence('3') },
      { criterionCode: '2.1', points: 2, explanation: 'Không có số văn bản: rà soát trên phần mềm' },
    ];
    // Sending names three leaves and sends the saved draft with them.
    expect(await send('submitSelfAssessment', { ...key('TAMKY'), scores: rest }, officer('TAMKY'))).toMatchObject({
      status: 'SUBMITTED',
      selfTotalPoints: 9.5,
    });
    const hoian = [
      { criterionCode: '1.1', points: 4, evidence: evidence('4') },
      { criterionCode: '1.2.1', points: 2.2, evidence: evidence('5') },
      { criterionCode: '1.2.2', points: 1.5, evidence: evidence('6') },
      { criterionCode: '2.1', applicable: false, explanation: 'Thành phố không ban hành VBQPPL trong năm' },
    ];
    expect(await send('submitSelfAssessment', { ...key('HOIAN'), scores: hoian }, officer('HOIAN'))).toMatchObject({ selfTotalPoints: 7.7 });
    const nongson = [
      { criterionCode: '1.1', points: 3, evidence: evidence('7') },
      { criterionCode: '1.2.1', points: 2, evidence: evidence('8') },
      { criterionCode: '1.2.2', applicable: false, explanation: 'Huyện không phải báo cáo định kỳ' },
      { criterionCode: '2.1', points: 1.5, evidence: evidence('9') },
    ];
    await send('submitSelfAssessment', { ...key('NONGSON'), scores: nongson }, officer('NONGSON'));
  });

  it('bonus proposals by the agencies, within the cap and before their deadline', async () => {
    const bonus = (agencyCode: string, points: number) => ({
      ...key(agencyCode),
      kind: 'BONUS',
      points,
      reason: 'Sáng kiến CCHC được công nhận',
      evidence: evidence('KT'),
    });
    expect((await refused('proposeAdjustment', bonus('TAMKY', 2.5), officer('TAMKY')))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'points' });
    await send('proposeAdjustment', bonus('TAMKY', 1.5), officer('TAMKY'));
    await send('proposeAdjustment', bonus('TAMKY', 1), officer('TAMKY'));
    await send('proposeAdjustment', bonus('NONGSON', 2), officer('NONGSON'));
    const hoian = await send('proposeAdjustment', bonus('HOIAN', 1), officer('HOIAN'));
    expect(hoian.adjustments).toEqual([{ id: 'ADJ-1', kind: 'BONUS', proposedPoints: 1, acceptedPoints: null, status: 'PROPOSED' }]);
    // Another agency's officer may not propose a bonus for Hội An.
    expect((await refused('proposeAdjustment', bonus('HOIAN', 1), officer('TAMKY')))?.extensions?.code).toBe('FORBIDDEN');
  });

  it('the schedule: self-assessment closes early for all, Đại Lộc gets an extension, Bắc Trà My never sends', async () => {
    const amend = { year: YEAR, selfAssessmentDeadline: inDays(-1 / 1440), appraisalDeadline: inDays(60), reason: 'Chốt sớm theo Công văn số 51/UBND-NC' };
    const cycle = await send('amendCycleSchedule', amend, snv, 'scheduleAmendments { reason }');
    expect(cycle.scheduleAmendments).toEqual([{ reason: amend.reason }]);
    const late = [{ criterionCode: '1.1', points: 4, evidence: evidence('10') }];
    expect((await refused('submitSelfAssessment', { ...key('DAILOC'), scores: late }, officer('DAILOC')))?.extensions?.code).toBe('DEADLINE_PASSED');
    const extension = { ...key('DAILOC'), phase: 'SELF_ASSESSMENT', until: inDays(5), reason: 'Đại Lộc bị ảnh hưởng bởi bão số 5' };
    expect((await send('grantExtension', extension, snv, 'extensions { agencyCode phase }')).extensions).toEqual([
      { agencyCode: 'DAILOC', phase: 'SELF_ASSESSMENT' },
    ]);
    const dailoc = [
      { criterionCode: '1.1', points: 4, evidence: evidence('10') },
      { criterionCode: '1.2.1', points: 2.5, evidence: evidence('11') },
      { criterionCode: '1.2.2', points: 1.5, evidence: evidence('12') },
      { criterionCode: '2.1', points: 2, evidence: evidence('13') },
    ];
    expect(await send('submitSelfAssessment', { ...key('DAILOC'), scores: dailoc }, officer('DAILOC'))).toMatchObject({ selfTotalPoints: 10 });
    const recorded = await send('recordNonSubmission', { ...key('BACTRAMY'), reason: 'Không gửi báo cáo dù đã nhắc tại Công văn số 312/SNV' }, snv);
    expect(recorded).toMatchObject({ status: 'NOT_SUBMITTED', nonSubmission: { reason: expect.stringContaining('312/SNV') } });
    const left = await send('excludeFromRanking', { ...key('DIENBAN'), reason: 'Sắp xếp lại đơn vị hành chính trong năm' }, snv, RANKING_SELECTION);
    expect(left.notRanked).toEqual([{ agency: { code: 'DIENBAN' }, reason: 'Sắp xếp lại đơn vị hành chính trong năm' }]);
  });

  it('appraisal: an explanation round, a bulk appraisal, claims confirmed and rejected, another appraiser where SNV may not', async () => {
    await appraise('SNV', 'TAMKY', '1.1', 3.5);
    await appraise('SNV', 'TAMKY', '1.2.1', 2);
    await appraise('SNV', 'TAMKY', '1.2.2', 1.25);
    await appraise('STP', 'TAMKY', '2.1', 1.75);
    const question = { ...key('TAMKY'), criterionCode: '1.2.1', question: 'Đề nghị bổ sung báo cáo kết quả thực hiện kế hoạch', dueAt: inDays(3) };
    await send('requestExplanation', question, appraiser('SNV'));
    const early = await t.gql(
      mutation('appraiseCriterion', 'status'),
      { input: { ...key('TAMKY'), criterionCode: '1.2.1', round: 2, points: 2.5 } },
      appraiser('SNV'),
    );
    expect(errorOf(early)?.extensions?.code).toBe('INVALID_STATE');
    // The answer comes after the self-assessment deadline, before its dueAt.
    const answer = { ...key('TAMKY'), criterionCode: '1.2.1', text: 'Đã bổ sung báo cáo', evidence: ['BC số 45/BC-UBND'], revisedPoints: 2.5 };
    const answered = await send('submitExplanation', answer, officer('TAMKY'));
    expect(answered.criteria.find((c: { code: string }) => c.code === '1.2.1').explanationRequests).toEqual([
      { question: question.question, answeredAt: expect.any(String), revisedPoints: 2.5 },
    ]);
    await appraise('SNV', 'TAMKY', '1.2.1', 2.5, 2, 'Chấp nhận giải trình');

    const items = [
      { criterionCode: '1.1', points: 3.7, comment: 'Kế hoạch ban hành chậm' },
      { criterionCode: '1.2.1', points: 2.2 },
      { criterionCode: '1.2.2', points: 1, comment: 'Thiếu báo cáo quý III' },
    ];
    await send('appraiseCriteria', { ...key('HOIAN'), round: 1, items }, appraiser('SNV'));
    const confirmed = await send('appraiseCriterion', { ...key('HOIAN'), criterionCode: '2.1', round: 1, applicable: false }, appraiser('STP'));
    expect(confirmed.criteria.find((c: { code: string }) => c.code === '2.1')).toMatchObject({ applicable: false, notApplicableClaim: 'CONFIRMED' });

    const assigned = await send('assignAppraiser', { ...key('NONGSON'), criterionCodes: ['1.1'], appraiserCode: 'STP', reason: 'Tránh xung đột lợi ích' }, snv);
    expect(assigned.criteria.find((c: { code: string }) => c.code === '1.1').appraiser).toEqual({ code: 'STP' });
    expect(
      errorOf(
        await t.gql(mutation('appraiseCriterion', 'status'), { input: { ...key('NONGSON'), criterionCode: '1.1', round: 1, points: 3 } }, appraiser('SNV')),
      )?.extensions?.code,
    ).toBe('FORBIDDEN');
    await appraise('STP', 'NONGSON', '1.1', 3);
    await appraise('SNV', 'NONGSON', '1.2.1', 2);
    const rejected = await appraise('SNV', 'NONGSON', '1.2.2', 1, 1, 'Huyện vẫn phải báo cáo định kỳ');
    expect(rejected.criteria.find((c: { code: string }) => c.code === '1.2.2')).toMatchObject({
      applicable: true,
      notApplicableClaim: 'REJECTED',
      finalPoints: 1,
    });
    await appraise('STP', 'NONGSON', '2.1', 1.5);

    for (const [code, points] of [
      ['1.1', 4],
      ['1.2.1', 2.5],
      ['1.2.2', 1.5],
    ] as const)
      await appraise('SNV', 'DAILOC', code, points);
    await appraise('STP', 'DAILOC', '2.1', 2);
  });

  it('penalties by the appraiser and the coordinator; decisions with the caps applied', async () => {
    const penalty = (points: number) => ({ ...key('DAILOC'), kind: 'PENALTY', points, reason: 'Chậm gửi báo cáo rà soát VBQPPL', evidence: ['CV số 3/STP'] });
    await send('proposeAdjustment', penalty(2), appraiser('STP'));
    await send('proposeAdjustment', penalty(0.5), snv);
    for (const code of ['TAMKY', 'HOIAN', 'NONGSON', 'DAILOC', 'BACTRAMY']) {
      await survey(code, { TAMKY: 8.6543, HOIAN: 7.7777, NONGSON: 9.2999, DAILOC: 9, BACTRAMY: 5.5 }[code] as number);
    }
    // Finalisation waits for every proposal to be decided.
    expect((await refused('finalizeAssessment', key('TAMKY'), snv))?.extensions?.code).toBe('INVALID_STATE');
    const decide = (agencyCode: string, adjustmentId: string, acceptedPoints: number, comment: string | null = null) =>
      send('decideAdjustment', { ...key(agencyCode), adjustmentId, acceptedPoints, comment }, snv);
    await decide('TAMKY', 'ADJ-1', 1.5);
    expect(await decide('TAMKY', 'ADJ-2', 1)).toMatchObject({ bonusPoints: 2 }); // 2.5 accepted, capped at 2
    expect(await decide('NONGSON', 'ADJ-1', 2)).toMatchObject({ bonusPoints: 2 }); // at the cap
    expect(await decide('HOIAN', 'ADJ-1', 0, 'Sáng kiến chưa được công nhận cấp tỉnh')).toMatchObject({ bonusPoints: 0 });
    expect(await decide('DAILOC', 'ADJ-1', 2)).toMatchObject({ penaltyPoints: 2 }); // at the cap
    expect(await decide('DAILOC', 'ADJ-2', 0.5)).toMatchObject({ penaltyPoints: 2 }); // 2.5 accepted, capped at 2
  });

  it('finalisation with exact totals; publication refused while one is missing, then proposed by SNV and approved by UBND', async () => {
    const finalize = (agencyCode: string) => send('finalizeAssessment', key(agencyCode), snv);
    // Tam Kỳ: 3.5 + 2.5 (round 2) + 1.25 + 1.75 + 8.6543 = 17.6543, and a bonus of 2 (capped).
    const tamky = await finalize('TAMKY');
    expect(tamky).toMatchObject({ status: 'FINALIZED', totalPoints: 19.6543, selfTotalPoints: 9.5, bonusPoints: 2, applicableMaxPoints: 20 });
    expect(tamky.indexPercent).toBeCloseTo(98.2715, 10);
    expect(tamky.band).toEqual({ label: 'Xuất sắc', minIndexPercent: 90 });
    expect(tamky.tree.map((n: { code: string; points: number }) => [n.code, n.points])).toEqual([
      ['1', 7.25],
      ['2', 1.75],
      ['3', 8.6543],
    ]);
    // Nông Sơn: 3 + 2 + 1 (claim rejected) + 1.5 + 9.2999 = 16.7999, and a bonus of 2.
    expect(await finalize('NONGSON')).toMatchObject({ totalPoints: 18.7999, applicableMaxPoints: 20 });
    // Đại Lộc: 10 + 9 = 19, less a penalty of 2 (capped).
    expect(await finalize('DAILOC')).toMatchObject({ totalPoints: 17, penaltyPoints: 2, indexPercent: 85, band: { label: 'Tốt', minIndexPercent: 80 } });
    // Bắc Trà My: its self-assessed leaves score 0; the survey counts.
    expect(await finalize('BACTRAMY')).toMatchObject({ totalPoints: 5.5, indexPercent: 27.5, band: { label: 'Yếu', minIndexPercent: 0 } });

    const decision = { year: YEAR, group: 'DISTRICT', decisionNumber: '245/QĐ-UBND', decisionDate: '2028-03-01' };
    const missing = await t.gql(mutation('publishRanking', 'status'), { input: decision }, leader);
    expect(errorOf(missing)?.extensions).toMatchObject({ code: 'INVALID_STATE', missing: ['HOIAN'] });
    // Hội An: 3.7 + 2.2 + 1 + 7.7777 = 14.6777 of 18 (2.1 not applicable), its bonus rejected.
    const hoian = await finalize('HOIAN');
    expect(hoian).toMatchObject({ totalPoints: 14.6777, applicableMaxPoints: 18, bonusPoints: 0 });
    expect(hoian.indexPercent).toBeCloseTo((14.6777 / 18) * 100, 10);

    expect((await send('proposeRanking', { year: YEAR, group: 'DISTRICT' }, snv, RANKING_SELECTION)).status).toBe('PROPOSED');
    expect(errorOf(await t.gql(mutation('publishRanking', 'status'), { input: decision }, snv))?.extensions?.code).toBe('FORBIDDEN');
    const published = await send('publishRanking', decision, leader, RANKING_SELECTION);
    expect(published).toMatchObject({ status: 'PUBLISHED', decisionNumber: '245/QĐ-UBND', decisionDate: '2028-03-01', publicationCount: 1, changes: [] });
    expect(published.entries.map((e: { rank: number; agency: { code: string }; totalPoints: number }) => [e.rank, e.agency.code, e.totalPoints])).toEqual([
      [1, 'TAMKY', 19.6543],
      [2, 'NONGSON', 18.7999],
      [3, 'DAILOC', 17],
      [4, 'HOIAN', 14.6777],
      [5, 'BACTRAMY', 5.5],
    ]);
    expect(published.notRanked).toEqual([{ agency: { code: 'DIENBAN' }, reason: 'Sắp xếp lại đơn vị hành chính trong năm' }]);
    const { surveys } = expectData(await t.gql(SURVEYS_QUERY, { year: YEAR }, snv));
    expect(surveys[0]).toMatchObject({ code: 'KS-2027', respondents: 1800 });
    expect(surveys[0].scores).toHaveLength(5);
  });

  it('after publication: a complaint rejected, one upheld, the assessment reopened and corrected, the ranking republished with its changes', async () => {
    await send('lodgeComplaint', { ...key('TAMKY'), criterionCode: '2.1', text: 'Đề nghị chấm lại tiêu chí 2.1' }, officer('TAMKY'));
    const rejected = await send('resolveComplaint', { ...key('TAMKY'), complaintId: 'KN-1', outcome: 'REJECTED', comment: 'Không có tài liệu mới' }, snv);
    expect(rejected.complaints).toEqual([{ id: 'KN-1', criterionCode: '2.1', status: 'RESOLVED', outcome: 'REJECTED', comment: 'Không có tài liệu mới' }]);
    await send('lodgeComplaint', { ...key('HOIAN'), criterionCode: '1', text: 'Kế hoạch ban hành đúng hạn; báo cáo quý III đã gửi' }, officer('HOIAN'));
    await send('resolveComplaint', { ...key('HOIAN'), complaintId: 'KN-1', outcome: 'UPHELD', comment: 'Có cơ sở' }, snv);
    // Closed for correction until reopened; reopened, the appraiser corrects past nothing but the finalisation.
    expect((await refused('appraiseCriterion', { ...key('HOIAN'), criterionCode: '1.1', round: 1, points: 4 }, appraiser('SNV')))?.extensions?.code).toBe(
      'INVALID_STATE',
    );
    const reopened = await send('reopenAssessment', { ...key('HOIAN'), reason: 'Khiếu nại KN-1 được chấp nhận' }, snv);
    expect(reopened).toMatchObject({ status: 'UNDER_APPRAISAL', reopenings: [{ reason: 'Khiếu nại KN-1 được chấp nhận', previousTotalPoints: 14.6777 }] });
    await appraise('SNV', 'HOIAN', '1.1', 4, 1, 'Chấm lại theo khiếu nại KN-1');
    await appraise('SNV', 'HOIAN', '1.2.2', 1.5, 1, 'Chấm lại theo khiếu nại KN-1');
    // 4 + 2.2 + 1.5 + 7.7777 = 15.4777 of 18: 85.98…%, above Đại Lộc's 85 %.
    expect(await send('finalizeAssessment', key('HOIAN'), snv)).toMatchObject({ totalPoints: 15.4777, status: 'FINALIZED' });

    const decision = { year: YEAR, group: 'DISTRICT', decisionNumber: '301/QĐ-UBND', decisionDate: '2028-03-20' };
    expect((await t.gql(mutation('publishRanking', 'status'), { input: decision }, leader)).errors?.[0].extensions).toMatchObject({
      code: 'INVALID_STATE',
      field: 'reason',
    });
    const republished = await send('publishRanking', { ...decision, reason: 'Điều chỉnh kết quả Hội An sau khiếu nại' }, leader, RANKING_SELECTION);
    expect(republished).toMatchObject({
      status: 'PUBLISHED',
      publicationCount: 2,
      decisionNumber: '301/QĐ-UBND',
      republishReason: 'Điều chỉnh kết quả Hội An sau khiếu nại',
    });
    expect(republished.changes).toEqual([
      {
        agency: { code: 'HOIAN' },
        rankBefore: 4,
        rankAfter: 3,
        indexBefore: expect.closeTo((14.6777 / 18) * 100, 10),
        indexAfter: expect.closeTo((15.4777 / 18) * 100, 10),
      },
      { agency: { code: 'DAILOC' }, rankBefore: 3, rankAfter: 4, indexBefore: 85, indexAfter: 85 },
    ]);
    expect(expectData(await t.gql(RANKING_QUERY, { year: YEAR }, officer('HOIAN'))).ranking.changes).toHaveLength(2);
  });

  it('every step is in the audit trail under its agency, with who did it', async () => {
    const types = async (agencyCode: string) =>
      expectData(await t.gql(AUDIT_TYPES, { agencyCode }, t.token(['INSPECTOR'], null, 'thanhtra'))).auditTrail.edges.map(
        (e: { node: { type: string; actor: { sub: string } } }) => `${e.node.type} ${e.node.actor.sub}`,
      );
    expect(await types('TAMKY')).toEqual(
      expect.arrayContaining([
        'SelfAssessmentDraftSaved officer.tamky',
        'ExplanationRequested appraiser.snv',
        'ExplanationSubmitted officer.tamky',
        'AdjustmentDecided chuyenvien.snv',
        'ComplaintResolved chuyenvien.snv',
      ]),
    );
    expect(await types('HOIAN')).toEqual(
      expect.arrayContaining(['ComplaintLodged officer.hoian', 'AssessmentReopened chuyenvien.snv', 'AppraisalCorrected appraiser.snv']),
    );
    expect(await types('DAILOC')).toEqual(expect.arrayContaining(['ExtensionGranted chuyenvien.snv', 'AdjustmentProposed appraiser.stp']));
    expect(await types('DIENBAN')).toEqual(['AgencyRegistered chuyenvien.snv', 'AgencyExcludedFromRanking chuyenvien.snv']);
  });

  it('a year without a survey for a group: waived, the index is the appraised points over the rest', async () => {
    const input = {
      year: YEAR + 1,
      frameworkCodes: [yearFramework.code],
      agencyCodes: ['TAMKY'],
      selfAssessmentDeadline: inDays(20),
      appraisalDeadline: inDays(60),
    };
    expectData(await t.gql(OPEN_CYCLE, { input }, snv));
    const waived = await send(
      'waiveSurvey',
      { year: YEAR + 1, group: 'DISTRICT', reason: 'Năm 2028 không tổ chức điều tra XHH cấp huyện' },
      snv,
      'surveyWaivers { group reason }',
    );
    expect(waived.surveyWaivers).toEqual([{ group: 'DISTRICT', reason: 'Năm 2028 không tổ chức điều tra XHH cấp huyện' }]);
    const next = { year: YEAR + 1, agencyCode: 'TAMKY' };
    const scores = [
      { criterionCode: '1.1', points: 4, evidence: evidence('1') },
      { criterionCode: '1.2.1', points: 2.5, evidence: evidence('2') },
      { criterionCode: '1.2.2', points: 1.5, evidence: evidence('3') },
      { criterionCode: '2.1', points: 2, evidence: evidence('4') },
    ];
    await send('submitSelfAssessment', { ...next, scores }, officer('TAMKY'));
    for (const [code, points] of [
      ['1.1', 3.9999],
      ['1.2.1', 2.5],
      ['1.2.2', 1.5],
    ] as const) {
      await send('appraiseCriterion', { ...next, criterionCode: code, round: 1, points }, appraiser('SNV'));
    }
    await send('appraiseCriterion', { ...next, criterionCode: '2.1', round: 1, points: 1.7777 }, appraiser('STP'));
    // No survey score to wait for: 9.7776 of the remaining 10.
    const finalized = await send('finalizeAssessment', next, snv);
    expect(finalized).toMatchObject({ status: 'FINALIZED', totalPoints: 9.7776, applicableMaxPoints: 10, indexPercent: 97.776 });
  });
});
