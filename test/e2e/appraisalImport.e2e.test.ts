import type ExcelJS from 'exceljs';
import { expectData, startTestService, type TestService } from '../support/service';
import { openDistrictCycle } from './districtCycle';
import { bookOf, bytesOf, problemsOf, rowWith, XLSX } from './excelSupport';
import { ASSESSMENT, SUBMIT } from './operations';

const YEAR = 2026;
// Appraiser's sheet columns: A agency, B name, C criterion, … J round, K points, L applicable, M comment.
const [AGENCY, CODE, ROUND, POINTS, APPLICABLE, COMMENT] = [1, 3, 10, 11, 12, 13];
const SELF: Record<string, number> = { '1.1': 4, '1.2.1': 2, '1.2.2': 1, '2.1': 1.5 };

describe('appraiser’s sheet: download pending leaves, fill, upload', () => {
  let t: TestService;
  let base: string;
  let coordinator: string;
  let snv: string;
  let stp: string;

  const get = (path: string, token: string) => fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const upload = (body: Buffer, token: string) =>
    fetch(`${base}/imports/appraisal`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': XLSX }, body });
  const sheetFor = async (token: string) => bookOf(await get(`/exports/appraisal-sheet.xlsx?year=${YEAR}`, token));
  const leafRows = (sheet: ExcelJS.Worksheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => n > 1 && rows.push([row.getCell(AGENCY).value, row.getCell(CODE).value, row.getCell(ROUND).value]));
    return rows;
  };
  const find = (sheet: ExcelJS.Worksheet, agency: string, code: string) => rowWith(sheet, CODE, code, (row) => row.getCell(AGENCY).value === agency);
  const appraisals = async () => {
    const out: Record<string, unknown> = {};
    for (const agencyCode of ['TAMKY', 'HOIAN']) {
      const { assessment } = expectData(await t.gql(ASSESSMENT, { year: YEAR, agencyCode }, coordinator));
      for (const c of assessment.criteria) out[`${agencyCode} ${c.code}`] = c.appraisals;
    }
    return out;
  };

  beforeAll(async () => {
    t = await startTestService();
    base = t.service.url.replace(/\/graphql$/, '');
    coordinator = t.token(['COORDINATOR'], 'SNV');
    snv = t.token(['APPRAISER'], 'SNV');
    stp = t.token(['APPRAISER'], 'STP');
    await openDistrictCycle(t, coordinator, { agencies: ['SNV', 'STP', 'TAMKY', 'HOIAN'], year: YEAR });
    for (const agencyCode of ['TAMKY', 'HOIAN']) {
      const scores = Object.entries(SELF).map(([criterionCode, points]) => ({ criterionCode, points, evidence: [`KH ${criterionCode}`] }));
      expectData(await t.gql(SUBMIT, { input: { year: YEAR, agencyCode, scores } }, t.token(['AGENCY_OFFICER'], agencyCode)));
    }
  });
  afterAll(async () => t?.stop());

  it('lists the leaves the token’s agency appraises, across agencies by Vietnamese name, with the self score and the round', async () => {
    const sheet = (await sheetFor(snv)).getWorksheet('Thẩm định')!;
    expect(leafRows(sheet)).toEqual([
      ['HOIAN', '1.1', 1],
      ['HOIAN', '1.2.1', 1],
      ['HOIAN', '1.2.2', 1],
      ['TAMKY', '1.1', 1],
      ['TAMKY', '1.2.1', 1],
      ['TAMKY', '1.2.2', 1],
    ]);
    const row = find(sheet, 'TAMKY', '1.2.1');
    expect((row.values as unknown[]).slice(1, 10)).toEqual([
      'TAMKY',
      'UBND Thành phố Tam Kỳ',
      '1.2.1',
      'Mức độ hoàn thành kế hoạch',
      2.5,
      2,
      'Có',
      'KH 1.2.1',
      undefined,
    ]);
    expect(row.getCell(POINTS).dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 2.5] });
    expect(row.getCell(APPLICABLE).dataValidation).toMatchObject({ type: 'list' });
    expect(leafRows((await sheetFor(stp)).getWorksheet('Thẩm định')!)).toEqual([
      ['HOIAN', '2.1', 1],
      ['TAMKY', '2.1', 1],
    ]);
    // An agency officer does not read another agency's appraisal duties.
    expect((await get(`/exports/appraisal-sheet.xlsx?year=${YEAR}&agencyCode=STP`, t.token(['AGENCY_OFFICER'], 'TAMKY'))).status).toBe(403);
  });

  it('refuses points above the maximum and a leaf not pending for the agency, all reported, nothing saved', async () => {
    const book = await sheetFor(stp);
    const sheet = book.getWorksheet('Thẩm định')!;
    find(sheet, 'TAMKY', '2.1').getCell(POINTS).value = 3;
    find(sheet, 'HOIAN', '2.1').getCell(POINTS).value = 1;
    const stray = sheet.addRow(['TAMKY', 'UBND Thành phố Tam Kỳ', '1.1', 'Ban hành kế hoạch', 4, 4, 'Có', null, null, 1, 4]);
    const before = await appraisals();
    const problems = await problemsOf(await upload(await bytesOf(book), stp));
    expect(problems).toEqual([
      {
        row: find(sheet, 'TAMKY', '2.1').number,
        column: 'K',
        header: 'Điểm thẩm định',
        reason: '3 nằm ngoài khoảng 0–2, điểm tối đa của tiêu chí 2.1 (Điểm thẩm định)',
      },
      {
        row: stray.number,
        column: 'C',
        header: 'Mã tiêu chí',
        reason: 'tiêu chí 1.1 của TAMKY không chờ đơn vị bạn thẩm định (không có, đã thẩm định, hoặc do đơn vị khác thẩm định)',
      },
    ]);
    expect(await appraisals()).toEqual(before);
  });

  it('refuses a self-assessment template, another appraiser’s sheet, and a token that may not appraise', async () => {
    const template = Buffer.from(await (await get(`/exports/self-assessment-template.xlsx?year=${YEAR}&agencyCode=TAMKY`, coordinator)).arrayBuffer());
    expect((await problemsOf(await upload(template, snv)))[0].reason).toBe('Sai mẫu: tệp là mẫu tự đánh giá, không phải bảng thẩm định');
    const stpSheet = await bytesOf(await sheetFor(stp));
    expect((await problemsOf(await upload(stpSheet, snv)))[0].reason).toBe('Sai mẫu: mẫu của đơn vị STP, không phải SNV');
    expect((await upload(stpSheet, t.token(['AGENCY_OFFICER'], 'STP'))).status).toBe(403);
  });

  it('saves a good sheet with one appraiseCriteria per agency; the appraised leaves leave the next sheet', async () => {
    const book = await sheetFor(snv);
    const sheet = book.getWorksheet('Thẩm định')!;
    const fill = (agency: string, code: string, cells: Record<number, ExcelJS.CellValue>) => {
      const row = find(sheet, agency, code);
      for (const [column, value] of Object.entries(cells)) row.getCell(Number(column)).value = value;
    };
    fill('TAMKY', '1.1', { [POINTS]: 3.5, [COMMENT]: 'Thiếu báo cáo quý 2' });
    fill('TAMKY', '1.2.1', { [POINTS]: '2,25' });
    fill('HOIAN', '1.2.2', { [APPLICABLE]: 'Không', [COMMENT]: 'Hội An không có nhiệm vụ này' });
    fill('HOIAN', '1.1', { [COMMENT]: 'Chưa xem xong' }); // no points: skipped
    const res = await upload(await bytesOf(book), snv);
    const body = (await res.json()) as any;
    expect(res.status).toBe(200);
    expect(body.saved).toEqual([
      { agencyCode: 'HOIAN', round: 1, appraised: 1, status: 'UNDER_APPRAISAL', position: expect.any(Number) },
      { agencyCode: 'TAMKY', round: 1, appraised: 2, status: 'UNDER_APPRAISAL', position: expect.any(Number) },
    ]);
    const now = await appraisals();
    expect(now['TAMKY 1.1']).toEqual([{ round: 1, points: 3.5 }]);
    expect(now['TAMKY 1.2.1']).toEqual([{ round: 1, points: 2.25 }]);
    expect(now['HOIAN 1.2.2']).toEqual([{ round: 1, points: null }]);
    expect(now['HOIAN 1.1']).toEqual([]);
    expect(leafRows((await sheetFor(snv)).getWorksheet('Thẩm định')!)).toEqual([
      ['HOIAN', '1.1', 1],
      ['HOIAN', '1.2.1', 1],
      ['TAMKY', '1.2.2', 1],
    ]);
  });
});
