import { expectData, startTestService, type TestService } from '../support/service';
import { openDistrictCycle } from './districtCycle';
import { APPRAISE, ASSESSMENT, FINALIZE, OPEN_CYCLE, RANKING, SUBMIT, SURVEY, districtFramework } from './operations';

const DAY = 24 * 3600 * 1000;

const RECORD_SURVEY = `mutation($input: RecordSurveyInput!, $commandId: ID) {
  recordSurvey(input: $input, commandId: $commandId) { year group code title conductedBy respondents reportReference conductedAt recordedAt scores { agencyCode } }
}`;
const SURVEYS = `query($year: Int!) {
  surveys(year: $year) { code group title respondents conductedAt scores { agency { code name group } agencyCode criterionCode points } }
}`;
const WAIVE = `mutation($input: WaiveSurveyInput!) { waiveSurvey(input: $input) { year surveyWaivers { group reason waivedAt } } }`;
const CITED = `query($year: Int!, $agencyCode: ID!) { assessment(year: $year, agencyCode: $agencyCode) { criteria { code surveyPoints surveyCode } } }`;

const SURVEY_2026 = {
  year: 2026,
  group: 'DISTRICT',
  code: 'DTXHH-2026',
  title: 'Điều tra xã hội học đo lường sự hài lòng của người dân, tổ chức năm 2026',
  conductedBy: 'Viện Nghiên cứu Phát triển Quảng Nam',
  respondents: 1350,
  reportReference: 'Báo cáo số 21/BC-VNCPT ngày 05/12/2026',
  conductedAt: '2026-11-10T08:00:00.000Z',
};
const WAIVER = 'Năm 2027 tỉnh không tổ chức điều tra xã hội học cấp huyện (Kế hoạch số 12/KH-UBND): chỉ số tính trên điểm thẩm định';

/** Points per self-assessed leaf: 1.1 of 4, 1.2.1 of 2.5, 1.2.2 of 1.5 (SNV), 2.1 of 2 (STP); 3.1 (10) is the survey. */
const TAMKY = { '1.1': 3.5, '1.2.1': 2.25, '1.2.2': 1.2345, '2.1': 1.75 }; // 8.7345 of the 10 that remain without the survey
const HOIAN = { '1.1': 3, '1.2.1': 2, '1.2.2': 1, '2.1': 1.5 }; // 7.5

