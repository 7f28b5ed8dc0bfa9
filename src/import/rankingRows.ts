import { importedEntriesProblems, type ImportedEntryField, type ImportedEntryInput } from '../domain/ranking/importedEntries';

/** A cell as exceljs gives it, reduced to what a ranking sheet holds: text, a number, or nothing. */
export type CellValue = string | number | null;

/** One data row of the sheet: its row number as the spreadsheet shows it, and its cells by column number (from 1). */
export interface SheetRow {
  row: number;
  cells: ReadonlyMap<number, CellValue>;
}

/** What is wrong, where: the row number and the column's header as written in the file. */
export interface RowProblem {
  row: number;
  column: string;
  reason: string;
}

/** Each field's headers, Vietnamese as on the People's Committee's tables, and English as the API names it. */
const HEADERS: Record<ImportedEntryField, readonly string[]> = {
  rank: ['Hạng', 'Xếp hạng', 'rank'],
  agencyCode: ['Mã đơn vị', 'agencyCode'],
  agencyName: ['Tên đơn vị', 'agencyName'],
  totalPoints: ['Tổng điểm', 'totalPoints'],
  maxPoints: ['Điểm tối đa', 'maxPoints'],
  indexPercent: ['Chỉ số (%)', 'Chỉ số', 'indexPercent'],
  band: ['Xếp loại', 'band'],
};
const OPTIONAL: ReadonlySet<ImportedEntryField> = new Set(['band']);
const FIELDS = Object.keys(HEADERS) as ImportedEntryField[];

/** Headers compare without case, surrounding or doubled spaces, a byte-order mark, or a difference in Unicode form. */
const normalise = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, ' ')
    .toLocaleLowerCase('vi');
const FIELD_OF = new Map(FIELDS.flatMap((field) => HEADERS[field].map((h) => [normalise(h), field] as const)));

/** Where each field's column is, and the header it has in this file. */
export interface ColumnMap {
  columns: Map<ImportedEntryField, { column: number; header: string }>;
  /** Required fields with no column. */
  missing: ImportedEntryField[];
}

/** Reads a header row; a row with fewer than three known headers is not one (a title line above the table). */
export function columnsOf(cells: ReadonlyMap<number, CellValue>): ColumnMap | null {
  const columns = new Map<ImportedEntryField, { column: number; header: string }>();
  for (const [column, value] of cells) {
    if (typeof value !== 'string') continue;
    const field = FIELD_OF.get(normalise(value));
    if (field && !columns.has(field)) columns.set(field, { column, header: value.trim() });
  }
  if (columns.size < 3) return null;
  return { columns, missing: FIELDS.filter((f) => !OPTIONAL.has(f) && !columns.has(f)) };
}

/** The headers a file may use for a field, for messages. */
export const headersFor = (field: ImportedEntryField) => HEADERS[field].map((h) => `"${h}"`).join(' or ');

export const blank = (value: CellValue | undefined) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** A number typed as a number, or as text, with a decimal comma as Vietnamese spreadsheets often write it. */
export function numberOf(value: CellValue): number | null {
  if (typeof value === 'number') return value;
  if (value === null) return null;
  const text = value.trim().replace(/^(-?\d+),(\d+)$/, '$1.$2');
  if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null;
  return Number(text);
}

export const textOf = (value: CellValue | undefined) => (blank(value) ? '' : String(value).trim());

/** What the rows say: each good-looking row as an entry, and every problem found, in row order. */
export interface ParsedRanking {
  entries: ImportedEntryInput[];
  /** The sheet row of each entry, by position. */
  rows: number[];
  problems: RowProblem[];
}

/**
 * Turns the data rows into entries and checks them with the very rules the API applies (importedEntries.ts), so
 * a file that passes here passes there, except what only the service knows (years already imported, the register).
 * Blank rows are skipped; a row with a cell that is not even the right kind of value is reported and not checked
 * further.
 */
export function parseRankingRows(map: ColumnMap, rows: readonly SheetRow[], onRow: () => void = () => {}): ParsedRanking {
  const entries: ImportedEntryInput[] = [];
  const entryRows: number[] = [];
  const problems: RowProblem[] = [];
  const header = (field: ImportedEntryField) => map.columns.get(field)?.header ?? HEADERS[field][0];
  for (const { row, cells } of rows) {
    onRow();
    const cell = (field: ImportedEntryField) => {
      const at = map.columns.get(field);
      return at ? (cells.get(at.column) ?? null) : null;
    };
    if (FIELDS.every((f) => blank(cell(f)))) continue;
    const rowProblems: RowProblem[] = [];
    const need = (field: ImportedEntryField, parse: (v: CellValue) => number | null, what: string): number => {
      const value = cell(field);
      if (blank(value)) {
        rowProblems.push({ row, column: header(field), reason: 'is empty' });
        return NaN;
      }
      const n = parse(value);
      if (n === null) rowProblems.push({ row, column: header(field), reason: `"${textOf(value)}" is not ${what}` });
      return n ?? NaN;
    };
    const entry: ImportedEntryInput = {
      rank: need('rank', numberOf, 'a number'),
      agencyCode: textOf(cell('agencyCode')),
      agencyName: textOf(cell('agencyName')),
      totalPoints: need('totalPoints', numberOf, 'a number'),
      maxPoints: need('maxPoints', numberOf, 'a number'),
      indexPercent: need('indexPercent', numberOf, 'a number'),
      band: textOf(cell('band')) || null,
    };
    if (rowProblems.length > 0) {
      // The row's other cells are still checked on their own; the checks across rows leave it out.
      const unreadable = new Set(rowProblems.map((p) => p.column));
      const own = importedEntriesProblems([entry]).map((p) => ({ row, column: header(p.field), reason: p.reason }));
      problems.push(...rowProblems, ...own.filter((p) => !unreadable.has(p.column)));
      continue;
    }
    entries.push(entry);
    entryRows.push(row);
  }
  const checked = importedEntriesProblems(entries, (index) => `row ${entryRows[index]}`);
  problems.push(...checked.map((p) => ({ row: entryRows[p.index], column: header(p.field), reason: p.reason })));
  // By row, then left to right as the sheet reads.
  const columnOf = new Map([...map.columns.values()].map((c) => [c.header, c.column]));
  problems.sort((a, b) => a.row - b.row || (columnOf.get(a.column) ?? 0) - (columnOf.get(b.column) ?? 0));
  return { entries, rows: entryRows, problems };
}
