import { toPoints } from '../domain/points';
import { CELL_BOUNDS, columnLetter, NO, YES, type TemplateColumn } from '../exports/templateLayout';
import { vietnameseNumber } from '../exports/vietnameseLabels';
import { blank, numberOf, textOf, type CellValue, type SheetRow } from './rankingRows';

/** One thing wrong in an uploaded file: where (row and column as Excel shows them; null for the whole file) and why. */
export interface RowProblem {
  row: number | null;
  /** The column's letter, e.g. "D". */
  column: string | null;
  /** The column's header as the template writes it, e.g. "Điểm tự chấm". */
  header: string | null;
  reason: string;
}

export const fileProblem = (reason: string): RowProblem => ({ row: null, column: null, header: null, reason });

/** The problems of one row, each naming its column; a row is good when it collects none. */
export class RowChecker {
  readonly problems: RowProblem[] = [];

  constructor(private readonly sheetRow: SheetRow) {}

  get row(): number {
    return this.sheetRow.row;
  }

  cell(column: TemplateColumn): CellValue {
    return this.sheetRow.cells.get(column.index) ?? null;
  }

  text(column: TemplateColumn): string {
    return textOf(this.cell(column));
  }

  isBlank(column: TemplateColumn): boolean {
    return blank(this.cell(column));
  }

  problem(column: TemplateColumn, reason: string): void {
    this.problems.push({ row: this.row, column: columnLetter(column.index), header: column.header, reason });
  }

  /** Points between 0 and `max`, at most 4 decimals (the ledger's precision); null when blank or wrong (noted). */
  points(column: TemplateColumn, max: number, criterionCode: string): number | null {
    const value = this.cell(column);
    if (blank(value)) return null;
    const points = numberOf(value);
    if (points === null) {
      this.problem(column, `"${textOf(value)}" không phải là số (${column.header} của tiêu chí ${criterionCode})`);
      return null;
    }
    if (toPoints(points) === null) {
      this.problem(column, `${points} có quá 4 chữ số thập phân (${column.header} của tiêu chí ${criterionCode})`);
      return null;
    }
    if (points < 0 || points > max) {
      this.problem(
        column,
        `${vietnameseNumber(points)} nằm ngoài khoảng 0–${vietnameseNumber(max)}, điểm tối đa của tiêu chí ${criterionCode} (${column.header})`,
      );
      return null;
    }
    return points;
  }

  /** "Có" → true, "Không" → false, blank → null (the caller's default); anything else is noted. */
  yesNo(column: TemplateColumn): boolean | null {
    const text = this.text(column);
    if (text === '') return null;
    const folded = text.toLocaleLowerCase('vi');
    if (folded === YES.toLocaleLowerCase('vi')) return true;
    if (folded === NO.toLocaleLowerCase('vi')) return false;
    this.problem(column, `"${text}" không hợp lệ: ${column.header} chỉ nhận "${YES}" hoặc "${NO}"`);
    return null;
  }

  /** Free text up to the API's bound (explanations, comments); null when blank. */
  longText(column: TemplateColumn): string | null {
    const text = this.text(column);
    if (text === '') return null;
    if (text.length > CELL_BOUNDS.textChars) {
      this.problem(column, `${column.header} dài ${text.length} ký tự, vượt quá ${CELL_BOUNDS.textChars} ký tự`);
    }
    return text;
  }

  /** Evidence references, one per line or separated by ";", within the API's bounds. */
  evidence(column: TemplateColumn): string[] {
    const items = this.text(column)
      .split(/[\n;]/)
      .map((item) => item.trim())
      .filter((item) => item !== '');
    if (items.length > CELL_BOUNDS.evidenceItems) {
      this.problem(column, `${items.length} tài liệu, vượt quá ${CELL_BOUNDS.evidenceItems} tài liệu cho một tiêu chí (${column.header})`);
    }
    const long = items.findIndex((item) => item.length > CELL_BOUNDS.evidenceChars);
    if (long >= 0) this.problem(column, `tài liệu thứ ${long + 1} dài quá ${CELL_BOUNDS.evidenceChars} ký tự (${column.header})`);
    return items;
  }
}

/**
 * A command's refusal of one item (`scores[3].points`, `items[0].comment`) as a problem on that item's sheet row,
 * or null when it names no item. Rows that passed every check can still be refused by a rule only the command sees
 * (a state that changed since the file was checked): the officer is then pointed at the row all the same.
 */
export function refusedRow(
  error: { field?: string; message: string },
  rows: readonly number[],
  columns: Readonly<Record<string, TemplateColumn>>,
): RowProblem | null {
  const match = /^(?:scores|items)\[(\d+)\](?:\.(\w+))?/.exec(error.field ?? '');
  const row = match ? rows[Number(match[1])] : undefined;
  if (!match || row === undefined) return null;
  const column = match[2] ? columns[match[2]] : undefined;
  return { row, column: column ? columnLetter(column.index) : null, header: column?.header ?? null, reason: error.message };
}
