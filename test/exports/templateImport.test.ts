import ExcelJS from 'exceljs';
import { addTemplateMarker, columnLetter, readTemplateMarker, type TemplateMarker } from '../../src/exports/templateLayout';
import { multipartPart } from '../../src/http/uploadedFile';
import { parseAppraisalRows, type PendingLeaf } from '../../src/import/appraisalRows';
import type { CellValue, SheetRow } from '../../src/import/rankingRows';
import { parseSelfAssessmentRows } from '../../src/import/selfAssessmentRows';
import { refusedRow } from '../../src/import/templateCells';
import type { AreaDefinition } from '../../src/events/parEvents';

const leaf = (code: string, maxPoints: number, method: 'SELF_ASSESSED' | 'SURVEY' = 'SELF_ASSESSED') => ({
  code,
  title: `Tiêu chí ${code}`,
  maxPoints,
  method,
  appraiserCode: method === 'SURVEY' ? null : 'SNV',
  children: [],
});
const AREAS: AreaDefinition[] = [
  {
    code: '1',
    title: 'Chỉ đạo',
    maxPoints: 6.5,
    criteria: [leaf('1.1', 4), { code: '1.2', title: 'Thực hiện', maxPoints: 2.5, method: null, appraiserCode: null, children: [leaf('1.2.1', 2.5)] }],
  },
  { code: '3', title: 'Tác động', maxPoints: 10, criteria: [leaf('3.1', 10, 'SURVEY')] },
];

/** A sheet row from its cells by column number (1 = A). */
const row = (n: number, cells: Record<number, CellValue>): SheetRow => ({ row: n, cells: new Map(Object.entries(cells).map(([k, v]) => [Number(k), v])) });
// Self-assessment template: A code, D points, E applicable, F evidence, G explanation.
const self = (n: number, code: string, points: CellValue, applicable: CellValue = null, evidence: CellValue = null, explanation: CellValue = null) =>
  row(n, { 1: code, 4: points, 5: applicable, 6: evidence, 7: explanation });

describe('self-assessment rows', () => {
  const parse = (rows: SheetRow[]) => parseSelfAssessmentRows(rows, AREAS, 'FW');

  it('turns filled leaves into draft scores: decimal commas, evidence split on new lines and ";", "Không" without points; empty leaves and header rows skipped', () => {
    const parsed = parse([
      self(2, '1', null),
      self(3, '1.1', '3,25', 'có', 'KH 1;  KH 2\nQĐ 3 ;'),
      self(4, '1.2', null),
      self(5, '1.2.1', null, 'Không', null, 'Không có kế hoạch riêng'),
      self(6, '3.1', null),
      self(7, '', null),
    ]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.scores).toEqual([
      { criterionCode: '1.1', applicable: true, points: 3.25, evidence: ['KH 1', 'KH 2', 'QĐ 3'], explanation: null },
      { criterionCode: '1.2.1', applicable: false, points: null, evidence: [], explanation: 'Không có kế hoạch riêng' },
    ]);
    expect(parsed.rows).toEqual([3, 5]);
  });

  it('skips a leaf whose points are empty, and says so when nothing at all is filled', () => {
    const parsed = parse([self(3, '1.1', null, 'Có', 'KH 1')]);
    expect(parsed.scores).toEqual([]);
    expect(parsed.problems).toEqual([{ row: null, column: null, header: null, reason: expect.stringContaining('chưa chấm tiêu chí nào') }]);
  });

  it('reports every problem with its row and column, and keeps no score when any is wrong', () => {
    const parsed = parse([
      self(2, '1', 5),
      self(3, '1.1', 'bốn', null, 'KH 1'),
      self(4, '1.2.1', 2.6, null, null, 'x'),
      self(5, '3.1', 5),
      self(6, '7.7', 1, null, 'KH'),
      self(7, '1.1', 1, null, 'KH'),
      self(8, '', 1),
    ]);
    expect(parsed.problems.map((p) => [p.row, p.column, p.header])).toEqual([
      [2, 'D', 'Điểm tự chấm'],
      [3, 'D', 'Điểm tự chấm'],
      [4, 'D', 'Điểm tự chấm'],
      [5, 'D', 'Điểm tự chấm'],
      [6, 'A', 'Mã tiêu chí'],
      [7, 'A', 'Mã tiêu chí'],
      [8, 'A', 'Mã tiêu chí'],
    ]);
    expect(parsed.problems[3].reason).toContain('điều tra xã hội học');
    expect(parsed.problems[5].reason).toBe('tiêu chí 1.1 xuất hiện hai lần trong tệp');
  });

  it('applies the decider’s rules: points with "Không", "Không" without explanation, points without evidence or explanation, more than 4 decimals, negative points', () => {
    const parsed = parse([self(3, '1.1', 1, 'Không'), self(4, '1.2.1', 1), self(5, '1.1', 0.00001, null, 'KH')]);
    expect(parsed.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'D'],
      [3, 'G'],
      [4, 'G'],
      [5, 'A'],
    ]);
    const decimals = parse([self(3, '1.1', 0.00001, null, 'KH'), self(4, '1.2.1', -1, null, 'KH')]);
    expect(decimals.problems.map((p) => p.reason)).toEqual([
      '0.00001 có quá 4 chữ số thập phân (Điểm tự chấm của tiêu chí 1.1)',
      '-1 nằm ngoài khoảng 0–2,5, điểm tối đa của tiêu chí 1.2.1 (Điểm tự chấm)',
    ]);
  });

  it('bounds explanations at 2000 characters and evidence at 50 items of 1000 characters', () => {
    const many = Array.from({ length: 51 }, (_, i) => `KH ${i}`).join(';');
    const parsed = parse([self(3, '1.1', 1, null, many, 'x'.repeat(2001)), self(4, '1.2.1', 1, null, 'y'.repeat(1001))]);
    expect(parsed.problems.map((p) => [p.row, p.column, p.reason])).toEqual([
      [3, 'F', '51 tài liệu, vượt quá 50 tài liệu cho một tiêu chí (Tài liệu kiểm chứng)'],
      [3, 'G', 'Giải trình dài 2001 ký tự, vượt quá 2000 ký tự'],
      [4, 'F', 'tài liệu thứ 1 dài quá 1000 ký tự (Tài liệu kiểm chứng)'],
    ]);
  });
});

