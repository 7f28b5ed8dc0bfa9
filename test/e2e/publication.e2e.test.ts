import { expectData, startTestService, type TestService } from '../support/service';
import { openDistrictCycle } from './districtCycle';
import { APPRAISE, FINALIZE, SUBMIT, SURVEY } from './operations';

const YEAR = 2026;

const RANKING_FIELDS = 'year group published decisionNumber decisionDate entries { rank agency { code } totalPoints indexPercent }';
const PUBLISH = `mutation($input: PublishRankingInput!) { publishRanking(input: $input) { ${RANKING_FIELDS} } }`;
const RANKING = `{ ranking(year: ${YEAR}, group: DISTRICT) { ${RANKING_FIELDS} } }`;

const DECISION = { decisionNumber: '512/QĐ-UBND', decisionDate: '2027-04-01' };

/** The People's Committee (UBND) approves a group's ranking by a numbered decision, once every participant is ready. */
describe('publication over HTTP', () => {
  let t: TestService;
  let coordinator: string;
  let leader: string;

  // Points per self-assessed leaf (1.1 of 4, 1.2.1 of 2.5, 1.2.2 of 1.5, 2.1 of 2) and the survey leaf 3.1 of 10.
  const results: Record<string, { self: Record<string, number>; survey: number }> = {
    TAMKY: { self: { '1.1': 4, '1.2.1': 2.5, '1.2.2': 1.5, '2.1': 2 }, survey: 9 }, // 19 of 20: 95 %
    HOIAN: { self: { '1.1': 3, '1.2.1': 2, '1.2.2': 1, '2.1': 1.5 }, survey: 8 }, // 15.5 of 20: 77.5 %
  };

  async function finalise(agencyCode: string) {
    const { self, survey } = results[agencyCode];
    const scores = Object.entries(self).map(([criterionCode, points]) => ({ criterionCode, points, evidence: [`KH số 1/KH-UBND ${criterionCode}`] }));
    expectData(await t.gql(SUBMIT, { input: { year: YEAR, agencyCode, scores } }, t.token(['AGENCY_OFFICER'], agencyCode)));
    for (const [criterionCode, points] of Object.entries(self)) {
      const by = criterionCode.startsWith('2') ? 'STP' : 'SNV';
      const input = { year: YEAR, agencyCode, criterionCode, round: 1, points, comment: 'đã kiểm tra' };
      expectData(await t.gql(APPRAISE, { input }, t.token(['APPRAISER'], by)));
    }
    expectData(await t.gql(SURVEY, { input: { year: YEAR, agencyCode, scores: [{ criterionCode: '3.1', points: survey }] } }, coordinator));
    expectData(await t.gql(FINALIZE, { input: { year: YEAR, agencyCode } }, coordinator));
  }

  beforeAll(async () => {
    t = await startTestService();
    coordinator = t.token(['COORDINATOR'], 'SNV', 'coordinator.snv');
    leader = t.token(['PROVINCIAL_LEADER'], null, 'leader.ubnd');
    await openDistrictCycle(t, coordinator, { agencies: ['SNV', 'STP', 'TAMKY', 'HOIAN'], year: YEAR });
  });
  afterAll(async () => t?.stop());

  it('refuses a publication while a participant is neither finalised nor excluded, naming it', async () => {
    await finalise('TAMKY');
    const refused = await t.gql(PUBLISH, { input: { year: YEAR, group: 'DISTRICT', ...DECISION } }, leader);
    expect(refused.errors?.[0].extensions).toEqual({ code: 'INVALID_STATE', missing: ['HOIAN'] });
    expect(refused.errors?.[0].message).toContain('HOIAN');
  });

  it('is the People’s Committee’s: a coordinator is FORBIDDEN; a decision number is required and a date must be a calendar date', async () => {
    await finalise('HOIAN');
    const byCoordinator = await t.gql(PUBLISH, { input: { year: YEAR, group: 'DISTRICT', ...DECISION } }, coordinator);
    expect(byCoordinator.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const noNumber = await t.gql(PUBLISH, { input: { year: YEAR, group: 'DISTRICT', decisionDate: DECISION.decisionDate } }, leader);
    expect(noNumber.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const blank = await t.gql(PUBLISH, { input: { year: YEAR, group: 'DISTRICT', ...DECISION, decisionNumber: '  ' } }, leader);
    expect(blank.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'decisionNumber' });
    for (const decisionDate of ['2027-02-30', '2027-04-01T08:00:00Z']) {
      const badDate = await t.gql(PUBLISH, { input: { year: YEAR, group: 'DISTRICT', ...DECISION, decisionDate } }, leader);
      expect(badDate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(expectData(await t.gql(RANKING, {}, coordinator)).ranking).toMatchObject({ published: false, decisionNumber: null, decisionDate: null });
  });

  it('publishes with the decision number and date, shown on the ranking', async () => {
    const published = expectData(await t.gql(PUBLISH, { input: { year: YEAR, group: 'DISTRICT', ...DECISION } }, leader)).publishRanking;
    expect(published).toMatchObject({ published: true, decisionNumber: '512/QĐ-UBND', decisionDate: '2027-04-01' });
    expect(published.entries.map((e: { rank: number; agency: { code: string } }) => [e.rank, e.agency.code])).toEqual([
      [1, 'TAMKY'],
      [2, 'HOIAN'],
    ]);
    const read = expectData(await t.gql(RANKING, {}, t.token(['ANALYST']))).ranking;
    expect(read).toEqual(published);
  });
});
