import { isSurveyWaived, type OpenedCycle } from '../cycle/cycle';
import type { AgencyGroup } from '../enums';
import type { Framework } from '../framework/framework';
import type { Points } from '../points';
import { adjustedTotal } from './adjustments';
import type { AssessmentState } from './assessment';
import { scoreAssessment, type AssessmentResult } from './scoring';

/**
 * The one result an assessment is finalised, reopened and ranked by: the criteria scored (a waived survey left
 * out), plus the accepted bonus and less the accepted penalty, each capped by the framework. Finalisation,
 * reopening and publication all call this, so the ranking compares the totals the assessments show.
 */
export function finalResult(
  cycle: OpenedCycle,
  group: AgencyGroup,
  framework: Framework,
  state: AssessmentState,
): { scoring: AssessmentResult; totalPoints: Points; applicableMaxPoints: Points } {
  const scoring = scoreAssessment(framework.areas, state, { surveyWaived: isSurveyWaived(cycle, group) });
  const { totalPoints } = adjustedTotal(scoring.totalPoints, scoring.applicableMaxPoints, state, framework);
  return { scoring, totalPoints, applicableMaxPoints: scoring.applicableMaxPoints };
}
