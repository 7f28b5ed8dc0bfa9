import type { SelfScoreInput } from '../domain/assessment/assessmentDecider';
import { leafIndex } from '../domain/framework/framework';
import { fromPoints } from '../domain/points';
import type { AreaDefinition, CriterionDefinition } from '../events/parEvents';
import { SELF_COLUMNS as C } from '../exports/templateLayout';
import type { SheetRow } from './rankingRows';
import { fileProblem, RowChecker, type RowProblem } from './templateCells';

/** What a filled self-assessment template says: the scores to save (with their sheet rows), or every problem. */
interface ParsedSelfAssessment {
  scores: SelfScoreInput[];
  /** The sheet row of each score, by position: a refusal naming scores[i] is reported on that row. */
  rows: number[];
  problems: RowProblem[];
}

/** Codes of the areas and of criteria with sub-criteria: header rows of the template, never scored. */
function innerCodes(areas: readonly AreaDefinition[]): Set<string> {
  const codes = new Set<string>();
  const walk = (node: CriterionDefinition) => {
    if (node.children.length === 0) return;
    codes.add(node.code);
    node.children.forEach(walk);
  };
  for (const area of areas) {
    codes.add(area.code);
    area.criteria.forEach(walk);
  }
  return codes;
}

const INPUTS = [C.points, C.applicable, C.evidence, C.explanation];

/**
 * Checks every row of a filled template against the criteria set, with the rules of saveSelfAssessmentDraft
 * (so a file that passes is not refused by the command), and collects every problem rather than stopping at the
 * first: the officer fixes the whole file at once. A leaf whose points are left empty (and not marked "Không") is
 * not filled in yet and skipped; so are header rows (areas, criteria with sub-criteria) and empty rows.
 */
export function parseSelfAssessmentRows(rows: readonly SheetRow[], areas: readonly AreaDefinition[], frameworkCode: string): ParsedSelfAssessment {
  const leaves = leafIndex(areas);
  const inner = innerCodes(areas);
  const seen = new Set<string>();
  const parsed: ParsedSelfAssessment = { scores: [], rows: [], problems: [] };
  for (const sheetRow of rows) {
    const check = new RowChecker(sheetRow);
    const code = check.text(C.code);
    const hasInput = INPUTS.some((column) => !check.isBlank(column));
    if (code === '') {
      if (hasInput) check.problem(C.code, `thiếu ${C.code.header} cho dòng có nhập liệu`);
    } else if (seen.has(code)) {
      check.problem(C.code, `tiêu chí ${code} xuất hiện hai lần trong tệp`);
    } else if (inner.has(code)) {
      if (hasInput) check.problem(C.points, `${code} là lĩnh vực hoặc tiêu chí có tiêu chí thành phần: chỉ chấm ở các dòng tiêu chí thành phần`);
    } else {
      const leaf = leaves.get(code);
      seen.add(code);
      if (!leaf) check.problem(C.code, `mã tiêu chí "${code}" không có trong bộ tiêu chí ${frameworkCode}`);
      else if (leaf.method === 'SURVEY') {
        if (hasInput) check.problem(C.points, `tiêu chí ${code} được chấm bằng điều tra xã hội học, đơn vị không tự chấm`);
      } else {
        const score = scoreOf(check, code, fromPoints(leaf.maxPoints));
        if (score && check.problems.length === 0) {
          parsed.scores.push(score);
          parsed.rows.push(check.row);
        }
      }
    }
    parsed.problems.push(...check.problems);
  }
  if (parsed.problems.length === 0 && parsed.scores.length === 0) {
    parsed.problems.push(fileProblem(`chưa chấm tiêu chí nào: nhập ${C.points.header}, hoặc chọn "Không" ở cột ${C.applicable.header}`));
  }
  return parsed;
}

/** A leaf's row as the score it gives, or null when it is not filled in (or wrong: the problems are noted). */
function scoreOf(check: RowChecker, code: string, max: number): SelfScoreInput | null {
  const points = check.points(C.points, max, code);
  const applicable = check.yesNo(C.applicable);
  const evidence = check.evidence(C.evidence);
  const explanation = check.longText(C.explanation);
  if (applicable === false) {
    if (!check.isBlank(C.points)) check.problem(C.points, `để trống ${C.points.header} khi tiêu chí ${code} không áp dụng`);
    if (!explanation) check.problem(C.explanation, `nhập ${C.explanation.header}: vì sao tiêu chí ${code} không áp dụng với đơn vị`);
    return { criterionCode: code, applicable: false, points: null, evidence, explanation };
  }
  if (check.isBlank(C.points)) return null;
  // Where evidence (tài liệu kiểm chứng) is missing, the agency must explain (giải trình) instead: the decider's rule.
  if (evidence.length === 0 && !explanation) {
    check.problem(C.explanation, `tiêu chí ${code}: nhập ${C.evidence.header}, hoặc ${C.explanation.header} khi không có tài liệu`);
  }
  return points === null ? null : { criterionCode: code, applicable: true, points, evidence, explanation };
}
