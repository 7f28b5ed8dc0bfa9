import ExcelJS from 'exceljs';
import type { CellValue, SheetRow } from './rankingRows';

/** A cell reduced to text or a number: formulas give their result, links and rich text their text. */
function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return cellValue((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return cellValue(value.text as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return null;
}

export function cellsOf(row: ExcelJS.Row): Map<number, CellValue> {
  const cells = new Map<number, CellValue>();
  row.eachCell({ includeEmpty: false }, (cell, column) => cells.set(column, cellValue(cell.value)));
  return cells;
}

/** Every row of a sheet from `from` on (the header row above it), with its cells; empty rows included, so row numbers match. */
export function rowsOf(sheet: ExcelJS.Worksheet, from: number): SheetRow[] {
  const rows: SheetRow[] = [];
  for (let n = from; n <= sheet.rowCount; n++) rows.push({ row: n, cells: cellsOf(sheet.getRow(n)) });
  return rows;
}

/** The workbook in an uploaded file, or null when the bytes are no .xlsx exceljs can read (a CSV, a PDF, an old .xls). */
export async function loadXlsx(bytes: Buffer): Promise<ExcelJS.Workbook | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return workbook;
  } catch {
    return null;
  }
}
