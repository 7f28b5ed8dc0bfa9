import type { AreaDefinition, CriterionDefinition } from '../../events/parEvents';
import type { AssessmentNodeKind } from '../enums';
import { sumPoints, ZERO, type Points } from '../points';

/** What the tree needs of a scored leaf (scoring.ts's CriterionResult has these, and so does a served one). */
export interface LeafPoints {
  maxPoints: Points;
  selfPoints: Points | null;
  appraisedPoints: Points | null;
  finalPoints: Points | null;
  applicable: boolean;
}

export interface AssessmentTreeNode<S extends LeafPoints> {
  code: string;
  title: string;
  kind: AssessmentNodeKind;
  /** Every leaf's maximum below the node (the framework's figure). */
  maxPoints: Points;
  /** The maxima of the applicable leaves only: what the node's points are measured against. */
  applicableMaxPoints: Points;
  /** Sent self points (drafts are not sent; a "not applicable" claim adds nothing), as the area sub-totals count them. */
  selfPoints: Points;
  /** Latest appraised points (survey leaves have none). */
  appraisedPoints: Points;
  /** Final points of the applicable leaves; a leaf not scored yet counts 0, as in the area and total points. */
  points: Points;
  /** Applicable leaves below the node (or the leaf itself) still without final points. */
  unscoredLeaves: number;
  children: AssessmentTreeNode<S>[];
  /** The leaf's own score; null on areas and inner criteria. */
  score: S | null;
}

/**
 * An assessment as the framework nests it, area → criterion → sub-criteria → leaf, with sub-totals at every level
 * summed exactly in ten-thousandths from the leaves' scores. Sums follow the area sub-totals' rules (scoring.ts), so
 * an area node agrees with its AreaScore: points and applicableMaxPoints over applicable leaves, self and appraised
 * points over all of them.
 */
export function assessmentTree<S extends LeafPoints>(areas: readonly AreaDefinition[], scoreOf: (leafCode: string) => S): AssessmentTreeNode<S>[] {
  const criterion = (node: CriterionDefinition): AssessmentTreeNode<S> => {
    if (node.children.length > 0) return inner(node.code, node.title, 'CRITERION', node.children.map(criterion));
    const score = scoreOf(node.code);
    const counted = score.applicable;
    return {
      code: node.code,
      title: node.title,
      kind: 'LEAF',
      maxPoints: score.maxPoints,
      applicableMaxPoints: counted ? score.maxPoints : ZERO,
      selfPoints: score.selfPoints ?? ZERO,
      appraisedPoints: score.appraisedPoints ?? ZERO,
      points: counted ? (score.finalPoints ?? ZERO) : ZERO,
      unscoredLeaves: counted && score.finalPoints === null ? 1 : 0,
      children: [],
      score,
    };
  };
  return areas.map((area) => inner(area.code, area.title, 'AREA', area.criteria.map(criterion)));
}

function inner<S extends LeafPoints>(code: string, title: string, kind: AssessmentNodeKind, children: AssessmentTreeNode<S>[]): AssessmentTreeNode<S> {
  const sum = (field: 'maxPoints' | 'applicableMaxPoints' | 'selfPoints' | 'appraisedPoints' | 'points') => sumPoints(children.map((c) => c[field]));
  return {
    code,
    title,
    kind,
    maxPoints: sum('maxPoints'),
    applicableMaxPoints: sum('applicableMaxPoints'),
    selfPoints: sum('selfPoints'),
    appraisedPoints: sum('appraisedPoints'),
    points: sum('points'),
    unscoredLeaves: children.reduce((n, c) => n + c.unscoredLeaves, 0),
    children,
    score: null,
  };
}
