import type { AreaDefinition, ScoringMethod } from '../../events/parEvents';
import type { NotApplicableClaimStatus } from '../enums';
import { leavesOf } from '../framework/framework';
import { sumPoints, type IndexRatio, type Points } from '../points';
import { latestAppraisal, type AssessmentState } from './assessment';

interface CriterionResult {
  code: string;
  title: string;
  areaCode: string;
  method: ScoringMethod;
  appraiserCode: string | null;
  maxPoints: Points;
  selfPoints: Points | null;
  appraisedPoints: Points | null;
  surveyPoints: Points | null;
  /** The recorded survey the leaf's survey points cite (recordSurveyScores' surveyCode), or null. */
  surveyCode: string | null;
  /** Null while the leaf still waits for its appraisal or survey result. */
  finalPoints: Points | null;
  applicable: boolean;
  /** The agency's "not applicable" claim on the leaf and the appraiser's decision on it; null without a claim. */
  claim: NotApplicableClaimStatus | null;
}

interface AreaResult {
  code: string;
  title: string;
  points: Points;
  maxPoints: Points;
  ratio: IndexRatio;
  /** The agency's own view: the sum of its sent self points in the area ("not applicable" claims add nothing). */
  selfPoints: Points;
  /** The sum of the latest appraised points in the area (survey leaves excluded). */
  appraisedPoints: Points;
}

export interface AssessmentResult {
  criteria: CriterionResult[];
  areas: AreaResult[];
  totalPoints: Points;
  applicableMaxPoints: Points;
  ratio: IndexRatio;
  /** The sum of the areas' selfPoints: the total the agency claims, next to the appraised totalPoints. */
  selfTotalPoints: Points;
  /** Applicable leaves without a final score, in framework order: what blocks finalisation. */
  unscored: string[];
  /** Leaves whose "not applicable" claim the appraiser has not decided yet (also in `unscored`). */
  undecidedClaims: string[];
}

/** What scoring needs from the cycle besides the assessment itself. */
interface ScoringOptions {
  /** The group's survey is waived this year (SurveyWaived): its survey leaves are not applicable. */
  surveyWaived?: boolean;
}

/**
 * PAR-INDEX.md scoring: a self-assessed leaf's final points come from its latest appraisal round (which also
 * settles whether it applies, so an agency's "not applicable" claim counts only once the appraiser confirms it),
 * a survey leaf's from the survey; index = points ÷ applicable maximum. After a recorded non-submission every
 * self-assessed leaf scores 0 and the survey leaves still count. Where the group's survey is waived, survey leaves
 * are not applicable: the index is the remaining points over the remaining maximum.
 */
export function scoreAssessment(areas: readonly AreaDefinition[], state: AssessmentState, options: ScoringOptions = {}): AssessmentResult {
  const criteria: CriterionResult[] = leavesOf(areas).map((framed) => {
    // The appraiser the coordinator named for this agency's leaf (assignAppraiser), else the framework's.
    const leaf = { ...framed, appraiserCode: state.appraisers?.[framed.code] ?? framed.appraiserCode };
    const record = state.leaves[leaf.code];
    const appraisal = latestAppraisal(record);
    const self = record?.self ?? null;
    if (leaf.method === 'SURVEY') {
      const survey = record?.survey ?? null;
      const surveyCode = record?.surveyCode ?? null;
      // A waived survey leaf leaves the applicable maximum; points recorded before the waiver no longer count.
      if (options.surveyWaived) {
        return { ...leaf, selfPoints: null, appraisedPoints: null, surveyPoints: survey, surveyCode, finalPoints: null, applicable: false, claim: null };
      }
      return { ...leaf, selfPoints: null, appraisedPoints: null, surveyPoints: survey, surveyCode, finalPoints: survey, applicable: true, claim: null };
    }
    // A recorded non-submitter sent nothing: each self-assessed leaf scores 0 of its maximum, with nothing to
    // appraise and no claim to decide (a saved draft is ignored).
    if (state.nonSubmission) {
      return {
        ...leaf,
        selfPoints: null,
        appraisedPoints: null,
        surveyPoints: null,
        surveyCode: null,
        finalPoints: 0 as Points,
        applicable: true,
        claim: null,
      };
    }
    // A "not applicable" claim is the agency's word only: until the leaf's appraiser decides it, the leaf counts
    // as applicable with no final points (0 in the totals, the maximum stays) and blocks finalisation. The latest
    // appraisal decides: not applicable confirms the claim, points reject it.
    const claimed = self !== null && !self.applicable;
    const applicable = appraisal ? appraisal.applicable : true;
    return {
      ...leaf,
      selfPoints: self?.points ?? null,
      appraisedPoints: appraisal?.points ?? null,
      surveyPoints: null,
      surveyCode: null,
      finalPoints: applicable ? (appraisal?.points ?? null) : null,
      applicable,
      claim: claimed ? (appraisal ? (appraisal.applicable ? 'REJECTED' : 'CONFIRMED') : 'PENDING') : null,
    };
  });

  const applicableOf = (list: CriterionResult[]) => list.filter((c) => c.applicable);
  const areaResults: AreaResult[] = areas.map((area) => {
    const inArea = applicableOf(criteria.filter((c) => c.areaCode === area.code));
    const points = sumPoints(inArea.map((c) => c.finalPoints ?? (0 as Points)));
    const maxPoints = sumPoints(inArea.map((c) => c.maxPoints));
    const all = criteria.filter((c) => c.areaCode === area.code);
    const selfPoints = sumPoints(all.map((c) => c.selfPoints ?? (0 as Points)));
    const appraisedPoints = sumPoints(all.map((c) => c.appraisedPoints ?? (0 as Points)));
    return { code: area.code, title: area.title, points, maxPoints, ratio: { achieved: points, maximum: maxPoints }, selfPoints, appraisedPoints };
  });
  const totalPoints = sumPoints(areaResults.map((a) => a.points));
  const applicableMaxPoints = sumPoints(areaResults.map((a) => a.maxPoints));
  return {
    criteria,
    areas: areaResults,
    totalPoints,
    applicableMaxPoints,
    ratio: { achieved: totalPoints, maximum: applicableMaxPoints },
    selfTotalPoints: sumPoints(areaResults.map((a) => a.selfPoints)),
    unscored: applicableOf(criteria)
      .filter((c) => c.finalPoints === null)
      .map((c) => c.code),
    undecidedClaims: criteria.filter((c) => c.claim === 'PENDING').map((c) => c.code),
  };
}
