import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { columnsOf, type ColumnMap, type SheetRow } from './rankingRows';
import { cellsOf } from './sheetCells';

/** How far down a sheet its header row is looked for: published tables carry a title and a decision line above it. */
const HEADER_SEARCH_ROWS = 15;

/** A ranking table found in a file: where its columns are, and the rows below its header. */
export interface RankingSheet {
  sheetName: string;
  headerRow: number;
  map: ColumnMap;
  rows: SheetRow[];
}

export class RankingFileError extends Error {
  override name = 'RankingFileError';
}

/** CSV written by a Vietnamese-locale Excel separates with ";" (the comma is the decimal mark there). */
function delimiterOf(file: string): string {
  const [first = ''] = readFileSync(file, 'utf8').split(/\r?\n/, 1);
  return (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
}

async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const kind = extname(file).toLowerCase();
  try {
    if (kind === '.xlsx') await workbook.xlsx.readFile(file);
    // Every CSV value stays text (a code such as "0102" keeps its zero); the rows are parsed as a sheet's text is.
    else if (kind === '.csv') await workbook.csv.readFile(file, { map: (datum: string) => datum, parserOptions: { delimiter: delimiterOf(file) } });
    else throw new RankingFileError(`${file}: not an .xlsx or .csv file`);
  } catch (error) {
    if (error instanceof RankingFileError) throw error;
    throw new RankingFileError(`${file} could not be read: ${(error as Error).message}`);
  }
  return workbook;
}

/** The first sheet with a ranking table: a header row naming at least three of the columns, within its first rows. */
export async function readRankingSheet(file: string): Promise<RankingSheet> {
  const workbook = await openWorkbook(file);
  for (const sheet of workbook.worksheets) {
    for (let r = 1; r <= Math.min(sheet.rowCount, HEADER_SEARCH_ROWS); r++) {
      const map = columnsOf(cellsOf(sheet.getRow(r)));
      if (!map) continue;
      const rows: SheetRow[] = [];
      for (let n = r + 1; n <= sheet.rowCount; n++) rows.push({ row: n, cells: cellsOf(sheet.getRow(n)) });
      return { sheetName: sheet.name, headerRow: r, map, rows };
    }
  }
  throw new RankingFileError(`${file}: no sheet has a header row (Hạng, Mã đơn vị, Tên đơn vị, Tổng điểm, Điểm tối đa, Chỉ số (%), Xếp loại)`);
}
