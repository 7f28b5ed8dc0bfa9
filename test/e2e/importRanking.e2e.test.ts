import { expectData, startTestService, type TestService } from '../support/service';
import { AUDIT, REGISTER_AGENCY } from './operations';

const RANKING_FIELDS =
  'year group status published imported source jurisdiction decisionNumber decisionDate publishedAt publicationCount entries { rank agency { code name group } totalPoints maxPoints indexPercent band { label minIndexPercent } }';
const IMPORT = `mutation($input: ImportPublishedRankingInput!, $commandId: ID) { importPublishedRanking(input: $input, commandId: $commandId) { ${RANKING_FIELDS} } }`;
const RANKING = `query($year: Int!, $group: AgencyGroup!, $jurisdiction: ID) { ranking(year: $year, group: $group, jurisdiction: $jurisdiction) { ${RANKING_FIELDS} } }`;
const HISTORY = '{ rankingHistory(group: DEPARTMENT) { year imported jurisdiction } }';

const SOURCE = 'Quyết định số 1012/QĐ-UBND ngày 27/3/2020 của UBND tỉnh Quảng Nam, https://quangnam.gov.vn';
const ENTRIES = [
  { rank: 1, agencyCode: 'STP', agencyName: 'Sở Tư pháp', totalPoints: 86.4, maxPoints: 100, indexPercent: 86.4, band: 'Tốt' },
  { rank: 2, agencyCode: 'STTTT', agencyName: 'Sở Thông tin và Truyền thông', totalPoints: 81.25, maxPoints: 98.5, indexPercent: 82.49, band: 'Tốt' },
  { rank: 3, agencyCode: 'SKHDT', agencyName: 'Sở Kế hoạch và Đầu tư', totalPoints: 70, maxPoints: 100, indexPercent: 70, band: 'Khá' },
];
const input2019 = { year: 2019, group: 'DEPARTMENT', decisionNumber: '1012/QĐ-UBND', decisionDate: '2020-03-27', source: SOURCE, entries: ENTRIES };

