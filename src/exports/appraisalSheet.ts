import ExcelJS from 'exceljs';
import type { PendingLeafView } from '../projections/responsibilities/pendingLeaves';
import { addFillInSheet, pointsRule, protectSheet, textRule, unlock, yesNoRule } from './fillInSheet';
import { addSourceSheet, type ExportSource } from './sourceSheet';
import { lines } from './table';
import { addTemplateMarker, APPRAISAL_COLUMNS as C, APPRAISAL_SHEET, TEMPLATE_VERSION, type TemplateColumn } from './templateLayout';
import { HEADERS, yesNo } from './vietnameseLabels';

const WIDTHS: Record<keyof typeof C, number> = {
  agencyCode: 12,
  agencyName: 28,
  code: 11,
  title: 45,
  max: 10,
  selfPoints: 11,
  claim: 12,
  evidence: 35,
  explanation: 35,
  round: 10,
  points: 13,
  applicable: 12,
  comment: 40,
};
const WRAPPED: readonly (keyof typeof C)[] = ['agencyName', 'title', 'evidence', 'explanation', 'comment'];
const LAYOUT = (Object.keys(C) as (keyof typeof C)[]).map((key) => ({ ...C[key], width: WIDTHS[key], wrap: WRAPPED.includes(key) }));
const INPUT_COLUMNS: TemplateColumn[] = [C.points, C.applicable, C.comment];

/** What the appraiser reads of a leaf, then the cells it fills: one row per pending leaf. */
function values(leaf: PendingLeafView): Record<keyof typeof C, string | number | null> {
  const c = leaf.criterion;
  return {
    agencyCode: leaf.agencyCode,
    agencyName: leaf.agencyName,
    code: leaf.criterionCode,
    title: c.title,
    max: leaf.maxPoints,
    selfPoints: c.selfPoints,
    claim: yesNo(!leaf.claimedNotApplicable),
    evidence: lines(c.evidence),
    explanation: c.explanation,
    round: leaf.round,
    points: null,
    applicable: null,
    comment: null,
  };
}

/**
 * The appraiser's sheet of a year: every leaf the appraising agency still has to score, across the agencies it
 * appraises, with the agency's self score, claim, evidence and explanation, then the cells to fill (points,
 * applicability, comment) under Excel's checks; the source sheet and the hidden marker.
 */
export async function appraisalSheet(
  year: number,
  appraiserCode: string,
  leaves: readonly PendingLeafView[],
  source: Omit<ExportSource, 'details'>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PAR Ledger';
  workbook.created = source.exportedAt;
  const sheet = addFillInSheet(workbook, APPRAISAL_SHEET, LAYOUT);
  leaves.forEach((leaf, i) => {
    const r = i + 2;
    const row = sheet.getRow(r);
    const cells = values(leaf);
    for (const key of Object.keys(C) as (keyof typeof C)[]) row.getCell(C[key].index).value = cells[key];
    unlock(sheet, r, INPUT_COLUMNS);
    row.getCell(C.points.index).dataValidation = pointsRule(C.points.header, leaf.maxPoints);
    row.getCell(C.applicable.index).dataValidation = yesNoRule(C.applicable.header);
    row.getCell(C.comment.index).dataValidation = textRule(C.comment.header);
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LAYOUT.length } };
  await protectSheet(sheet);
  addSourceSheet(workbook, {
    ...source,
    details: [
      ['Năm', year],
      [HEADERS.appraiserCode, appraiserCode],
      ['Số tiêu chí chờ thẩm định', leaves.length],
      ['Cách nộp lại', 'POST /imports/appraisal (mỗi đơn vị được thẩm định một lệnh appraiseCriteria)'],
    ],
  });
  addTemplateMarker(workbook, { kind: 'APPRAISAL', version: TEMPLATE_VERSION, year, agencyCode: appraiserCode, frameworkCode: null });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
