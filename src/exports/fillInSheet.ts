import type { DataValidation, Workbook, Worksheet } from 'exceljs';
import { CELL_BOUNDS, NO, YES, type TemplateColumn } from './templateLayout';
import { vietnameseNumber } from './vietnameseLabels';

/**
 * A sheet to fill in: the header row bold and frozen, each column its width, long text wrapped. Protected without
 * a password, only to stop slips: the cells to fill are unlocked one by one (unlockInputs), the codes and maxima
 * the import relies on are not. Anyone may unprotect it; the import checks every cell anyway.
 */
export function addFillInSheet(workbook: Workbook, name: string, columns: readonly (TemplateColumn & { width: number; wrap?: boolean })[]): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.wrap ? { alignment: { wrapText: true, vertical: 'top' } } : {} }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  for (const c of columns) {
    if (c.input) header.getCell(c.index).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  }
  return sheet;
}

/** Protects the sheet (no password): editing stays possible in unlocked cells, resizing and filtering everywhere. */
export async function protectSheet(sheet: Worksheet): Promise<void> {
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: false });
}

export function unlock(sheet: Worksheet, row: number, columns: readonly TemplateColumn[]): void {
  for (const c of columns) sheet.getCell(row, c.index).protection = { locked: false };
}

const STOP = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop' } as const;

/** Points from 0 to `max`: Excel refuses anything else as it is typed, in Vietnamese. */
export const pointsRule = (header: string, max: number): DataValidation => ({
  ...STOP,
  type: 'decimal',
  operator: 'between',
  formulae: [0, max],
  errorTitle: 'Điểm không hợp lệ',
  error: `${header} phải là số từ 0 đến ${vietnameseNumber(max)} (điểm tối đa của tiêu chí).`,
});

export const yesNoRule = (header: string): DataValidation => ({
  ...STOP,
  type: 'list',
  formulae: [`"${YES},${NO}"`],
  errorTitle: 'Giá trị không hợp lệ',
  error: `${header}: chọn "${YES}" hoặc "${NO}" (để trống là "${YES}").`,
});

export const textRule = (header: string): DataValidation => ({
  ...STOP,
  type: 'textLength',
  operator: 'lessThanOrEqual',
  formulae: [CELL_BOUNDS.textChars],
  errorTitle: 'Nội dung quá dài',
  error: `${header} tối đa ${CELL_BOUNDS.textChars} ký tự.`,
});