// Appraiser's sheet: A agency, C criterion, J round, K points, L applicable, M comment.
const appraisal = (n: number, agency: string, code: string, round: CellValue, points: CellValue, applicable: CellValue = null, comment: CellValue = null) =>
  row(n, { 1: agency, 3: code, 10: round, 11: points, 12: applicable, 13: comment });
const PENDING: PendingLeaf[] = [
  { agencyCode: 'TAMKY', criterionCode: '1.1', round: 1, maxPoints: 4, claimedNotApplicable: false },
  { agencyCode: 'TAMKY', criterionCode: '1.2.1', round: 2, maxPoints: 2.5, claimedNotApplicable: false },
  { agencyCode: 'HOIAN', criterionCode: '1.1', round: 1, maxPoints: 4, claimedNotApplicable: true },
];

describe('appraisal rows', () => {
  it('groups appraised rows by agency and round, skipping rows with nothing appraised', () => {
    const parsed = parseAppraisalRows(
      [
        appraisal(2, 'TAMKY', '1.1', 1, 3.5, null, 'Đủ hồ sơ'),
        appraisal(3, 'TAMKY', '1.2.1', 2, '2'),
        appraisal(4, 'HOIAN', '1.1', 1, null, 'Không'),
        appraisal(5, 'HOIAN', '9.9', 1, null, null, 'chỉ ghi chú'),
      ],
      PENDING,
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.batches).toEqual([
      { agencyCode: 'TAMKY', round: 1, items: [{ criterionCode: '1.1', applicable: true, points: 3.5, comment: 'Đủ hồ sơ' }], rows: [2] },
      { agencyCode: 'TAMKY', round: 2, items: [{ criterionCode: '1.2.1', applicable: true, points: 2, comment: null }], rows: [3] },
      // Confirming the agency's own "not applicable" claim needs no comment.
      { agencyCode: 'HOIAN', round: 1, items: [{ criterionCode: '1.1', applicable: false, points: null, comment: null }], rows: [4] },
    ]);
  });

  it('reports leaves not pending, wrong rounds, points above the maximum or not numbers, and "Không" without a comment', () => {
    const parsed = parseAppraisalRows(
      [
        appraisal(2, 'TAMKY', '1.1', 2, 5),
        appraisal(3, 'TAMKY', '1.2.1', 'ba', 'hai'),
        appraisal(4, 'DAILOC', '1.1', 1, 1),
        appraisal(5, 'TAMKY', '1.1', 1, null, 'Không'),
      ],
      PENDING,
    );
    expect(parsed.batches).toEqual([]);
    expect(parsed.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'J'],
      [2, 'K'],
      [3, 'J'],
      [3, 'K'],
      [4, 'C'],
      [5, 'C'],
    ]);
    expect(parsed.problems[0].reason).toBe('tiêu chí 1.1 đang chờ vòng 1, không phải vòng 2');
    expect(parsed.problems[5].reason).toBe('tiêu chí 1.1 của TAMKY xuất hiện hai lần trong tệp');
  });
});

describe('template marker and helpers', () => {
  it('writes the marker to a hidden sheet and reads it back; a workbook without one, or with a malformed one, has none', async () => {
    const marker: TemplateMarker = { kind: 'APPRAISAL', version: 1, year: 2026, agencyCode: 'STP', frameworkCode: null };
    const book = new ExcelJS.Workbook();
    addTemplateMarker(book, marker);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await book.xlsx.writeBuffer());
    expect(readTemplateMarker(back)).toEqual(marker);
    back.getWorksheet('_mau')!.getCell('B2').value = 'một';
    expect(readTemplateMarker(back)).toBeNull();
    expect(readTemplateMarker(new ExcelJS.Workbook())).toBeNull();
  });

  it('names columns as Excel does', () => {
    expect([1, 4, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'D', 'Z', 'AA', 'AZ', 'AAA']);
  });

  it('places a command’s refusal of scores[i] or items[i] on that item’s row and column', () => {
    const columns = { points: { index: 4, header: 'Điểm tự chấm', input: true } };
    expect(refusedRow({ field: 'scores[1].points', message: 'scores[1].points: quá' }, [3, 9], columns)).toEqual({
      row: 9,
      column: 'D',
      header: 'Điểm tự chấm',
      reason: 'scores[1].points: quá',
    });
    expect(refusedRow({ field: 'year', message: 'hết hạn' }, [3], columns)).toBeNull();
  });

  it('finds the "file" part of a multipart body as a browser’s FormData sends it', async () => {
    const form = new FormData();
    form.append('note', 'ghi chú');
    const bytes = Buffer.from([0x50, 0x4b, 0x0d, 0x0a, 0x2d, 0x2d, 0x00, 0xff]);
    form.append('file', new Blob([bytes]), 'mẫu.xlsx');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const body = Buffer.from(await request.arrayBuffer());
    expect(multipartPart(body, request.headers.get('content-type')!, 'file')).toEqual(bytes);
    expect(multipartPart(body, request.headers.get('content-type')!, 'other')).toBeNull();
    expect(multipartPart(body, 'multipart/form-data', 'file')).toBeNull();
  });
});