/** The survey over HTTP: described, cited by survey scores, listed with them; and waived in another year. */
describe('surveys over HTTP', () => {
  let t: TestService;
  let coordinator: string;

  const errorOf = (response: { errors?: { extensions?: { code?: string; field?: string; [k: string]: unknown } }[] }) => response.errors?.[0]?.extensions;

  async function selfAssessAndAppraise(year: number, agencyCode: string, points: Record<string, number>) {
    const scores = Object.entries(points).map(([criterionCode, p]) => ({ criterionCode, points: p, evidence: [`KH số 3/KH-UBND ${criterionCode}`] }));
    expectData(await t.gql(SUBMIT, { input: { year, agencyCode, scores } }, t.token(['AGENCY_OFFICER'], agencyCode)));
    for (const [criterionCode, p] of Object.entries(points)) {
      const by = criterionCode.startsWith('2') ? 'STP' : 'SNV';
      expectData(
        await t.gql(APPRAISE, { input: { year, agencyCode, criterionCode, round: 1, points: p, comment: 'đã kiểm tra' } }, t.token(['APPRAISER'], by)),
      );
    }
  }

  beforeAll(async () => {
    t = await startTestService();
    coordinator = t.token(['COORDINATOR'], 'SNV', 'coordinator.snv');
    await openDistrictCycle(t, coordinator, { agencies: ['SNV', 'STP', 'TAMKY', 'HOIAN'], year: 2026 });
    // 2027 runs on the same district framework, for the same districts.
    const now = Date.now();
    const input = {
      year: 2027,
      frameworkCodes: [districtFramework.code],
      agencyCodes: ['TAMKY', 'HOIAN'],
      selfAssessmentDeadline: new Date(now + 30 * DAY).toISOString(),
      appraisalDeadline: new Date(now + 60 * DAY).toISOString(),
    };
    expectData(await t.gql(OPEN_CYCLE, { input }, coordinator));
  });
  afterAll(async () => t?.stop());

  it('records a survey, takes scores citing it, and lists the year’s surveys with those scores', async () => {
    const recorded = expectData(await t.gql(RECORD_SURVEY, { input: SURVEY_2026, commandId: 'survey-2026' }, coordinator)).recordSurvey;
    expect(recorded).toMatchObject({ ...SURVEY_2026, scores: [] });
    expect(Date.parse(recorded.recordedAt)).not.toBeNaN();

    // A code once per year; a group the cycle has no framework for; the coordinator's (or an administrator's) only.
    expect(errorOf(await t.gql(RECORD_SURVEY, { input: { ...SURVEY_2026, title: 'Khảo sát khác' } }, coordinator))).toMatchObject({
      code: 'CONFLICT',
      field: 'code',
    });
    expect(errorOf(await t.gql(RECORD_SURVEY, { input: { ...SURVEY_2026, code: 'KS-SO', group: 'DEPARTMENT' } }, coordinator))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'group',
    });
    expect(errorOf(await t.gql(RECORD_SURVEY, { input: { ...SURVEY_2026, code: 'KS-0', respondents: 0 } }, coordinator))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'respondents',
    });
    expect(errorOf(await t.gql(RECORD_SURVEY, { input: { ...SURVEY_2026, code: 'KS-X' } }, t.token(['AGENCY_OFFICER'], 'TAMKY')))?.code).toBe('FORBIDDEN');

    const cite = (agencyCode: string, points: number, surveyCode: string | null) =>
      t.gql(SURVEY, { input: { year: 2026, agencyCode, scores: [{ criterionCode: '3.1', points }], surveyCode } }, coordinator);
    expectData(await cite('TAMKY', 8.7654, 'DTXHH-2026'));
    expect(errorOf(await cite('HOIAN', 7.1, 'DTXHH-2025'))).toMatchObject({ code: 'NOT_FOUND', field: 'surveyCode' });
    expectData(await cite('HOIAN', 6, null));
    expectData(await cite('HOIAN', 7.1, 'DTXHH-2026')); // the latest score of the leaf, now citing the survey

    const leaf = (doc: { criteria: { code: string }[] }) => doc.criteria.find((c) => c.code === '3.1');
    expect(leaf(expectData(await t.gql(CITED, { year: 2026, agencyCode: 'TAMKY' }, coordinator)).assessment)).toEqual({
      code: '3.1',
      surveyPoints: 8.7654,
      surveyCode: 'DTXHH-2026',
    });

    // Read like the cycle: an analyst sees the list too.
    const surveys = expectData(await t.gql(SURVEYS, { year: 2026 }, t.token(['ANALYST']))).surveys;
    expect(surveys).toEqual([
      {
        code: 'DTXHH-2026',
        group: 'DISTRICT',
        title: SURVEY_2026.title,
        respondents: 1350,
        conductedAt: SURVEY_2026.conductedAt,
        scores: [
          { agency: { code: 'HOIAN', name: 'UBND Thành phố Hội An', group: 'DISTRICT' }, agencyCode: 'HOIAN', criterionCode: '3.1', points: 7.1 },
          { agency: { code: 'TAMKY', name: 'UBND Thành phố Tam Kỳ', group: 'DISTRICT' }, agencyCode: 'TAMKY', criterionCode: '3.1', points: 8.7654 },
        ],
      },
    ]);
    expect(expectData(await t.gql(SURVEYS, { year: 2027 }, coordinator)).surveys).toEqual([]);
    expect(expectData(await t.gql(SURVEYS, { year: 2031 }, coordinator)).surveys).toEqual([]);
  });

  it('refuses a waiver once an assessment of the group is finalised, naming it', async () => {
    await selfAssessAndAppraise(2026, 'TAMKY', TAMKY);
    expectData(await t.gql(FINALIZE, { input: { year: 2026, agencyCode: 'TAMKY' } }, coordinator));
    const refused = errorOf(await t.gql(WAIVE, { input: { year: 2026, group: 'DISTRICT', reason: WAIVER } }, coordinator));
    expect(refused).toMatchObject({ code: 'INVALID_STATE', finalized: ['TAMKY'] });
  });

  it('in another year, waives the survey: the index is appraised points over the remaining maximum, and finalisation needs no survey score', async () => {
    await selfAssessAndAppraise(2027, 'TAMKY', TAMKY);
    await selfAssessAndAppraise(2027, 'HOIAN', HOIAN);
    // Before the waiver the survey leaf counts: it has no score, so finalisation waits for it.
    const before = expectData(await t.gql(ASSESSMENT, { year: 2027, agencyCode: 'TAMKY' }, coordinator)).assessment;
    expect(before).toMatchObject({ totalPoints: 8.7345, applicableMaxPoints: 20 });
    expect(errorOf(await t.gql(FINALIZE, { input: { year: 2027, agencyCode: 'TAMKY' } }, coordinator))).toMatchObject({
      code: 'INVALID_STATE',
      unscored: ['3.1'],
    });

    const refusals: [object, string, string | undefined, string][] = [
      [{ year: 2027, group: 'DISTRICT', reason: '  ' }, 'BAD_USER_INPUT', 'reason', coordinator],
      [{ year: 2027, group: 'DEPARTMENT', reason: WAIVER }, 'BAD_USER_INPUT', 'group', coordinator],
      [{ year: 2031, group: 'DISTRICT', reason: WAIVER }, 'NOT_FOUND', 'year', coordinator],
      [{ year: 2027, group: 'DISTRICT', reason: WAIVER }, 'FORBIDDEN', undefined, t.token(['APPRAISER'], 'STP')],
    ];
    for (const [input, code, field, token] of refusals) {
      const refused = errorOf(await t.gql(WAIVE, { input }, token));
      expect({ input, code: refused?.code, field: refused?.field }).toEqual({ input, code, field });
    }

    const cycle = expectData(await t.gql(WAIVE, { input: { year: 2027, group: 'DISTRICT', reason: WAIVER } }, coordinator)).waiveSurvey;
    expect(cycle.surveyWaivers).toEqual([{ group: 'DISTRICT', reason: WAIVER, waivedAt: expect.any(String) }]);
    expect(errorOf(await t.gql(WAIVE, { input: { year: 2027, group: 'DISTRICT', reason: WAIVER } }, coordinator))?.code).toBe('INVALID_STATE');
    const noScores = { input: { year: 2027, agencyCode: 'HOIAN', scores: [{ criterionCode: '3.1', points: 5 }] } };
    expect(errorOf(await t.gql(SURVEY, noScores, coordinator))?.code).toBe('INVALID_STATE');

    const after = expectData(await t.gql(ASSESSMENT, { year: 2027, agencyCode: 'TAMKY' }, coordinator)).assessment;
    expect(after).toMatchObject({ totalPoints: 8.7345, applicableMaxPoints: 10, indexPercent: 87.345 });
    expect(after.criteria.find((c: { code: string }) => c.code === '3.1')).toMatchObject({ applicable: false, finalPoints: null });
    expect(after.areas.find((a: { code: string }) => a.code === '3')).toMatchObject({ points: 0, maxPoints: 0, indexPercent: null });

    for (const agencyCode of ['TAMKY', 'HOIAN']) {
      const finalized = expectData(await t.gql(FINALIZE, { input: { year: 2027, agencyCode } }, coordinator)).finalizeAssessment;
      expect(finalized.status).toBe('FINALIZED');
    }
    const ranking = expectData(await t.gql(RANKING, { year: 2027, group: 'DISTRICT' }, coordinator)).ranking;
    // The provisional ranking compares the same indices (bands aside: this cycle has none).
    expect(ranking.entries.map(({ band: _band, ...entry }: { band: unknown }) => entry)).toEqual([
      { rank: 1, agency: { code: 'TAMKY', name: 'UBND Thành phố Tam Kỳ' }, totalPoints: 8.7345, maxPoints: 10, indexPercent: 87.345 },
      { rank: 2, agency: { code: 'HOIAN', name: 'UBND Thành phố Hội An' }, totalPoints: 7.5, maxPoints: 10, indexPercent: 75 },
    ]);
    // The 2026 cycle keeps its survey.
    const y2026 = expectData(await t.gql(ASSESSMENT, { year: 2026, agencyCode: 'TAMKY' }, coordinator)).assessment;
    expect(y2026).toMatchObject({ totalPoints: 17.4999, applicableMaxPoints: 20 });
  });
});
