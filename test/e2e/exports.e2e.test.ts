import ExcelJS from 'exceljs';
import { expectData, startTestService, tamperSignature, type TestService } from '../support/service';
import { appraiseAndFinalise, openDistrictCycle } from './districtCycle';
import { ASSESSMENT, DECISION, PUBLISH_RANKING, RANKING, SUBMIT } from './operations';

const YEAR = 2026;
const EXCLUDE = 'mutation($input: ExcludeFromRankingInput!) { excludeFromRanking(input: $input) { year } }';
const MERGED = 'Nhập vào UBND huyện Quế Sơn từ ngày 01/01/2025 (Nghị quyết số 1286/NQ-UBTVQH15)';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Self points per leaf (appraised the same) and the survey leaf 3.1: TAMKY has a 4-decimal score, so its figures are not round. */
const RESULTS: Record<string, { self: Record<string, number>; survey: number }> = {
  TAMKY: { self: { '1.1': 4, '1.2.1': 2.3456, '1.2.2': 1.5, '2.1': 2 }, survey: 9 }, // 18.8456 of 20: 94.228 %
  HOIAN: { self: { '1.1': 3, '1.2.1': 2, '1.2.2': 1, '2.1': 1.5 }, survey: 8 }, // 15.5 of 20: 77.5 %
};

/** The cells of a sheet's rows as plain values, row 1 (the header) first. */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** The value of the item sheet's row labelled `label` (sheets "Nguồn", "Tổng hợp"). */
function itemValue(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === label) found = row.getCell(2);
  });
  if (!found) throw new Error(`sheet ${sheet.name} has no row "${label}"`);
  return found;
}

