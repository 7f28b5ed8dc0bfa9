import ExcelJS from 'exceljs';
import { expectData, startTestService, type TestService } from '../support/service';
import { AUDIT, OPEN_CYCLE, PUBLISH_FRAMEWORK } from './operations';
import { mutation } from './parYear/yearOperations';

const DAY = 24 * 3600 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/** A small department criteria set whose leaves the 2025 mergers touch: STTTT's (into SKHCN) and SKHDT's (into STC). */
const departmentSet = {
  code: 'TEST-SO-2024',
  title: 'Bộ chỉ số thử nghiệm — sở, ban, ngành',
  group: 'DEPARTMENT',
  sample: true,
  methodology: 'Thử nghiệm: ba tiêu chí, mỗi tiêu chí một cơ quan thẩm định',
  areas: [
    { code: '1', title: 'Công tác chỉ đạo, điều hành', criteria: [{ code: '1.1', title: 'Kế hoạch CCHC năm', maxPoints: 4, appraiserCode: 'SNV' }] },
    { code: '2', title: 'Hiện đại hóa hành chính', criteria: [{ code: '2.1', title: 'Ứng dụng CNTT', maxPoints: 3, appraiserCode: 'STTTT' }] },
    { code: '3', title: 'Tác động kinh tế – xã hội', criteria: [{ code: '3.1', title: 'Tác động của CCHC', maxPoints: 3, appraiserCode: 'SKHDT' }] },
  ],
};

const AGENCIES_ON = `query($d: Date, $g: AgencyGroup) { agencies(activeOn: $d, group: $g) { code name } }`;
const CYCLE = `query($y: Int!) { cycle(year: $y) { participants { code } endedDuringYear { agencyCode activeUntil reason excluded } } }`;
const TREND = `query($c: ID!) { agencyTrend(agencyCode: $c, followLineage: true) { frameworksDiffer points { year agencyCode agencyName relation indexPercent rank imported } } }`;
const CHANGES = `query { rankingChanges(group: DEPARTMENT, year: 2024, comparedToYear: 2019) {
  frameworksDiffer note moves { agencyCode rank previousRank rankChange matchedThrough } appeared { agencyCode } disappeared { agencyCode } } }`;

/**
 * Issue 9's scenario over HTTP: the seed with the 2025 reorganisation; a 2024 cycle appraised after the department
 * merger (SKHCN appraises what STTTT did, STC what SKHDT did); a 2025 cycle that enrols only the units active that
 * year; an imported 2019 ranking; then the analyst's trend and changes, every export, as-of and the audit trail.
 */