/** A year run outside PAR Ledger, recorded as published, over HTTP: the mutation, the ranking query and the audit trail. */
describe('importing a published ranking over HTTP', () => {
  let t: TestService;
  let coordinator: string;

  beforeAll(async () => {
    t = await startTestService();
    coordinator = t.token(['COORDINATOR'], 'SNV', 'coordinator.snv');
    // STP is registered; STTTT and SKHDT (merged away in 2025) are not, and need not be.
    expectData(await t.gql(REGISTER_AGENCY, { input: { code: 'STP', name: 'Sở Tư pháp', group: 'DEPARTMENT' } }, coordinator));
    expectData(await t.gql(REGISTER_AGENCY, { input: { code: 'HOIAN', name: 'UBND thành phố Hội An', group: 'DISTRICT' } }, coordinator));
  });
  afterAll(async () => t?.stop());

  it('records the year as published and answers it, marked imported with its source', async () => {
    const answer = expectData(await t.gql(IMPORT, { input: input2019 }, coordinator)).importPublishedRanking;
    const expected = {
      year: 2019,
      group: 'DEPARTMENT',
      status: 'PUBLISHED',
      published: true,
      imported: true,
      source: SOURCE,
      jurisdiction: null,
      decisionNumber: '1012/QĐ-UBND',
      decisionDate: '2020-03-27',
      publishedAt: '2020-03-27T00:00:00.000Z',
      publicationCount: 1,
      entries: ENTRIES.map((e) => ({
        rank: e.rank,
        agency: { code: e.agencyCode, name: e.agencyName, group: 'DEPARTMENT' },
        totalPoints: e.totalPoints,
        maxPoints: e.maxPoints,
        indexPercent: e.indexPercent,
        band: { label: e.band, minIndexPercent: e.band === 'Tốt' ? 82.49 : 70 },
      })),
    };
    expect(answer).toEqual(expected);
    expect(expectData(await t.gql(RANKING, { year: 2019, group: 'DEPARTMENT' }, t.token(['ANALYST']))).ranking).toEqual(expected);
    expect(expectData(await t.gql(HISTORY, {}, t.token(['ANALYST']))).rankingHistory).toEqual([{ year: 2019, imported: true, jurisdiction: null }]);
  });

  it('shows the import in the audit trail: who, on its own stream, with the figures', async () => {
    const audit = expectData(await t.gql(AUDIT, { filter: { eventType: 'PublishedRankingImported' } }, t.token(['INSPECTOR']))).auditTrail;
    expect(audit.totalCount).toBe(1);
    const [{ node }] = audit.edges;
    expect(node).toMatchObject({
      type: 'PublishedRankingImported',
      stream: 'ranking-import-2019-DEPARTMENT',
      actor: { sub: 'coordinator.snv', roles: ['COORDINATOR'] },
    });
    expect(node.data).toMatchObject({ year: 2019, jurisdiction: null, source: SOURCE, decisionDate: '2020-03-27', entries: ENTRIES });
  });

  it('imports a year once: a second import is a CONFLICT naming year; the same commandId replays', async () => {
    const again = await t.gql(IMPORT, { input: { ...input2019, decisionNumber: '99/QĐ-UBND' } }, coordinator);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'year' });
    expect(again.errors?.[0].message).toContain('1012/QĐ-UBND');
    const input = { ...input2019, year: 2018 };
    const first = expectData(await t.gql(IMPORT, { input, commandId: 'import-2018' }, coordinator)).importPublishedRanking;
    expect(expectData(await t.gql(IMPORT, { input, commandId: 'import-2018' }, coordinator)).importPublishedRanking).toEqual(first);
  });

  it('keeps rankings of several jurisdictions apart; without one named, the choice is refused', async () => {
    for (const jurisdiction of ['QNA', 'DNG']) expectData(await t.gql(IMPORT, { input: { ...input2019, year: 2017, jurisdiction } }, coordinator));
    const dng = expectData(await t.gql(RANKING, { year: 2017, group: 'DEPARTMENT', jurisdiction: 'DNG' }, coordinator)).ranking;
    expect(dng).toMatchObject({ year: 2017, imported: true, jurisdiction: 'DNG' });
    const ambiguous = await t.gql(RANKING, { year: 2017, group: 'DEPARTMENT' }, coordinator);
    expect(ambiguous.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'jurisdiction' });
    expect(ambiguous.errors?.[0].message).toContain('DNG, QNA');
    expect(expectData(await t.gql(RANKING, { year: 2016, group: 'DEPARTMENT' }, coordinator)).ranking).toBeNull();
  });

  it('refuses wrong entries naming each, a registered unit of another group, and roles other than ADMIN and COORDINATOR', async () => {
    const wrong = [ENTRIES[0], { ...ENTRIES[1], indexPercent: 90 }, { ...ENTRIES[2], totalPoints: 120 }];
    const refused = await t.gql(IMPORT, { input: { ...input2019, year: 2015, entries: wrong } }, coordinator);
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'entries[1].indexPercent',
      problems: [
        { field: 'entries[1].indexPercent', reason: expect.any(String) },
        { field: 'entries[2].totalPoints', reason: expect.any(String) },
      ],
    });
    const otherGroup = [...ENTRIES, { rank: 4, agencyCode: 'HOIAN', agencyName: 'Hội An', totalPoints: 60, maxPoints: 100, indexPercent: 60, band: null }];
    const misgrouped = await t.gql(IMPORT, { input: { ...input2019, year: 2015, entries: otherGroup } }, coordinator);
    expect(misgrouped.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'entries[3].agencyCode' });
    const officer = await t.gql(IMPORT, { input: { ...input2019, year: 2015 } }, t.token(['AGENCY_OFFICER'], 'STP'));
    expect(officer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(expectData(await t.gql(RANKING, { year: 2015, group: 'DEPARTMENT' }, coordinator)).ranking).toBeNull();
  });
});
