import ExcelJS from 'exceljs';
import type { AssessmentDocument, CriterionView } from '../projections/assessments/assessmentDocument';
import { assessmentTreeOf, type AssessmentNodeView } from '../projections/assessments/assessmentTreeView';
import { addFillInSheet, pointsRule, protectSheet, textRule, unlock, yesNoRule } from './fillInSheet';
import { addSourceSheet, type ExportSource } from './sourceSheet';
import { lines } from './table';
import { addTemplateMarker, NO, SELF_COLUMNS as C, SELF_SHEET, TEMPLATE_VERSION, YES } from './templateLayout';
import { ASSESSMENT_STATUS_LABELS, HEADERS } from './vietnameseLabels';

const WIDTHS = { code: 12, title: 55, max: 11, points: 13, applicable: 12, evidence: 40, explanation: 45 } as const;
const LAYOUT = (Object.keys(C) as (keyof typeof C)[]).map((key) => ({
  ...C[key],
  width: WIDTHS[key],
  wrap: ['title', 'evidence', 'explanation'].includes(key),
}));
const INPUT_COLUMNS = [C.points, C.applicable, C.evidence, C.explanation];

/** The leaf's saved draft, else what was sent, else nothing: what the officer starts from. */
function startingScore(c: CriterionView) {
  if (c.draft) return c.draft;
  if (c.selfPoints !== null || c.notApplicableClaim !== null)
    return { applicable: c.notApplicableClaim === null, points: c.selfPoints, explanation: c.explanation, evidence: c.evidence };
  return null;
}

function flatten(nodes: readonly AssessmentNodeView[], depth = 0): { node: AssessmentNodeView; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flatten(node.children, depth + 1)]);
}

/**
 * The self-assessment template of one agency and year: sheet "Tự đánh giá" with the criteria tree of its
 * framework (areas and criteria with sub-criteria as bold header rows, leaves as rows to fill, pre-filled with the
 * draft or the sent scores), Excel's own checks on each cell to fill, the source sheet, and the hidden marker
 * that lets the import recognise the file.
 */
export async function selfAssessmentTemplate(doc: AssessmentDocument, source: Omit<ExportSource, 'details'>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PAR Ledger';
  workbook.created = source.exportedAt;
  const sheet = addFillInSheet(workbook, SELF_SHEET, LAYOUT);
  flatten(assessmentTreeOf(doc)).forEach(({ node, depth }, i) => {
    const r = i + 2;
    const row = sheet.getRow(r);
    row.getCell(C.code.index).value = node.code;
    row.getCell(C.title.index).value = node.score?.method === 'SURVEY' ? `${node.title} (điều tra xã hội học, không tự chấm)` : node.title;
    row.getCell(C.title.index).alignment = { wrapText: true, vertical: 'top', indent: depth };
    row.getCell(C.max.index).value = node.maxPoints;
    if (!node.score) {
      row.font = { bold: true };
      return;
    }
    if (node.score.method === 'SURVEY') {
      row.font = { italic: true, color: { argb: 'FF808080' } };
      return;
    }
    const start = startingScore(node.score);
    if (start) {
      row.getCell(C.points.index).value = start.points;
      row.getCell(C.applicable.index).value = start.applicable ? YES : NO;
      row.getCell(C.evidence.index).value = lines(start.evidence);
      row.getCell(C.explanation.index).value = start.explanation;
    }
    unlock(sheet, r, INPUT_COLUMNS);
    row.getCell(C.points.index).dataValidation = pointsRule(C.points.header, node.maxPoints);
    row.getCell(C.applicable.index).dataValidation = yesNoRule(C.applicable.header);
    row.getCell(C.explanation.index).dataValidation = textRule(C.explanation.header);
  });
  await protectSheet(sheet);
  addSourceSheet(workbook, {
    ...source,
    details: [
      ['Năm', doc.year],
      [HEADERS.agencyCode, doc.agencyCode],
      [HEADERS.agencyName, doc.agencyName],
      [HEADERS.framework, doc.frameworkCode],
      ['Trạng thái đánh giá', `${ASSESSMENT_STATUS_LABELS[doc.status]} (${doc.status})`],
      ['Cách nộp lại', 'POST /imports/self-assessment (lưu thành bản nháp)'],
    ],
  });
  addTemplateMarker(workbook, {
    kind: 'SELF_ASSESSMENT',
    version: TEMPLATE_VERSION,
    year: doc.year,
    agencyCode: doc.agencyCode,
    frameworkCode: doc.frameworkCode,
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
