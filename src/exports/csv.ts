import type { Column } from './table';

/** Excel reads a CSV file as UTF-8 only when it starts with the byte-order mark; without it Vietnamese is garbled. */
const BOM = '\uFEFF';

/**
 * Text a spreadsheet would run as a formula. Exported names and explanations come from users, so such a cell
 * gets a leading apostrophe (OWASP's advice for CSV injection); numbers are written as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: string | number | null): string {
  if (value === null) return '';
  // String() writes '.' as the decimal mark and every digit of the stored value: nothing is rounded.
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV (comma, CRLF, quotes doubled) with a UTF-8 BOM: the header row, then one line per row. */
export function toCsv<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): Buffer {
  const lines = [columns.map((c) => field(c.header)), ...rows.map((row) => columns.map((c) => field(c.value(row) ?? null)))];
  return Buffer.from(BOM + lines.map((l) => l.join(',')).join('\r\n') + '\r\n', 'utf8');
}
