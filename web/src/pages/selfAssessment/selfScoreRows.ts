import { formatNumber, parseDecimal } from '../../format/vietnamese';

/** A self-assessed leaf of the framework, as the form lists it. */
export interface SelfLeaf {
  code: string;
  title: string;
  maxPoints: number;
}

/** One leaf as saveSelfAssessmentDraft and submitSelfAssessment take it (the API's SelfScoreInput, written out here so
 * that this pure module, and its test, need no generated code). */
export interface SelfScore {
  criterionCode: string;
  applicable: boolean;
  points?: number;
  explanation: string | null;
  evidence: string[];
}

/** What the officer typed for one leaf: the points as text ("12,5"), evidence one document per line. */
export interface SelfRow {
  points: string;
  applicable: boolean;
  evidence: string;
  explanation: string;
}

interface FrameworkNode {
  code: string;
  title: string;
  maxPoints: number;
  method?: string | null;
  children?: FrameworkNode[];
}

/** The leaves the agency scores itself, in framework order: survey leaves are the coordinator's, not the agency's. */
export function selfAssessedLeaves(areas: { criteria: FrameworkNode[] }[]): SelfLeaf[] {
  const walk = (nodes: FrameworkNode[]): SelfLeaf[] =>
    nodes.flatMap((n) =>
      n.children && n.children.length > 0 ? walk(n.children) : n.method === 'SURVEY' ? [] : [{ code: n.code, title: n.title, maxPoints: n.maxPoints }],
    );
  return areas.flatMap((a) => walk(a.criteria));
}

interface SavedScore {
  code: string;
  selfPoints?: number | null;
  applicable: boolean;
  notApplicableClaim?: string | null;
  explanation?: string | null;
  evidence: string[];
  draft?: { applicable: boolean; points?: number | null; explanation?: string | null; evidence: string[] } | null;
}

// Written back as the officer would type it: a decimal comma, no thousands separator, every digit kept.
const decimal = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n).replace('.', ','));

/**
 * The form as last saved: the draft where there is one, else what was sent, else blank. Once the self-assessment
 * is sent the form only shows it, so it shows what was sent: a draft left on a leaf the submission did not include
 * is no part of it.
 */
export function initialRows(leaves: SelfLeaf[], saved: SavedScore[], sent = false): Record<string, SelfRow> {
  const byCode = new Map(saved.map((s) => [s.code, s]));
  return Object.fromEntries(
    leaves.map((leaf) => {
      const s = byCode.get(leaf.code);
      const source =
        (sent ? null : s?.draft) ??
        (s ? { applicable: s.notApplicableClaim ? false : s.applicable, points: s.selfPoints, explanation: s.explanation, evidence: s.evidence } : null);
      const row: SelfRow = {
        points: decimal(source?.points),
        applicable: source?.applicable ?? true,
        evidence: (source?.evidence ?? []).join('\n'),
        explanation: source?.explanation ?? '',
      };
      return [leaf.code, row];
    }),
  );
}

/**
 * The scores to send and, per leaf, what is wrong, checked before anything is sent so that the officer sees each
 * problem beside its criterion. A draft sends the leaves filled so far; sending requires every leaf.
 */
export function checkRows(leaves: SelfLeaf[], rows: Record<string, SelfRow>, complete: boolean): { scores: SelfScore[]; errors: Record<string, string> } {
  const scores: SelfScore[] = [];
  const errors: Record<string, string> = {};
  for (const leaf of leaves) {
    const row = rows[leaf.code];
    const evidence = row.evidence
      .split('\n')
      .map((e) => e.trim())
      .filter((e) => e !== '');
    const explanation = row.explanation.trim() || null;
    const named = `Tiêu chí ${leaf.code}`;
    if (!row.applicable) {
      if (!explanation) errors[leaf.code] = `${named}: hãy giải trình vì sao tiêu chí không áp dụng với đơn vị`;
      else scores.push({ criterionCode: leaf.code, applicable: false, explanation, evidence });
      continue;
    }
    const points = parseDecimal(row.points);
    if (points === null) {
      if (complete) errors[leaf.code] = `${named}: chưa nhập điểm tự đánh giá`;
      continue;
    }
    if (Number.isNaN(points)) errors[leaf.code] = `${named}: "${row.points}" không phải là số (ví dụ 12,5)`;
    else if (points < 0) errors[leaf.code] = `${named}: điểm không được âm`;
    else if (points > leaf.maxPoints) errors[leaf.code] = `${named}: ${formatNumber(points)} điểm vượt điểm tối đa ${formatNumber(leaf.maxPoints)}`;
    else if (evidence.length === 0 && !explanation) errors[leaf.code] = `${named}: hãy nêu tài liệu kiểm chứng, hoặc giải trình khi không có tài liệu`;
    else scores.push({ criterionCode: leaf.code, applicable: true, points, explanation, evidence });
  }
  return { scores, errors };
}
