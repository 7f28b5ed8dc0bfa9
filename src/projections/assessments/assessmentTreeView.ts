import { assessmentTree, type AssessmentTreeNode, type LeafPoints } from '../../domain/assessment/assessmentTree';
import type { AssessmentNodeKind } from '../../domain/enums';
import { fromPoints, toPoints, type Points } from '../../domain/points';
import type { AssessmentDocument, CriterionView } from './assessmentDocument';

/** A node of Assessment.tree as served: sub-totals in points as people read them, the leaf's served score. */
export interface AssessmentNodeView {
  code: string;
  title: string;
  kind: AssessmentNodeKind;
  maxPoints: number;
  applicableMaxPoints: number;
  selfPoints: number;
  appraisedPoints: number;
  points: number;
  unscoredLeaves: number;
  children: AssessmentNodeView[];
  score: CriterionView | null;
}

type ServedLeaf = LeafPoints & { view: CriterionView };

// The served points were written from whole ten-thousandths (fromPoints), so reading them back is exact.
const exact = (value: number) => toPoints(value) as Points;
const exactOrNull = (value: number | null) => (value === null ? null : exact(value));

/**
 * The tree of a served assessment, built from the document's own leaves and framework (so a past state read with
 * `asOf` has its tree too, and documents need not store it twice).
 */
export function assessmentTreeOf(doc: AssessmentDocument): AssessmentNodeView[] {
  const leaves = new Map(doc.criteria.map((c) => [c.code, c]));
  const scoreOf = (code: string): ServedLeaf => {
    const view = leaves.get(code);
    if (!view) throw new Error(`assessment ${doc.year} of ${doc.agencyCode} has no score for leaf ${code} of its framework`);
    return {
      view,
      maxPoints: exact(view.maxPoints),
      selfPoints: exactOrNull(view.selfPoints),
      appraisedPoints: exactOrNull(view.appraisedPoints),
      finalPoints: exactOrNull(view.finalPoints),
      applicable: view.applicable,
    };
  };
  return assessmentTree(doc.frameworkAreas, scoreOf).map(present);
}

function present(node: AssessmentTreeNode<ServedLeaf>): AssessmentNodeView {
  return {
    code: node.code,
    title: node.title,
    kind: node.kind,
    maxPoints: fromPoints(node.maxPoints),
    applicableMaxPoints: fromPoints(node.applicableMaxPoints),
    selfPoints: fromPoints(node.selfPoints),
    appraisedPoints: fromPoints(node.appraisedPoints),
    points: fromPoints(node.points),
    unscoredLeaves: node.unscoredLeaves,
    children: node.children.map(present),
    score: node.score?.view ?? null,
  };
}
