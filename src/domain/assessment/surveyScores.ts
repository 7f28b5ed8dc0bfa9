import { event, type AssessmentEvent } from '../../events/parEvents';
import { isSurveyWaived } from '../cycle/cycle';
import { DomainError, badInput, invalidState } from '../errors';
import { leafIndex } from '../framework/framework';
import { fromPoints } from '../points';
import { requireCode } from '../validation';
import type { AssessmentState } from './assessment';
import type { AssessmentContext } from './assessmentDecider';
import { findLeaf, requireNoDuplicates, requireNotFinalized, requireParticipant, requirePoints } from './rules';

/**
 * The coordinator enters an agency's survey points (điều tra xã hội học), optionally citing the survey they come
 * from (`surveyCode`, a survey recorded that year for the agency's group). Refused where the group's survey is waived.
 */
export type RecordSurveyScores = {
  type: 'RecordSurveyScores';
  context: AssessmentContext;
  scores: { criterionCode: string; points: number }[];
  surveyCode?: string | null;
};

function citedSurvey(context: AssessmentContext, group: string, surveyCode: string | null | undefined): string | null {
  if (surveyCode === null || surveyCode === undefined) return null;
  const code = requireCode('surveyCode', surveyCode);
  const survey = (context.cycle.surveys ?? []).find((s) => s.code === code);
  if (!survey) throw new DomainError('NOT_FOUND', `survey ${code} is not recorded for ${context.cycle.year}: recordSurvey describes it first`, 'surveyCode');
  if (survey.group !== group) {
    throw badInput('surveyCode', `survey ${code} is a survey of group ${survey.group}, not of ${context.agencyCode}'s group ${group}`);
  }
  return code;
}

export function decideSurveyScores(command: RecordSurveyScores, state: AssessmentState): AssessmentEvent[] {
  const { context } = command;
  const participant = requireParticipant(context);
  requireNotFinalized(state, context);
  if (isSurveyWaived(context.cycle, participant.group)) {
    throw invalidState(`the ${context.cycle.year} survey of group ${participant.group} is waived; its survey criteria are not applicable`);
  }
  const surveyCode = citedSurvey(context, participant.group, command.surveyCode);
  if (command.scores.length === 0) throw badInput('scores', 'give at least one survey score');
  requireNoDuplicates(command.scores);
  const leaves = leafIndex(context.framework.areas);
  const scores = command.scores.map((s, i) => {
    const leaf = findLeaf(`scores[${i}].criterionCode`, s.criterionCode, context.framework, leaves);
    if (leaf.method !== 'SURVEY') throw badInput(`scores[${i}].criterionCode`, `criterion ${leaf.code} is self-assessed and appraised, not a survey criterion`);
    return { criterionCode: leaf.code, points: fromPoints(requirePoints(`scores[${i}].points`, s.points, leaf)) };
  });
  return [event('SurveyScoresRecorded', { year: context.cycle.year, agencyCode: context.agencyCode, scores, surveyCode })];
}
