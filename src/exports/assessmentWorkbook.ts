import ExcelJS from 'exceljs';
import type { AssessmentDocument, CriterionView } from '../projections/assessments/assessmentDocument';
import { assessmentTreeOf, type AssessmentNodeView } from '../projections/assessments/assessmentTreeView';
import { addSourceSheet, type ExportSource } from './sourceSheet';
import { addItemSheet, addTable, lines, type Column, type Item } from './table';
import { ASSESSMENT_STATUS_LABELS, GROUP_LABELS, HEADERS, NODE_KIND_LABELS, yesNo } from './vietnameseLabels';

const CRITERIA_SHEET = 'Tiêu chí';
const SUMMARY_SHEET = 'Tổng hợp';

/** A node of the criteria tree and how deep it sits (an area is 0), one row of the sheet. */
interface TreeRow {
  node: AssessmentNodeView;
  depth: number;
}

function flatten(nodes: readonly AssessmentNodeView[], depth = 0): TreeRow[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flatten(node.children, depth + 1)]);
}

/** A leaf's own figure from its score; `otherwise` for an area or criterion (its sub-total, or nothing). */
const onLeaf = <T>(row: TreeRow, figure: (score: CriterionView) => T, otherwise: T): T => (row.node.score ? figure(row.node.score) : otherwise);

const appraisalComments = (score: CriterionView) =>
  lines(score.appraisals.filter((a) => a.comment).map((a) => `Vòng ${a.round} (${a.appraiserCode}): ${a.comment}`));

const explanationAnswers = (score: CriterionView) =>
  lines(
    score.explanationRequests.map((e) =>
      [`Yêu cầu: ${e.question}`, `Trả lời: ${e.text ?? '(chưa trả lời)'}`, ...e.evidence.map((ref) => `Tài liệu: ${ref}`)].join('\n'),
    ),
  );

/**
 * The tree as Assessment.tree serves it: every area, criterion and leaf with its points. A leaf shows its self,
 * appraised, survey and final points as scored (empty when not given); an inner node its sub-totals.
 */
const CRITERIA_COLUMNS: readonly Column<TreeRow>[] = [
  { header: HEADERS.criterionCode, width: 12, value: (r) => r.node.code },
  { header: HEADERS.criterionTitle, width: 50, value: (r) => r.node.title, wrap: true },
  { header: HEADERS.level, width: 18, value: (r) => NODE_KIND_LABELS[r.node.kind] },
  { header: HEADERS.appraiserCode, width: 14, value: (r) => onLeaf(r, (s) => s.appraiserCode, null) },
  { header: HEADERS.applicable, width: 9, value: (r) => onLeaf(r, (s) => yesNo(s.applicable), null) },
  { header: HEADERS.maxPoints, width: 11, value: (r) => r.node.maxPoints, points: true },
  { header: HEADERS.applicableMaxPoints, width: 11, value: (r) => r.node.applicableMaxPoints, points: true },
  { header: HEADERS.selfPoints, width: 11, value: (r) => onLeaf(r, (s) => s.selfPoints, r.node.selfPoints), points: true },
  { header: HEADERS.appraisedPoints, width: 11, value: (r) => onLeaf(r, (s) => s.appraisedPoints, r.node.appraisedPoints), points: true },
  { header: HEADERS.surveyPoints, width: 11, value: (r) => onLeaf(r, (s) => s.surveyPoints, null), points: true },
  { header: HEADERS.finalPoints, width: 11, value: (r) => onLeaf(r, (s) => s.finalPoints, r.node.points), points: true },
  { header: HEADERS.evidence, width: 40, value: (r) => onLeaf(r, (s) => lines(s.evidence), null), wrap: true },
  { header: HEADERS.explanation, width: 40, value: (r) => onLeaf(r, (s) => s.explanation, null), wrap: true },
  { header: HEADERS.appraisalComments, width: 40, value: (r) => onLeaf(r, appraisalComments, null), wrap: true },
  { header: HEADERS.explanationAnswers, width: 50, value: (r) => onLeaf(r, explanationAnswers, null), wrap: true },
];

function summary(doc: AssessmentDocument): Item[] {
  return [
    [HEADERS.agencyCode, doc.agencyCode],
    [HEADERS.agencyName, doc.agencyName],
    ['Năm', doc.year],
    ['Nhóm', `${GROUP_LABELS[doc.group]} (${doc.group})`],
    ['Bộ chỉ số', doc.frameworkCode],
    ['Trạng thái', `${ASSESSMENT_STATUS_LABELS[doc.status]} (${doc.status})`],
    ['Tổng điểm tự đánh giá', doc.selfTotalPoints, 'points'],
    ['Điểm thưởng', doc.bonusPoints, 'points'],
    ['Điểm trừ', doc.penaltyPoints, 'points'],
    [HEADERS.totalPoints, doc.totalPoints, 'points'],
    [HEADERS.applicableMaxPoints, doc.applicableMaxPoints, 'points'],
    [HEADERS.indexPercent, doc.indexPercent, 'points'],
    [HEADERS.band, doc.band?.label ?? null],
    ['Thời điểm nộp (UTC)', doc.submittedAt],
    ['Thời điểm hoàn thành (UTC)', doc.finalizedAt],
  ];
}

/**
 * One agency's assessment of one year as the query `assessment` serves it: the criteria tree (sheet "Tiêu chí",
 * each title indented by its depth), the source (sheet "Nguồn") and the totals (sheet "Tổng hợp").
 */
export async function assessmentWorkbook(doc: AssessmentDocument, source: Omit<ExportSource, 'details'>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PAR Ledger';
  workbook.created = source.exportedAt;
  const rows = flatten(assessmentTreeOf(doc));
  const sheet = addTable(workbook, CRITERIA_SHEET, CRITERIA_COLUMNS, rows);
  rows.forEach((row, i) => {
    const title = sheet.getCell(i + 2, 2);
    title.alignment = { ...title.alignment, indent: row.depth };
    if (row.node.kind === 'AREA') sheet.getRow(i + 2).font = { bold: true };
  });
  addSourceSheet(workbook, {
    ...source,
    details: [
      ['Năm', doc.year],
      [HEADERS.agencyCode, doc.agencyCode],
      ['Trạng thái đánh giá', `${ASSESSMENT_STATUS_LABELS[doc.status]} (${doc.status})`],
      ['Phiên bản luồng đánh giá', doc.version],
    ],
  });
  addItemSheet(workbook, SUMMARY_SHEET, summary(doc));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
