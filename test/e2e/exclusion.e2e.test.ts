import { expectData, startTestService, type TestService } from '../support/service';
import { appraiseAndFinalise, openDistrictCycle } from './districtCycle';
import { DECISION, PUBLISH_RANKING, SUBMIT } from './operations';

const YEAR = 2025;

const RANKING_FIELDS = 'year group published entries { rank agency { code name } totalPoints indexPercent } notRanked { agency { code name group } reason }';
const EXCLUDE = `mutation($input: ExcludeFromRankingInput!, $commandId: ID) {
  excludeFromRanking(input: $input, commandId: $commandId) { ${RANKING_FIELDS} }
}`;
const RANKING = `{ ranking(year: ${YEAR}, group: DISTRICT) { ${RANKING_FIELDS} } }`;

const MERGED = 'Nhập vào huyện Quế Sơn từ ngày 01/01/2025 theo Nghị quyết số 1241/NQ-UBTVQH15';

/** An agency left out of its group's ranking (a unit dissolved or merged during the year), over HTTP. */
describe('excludeFromRanking over HTTP', () => {
  let t: TestService;
  let coordinator: string;

  // Points per self-assessed leaf (1.1 of 4, 1.2.1 of 2.5, 1.2.2 of 1.5, 2.1 of 2) and the survey leaf 3.1 of 10.
  const results: Record<string, { self: Record<string, number>; survey: number }> = {
    TAMKY: { self: { '1.1': 4, '1.2.1': 2.5, '1.2.2': 1.5, '2.1': 2 }, survey: 9 }, // 19 of 20: 95 %
    HOIAN: { self: { '1.1': 3, '1.2.1': 2, '1.2.2': 1, '2.1': 1.5 }, survey: 8 }, // 15.5 of 20: 77.5 %
    NONGSON: { self: { '1.1': 4, '1.2.1': 2.5, '1.2.2': 1.5, '2.1': 2 }, survey: 10 }, // 20 of 20: would be first
  };

  beforeAll(async () => {
    t = await startTestService();
    coordinator = t.token(['COORDINATOR'], 'SNV', 'coordinator.snv');
    await openDistrictCycle(t, coordinator, { agencies: ['SNV', 'STP', 'TAMKY', 'HOIAN', 'NONGSON'], year: YEAR });

    for (const [agencyCode, { self, survey }] of Object.entries(results)) {
      const scores = Object.entries(self).map(([criterionCode, points]) => ({ criterionCode, points, evidence: [`KH số 1/KH-UBND ${criterionCode}`] }));
      expectData(await t.gql(SUBMIT, { input: { year: YEAR, agencyCode, scores } }, t.token(['AGENCY_OFFICER'], agencyCode)));
      await appraiseAndFinalise(t, coordinator, { year: YEAR, agencyCode, self, survey });
    }
  });
  afterAll(async () => t?.stop());

  it('leaves the agency out of the provisional and the published ranking and lists it under notRanked with the reason', async () => {
    const before = expectData(await t.gql(RANKING, {}, coordinator)).ranking;
    expect(before.entries.map((e: { rank: number; agency: { code: string } }) => [e.rank, e.agency.code])).toEqual([
      [1, 'NONGSON'],
      [2, 'TAMKY'],
      [3, 'HOIAN'],
    ]);
    expect(before.notRanked).toEqual([]);

    // Only a coordinator (or an administrator) leaves an agency out.
    const officer = t.token(['AGENCY_OFFICER'], 'NONGSON');
    expect((await t.gql(EXCLUDE, { input: { year: YEAR, agencyCode: 'NONGSON', reason: MERGED } }, officer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const excluded = expectData(
      await t.gql(EXCLUDE, { input: { year: YEAR, agencyCode: 'NONGSON', reason: MERGED }, commandId: 'exclude-nongson' }, coordinator),
    ).excludeFromRanking;
    const expectedNotRanked = [{ agency: { code: 'NONGSON', name: 'UBND huyện Nông Sơn', group: 'DISTRICT' }, reason: MERGED }];
    expect(excluded).toMatchObject({ year: YEAR, group: 'DISTRICT', published: false, notRanked: expectedNotRanked });
    expect(excluded.entries).toEqual([
      { rank: 1, agency: { code: 'TAMKY', name: 'UBND Thành phố Tam Kỳ' }, totalPoints: 19, indexPercent: 95 },
      { rank: 2, agency: { code: 'HOIAN', name: 'UBND Thành phố Hội An' }, totalPoints: 15.5, indexPercent: 77.5 },
    ]);
    // The same commandId again replays: nothing appended, the same answer.
    const replay = await t.gql(EXCLUDE, { input: { year: YEAR, agencyCode: 'NONGSON', reason: MERGED }, commandId: 'exclude-nongson' }, coordinator);
    expect(expectData(replay).excludeFromRanking).toEqual(excluded);

    const refusals: [object, string, string | undefined][] = [
      [{ year: YEAR, agencyCode: 'NONGSON', reason: 'lần nữa' }, 'INVALID_STATE', undefined],
      [{ year: YEAR, agencyCode: 'SNV', reason: MERGED }, 'NOT_FOUND', 'agencyCode'],
      [{ year: YEAR, agencyCode: 'HOIAN', reason: '   ' }, 'BAD_USER_INPUT', 'reason'],
      [{ year: YEAR, agencyCode: 'HOIAN', reason: 'ạ'.repeat(2001) }, 'BAD_USER_INPUT', 'reason'],
      [{ year: 2030, agencyCode: 'HOIAN', reason: MERGED }, 'NOT_FOUND', 'year'],
    ];
    for (const [input, code, field] of refusals) {
      const response = await t.gql(EXCLUDE, { input }, coordinator);
      expect(response.errors?.[0].extensions).toMatchObject(field ? { code, field } : { code });
    }

    const leader = t.token(['PROVINCIAL_LEADER'], null, 'leader.ubnd');
    const published = expectData(await t.gql(PUBLISH_RANKING, { input: { year: YEAR, group: 'DISTRICT', ...DECISION } }, leader)).publishRanking;
    expect(published.entries.map((e: { rank: number; agency: { code: string } }) => [e.rank, e.agency.code])).toEqual([
      [1, 'TAMKY'],
      [2, 'HOIAN'],
    ]);
    const read = expectData(await t.gql(RANKING, {}, t.token(['ANALYST']))).ranking;
    expect(read).toMatchObject({ published: true, notRanked: expectedNotRanked });
    expect(read.entries.map((e: { agency: { code: string } }) => e.agency.code)).toEqual(['TAMKY', 'HOIAN']);

    // After publication the ranking changes only through a correction (complaint, reopening, republication).
    const late = await t.gql(EXCLUDE, { input: { year: YEAR, agencyCode: 'HOIAN', reason: MERGED } }, coordinator);
    expect(late.errors?.[0].extensions?.code).toBe('INVALID_STATE');

    // The audit trail shows who left it out, and why.
    const trail = expectData(
      await t.gql('{ auditTrail(filter: { eventType: "AgencyExcludedFromRanking" }) { edges { node { data actor { sub } } } } }', {}, coordinator),
    );
    expect(trail.auditTrail.edges.map((e: { node: { data: unknown; actor: { sub: string } } }) => [e.node.data, e.node.actor.sub])).toEqual([
      [{ year: YEAR, agencyCode: 'NONGSON', group: 'DISTRICT', reason: MERGED }, 'coordinator.snv'],
    ]);
  });
});
