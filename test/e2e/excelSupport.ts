import ExcelJS from 'exceljs';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook from a download (200, .xlsx), or from bytes. */
export async function bookOf(source: Response | Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  if (Buffer.isBuffer(source)) {
    await book.xlsx.load(source as unknown as ArrayBuffer);
    return book;
  }
  if (source.status !== 200) throw new Error(`download failed (${source.status}): ${await source.text()}`);
  expectXlsx(source.headers.get('content-type'));
  await book.xlsx.load(await source.arrayBuffer());
  return book;
}

function expectXlsx(contentType: string | null) {
  if (contentType !== XLSX) throw new Error(`expected ${XLSX}, got ${contentType}`);
}

export async function bytesOf(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The row of a sheet whose column `column` holds `value` (a criterion code, say). */
export function rowWith(sheet: ExcelJS.Worksheet, column: number, value: string, also?: (row: ExcelJS.Row) => boolean): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!found && row.getCell(column).value === value && (also?.(row) ?? true)) found = row;
  });
  if (!found) throw new Error(`sheet ${sheet.name} has no row with "${value}" in column ${column}`);
  return found;
}

/** One problem of a 422 answer, as the test compares them. */
export interface Problem {
  row: number | null;
  column: string | null;
  header: string | null;
  reason: string;
}

export async function problemsOf(res: Response): Promise<Problem[]> {
  const body = (await res.json()) as { errors: Problem[] };
  if (res.status !== 422) throw new Error(`expected 422, got ${res.status}: ${JSON.stringify(body)}`);
  return body.errors.map(({ row, column, header, reason }) => ({ row, column, header, reason }));
}
