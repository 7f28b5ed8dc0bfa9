import type { Workbook, Worksheet } from 'exceljs';
import { HEADERS } from './vietnameseLabels';

/** Two decimals shown; the cell keeps the unrounded value, so sums and re-sorting in Excel stay exact. */
const POINTS_FORMAT = '0.00';

/** One column of an exported table: its Vietnamese header, its width, and whether it holds points. */
export interface Column<Row> {
  header: string;
  width: number;
  value: (row: Row) => string | number | null;
  /** Numbers shown with POINTS_FORMAT (ranks and counts are not). */
  points?: boolean;
  /** Long text (evidence, explanations): wrapped instead of cut off. */
  wrap?: boolean;
}

/**
 * A sheet holding one table: the header row first and frozen (it stays in view while scrolling), bold, with an
 * auto-filter; one row per item; numbers stored as numbers. A null value leaves the cell empty (not 0: a missing
 * score is not a score of zero).
 */
export function addTable<Row>(workbook: Workbook, name: string, columns: readonly Column<Row>[], rows: readonly Row[]): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.points ? { numFmt: POINTS_FORMAT } : c.wrap ? { alignment: { wrapText: true, vertical: 'top' } } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row) ?? null));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

/** Several references or texts in one cell, one per line. */
export const lines = (items: readonly string[]): string | null => (items.length > 0 ? items.join('\n') : null);

/** One line of an item/value sheet; `points` shows a number with POINTS_FORMAT. */
export type Item = readonly [label: string, value: string | number | null, points?: 'points'];

/** A sheet of items and their values (the source, a summary), laid out and frozen like a table. */
export function addItemSheet(workbook: Workbook, name: string, items: readonly Item[]): Worksheet {
  const sheet = addTable<Item>(
    workbook,
    name,
    [
      { header: HEADERS.item, width: 36, value: ([label]) => label },
      { header: HEADERS.value, width: 70, value: ([, value]) => value, wrap: true },
    ],
    items,
  );
  items.forEach(([, , points], i) => {
    if (points) sheet.getCell(i + 2, 2).numFmt = POINTS_FORMAT;
  });
  return sheet;
}
