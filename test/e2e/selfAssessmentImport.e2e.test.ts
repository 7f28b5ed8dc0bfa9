import type ExcelJS from 'exceljs';
import { expectData, startTestService, type TestService } from '../support/service';
import { openDistrictCycle } from './districtCycle';
import { bookOf, bytesOf, problemsOf, rowWith, XLSX } from './excelSupport';

const YEAR = 2026;
const DRAFT = `query($year: Int!, $agencyCode: ID!) {
  assessment(year: $year, agencyCode: $agencyCode) { version status criteria { code draft { points applicable evidence explanation } } }
}`;
// Template columns: A code, B title, C max, D points, E applicable, F evidence, G explanation.
const [POINTS, APPLICABLE, EVIDENCE, EXPLANATION] = [4, 5, 6, 7];

describe('self-assessment template: download, fill, upload', () => {
  let t: TestService;
  let base: string;
  let officer: string;
  let coordinator: string;

  const get = (path: string, token: string) => fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const upload = (body: Buffer | FormData, token = officer, query = '') =>
    fetch(`${base}/imports/self-assessment${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...(Buffer.isBuffer(body) ? { 'content-type': XLSX } : {}) },
      body,
    });
  const template = async (agencyCode = 'TAMKY', token = officer) =>
    bookOf(await get(`/exports/self-assessment-template.xlsx?year=${YEAR}&agencyCode=${agencyCode}`, token));
  const sheetOf = (book: ExcelJS.Workbook) => book.getWorksheet('Tự đánh giá')!;
  const draftOf = async (agencyCode = 'TAMKY') => expectData(await t.gql(DRAFT, { year: YEAR, agencyCode }, coordinator)).assessment;
  /** A template with the given cells set on the rows of the given criteria: { '1.1': { [POINTS]: 3 } }. */
  async function filled(cells: Record<string, Record<number, ExcelJS.CellValue>>, book?: ExcelJS.Workbook): Promise<Buffer> {
    const b = book ?? (await template());
    const sheet = sheetOf(b);
    for (const [code, values] of Object.entries(cells)) {
      const row = rowWith(sheet, 1, code);
      for (const [column, value] of Object.entries(values)) row.getCell(Number(column)).value = value;
    }
    return bytesOf(b);
  }
  /** Sends a broken file, expects 422 with its problems, and checks that nothing changed. */
  async function refused(body: Buffer, token = officer, query = '') {
    const before = await draftOf();
    const problems = await problemsOf(await upload(body, token, query));
    expect(await draftOf()).toEqual(before);
    return problems;
  }

  beforeAll(async () => {
    t = await startTestService();
    base = t.service.url.replace(/\/graphql$/, '');
    coordinator = t.token(['COORDINATOR'], 'SNV');
    officer = t.token(['AGENCY_OFFICER'], 'TAMKY');
    await openDistrictCycle(t, coordinator, { agencies: ['SNV', 'STP', 'TAMKY', 'HOIAN'], year: YEAR });
  });
  afterAll(async () => t?.stop());

  it('writes the criteria tree: header rows for areas and criteria, leaves to fill with their maxima, checks and a hidden marker', async () => {
    const book = await template();
    const sheet = sheetOf(book);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Mã tiêu chí',
      'Tiêu chí',
      'Điểm tối đa',
      'Điểm tự chấm',
      'Áp dụng (Có/Không)',
      'Tài liệu kiểm chứng',
      'Giải trình',
    ]);
    const codes: unknown[] = [];
    sheet.eachRow((row, n) => n > 1 && codes.push(row.getCell(1).value));
    expect(codes).toEqual(['1', '1.1', '1.2', '1.2.1', '1.2.2', '2', '2.1', '3', '3.1']);
    expect(rowWith(sheet, 1, '1').font?.bold).toBe(true);
    expect(rowWith(sheet, 1, '1.2').font?.bold).toBe(true);
    const leaf = rowWith(sheet, 1, '1.2.1');
    expect(leaf.getCell(3).value).toBe(2.5);
    expect(leaf.getCell(2).alignment?.indent).toBe(2);
    expect(leaf.getCell(POINTS).dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 2.5], showErrorMessage: true });
    expect(leaf.getCell(POINTS).dataValidation.error).toContain('từ 0 đến 2,5');
    expect(leaf.getCell(APPLICABLE).dataValidation).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
    expect(leaf.getCell(EXPLANATION).dataValidation).toMatchObject({ type: 'textLength', formulae: [2000] });
    expect(leaf.getCell(POINTS).protection?.locked).toBe(false);
    expect(rowWith(sheet, 1, '1').getCell(POINTS).dataValidation).toBeUndefined();
    const marker = book.getWorksheet('_mau')!;
    expect(marker.state).toBe('hidden');
    const values: Record<string, unknown> = {};
    marker.eachRow((row) => (values[String(row.getCell(1).value)] = row.getCell(2).value));
    expect(values).toEqual({ kind: 'SELF_ASSESSMENT', version: 1, year: YEAR, agencyCode: 'TAMKY', frameworkCode: 'TEST-HUYEN-2025' });
  });

  it('downloads only for readers of the assessment: another agency’s officer gets 403, no token 401', async () => {
    expect((await get(`/exports/self-assessment-template.xlsx?year=${YEAR}&agencyCode=HOIAN`, officer)).status).toBe(403);
    expect((await fetch(`${base}/exports/self-assessment-template.xlsx?year=${YEAR}&agencyCode=TAMKY`)).status).toBe(401);
    expect((await get(`/exports/self-assessment-template.xlsx?year=2031&agencyCode=TAMKY`, coordinator)).status).toBe(404);
  });

  it('saves a filled template as a draft through saveSelfAssessmentDraft, and the next template starts from it', async () => {
    const file = await filled({
      '1.1': { [POINTS]: 3.5, [EVIDENCE]: 'KH số 12/KH-UBND\nQĐ số 3/QĐ-UBND; BC số 7' },
      '1.2.1': { [APPLICABLE]: 'Không', [EXPLANATION]: 'Năm 2026 không có kế hoạch riêng' },
      '2.1': { [POINTS]: '1,5', [APPLICABLE]: 'Có', [EXPLANATION]: 'Đã rà soát toàn bộ văn bản' },
    });
    const res = await upload(file);
    const body = (await res.json()) as any;
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ year: YEAR, agencyCode: 'TAMKY', status: 'DRAFT', scoresSaved: 3, replayed: false, visible: true });
    expect(body.position).toBeGreaterThan(0);
    const draft = await draftOf();
    const byCode = Object.fromEntries(draft.criteria.map((c: any) => [c.code, c.draft]));
    expect(byCode['1.1']).toEqual({ points: 3.5, applicable: true, evidence: ['KH số 12/KH-UBND', 'QĐ số 3/QĐ-UBND', 'BC số 7'], explanation: null });
    expect(byCode['1.2.1']).toEqual({ points: null, applicable: false, evidence: [], explanation: 'Năm 2026 không có kế hoạch riêng' });
    expect(byCode['2.1']).toMatchObject({ points: 1.5, applicable: true });
    expect(byCode['1.2.2']).toBeNull();

    const again = sheetOf(await template());
    expect(rowWith(again, 1, '1.1').getCell(POINTS).value).toBe(3.5);
    expect(rowWith(again, 1, '1.1').getCell(EVIDENCE).value).toBe('KH số 12/KH-UBND\nQĐ số 3/QĐ-UBND\nBC số 7');
    expect(rowWith(again, 1, '1.2.1').getCell(APPLICABLE).value).toBe('Không');
    expect(rowWith(again, 1, '1.2.2').getCell(POINTS).value).toBeNull();
  });

  it('takes the file as the form field "file" too (multipart/form-data)', async () => {
    const form = new FormData();
    form.append('note', 'không phải tệp');
    form.append('file', new Blob([await filled({ '1.2.2': { [POINTS]: 1, [EVIDENCE]: 'BC quý 4' } })], { type: XLSX }), 'mau.xlsx');
    const res = await upload(form);
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).scoresSaved).toBeGreaterThanOrEqual(1);
    const draft = await draftOf();
    expect(draft.criteria.find((c: any) => c.code === '1.2.2').draft).toMatchObject({ points: 1, evidence: ['BC quý 4'] });
  });

  it('refuses a file that is not an .xlsx, and an upload without a token or without a body', async () => {
    expect(await refused(Buffer.from('Mã tiêu chí,Điểm tự chấm\n1.1,3\n'))).toEqual([
      { row: null, column: null, header: null, reason: 'Tệp tải lên không phải là tệp Excel .xlsx đọc được' },
    ]);
    expect((await fetch(`${base}/imports/self-assessment`, { method: 'POST', body: await filled({}) })).status).toBe(401);
    // A token that may not save drafts hears that first, whatever its file: an analyst, or an officer naming another agency.
    const analyst = await upload(Buffer.from('not a workbook'), t.token(['ANALYST']));
    expect(analyst.status).toBe(403);
    expect((await upload(Buffer.from('not a workbook'), officer, '?agencyCode=HOIAN')).status).toBe(403);
    const empty = await upload(Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as any).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'file' });
  });

  it('refuses other exports (the ranking, the assessment) as wrong templates', async () => {
    for (const path of [`/exports/ranking.xlsx?year=${YEAR}&group=DISTRICT`, `/exports/assessment.xlsx?year=${YEAR}&agencyCode=TAMKY`]) {
      const res = await get(path, officer);
      expect(res.status).toBe(200);
      const [problem, ...more] = await refused(Buffer.from(await res.arrayBuffer()));
      expect(problem.reason).toBe('Sai mẫu: tệp không phải là mẫu tự đánh giá do PAR Ledger tạo (thiếu trang ẩn "_mau")');
      expect(more).toEqual([]);
    }
  });

  it('refuses a template of another agency or year as a wrong template (or 403 when the officer may not act for it)', async () => {
    const hoian = await filled({ '1.1': { [POINTS]: 2, [EVIDENCE]: 'KH 1' } }, await template('HOIAN', coordinator));
    expect(await refused(hoian, officer, '?agencyCode=TAMKY&year=2026')).toEqual([
      { row: null, column: null, header: null, reason: 'Sai mẫu: mẫu của đơn vị HOIAN, không phải TAMKY' },
    ]);
    expect((await upload(hoian)).status).toBe(403);
    const book = await template();
    rowWith(book.getWorksheet('_mau')!, 1, 'year').getCell(2).value = 2025;
    const lastYear = await filled({ '1.1': { [POINTS]: 2, [EVIDENCE]: 'KH 1' } }, book);
    expect((await refused(lastYear, officer, '?year=2026'))[0].reason).toBe('Sai mẫu: mẫu của năm 2025, không phải năm 2026');
  });

  it('reports text in a points cell, points above the maximum and an unknown criterion, each on its row and column, all at once', async () => {
    const book = await template();
    const sheet = sheetOf(book);
    const unknown = sheet.addRow(['9.9', 'Tiêu chí thêm', 1, 1, null, 'KH 1']);
    const file = await filled(
      {
        '1.1': { [POINTS]: 'ba điểm', [EVIDENCE]: 'KH 1' },
        '1.2.1': { [POINTS]: 3, [APPLICABLE]: 'Có', [EVIDENCE]: 'KH 2' },
        '1.2.2': { [APPLICABLE]: 'Không', [POINTS]: null, [EXPLANATION]: null },
        '2.1': { [POINTS]: 1, [APPLICABLE]: 'có lẽ', [EVIDENCE]: null, [EXPLANATION]: null },
        '3.1': { [POINTS]: 8 },
        '1': { [POINTS]: 10 },
      },
      book,
    );
    const problems = await refused(file);
    const at = (code: string) => rowWith(sheet, 1, code).number;
    expect(problems.map(({ row, column }) => [row, column])).toEqual([
      [at('1'), 'D'],
      [at('1.1'), 'D'],
      [at('1.2.1'), 'D'],
      [at('1.2.2'), 'G'],
      [at('2.1'), 'E'],
      [at('2.1'), 'G'],
      [at('3.1'), 'D'],
      [unknown.number, 'A'],
    ]);
    expect(problems[1]).toEqual({ row: at('1.1'), column: 'D', header: 'Điểm tự chấm', reason: '"ba điểm" không phải là số (Điểm tự chấm của tiêu chí 1.1)' });
    expect(problems[2].reason).toBe('3 nằm ngoài khoảng 0–2,5, điểm tối đa của tiêu chí 1.2.1 (Điểm tự chấm)');
    expect(problems[3].reason).toContain('vì sao tiêu chí 1.2.2 không áp dụng');
    expect(problems[4].reason).toBe('"có lẽ" không hợp lệ: Áp dụng (Có/Không) chỉ nhận "Có" hoặc "Không"');
    expect(problems[7].reason).toBe('mã tiêu chí "9.9" không có trong bộ tiêu chí TEST-HUYEN-2025');
  });

  it('refuses a template whose header row was changed', async () => {
    const book = await template();
    sheetOf(book).getCell('D1').value = 'Điểm';
    expect(await refused(await bytesOf(book))).toEqual([
      { row: 1, column: 'D', header: 'Điểm tự chấm', reason: 'Sai mẫu: tiêu đề cột phải là "Điểm tự chấm", tệp ghi "Điểm"' },
    ]);
  });
});
