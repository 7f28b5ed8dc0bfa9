import type { AppraisalItem } from '../domain/assessment/bulkAppraisal';
import { APPRAISAL_COLUMNS as C, YES } from '../exports/templateLayout';
import type { SheetRow } from './rankingRows';
import { fileProblem, RowChecker, type RowProblem } from './templateCells';

/** A leaf the appraising agency still has to score, and in which round. */
export interface PendingLeaf {
  agencyCode: string;
  criterionCode: string;
  round: 1 | 2;
  maxPoints: number;
  /** The agency claimed "not applicable": confirming that needs no comment. */
  claimedNotApplicable: boolean;
}

/** The appraisals of one agency in one round: one appraiseCriteria command. */
interface AppraisalBatch {
  agencyCode: string;
  round: number;
  items: AppraisalItem[];
  /** The sheet row of each item, by position. */
  rows: number[];
}

interface ParsedAppraisal {
  batches: AppraisalBatch[];
  problems: RowProblem[];
}

const keyOf = (agencyCode: string, criterionCode: string) => `${agencyCode}\u0000${criterionCode}`;

/**
 * Checks every row of a filled appraiser's sheet against the leaves still pending for the appraising agency (as
 * the read model has them at upload), with appraiseCriterion's rules, and collects every problem. A row with no
 * appraisal entered (no points, not "Không") is skipped, whatever else it holds. Good rows are grouped by agency and round.
 */
export function parseAppraisalRows(rows: readonly SheetRow[], pending: readonly PendingLeaf[]): ParsedAppraisal {
  const byKey = new Map(pending.map((p) => [keyOf(p.agencyCode, p.criterionCode), p]));
  const seen = new Set<string>();
  const batches = new Map<string, AppraisalBatch>();
  const problems: RowProblem[] = [];
  for (const sheetRow of rows) {
    const check = new RowChecker(sheetRow);
    const agencyCode = check.text(C.agencyCode);
    const code = check.text(C.code);
    // Not appraised in this file: no points and not judged "not applicable" (a comment alone says nothing to record).
    if (check.isBlank(C.points) && (check.isBlank(C.applicable) || check.text(C.applicable) === YES)) continue;
    const key = keyOf(agencyCode, code);
    const leaf = byKey.get(key);
    if (agencyCode === '' || code === '')
      check.problem(agencyCode === '' ? C.agencyCode : C.code, `thiếu ${agencyCode === '' ? C.agencyCode.header : C.code.header}`);
    else if (seen.has(key)) check.problem(C.code, `tiêu chí ${code} của ${agencyCode} xuất hiện hai lần trong tệp`);
    else if (!leaf) {
      check.problem(C.code, `tiêu chí ${code} của ${agencyCode} không chờ đơn vị bạn thẩm định (không có, đã thẩm định, hoặc do đơn vị khác thẩm định)`);
    } else {
      seen.add(key);
      const item = itemOf(check, leaf);
      if (item && check.problems.length === 0) {
        const batchKey = `${agencyCode}\u0000${leaf.round}`;
        const batch = batches.get(batchKey) ?? { agencyCode, round: leaf.round, items: [], rows: [] };
        batch.items.push(item);
        batch.rows.push(check.row);
        batches.set(batchKey, batch);
      }
    }
    problems.push(...check.problems);
  }
  if (problems.length === 0 && batches.size === 0) problems.push(fileProblem(`chưa thẩm định tiêu chí nào: nhập ${C.points.header}, hoặc chọn "Không"`));
  return { batches: [...batches.values()], problems };
}

function itemOf(check: RowChecker, leaf: PendingLeaf): AppraisalItem | null {
  const round = check.text(C.round);
  if (round !== '1' && round !== '2') check.problem(C.round, `"${round}" không hợp lệ: ${C.round.header} là 1 hoặc 2`);
  else if (Number(round) !== leaf.round) check.problem(C.round, `tiêu chí ${leaf.criterionCode} đang chờ vòng ${leaf.round}, không phải vòng ${round}`);
  const points = check.points(C.points, leaf.maxPoints, leaf.criterionCode);
  const applicable = check.yesNo(C.applicable);
  const comment = check.longText(C.comment);
  if (applicable === false) {
    if (!check.isBlank(C.points)) check.problem(C.points, `để trống ${C.points.header} khi tiêu chí ${leaf.criterionCode} không áp dụng`);
    // Confirming the agency's own "not applicable" claim needs no comment: its explanation stands.
    if (!comment && !leaf.claimedNotApplicable) check.problem(C.comment, `nhập ${C.comment.header}: vì sao tiêu chí ${leaf.criterionCode} không áp dụng`);
    return { criterionCode: leaf.criterionCode, applicable: false, points: null, comment };
  }
  return points === null ? null : { criterionCode: leaf.criterionCode, applicable: true, points, comment };
}
