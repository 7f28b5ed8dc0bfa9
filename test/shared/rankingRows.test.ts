import { columnsOf, parseRankingRows, type CellValue, type SheetRow } from '../../src/import/rankingRows';

const cells = (values: CellValue[]) => new Map(values.map((v, i) => [i + 1, v] as const));
const rows = (...lines: CellValue[][]): SheetRow[] => lines.map((values, i) => ({ row: i + 2, cells: cells(values) }));

describe('reading a ranking table', () => {
  it('finds columns by Vietnamese or English header, whatever the case, spacing, Unicode form or byte-order mark', () => {
    const decomposed = 'Tên đơn vị'.normalize('NFD');
    const map = columnsOf(cells(['\uFEFFhạng', 'MÃ  ĐƠN VỊ', decomposed, 'totalPoints', 'Điểm tối đa', 'Chỉ số', null]))!;
    expect([...map.columns].map(([field, { column }]) => [field, column])).toEqual([
      ['rank', 1],
      ['agencyCode', 2],
      ['agencyName', 3],
      ['totalPoints', 4],
      ['maxPoints', 5],
      ['indexPercent', 6],
    ]);
    expect(map.missing).toEqual([]);
    expect(columnsOf(cells(['KẾT QUẢ XẾP HẠNG', null, 'Hạng']))).toBeNull();
    expect(columnsOf(cells(['Hạng', 'Mã đơn vị', 'Tên đơn vị']))!.missing).toEqual(['totalPoints', 'maxPoints', 'indexPercent']);
  });

  it('takes numbers written as text, with a decimal comma, skips blank rows, and keeps a code as text', () => {
    const map = columnsOf(cells(['Hạng', 'Mã đơn vị', 'Tên đơn vị', 'Tổng điểm', 'Điểm tối đa', 'Chỉ số (%)', 'Xếp loại']))!;
    const parsed = parseRankingRows(
      map,
      rows(['1', '0102', ' Sở Tư pháp ', '86,4', 100, '86.40', ' Tốt '], [null, '', '  '], [2, 'SNV', 'Sở Nội vụ', 80, 100, 80, null]),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toEqual([2, 4]);
    expect(parsed.entries[0]).toEqual({
      rank: 1,
      agencyCode: '0102',
      agencyName: 'Sở Tư pháp',
      totalPoints: 86.4,
      maxPoints: 100,
      indexPercent: 86.4,
      band: 'Tốt',
    });
  });

  it('names each problem by row and the header as the file writes it, and refers to other rows by number', () => {
    const map = columnsOf(cells(['rank', 'agencyCode', 'agencyName', 'totalPoints', 'maxPoints', 'indexPercent']))!;
    const parsed = parseRankingRows(map, rows([1, 'A', 'A', 90, 100, 90], [2, 'B', 'B', 95, 100, 95], [3, 'A', 'A again', '', 100, 10]));
    expect(parsed.problems).toEqual([
      { row: 3, column: 'rank', reason: 'rank 2 with index 95 is below row 2 with the lower index 90' },
      { row: 4, column: 'totalPoints', reason: 'is empty' },
    ]);
  });
});
