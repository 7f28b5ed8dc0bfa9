import { attachment } from '../../src/http/attachment';
import { toCsv } from '../../src/exports/csv';
import { vietnamTime } from '../../src/exports/sourceSheet';
import type { Column } from '../../src/exports/table';

interface Row {
  name: string | null;
  points: number | null;
}

const columns: Column<Row>[] = [
  { header: 'Tên đơn vị', width: 10, value: (r) => r.name },
  { header: 'Tổng điểm', width: 10, value: (r) => r.points, points: true },
];

describe('CSV export', () => {
  it('starts with the UTF-8 byte-order mark and ends each line with CRLF', () => {
    const csv = toCsv(columns, [{ name: 'Sở Nội vụ', points: 1 }]);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.subarray(3).toString('utf8')).toBe('Tên đơn vị,Tổng điểm\r\nSở Nội vụ,1\r\n');
  });

  it('quotes commas, quotes and line breaks, writes numbers unrounded with a decimal point, and leaves null empty', () => {
    const rows: Row[] = [
      { name: 'Sở Văn hóa, Thể thao và Du lịch', points: 18.8456 },
      { name: 'Ban "Quản lý"\nKhu kinh tế', points: null },
      { name: null, points: 0.1 + 0.2 },
    ];
    expect(toCsv(columns, rows).subarray(3).toString('utf8').split('\r\n')).toEqual([
      'Tên đơn vị,Tổng điểm',
      '"Sở Văn hóa, Thể thao và Du lịch",18.8456',
      '"Ban ""Quản lý""\nKhu kinh tế",',
      ',0.30000000000000004',
      '',
    ]);
  });

  it('keeps text a spreadsheet would run as a formula from being one', () => {
    const csv = toCsv(columns, [{ name: '=HYPERLINK("http://x")', points: -1 }]).toString('utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")",-1`);
  });
});

describe('file names', () => {
  it('spells the name in ASCII for old clients and in UTF-8 in filename*', () => {
    expect(attachment('xếp-hạng-2024-DEPARTMENT.xlsx')).toBe(
      `attachment; filename="xep-hang-2024-DEPARTMENT.xlsx"; filename*=UTF-8''x%E1%BA%BFp-h%E1%BA%A1ng-2024-DEPARTMENT.xlsx`,
    );
    expect(attachment('Đánh giá "Sở" (1).xlsx')).toBe(
      `attachment; filename="Danh-gia--So---1-.xlsx"; filename*=UTF-8''%C4%90%C3%A1nh%20gi%C3%A1%20%22S%E1%BB%9F%22%20%281%29.xlsx`,
    );
  });
});

describe('export time', () => {
  it('is the wall-clock time in Vietnam (UTC+7), across the date line', () => {
    expect(vietnamTime(new Date('2026-12-03T14:12:43Z'))).toBe('2026-12-03 21:12:43 +07:00');
    expect(vietnamTime(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01 00:00:00 +07:00');
  });
});