/** A minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF), enough to read back what the export wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let fieldText = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') fieldText += text[++i];
      else if (c === '"') quoted = false;
      else fieldText += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(fieldText);
      fieldText = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(fieldText);
      rows.push(row);
      row = [];
      fieldText = '';
      i++;
    } else fieldText += c;
  }
  return rows;
}

describe('exports over HTTP', () => {
  let t: TestService;
  let coordinator: string;
  let leader: string;
  let base: string;

  const get = (path: string, token?: string | null) => fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  async function workbook(res: Response): Promise<ExcelJS.Workbook> {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    return book;
  }

  async function submit(agencyCode: string) {
    const scores = Object.entries(RESULTS[agencyCode].self).map(([criterionCode, points]) => ({
      criterionCode,
      points,
      evidence: [`KH số 1/KH-UBND ${criterionCode}`],
      explanation: `Đã thực hiện đầy đủ tiêu chí ${criterionCode}`,
    }));
    expectData(await t.gql(SUBMIT, { input: { year: YEAR, agencyCode, scores } }, t.token(['AGENCY_OFFICER'], agencyCode)));
  }

  async function finalise(agencyCode: string) {
    const { self, survey } = RESULTS[agencyCode];
    await appraiseAndFinalise(t, coordinator, { year: YEAR, agencyCode, self, survey });
  }

  beforeAll(async () => {
    t = await startTestService();
    base = t.service.url.replace(/\/graphql$/, '');
    coordinator = t.token(['COORDINATOR'], 'SNV', 'coordinator.snv');
    leader = t.token(['PROVINCIAL_LEADER'], null, 'leader.ubnd');
    await openDistrictCycle(t, coordinator, { agencies: ['SNV', 'STP', 'TAMKY', 'HOIAN', 'NONGSON'], year: YEAR });
    await submit('TAMKY');
    await submit('HOIAN');
  });
  afterAll(async () => t?.stop());

  it('asks for a token (401, WWW-Authenticate) and refuses a tampered one', async () => {
    for (const token of [null, tamperSignature(coordinator)]) {
      const res = await get(`/exports/ranking.xlsx?year=${YEAR}&group=DISTRICT`, token);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expect((await get(`/exports/assessment.xlsx?year=${YEAR}&agencyCode=TAMKY`)).status).toBe(401);
  });

  it('lets an agency officer export only what it may query: its own draft, not another agency’s (403, as GraphQL says)', async () => {
    const hoian = t.token(['AGENCY_OFFICER'], 'HOIAN');
    const own = await workbook(await get(`/exports/assessment.xlsx?year=${YEAR}&agencyCode=HOIAN`, hoian));
    expect(itemValue(own.getWorksheet('Tổng hợp')!, 'Mã đơn vị').value).toBe('HOIAN');

    const other = await get(`/exports/assessment.xlsx?year=${YEAR}&agencyCode=TAMKY`, hoian);
    expect(other.status).toBe(403);
    const body = (await other.json()) as any;
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
    const viaGraphQL = await t.gql(ASSESSMENT, { year: YEAR, agencyCode: 'TAMKY' }, hoian);
    expect(viaGraphQL.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(body.errors[0].message).toBe(viaGraphQL.errors?.[0].message);
    // An analyst reads finalised or published assessments only.
    expect((await get(`/exports/assessment.xlsx?year=${YEAR}&agencyCode=TAMKY`, t.token(['ANALYST']))).status).toBe(403);
  });

  it('answers 400 naming a missing or invalid parameter, and 404 for a year, group or agency without data', async () => {
    const bad: [string, string][] = [
      [`/exports/ranking.xlsx?group=DISTRICT`, 'year'],
      [`/exports/ranking.csv?year=${YEAR}`, 'group'],
      [`/exports/ranking.xlsx?year=20x6&group=DISTRICT`, 'year'],
      [`/exports/ranking.xlsx?year=${YEAR}&group=HUYEN`, 'group'],
      [`/exports/ranking.xlsx?year=${YEAR}&year=2025&group=DISTRICT`, 'year'],
      [`/exports/assessment.xlsx?year=${YEAR}`, 'agencyCode'],
      [`/exports/assessment.xlsx?year=${YEAR}&agencyCode=tam%20ky`, 'agencyCode'],
      [`/exports/assessment.xlsx?year=1999&agencyCode=TAMKY`, 'year'],
    ];
    for (const [path, field] of bad) {
      const res = await get(path, coordinator);
      expect([path, res.status]).toEqual([path, 400]);
      expect(((await res.json()) as any).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    }
    const missing: [string, string][] = [
      [`/exports/ranking.xlsx?year=2019&group=DISTRICT`, 'year'],
      [`/exports/ranking.csv?year=${YEAR}&group=COMMUNE`, 'group'],
      [`/exports/assessment.xlsx?year=${YEAR}&agencyCode=DAILOC`, 'agencyCode'], // registered nowhere, in no cycle
      [`/exports/assessment.xlsx?year=2019&agencyCode=TAMKY`, 'year'],
    ];
    for (const [path, field] of missing) {
      const res = await get(path, coordinator);
      expect([path, res.status]).toEqual([path, 404]);
      expect(((await res.json()) as any).errors[0].extensions).toEqual({ code: 'NOT_FOUND', field });
    }
  });

  describe('once the ranking is published', () => {
    beforeAll(async () => {
      await finalise('TAMKY');
      await finalise('HOIAN');
      expectData(await t.gql(EXCLUDE, { input: { year: YEAR, agencyCode: 'NONGSON', reason: MERGED } }, coordinator));
      expectData(await t.gql(PUBLISH_RANKING, { input: { year: YEAR, group: 'DISTRICT', ...DECISION } }, leader));
    });

    it('ranking.xlsx: Vietnamese headers, frozen header row, unrounded numbers shown with two decimals, the source sheet', async () => {
      const res = await get(`/exports/ranking.xlsx?year=${YEAR}&group=DISTRICT`, t.token(['ANALYST']));
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="xep-hang-${YEAR}-DISTRICT.xlsx"; filename*=UTF-8''x%E1%BA%BFp-h%E1%BA%A1ng-${YEAR}-DISTRICT.xlsx`,
      );
      const book = await workbook(res);
      expect(book.worksheets.map((s) => s.name)).toEqual(['Xếp hạng', 'Nguồn', 'Không xếp hạng']);
      expect(rowsOf(book.getWorksheet('Không xếp hạng')!)).toEqual([
        ['Mã đơn vị', 'Tên đơn vị', 'Lý do'],
        ['NONGSON', 'UBND huyện Nông Sơn', MERGED],
      ]);
      const sheet = book.getWorksheet('Xếp hạng')!;
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const ranking = expectData(await t.gql(RANKING, { year: YEAR, group: 'DISTRICT' }, coordinator)).ranking;
      const rows = rowsOf(sheet);
      expect(rows[0]).toEqual(['Hạng', 'Mã đơn vị', 'Tên đơn vị', 'Tổng điểm', 'Điểm tối đa', 'Chỉ số (%)', 'Xếp loại']);
      // The same rows as the query `ranking` answers, read from the same read model.
      expect(rows.slice(1)).toEqual(
        ranking.entries.map((e: any) => [e.rank, e.agency.code, e.agency.name, e.totalPoints, e.maxPoints, e.indexPercent, ...(e.band ? [e.band.label] : [])]),
      );
      expect(rows[1].slice(0, 3)).toEqual([1, 'TAMKY', 'UBND Thành phố Tam Kỳ']);
      const total = sheet.getCell('D2');
      expect(total.type).toBe(ExcelJS.ValueType.Number);
      expect(total.value).toBe(18.8456);
      expect(total.numFmt).toBe('0.00');
      expect(sheet.getCell('F2').value).toBe(94.228);
      expect(sheet.getCell('F2').numFmt).toBe('0.00');
      expect(sheet.getCell('A2').numFmt).toBeUndefined();

      const source = book.getWorksheet('Nguồn')!;
      expect(source.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(itemValue(source, 'Nguồn dữ liệu').value).toBe('PAR Ledger');
      expect(itemValue(source, 'Truy vấn').value).toBe(`GET /exports/ranking.xlsx?year=${YEAR}&group=DISTRICT`);
      expect(itemValue(source, 'Trạng thái xếp hạng').value).toBe('Đã công bố (PUBLISHED)');
      expect(itemValue(source, 'Số quyết định công bố').value).toBe(DECISION.decisionNumber);
      expect(itemValue(source, 'Nhập từ kết quả đã công bố nơi khác').value).toBe('Không');
      expect(itemValue(source, 'Thời điểm xuất (Asia/Ho_Chi_Minh)').value).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+07:00$/);
      const position = itemValue(source, 'Vị trí nhật ký sự kiện');
      expect(position.type).toBe(ExcelJS.ValueType.Number);
      expect(position.value).toBe(t.service.runner.position());
      expect(position.value).toBe(await t.service.events.headPosition());
      expect(res.headers.get('x-par-log-position')).toBe(String(position.value));
    });

    it('ranking.csv: UTF-8 with a BOM, Vietnamese header row, unrounded numbers with a decimal point', async () => {
      const res = await get(`/exports/ranking.csv?year=${YEAR}&group=DISTRICT`, t.token(['AGENCY_OFFICER'], 'HOIAN'));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toContain(`filename="xep-hang-${YEAR}-DISTRICT.csv"`);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parseCsv(bytes.subarray(3).toString('utf8'));
      expect(rows[0]).toEqual(['Hạng', 'Mã đơn vị', 'Tên đơn vị', 'Tổng điểm', 'Điểm tối đa', 'Chỉ số (%)', 'Xếp loại']);
      expect(rows.slice(1).map((r) => r.slice(0, 6))).toEqual([
        ['1', 'TAMKY', 'UBND Thành phố Tam Kỳ', '18.8456', '20', '94.228'],
        ['2', 'HOIAN', 'UBND Thành phố Hội An', '15.5', '20', '77.5'],
      ]);
    });

    it('assessment.xlsx: the criteria tree with self, appraised, survey and final points, evidence and explanations', async () => {
      // Published, so public: another agency's officer now reads it, as through GraphQL.
      const res = await get(`/exports/assessment.xlsx?year=${YEAR}&agencyCode=TAMKY`, t.token(['AGENCY_OFFICER'], 'HOIAN'));
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="danh-gia-${YEAR}-TAMKY.xlsx"; filename*=UTF-8''%C4%91%C3%A1nh-gi%C3%A1-${YEAR}-TAMKY.xlsx`,
      );
      const book = await workbook(res);
      expect(book.worksheets.map((s) => s.name)).toEqual(['Tiêu chí', 'Nguồn', 'Tổng hợp']);
      const sheet = book.getWorksheet('Tiêu chí')!;
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const rows = rowsOf(sheet);
      expect(rows[0]).toEqual([
        'Mã tiêu chí',
        'Tiêu chí',
        'Cấp',
        'Đơn vị thẩm định',
        'Áp dụng',
        'Điểm tối đa',
        'Điểm tối đa áp dụng',
        'Điểm tự đánh giá',
        'Điểm thẩm định',
        'Điểm điều tra XHH',
        'Điểm cuối cùng',
        'Tài liệu kiểm chứng',
        'Giải trình',
        'Nhận xét thẩm định',
        'Giải trình bổ sung',
      ]);
      // Depth-first, as the framework nests them.
      expect(rows.slice(1).map((r) => r[0])).toEqual(['1', '1.1', '1.2', '1.2.1', '1.2.2', '2', '2.1', '3', '3.1']);
      const byCode = new Map(rows.slice(1).map((r, i) => [r[0], { cells: r, row: i + 2 }]));
      expect(byCode.get('1')!.cells.slice(1, 3)).toEqual(['Công tác chỉ đạo, điều hành CCHC', 'Lĩnh vực']);
      // Area 1: 4 + 2.3456 + 1.5 of 8.
      expect(byCode.get('1')!.cells.slice(5, 11)).toEqual([8, 8, 7.8456, 7.8456, undefined, 7.8456]);
      const leaf = byCode.get('1.2.1')!;
      expect(leaf.cells.slice(0, 11)).toEqual([
        '1.2.1',
        'Mức độ hoàn thành kế hoạch',
        'Tiêu chí thành phần',
        'SNV',
        'Có',
        2.5,
        2.5,
        2.3456,
        2.3456,
        undefined,
        2.3456,
      ]);
      expect(leaf.cells.slice(11, 14)).toEqual(['KH số 1/KH-UBND 1.2.1', 'Đã thực hiện đầy đủ tiêu chí 1.2.1', 'Vòng 1 (SNV): Đã kiểm tra hồ sơ']);
      const final = sheet.getCell(leaf.row, 11);
      expect([final.type, final.numFmt]).toEqual([ExcelJS.ValueType.Number, '0.00']);
      expect(sheet.getCell(leaf.row, 2).alignment.indent).toBe(2);
      expect(byCode.get('3.1')!.cells.slice(7, 11)).toEqual([undefined, undefined, 9, 9]);

      const summary = book.getWorksheet('Tổng hợp')!;
      expect(itemValue(summary, 'Tên đơn vị').value).toBe('UBND Thành phố Tam Kỳ');
      expect(itemValue(summary, 'Tổng điểm').value).toBe(18.8456);
      expect(itemValue(summary, 'Tổng điểm').numFmt).toBe('0.00');
      expect(itemValue(summary, 'Trạng thái').value).toBe('Đã hoàn thành (FINALIZED)');
      const source = book.getWorksheet('Nguồn')!;
      expect(itemValue(source, 'Truy vấn').value).toBe(`GET /exports/assessment.xlsx?year=${YEAR}&agencyCode=TAMKY`);
      expect(itemValue(source, 'Vị trí nhật ký sự kiện').value).toBe(t.service.runner.position());
    });
  });
});
