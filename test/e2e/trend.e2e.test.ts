import ExcelJS from 'exceljs';
import { expectData, startTestService, type TestService } from '../support/service';
import { openDistrictCycle } from './districtCycle';
import { APPRAISE, FINALIZE, SUBMIT, SURVEY, districtFramework } from './operations';

const IMPORT = 'mutation($input: ImportPublishedRankingInput!) { importPublishedRanking(input: $input) { year } }';
const TREND = `query($code: ID!, $from: Int, $to: Int, $follow: Boolean) {
  agencyTrend(agencyCode: $code, fromYear: $from, toYear: $to, followLineage: $follow) {
    agency { code name }
    points { year agencyCode agencyName relation lineagePath lineageKind indexPercent rank groupSize band { label } status imported source frameworkCode framework { code } }
    frameworksDiffer note
  }
}`;
const CHANGES = `query($year: Int!, $compared: Int!) {
  rankingChanges(group: DEPARTMENT, year: $year, comparedToYear: $compared) {
    ranking { year status imported source groupSize frameworkCode }
    comparedRanking { year status imported groupSize }
    moves { agencyCode agencyName rank previousRank rankChange indexPercent previousIndexPercent indexChange matchedThrough previousAgencyCode previousAgencyName }
    appeared { agencyCode rank }
    disappeared { agencyCode rank continuedBy }
    frameworksDiffer note
  }
}`;

const source = (year: number) => `Quyết định công bố Chỉ số CCHC năm ${year} của UBND tỉnh Quảng Nam`;
type Row = [code: string, name: string, index: number];
/** A year's entries as printed, ranked in the order given. */
const entries = (rows: Row[]) =>
  rows.map(([agencyCode, agencyName, indexPercent], i) => ({
    rank: i + 1,
    agencyCode,
    agencyName,
    totalPoints: indexPercent,
    maxPoints: 100,
    indexPercent,
    band: 'Tốt',
  }));

const Y2019: Row[] = [
  ['STP', 'Sở Tư pháp', 90],
  ['STTTT', 'Sở Thông tin và Truyền thông', 88.5],
  ['SKHCN', 'Sở Khoa học và Công nghệ', 85],
  ['STNMT', 'Sở Tài nguyên và Môi trường', 80],
  ['SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn', 75.25],
];
const Y2020: Row[] = [
  ['STTTT', 'Sở Thông tin và Truyền thông', 91],
  ['SKHCN', 'Sở Khoa học và Công nghệ', 89.75],
  ['STNMT', 'Sở Tài nguyên và Môi trường', 86],
  ['STP', 'Sở Tư pháp', 84],
  ['SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn', 70],
];
const Y2025: Row[] = [
  ['SNNMT', 'Sở Nông nghiệp và Môi trường', 92],
  ['SKHCN', 'Sở Khoa học và Công nghệ', 90],
];