describe('agencies through time: a year appraised after the reorganisation, and history for analysts', () => {
  let t: TestService;
  let snv: string;
  let analyst: string;
  let base: string;
  const appraiser = (agency: string) => t.token(['APPRAISER'], agency, `appraiser.${agency.toLowerCase()}`);
  const officer = (agency: string) => t.token(['AGENCY_OFFICER'], agency, `officer.${agency.toLowerCase()}`);
  const send = async (name: string, input: object, token: string, selection = 'status') =>
    expectData(await t.gql(mutation(name, selection), { input }, token))[name];
  const get = (path: string, token = analyst) => fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const workbook = async (path: string) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    return book;
  };

  beforeAll(async () => {
    t = await startTestService({ PAR_SEED: 'true' });
    snv = t.token(['COORDINATOR'], 'SNV', 'chuyenvien.snv');
    analyst = t.token(['ANALYST'], null, 'nghiencuu');
    base = t.service.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => t?.stop());

  it('the seed holds 2018–2024 as it was and the 2025 changes with their legal basis', async () => {
    const in2024 = expectData(await t.gql(AGENCIES_ON, { d: '2024-12-31', g: 'DEPARTMENT' }, analyst)).agencies;
    expect(in2024.map((a: { code: string }) => a.code)).toEqual(expect.arrayContaining(['STTTT', 'SKHDT', 'SKHCN']));
    const in2025 = expectData(await t.gql(AGENCIES_ON, { d: '2025-03-01', g: 'DEPARTMENT' }, analyst)).agencies;
    expect(in2025.map((a: { code: string }) => a.code)).not.toContain('STTTT');
  });

  it('a 2024 cycle, appraised after the merger: SKHCN appraises what STTTT did, recorded with both agencies', async () => {
    expectData(await t.gql(PUBLISH_FRAMEWORK, { input: departmentSet }, snv));
    const opened = expectData(
      await t.gql(
        OPEN_CYCLE,
        {
          input: {
            year: 2024,
            frameworkCodes: [departmentSet.code],
            agencyCodes: ['SYT', 'SXD'],
            selfAssessmentDeadline: inDays(20),
            appraisalDeadline: inDays(60),
            bands: [{ label: 'Tốt', minIndexPercent: 80 }],
          },
        },
        snv,
      ),
    ).openAssessmentCycle;
    expect(opened.participants.map((p: { code: string }) => p.code).sort()).toEqual(['SXD', 'SYT']);

    const scores = [
      { criterionCode: '1.1', points: 4, evidence: ['KH số 1/KH-UBND'] },
      { criterionCode: '2.1', points: 3, evidence: ['BC số 2/BC'] },
      { criterionCode: '3.1', points: 3, evidence: ['BC số 3/BC'] },
    ];
    for (const agencyCode of ['SYT', 'SXD']) await send('submitSelfAssessment', { year: 2024, agencyCode, scores }, officer(agencyCode));

    const appraise = (agency: string, agencyCode: string, criterionCode: string, points: number) =>
      t.gql(
        mutation('appraiseCriterion', 'status'),
        { input: { year: 2024, agencyCode, criterionCode, round: 1, points, comment: 'đã kiểm tra' } },
        appraiser(agency),
      );
    // SKHCN sees what it owes for STTTT: the 2.1 leaves of both submissions.
    const duties = expectData(
      await t.gql(
        `{ responsibilities(agencyCode: "SKHCN", year: 2024) { cycles { year } carried { agency { code } cycles { pendingAppraisals { agencyCode criterionCode } } } } }`,
        {},
        appraiser('SKHCN'),
      ),
    ).responsibilities;
    expect(duties.carried).toEqual([
      {
        agency: { code: 'STTTT' },
        cycles: [
          {
            pendingAppraisals: expect.arrayContaining([
              { agencyCode: 'SYT', criterionCode: '2.1' },
              { agencyCode: 'SXD', criterionCode: '2.1' },
            ]),
          },
        ],
      },
    ]);
    // STTTT and SKHDT no longer exist: their successors act for them; they themselves are refused.
    const refused = await appraise('STTTT', 'SYT', '2.1', 3);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(refused.errors?.[0].message).toContain('STTTT was merged into another unit');
    for (const [agencyCode, points] of [
      ['SYT', 2.5],
      ['SXD', 2],
    ] as const) {
      expectData(await appraise('SNV', agencyCode, '1.1', 3.5));
      expectData(await appraise('SKHCN', agencyCode, '2.1', points));
      expectData(await appraise('STC', agencyCode, '3.1', 2));
      await send('finalizeAssessment', { year: 2024, agencyCode }, snv);
    }

    const { assessment } = expectData(
      await t.gql(
        `{ assessment(year: 2024, agencyCode: "SYT") { criteria { code appraisals { appraiserCode actingAgencyCode actingAgency { name } } } } }`,
        {},
        snv,
      ),
    );
    const leaf = (code: string) => assessment.criteria.find((c: { code: string }) => c.code === code).appraisals[0];
    expect(leaf('2.1')).toEqual({ appraiserCode: 'STTTT', actingAgencyCode: 'SKHCN', actingAgency: { name: 'Sở Khoa học và Công nghệ' } });
    expect(leaf('3.1')).toMatchObject({ appraiserCode: 'SKHDT', actingAgencyCode: 'STC' });
    expect(leaf('1.1')).toMatchObject({ appraiserCode: 'SNV', actingAgencyCode: 'SNV' });

    await send('proposeRanking', { year: 2024, group: 'DEPARTMENT' }, snv, 'status');
    await send(
      'publishRanking',
      { year: 2024, group: 'DEPARTMENT', decisionNumber: '45/QĐ-UBND', decisionDate: '2025-02-20' },
      t.token(['PROVINCIAL_LEADER'], null, 'lanhdao'),
      'status',
    );
  });

  it('a 2025 cycle enrols only the units active in 2025 and offers those that ended during it for exclusion', async () => {
    // A unit that ended before the year is refused, naming it.
    const refused = await t.gql(
      OPEN_CYCLE,
      {
        input: {
          year: 2025,
          frameworkCodes: ['QN-SAMPLE-HUYEN'],
          agencyCodes: ['TAMKY', 'NONGSON'],
          selfAssessmentDeadline: inDays(20),
          appraisalDeadline: inDays(60),
        },
      },
      snv,
    );
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'agencyCodes[1]' } });

    const input = { year: 2025, frameworkCodes: [departmentSet.code, 'QN-SAMPLE-HUYEN'], selfAssessmentDeadline: inDays(20), appraisalDeadline: inDays(60) };
    const participants = expectData(await t.gql(OPEN_CYCLE, { input }, snv)).openAssessmentCycle.participants.map((p: { code: string }) => p.code);
    expect(participants).not.toContain('NONGSON');
    expect(participants).toEqual(expect.arrayContaining(['STTTT', 'SKHCN', 'SNNMT', 'SDTTG', 'QUESON']));
    // 17 districts and 20 department-group units of January, the 2 formed in March: 39.
    expect(participants).toHaveLength(39);

    const { cycle } = expectData(await t.gql(CYCLE, { y: 2025 }, snv));
    const ended = new Map(cycle.endedDuringYear.map((e: { agencyCode: string }) => [e.agencyCode, e]));
    expect(ended.size).toBe(8 + 17);
    expect(ended.get('STTTT')).toEqual({
      agencyCode: 'STTTT',
      activeUntil: '2025-02-28',
      reason: 'Hợp nhất vào Sở Khoa học và Công nghệ từ 01/03/2025 (01/NQ-HĐND ngày 01/02/2025)',
      excluded: false,
    });
    expect(ended.get('TAMKY')).toMatchObject({ activeUntil: '2025-06-30', reason: expect.stringMatching(/^Giải thể từ 01\/07\/2025 \(72\/2025\/QH15/) });

    // The coordinator takes the offer for STTTT and keeps the others.
    const offer = ended.get('STTTT') as { reason: string };
    await send('excludeFromRanking', { year: 2025, agencyCode: 'STTTT', reason: offer.reason }, snv, 'year');
    const after = expectData(await t.gql(CYCLE, { y: 2025 }, snv)).cycle.endedDuringYear;
    expect(after.filter((e: { excluded: boolean }) => e.excluded).map((e: { agencyCode: string }) => e.agencyCode)).toEqual(['STTTT']);
  });

  it('an imported 2019 ranking reads with the units and names of 2019, marked imported with its source', async () => {
    const entry = (rank: number, agencyCode: string, agencyName: string, totalPoints: number) => ({
      agencyCode,
      agencyName,
      totalPoints,
      maxPoints: 100,
      indexPercent: totalPoints,
      rank,
    });
    const input = {
      year: 2019,
      group: 'DEPARTMENT',
      decisionNumber: '1040/QĐ-UBND',
      decisionDate: '2020-04-06',
      source: 'Quyết định 1040/QĐ-UBND, bản công bố trên quangnam.gov.vn',
      entries: [
        entry(1, 'SXD', 'Sở Xây dựng', 88.5),
        entry(2, 'STTTT', 'Sở Thông tin và Truyền thông', 86.25),
        entry(3, 'SYT', 'Sở Y tế', 80),
        entry(4, 'SKHCN', 'Sở Khoa học và Công nghệ', 78.1),
      ],
    };
    const imported = await send('importPublishedRanking', input, snv, 'imported source status entries { rank agency { code name } }');
    expect(imported).toMatchObject({ imported: true, source: input.source, status: 'PUBLISHED' });
    expect(imported.entries[1]).toEqual({ rank: 2, agency: { code: 'STTTT', name: 'Sở Thông tin và Truyền thông' } });
  });

  it('agencyTrend follows SKHCN back to STTTT, labelled; rankingChanges matches 2024 with 2019', async () => {
    const trend = expectData(await t.gql(TREND, { c: 'SKHCN' }, analyst)).agencyTrend;
    expect(trend.points).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          year: 2019,
          agencyCode: 'STTTT',
          agencyName: 'Sở Thông tin và Truyền thông',
          relation: 'PREDECESSOR',
          rank: 2,
          imported: true,
        }),
        expect.objectContaining({ year: 2019, agencyCode: 'SKHCN', relation: 'SELF', rank: 4 }),
      ]),
    );
    const changes = expectData(await t.gql(CHANGES, {}, analyst)).rankingChanges;
    expect(changes.moves).toEqual([
      expect.objectContaining({ agencyCode: 'SYT', rank: 1, previousRank: 3, rankChange: 2, matchedThrough: [] }),
      expect.objectContaining({ agencyCode: 'SXD', rank: 2, previousRank: 1, rankChange: -1 }),
    ]);
    expect(changes.disappeared.map((d: { agencyCode: string }) => d.agencyCode).sort()).toEqual(['SKHCN', 'STTTT']);
    expect(changes.frameworksDiffer).toBe(true);
  });

  it('every export opens with the same library and holds the numbers', async () => {
    const ranking = await workbook('/exports/ranking.xlsx?year=2024&group=DEPARTMENT');
    const sheet = ranking.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['Hạng', 'Tên đơn vị', 'Chỉ số (%)']));
    const names = sheet.getColumn(header.indexOf('Tên đơn vị') + 1).values.slice(2);
    expect(names).toEqual(['Sở Y tế', 'Sở Xây dựng']);
    expect(ranking.getWorksheet('Nguồn')).toBeDefined();

    const csv = await get('/exports/ranking.csv?year=2019&group=DEPARTMENT');
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain('Sở Thông tin và Truyền thông');
    expect(text).toContain('86.25');

    const assessment = await workbook('/exports/assessment.xlsx?year=2024&agencyCode=SYT');
    const rows = assessment.worksheets[0]
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string') as string[];
    expect(rows).toEqual(expect.arrayContaining(['Ứng dụng CNTT']));

    const trend = await workbook('/exports/trend.xlsx?agencyCode=SKHCN');
    const values = trend.worksheets[0].getSheetValues().flat();
    expect(values).toEqual(expect.arrayContaining([2019, 'STTTT', 'Sở Thông tin và Truyền thông']));
  });

  it('as-of: the register as it stood before the merger; the audit trail shows every reorganisation with its actor', async () => {
    const trail = expectData(await t.gql(AUDIT, { first: 200, filter: { streamId: 'lineage' } }, analyst)).auditTrail;
    const types = trail.edges.map((e: { node: { type: string } }) => e.node.type);
    expect(types).toEqual(expect.arrayContaining(['JurisdictionRegistered', 'AgenciesMerged', 'JurisdictionsMerged', 'AgencyDissolved']));
    const merger = trail.edges.find(
      (e: { node: { type: string; data: { sourceCodes?: string[] } } }) => e.node.type === 'AgenciesMerged' && e.node.data.sourceCodes?.includes('STTTT'),
    ).node;
    const AS_OF = `query($p: Int!) { agency(code: "STTTT", asOf: { position: $p }) { activeUntil successors { agencyCode } } }`;
    expect(expectData(await t.gql(AS_OF, { p: merger.position - 1 }, analyst)).agency).toEqual({ activeUntil: null, successors: [] });
    expect(expectData(await t.gql(AS_OF, { p: merger.position }, analyst)).agency).toEqual({
      activeUntil: '2025-02-28',
      successors: [{ agencyCode: 'SKHCN' }],
    });
  });
});
