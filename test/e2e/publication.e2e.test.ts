import { expectData, startTestService, type TestService } from '../support/service';
import { appraiseAndFinalise, openDistrictCycle } from './districtCycle';
import { REGISTER_AGENCY, SUBMIT } from './operations';

const YEAR = 2026;

const RANKING_FIELDS =
  'year group imported source status published proposedAt decisionNumber decisionDate entries { rank agency { code } totalPoints indexPercent }';
const PROPOSE = `mutation($input: ProposeRankingInput!) { proposeRanking(input: $input) { ${RANKING_FIELDS} } }`;
const EXCLUDE = 'mutation($input: ExcludeFromRankingInput!) { excludeFromRanking(input: $input) { year } }';
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
    NONGSON: { self: { '1.1': 4, '1.2.1': 2.5, '1.2.2': 1.5, '2.1': 2 }, survey: 10 }, // 20 of 20: first, until merged
  };

  async function finalise(agencyCode: string) {
    const { self, survey } = results[agencyCode];
    const scores = Object.entries(self).map(([criterionCode, points]) => ({ criterionCode, points, evidence: [`KH số 1/KH-UBND ${criterionCode}`] }));
    expectData(await t.gql(SUBMIT, { input: { year: YEAR, agencyCode, scores } }, t.token(['AGENCY_OFFICER'], agencyCode)));
    await appraiseAndFinalise(t, coordinator, { year: YEAR, agencyCode, self, survey });
  }

  beforeAll(async () => {
    t = await startTestService();
    coordinator = t.token(['COORDINATOR'], 'SNV', 'coordinator.snv');
    leader = t.token(['PROVINCIAL_LEADER'], null, 'leader.ubnd');
    expectData(await t.gql(REGISTER_AGENCY, { input: { code: 'NONGSON', name: 'UBND huyện Nông Sơn', group: 'DISTRICT' } }, coordinator));
    await openDistrictCycle(t, coordinator, { agencies: ['SNV', 'STP', 'TAMKY', 'HOIAN'], year: YEAR });
  });
  afterAll(async () => t?.stop());

  it('refuses a proposal and a publication while participants are neither finalised nor excluded, naming them', async () => {
    await finalise('TAMKY');
    const refused = await t.gql(PUBLISH, { input: { year: YEAR, group: 'DISTRICT', ...DECISION } }, leader);
    expect(refused.errors?.[0].extensions).toEqual({ code: 'INVALID_STATE', missing: ['HOIAN', 'NONGSON'] });
    expect(refused.errors?.[0].message).toContain('HOIAN, NONGSON');
    const notYet = await t.gql(PROPOSE, { input: { year: YEAR, group: 'DISTRICT' } }, coordinator);
    expect(notYet.errors?.[0].extensions).toEqual({ code: 'INVALID_STATE', missing: ['HOIAN', 'NONGSON'] });
    expect(expectData(await t.gql(RANKING, {}, coordinator)).ranking).toMatchObject({ status: 'PROVISIONAL', proposedAt: null });
  });

  it('is the People’s Committee’s: a coordinator is FORBIDDEN; a decision number is required and a date must be a calendar date', async () => {
    await finalise('HOIAN');
    await finalise('NONGSON');
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

  it('SNV proposes (the leader may not); a change since the proposal refuses the publication, listing it; SNV proposes again', async () => {
    expect((await t.gql(PROPOSE, { input: { year: YEAR, group: 'DISTRICT' } }, leader)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const proposed = expectData(await t.gql(PROPOSE, { input: { year: YEAR, group: 'DISTRICT' } }, coordinator)).proposeRanking;
    expect(proposed).toMatchObject({ status: 'PROPOSED', published: false, decisionNumber: null });
    expect(proposed.proposedAt).toEqual(expect.any(String));
    expect(proposed.entries.map((e: { rank: number; agency: { code: string } }) => [e.rank, e.agency.code])).toEqual([
      [1, 'NONGSON'],
      [2, 'TAMKY'],
      [3, 'HOIAN'],
    ]);

    // Nông Sơn is merged into another district before the decision: the proposal no longer holds.
    expectData(
      await t.gql(EXCLUDE, { input: { year: YEAR, agencyCode: 'NONGSON', reason: 'Nhập vào huyện Quế Sơn theo Nghị quyết số 1241/NQ-UBTVQH15' } }, coordinator),
    );
    const changed = await t.gql(PUBLISH, { input: { year: YEAR, group: 'DISTRICT', ...DECISION } }, leader);
    expect(changed.errors?.[0].extensions?.code).toBe('INVALID_STATE');
    expect(changed.errors?.[0].extensions?.changes).toEqual([
      {
        agencyCode: 'HOIAN',
        change: 'CHANGED',
        proposed: { rank: 3, totalPoints: 15.5, maxPoints: 20, indexPercent: 77.5, band: null },
        now: { rank: 2, totalPoints: 15.5, maxPoints: 20, indexPercent: 77.5, band: null },
      },
      { agencyCode: 'NONGSON', change: 'REMOVED', proposed: { rank: 1, totalPoints: 20, maxPoints: 20, indexPercent: 100, band: null }, now: null },
      {
        agencyCode: 'TAMKY',
        change: 'CHANGED',
        proposed: { rank: 2, totalPoints: 19, maxPoints: 20, indexPercent: 95, band: null },
        now: { rank: 1, totalPoints: 19, maxPoints: 20, indexPercent: 95, band: null },
      },
    ]);
    // The ranking still shows what SNV proposed until it proposes again.
    expect(expectData(await t.gql(RANKING, {}, coordinator)).ranking.entries).toHaveLength(3);
    const again = expectData(await t.gql(PROPOSE, { input: { year: YEAR, group: 'DISTRICT' } }, coordinator)).proposeRanking;
    expect(again.entries.map((e: { agency: { code: string } }) => e.agency.code)).toEqual(['TAMKY', 'HOIAN']);
  });

  it('publishes the proposal with the decision number and date, shown on the ranking', async () => {
    const published = expectData(await t.gql(PUBLISH, { input: { year: YEAR, group: 'DISTRICT', ...DECISION } }, leader)).publishRanking;
    expect(published).toMatchObject({ status: 'PUBLISHED', published: true, proposedAt: null, decisionNumber: '512/QĐ-UBND', decisionDate: '2027-04-01' });
    expect(published.entries.map((e: { rank: number; agency: { code: string } }) => [e.rank, e.agency.code])).toEqual([
      [1, 'TAMKY'],
      [2, 'HOIAN'],
    ]);
    const read = expectData(await t.gql(RANKING, {}, t.token(['ANALYST']))).ranking;
    expect(read).toEqual(published);
  });

  it('refuses to import a ranking of the year and group PAR Ledger published itself, naming year', async () => {
    const entries = [{ rank: 1, agencyCode: 'TAMKY', agencyName: 'UBND thành phố Tam Kỳ', totalPoints: 19, maxPoints: 20, indexPercent: 95 }];
    const input = { year: YEAR, group: 'DISTRICT', ...DECISION, source: 'Bảng xếp hạng bản giấy', entries };
    const refused = await t.gql('mutation($input: ImportPublishedRankingInput!) { importPublishedRanking(input: $input) { year } }', { input }, coordinator);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'year' });
    expect(expectData(await t.gql(RANKING, {}, coordinator)).ranking).toMatchObject({ imported: false, source: null, decisionNumber: '512/QĐ-UBND' });
  });
});