/** The seed's 2025 reorganisation, imported years run before PAR Ledger, then the analysts' questions across them. */
describe('history for analysts over HTTP: agencyTrend, rankingChanges and trend.xlsx', () => {
  let t: TestService;
  let analyst: string;
  let base: string;

  beforeAll(async () => {
    t = await startTestService({ PAR_SEED: 'true' });
    analyst = t.token(['ANALYST']);
    base = t.service.url.replace(/\/graphql$/, '');
    const coordinator = t.token(['COORDINATOR'], 'SNV', 'coordinator.snv');
    for (const [year, rows] of [
      [2019, Y2019],
      [2020, Y2020],
      [2025, Y2025],
    ] as const) {
      const input = {
        year,
        group: 'DEPARTMENT',
        decisionNumber: `${year}/QĐ-UBND`,
        decisionDate: `${year + 1}-03-01`,
        source: source(year),
        entries: entries([...rows]),
      };
      expectData(await t.gql(IMPORT, { input }, coordinator));
    }
  });
  afterAll(async () => t?.stop());

  it('shows SKHCN’s years and, labelled, those of STTTT merged into it, with the years’ figures', async () => {
    const trend = expectData(await t.gql(TREND, { code: 'SKHCN' }, analyst)).agencyTrend;
    expect(trend.agency).toEqual({ code: 'SKHCN', name: 'Sở Khoa học và Công nghệ' });
    expect(trend.points.map((p: { year: number; agencyCode: string; relation: string; rank: number }) => [p.year, p.agencyCode, p.relation, p.rank])).toEqual([
      [2019, 'SKHCN', 'SELF', 3],
      [2019, 'STTTT', 'PREDECESSOR', 2],
      [2020, 'SKHCN', 'SELF', 2],
      [2020, 'STTTT', 'PREDECESSOR', 1],
      [2025, 'SKHCN', 'SELF', 2],
    ]);
    expect(trend.points[1]).toEqual({
      year: 2019,
      agencyCode: 'STTTT',
      agencyName: 'Sở Thông tin và Truyền thông',
      relation: 'PREDECESSOR',
      lineagePath: ['STTTT', 'SKHCN'],
      lineageKind: 'MERGER',
      indexPercent: 88.5,
      rank: 2,
      groupSize: 5,
      band: { label: 'Tốt' },
      status: 'PUBLISHED',
      imported: true,
      source: source(2019),
      frameworkCode: null,
      framework: null,
    });
    // Imported years: their criteria sets are not known, so the trend says to compare indices.
    expect(trend.frameworksDiffer).toBe(true);
    expect(trend.note).toContain('so sánh theo chỉ số %, không so sánh điểm');
    expect(trend.note).toContain('2019, 2020, 2025: không rõ');
  });

  it('follows a merger into a new unit, keeps to the years asked, and leaves predecessors out on request', async () => {
    const merged = expectData(await t.gql(TREND, { code: 'SNNMT', to: 2020 }, analyst)).agencyTrend.points;
    expect(merged.map((p: { year: number; agencyCode: string }) => `${p.year} ${p.agencyCode}`)).toEqual([
      '2019 SNNPTNT',
      '2019 STNMT',
      '2020 SNNPTNT',
      '2020 STNMT',
    ]);
    const own = expectData(await t.gql(TREND, { code: 'SKHCN', from: 2020, follow: false }, analyst)).agencyTrend;
    expect(own.points.map((p: { year: number; agencyCode: string }) => `${p.year} ${p.agencyCode}`)).toEqual(['2020 SKHCN', '2025 SKHCN']);
  });

  it('refuses an unknown agency (NOT_FOUND on agencyCode) and fromYear after toYear (BAD_USER_INPUT), and a reader without a token', async () => {
    expect((await t.gql(TREND, { code: 'KHONGCO' }, analyst)).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'agencyCode' });
    expect((await t.gql(TREND, { code: 'SKHCN', from: 2021, to: 2020 }, analyst)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'fromYear',
    });
    expect((await t.gql(TREND, { code: 'SKHCN' })).errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('compares 2020 with 2019 agency by agency: positive moves up, index changes, same codes matched directly', async () => {
    const changes = expectData(await t.gql(CHANGES, { year: 2020, compared: 2019 }, analyst)).rankingChanges;
    expect(changes.ranking).toEqual({ year: 2020, status: 'PUBLISHED', imported: true, source: source(2020), groupSize: 5, frameworkCode: null });
    expect(changes.comparedRanking).toEqual({ year: 2019, status: 'PUBLISHED', imported: true, groupSize: 5 });
    expect(changes.moves[0]).toEqual({
      agencyCode: 'STTTT',
      agencyName: 'Sở Thông tin và Truyền thông',
      rank: 1,
      previousRank: 2,
      rankChange: 1,
      indexPercent: 91,
      previousIndexPercent: 88.5,
      indexChange: 2.5,
      matchedThrough: [],
      previousAgencyCode: 'STTTT',
      previousAgencyName: 'Sở Thông tin và Truyền thông',
    });
    expect(changes.moves.map((m: { agencyCode: string; rankChange: number }) => [m.agencyCode, m.rankChange])).toEqual([
      ['STTTT', 1],
      ['SKHCN', 1],
      ['STNMT', 1],
      ['STP', -3],
      ['SNNPTNT', 0],
    ]);
    expect(changes.appeared).toEqual([]);
    expect(changes.disappeared).toEqual([]);
    expect(changes.frameworksDiffer).toBe(true);
  });

  it('matches 2025’s merged units through lineage: a new unit to its predecessors, a merged-away unit as disappeared', async () => {
    const changes = expectData(await t.gql(CHANGES, { year: 2025, compared: 2020 }, analyst)).rankingChanges;
    expect(changes.moves).toEqual([
      expect.objectContaining({
        agencyCode: 'SNNMT',
        previousAgencyCode: 'STNMT',
        previousRank: 3,
        rankChange: 2,
        indexChange: 6,
        matchedThrough: ['STNMT', 'SNNPTNT'],
      }),
      expect.objectContaining({ agencyCode: 'SKHCN', previousRank: 2, rankChange: 0, matchedThrough: [] }),
    ]);
    expect(changes.disappeared).toEqual([
      { agencyCode: 'STTTT', rank: 1, continuedBy: ['SKHCN'] },
      { agencyCode: 'STP', rank: 4, continuedBy: [] },
    ]);
    const missing = await t.gql(CHANGES, { year: 2020, compared: 2018 }, analyst);
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'comparedToYear' });
  });

  it('exports the trend as a workbook: Vietnamese headers, numbers as numbers, frozen header, the note and the source sheet', async () => {
    const res = await fetch(`${base}/exports/trend.xlsx?agencyCode=SKHCN&toYear=2020`, { headers: { authorization: `Bearer ${analyst}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('xu-huong-SKHCN.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('Xu hướng')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(1)).toEqual(['Năm', 'Mã đơn vị', 'Tên đơn vị', 'Quan hệ', 'Chỉ số (%)', 'Hạng', 'Số đơn vị xếp hạng', 'Xếp loại', 'Bộ tiêu chí', 'Nguồn']);
    expect(row(3)).toEqual([
      2019,
      'STTTT',
      'Sở Thông tin và Truyền thông',
      'Đơn vị tiền thân (STTTT → SKHCN)',
      88.5,
      2,
      5,
      'Tốt',
      undefined,
      `Nhập từ: ${source(2019)}`,
    ]);
    expect(sheet.getCell('E3').numFmt).toBe('0.00');
    expect(row(2).slice(0, 4)).toEqual([2019, 'SKHCN', 'Sở Khoa học và Công nghệ', 'Chính đơn vị']);
    expect(sheet.rowCount).toBe(7);
    expect(String(sheet.getCell('A7').value)).toContain('so sánh theo chỉ số %, không so sánh điểm');
    const sourceSheet = book.getWorksheet('Nguồn')!;
    const items = new Map<unknown, unknown>();
    sourceSheet.eachRow((r) => items.set(r.getCell(1).value, r.getCell(2).value));
    expect(items.get('Truy vấn')).toBe('GET /exports/trend.xlsx?agencyCode=SKHCN&toYear=2020');
    expect(items.get('Mã đơn vị')).toBe('SKHCN');
    expect(items.get('Đến năm')).toBe(2020);
  });

  it('answers trend.xlsx errors like the query: 401 without a token, 404 for an unknown agency, 400 for a bad year', async () => {
    expect((await fetch(`${base}/exports/trend.xlsx?agencyCode=SKHCN`)).status).toBe(401);
    const get = (query: string) => fetch(`${base}/exports/trend.xlsx?${query}`, { headers: { authorization: `Bearer ${analyst}` } });
    const unknown = await get('agencyCode=KHONGCO');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND', field: 'agencyCode' } }] });
    const bad = await get('agencyCode=SKHCN&fromYear=20x');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'fromYear' } }] });
  });
});

/** A year run in PAR Ledger beside one imported: the run year names its criteria set, the imported one cannot. */
describe('history across PAR Ledger’s own year and an imported one', () => {
  let t: TestService;
  let analyst: string;
  const YEAR = 2026;
  // 4 + 2 + 1 + 2 appraised and 8 of 10 by survey: 17 of 20, 85 %.
  const SELF: Record<string, number> = { '1.1': 4, '1.2.1': 2, '1.2.2': 1, '2.1': 2 };

  beforeAll(async () => {
    t = await startTestService();
    analyst = t.token(['ANALYST']);
    const coordinator = t.token(['COORDINATOR'], 'SNV', 'coordinator.snv');
    await openDistrictCycle(t, coordinator, { agencies: ['SNV', 'STP', 'TAMKY', 'HOIAN'], year: YEAR });
    const scores = Object.entries(SELF).map(([criterionCode, points]) => ({ criterionCode, points, evidence: [`KH số 1/KH-UBND ${criterionCode}`] }));
    expectData(await t.gql(SUBMIT, { input: { year: YEAR, agencyCode: 'TAMKY', scores } }, t.token(['AGENCY_OFFICER'], 'TAMKY')));
    for (const [criterionCode, points] of Object.entries(SELF)) {
      const input = { year: YEAR, agencyCode: 'TAMKY', criterionCode, round: 1, points, comment: 'Đã kiểm tra hồ sơ' };
      expectData(await t.gql(APPRAISE, { input }, t.token(['APPRAISER'], criterionCode.startsWith('2') ? 'STP' : 'SNV')));
    }
    expectData(await t.gql(SURVEY, { input: { year: YEAR, agencyCode: 'TAMKY', scores: [{ criterionCode: '3.1', points: 8 }] } }, coordinator));
    expectData(await t.gql(FINALIZE, { input: { year: YEAR, agencyCode: 'TAMKY' } }, coordinator));
    const rows: Row[] = [
      ['HOIAN', 'UBND thị xã Hội An', 80],
      ['TAMKY', 'UBND thị xã Tam Kỳ', 75],
    ];
    const input = { year: 2019, group: 'DISTRICT', decisionNumber: '2019/QĐ-UBND', decisionDate: '2020-03-01', source: source(2019), entries: entries(rows) };
    expectData(await t.gql(IMPORT, { input }, coordinator));
  });
  afterAll(async () => t?.stop());

  it('gives the run year its criteria set and status, the imported year none, and says the sets differ', async () => {
    const trend = expectData(await t.gql(TREND, { code: 'TAMKY' }, analyst)).agencyTrend;
    expect(trend.points.map((p: Record<string, unknown>) => [p.year, p.agencyName, p.rank, p.indexPercent, p.status, p.imported, p.frameworkCode])).toEqual([
      [2019, 'UBND thị xã Tam Kỳ', 2, 75, 'PUBLISHED', true, null],
      [YEAR, 'UBND Thành phố Tam Kỳ', 1, 85, 'PROVISIONAL', false, districtFramework.code],
    ]);
    expect(trend.points[1].framework).toEqual({ code: districtFramework.code });
    expect(trend.frameworksDiffer).toBe(true);
    expect(trend.note).toContain(`${YEAR}: ${districtFramework.code}`);
  });

  it('compares the run year with the imported one: the unit not finalised yet is gone from the provisional ranking', async () => {
    const changes = expectData(await t.gql(CHANGES.replace('group: DEPARTMENT', 'group: DISTRICT'), { year: YEAR, compared: 2019 }, analyst)).rankingChanges;
    expect(changes.ranking).toEqual({ year: YEAR, status: 'PROVISIONAL', imported: false, source: null, groupSize: 1, frameworkCode: districtFramework.code });
    expect(changes.moves).toEqual([
      expect.objectContaining({
        agencyCode: 'TAMKY',
        agencyName: 'UBND Thành phố Tam Kỳ',
        previousAgencyName: 'UBND thị xã Tam Kỳ',
        rankChange: 1,
        indexChange: 10,
      }),
    ]);
    expect(changes.disappeared).toEqual([{ agencyCode: 'HOIAN', rank: 1, continuedBy: [] }]);
    expect(changes.note).toContain('không rõ');
  });
});
