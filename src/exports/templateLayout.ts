import type { Workbook } from 'exceljs';
import { INPUT_BOUNDS } from '../schema/inputBounds';
import { HEADERS } from './vietnameseLabels';

/**
 * The fill-in workbooks (self-assessment template, appraiser's sheet): their columns, written by the exports and
 * read back by the imports from this one list, so a column moved here moves in both.
 */

/** Raised when a layout changes incompatibly: a file made from an older layout is then refused as a wrong template. */
export const TEMPLATE_VERSION = 1;

export type TemplateKind = 'SELF_ASSESSMENT' | 'APPRAISAL';

/** The hidden sheet saying what a template is for, so a file for another purpose, agency or year is recognised. */
const MARKER_SHEET = '_mau';

/** What a template was made for. `agencyCode` is the assessed agency (self-assessment) or the appraising one. */
export interface TemplateMarker {
  kind: TemplateKind;
  version: number;
  year: number;
  agencyCode: string;
  /** The criteria set of the assessed agency (self-assessment); null for an appraiser's sheet, which spans sets. */
  frameworkCode: string | null;
}

export const SELF_SHEET = 'Tự đánh giá';
export const APPRAISAL_SHEET = 'Thẩm định';

export const YES = 'Có';
export const NO = 'Không';

/** One column: its number (A = 1), its header, and whether the user fills it in. */
export interface TemplateColumn {
  index: number;
  header: string;
  input: boolean;
}

const columns = <K extends string>(list: readonly [K, string, boolean][]): Record<K, TemplateColumn> =>
  Object.fromEntries(list.map(([key, header, input], i) => [key, { index: i + 1, header, input }])) as Record<K, TemplateColumn>;

export const SELF_COLUMNS = columns([
  ['code', HEADERS.criterionCode, false],
  ['title', HEADERS.criterionTitle, false],
  ['max', HEADERS.maxPoints, false],
  ['points', 'Điểm tự chấm', true],
  ['applicable', 'Áp dụng (Có/Không)', true],
  ['evidence', HEADERS.evidence, true],
  ['explanation', HEADERS.explanation, true],
] as const);

export const APPRAISAL_COLUMNS = columns([
  ['agencyCode', HEADERS.agencyCode, false],
  ['agencyName', HEADERS.agencyName, false],
  ['code', HEADERS.criterionCode, false],
  ['title', HEADERS.criterionTitle, false],
  ['max', HEADERS.maxPoints, false],
  ['selfPoints', HEADERS.selfPoints, false],
  ['claim', 'Đơn vị đề nghị áp dụng', false],
  ['evidence', HEADERS.evidence, false],
  ['explanation', HEADERS.explanation, false],
  ['round', 'Vòng thẩm định', false],
  ['points', HEADERS.appraisedPoints, true],
  ['applicable', 'Áp dụng (Có/Không)', true],
  ['comment', 'Nhận xét', true],
] as const);

/** "D" for column 4: how Excel names a column, for messages people follow to the cell. */
export function columnLetter(index: number): string {
  let letter = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}

/** What a cell may hold: the bounds the GraphQL inputs take, so a file passes exactly what the API would. */
export const CELL_BOUNDS = {
  textChars: INPUT_BOUNDS.textChars,
  evidenceItems: INPUT_BOUNDS.evidenceItems,
  evidenceChars: INPUT_BOUNDS.evidenceChars,
} as const;

const MARKER_FIELDS = ['kind', 'version', 'year', 'agencyCode', 'frameworkCode'] as const;

/** Writes the marker as key/value rows of a hidden sheet (hidden, not "very hidden": a curious user may look). */
export function addTemplateMarker(workbook: Workbook, marker: TemplateMarker): void {
  const sheet = workbook.addWorksheet(MARKER_SHEET, { state: 'hidden' });
  for (const field of MARKER_FIELDS) sheet.addRow([field, marker[field]]);
}

/** The marker of a workbook, or null when it has none or a malformed one (then it is no template of ours). */
export function readTemplateMarker(workbook: Workbook): TemplateMarker | null {
  const sheet = workbook.getWorksheet(MARKER_SHEET);
  if (!sheet) return null;
  const values = new Map<string, unknown>();
  sheet.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
  const kind = values.get('kind');
  const version = values.get('version');
  const year = values.get('year');
  const agencyCode = values.get('agencyCode');
  const frameworkCode = values.get('frameworkCode') ?? null;
  if (kind !== 'SELF_ASSESSMENT' && kind !== 'APPRAISAL') return null;
  if (typeof version !== 'number' || typeof year !== 'number' || typeof agencyCode !== 'string') return null;
  if (frameworkCode !== null && typeof frameworkCode !== 'string') return null;
  return { kind, version, year, agencyCode, frameworkCode };
}
