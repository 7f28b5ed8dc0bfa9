import { event, type AssessmentEvent } from '../../events/parEvents';
import { invalidState } from '../errors';
import { fromPoints } from '../points';
import { requireText } from '../validation';
import type { AssessmentState } from './assessment';
import type { AssessmentContext } from './assessmentDecider';
import { requireParticipant } from './rules';
import { finalResult } from './finalResult';

/**
 * The coordinator reopens a finalised assessment to correct it, e.g. after an upheld complaint. Until it is
 * finalised again the appraisers correct their rounds (past the appraisal deadline), the ranking waits for it, and
 * a published ranking changes only when it is published again with a reason.
 */
export type ReopenAssessment = { type: 'ReopenAssessment'; context: AssessmentContext; reason: string };

export function decideReopenAssessment(command: ReopenAssessment, state: AssessmentState): AssessmentEvent[] {
  const { context } = command;
  const participant = requireParticipant(context);
  const reason = requireText('reason', command.reason, 2000);
  if (state.status !== 'FINALIZED') {
    throw invalidState(`the ${context.cycle.year} assessment of ${context.agencyCode} is ${state.status}, not finalized: there is nothing to reopen`);
  }
  // The result being reopened, as its finalisation computed it, so the audit trail shows what the correction changes.
  const final = finalResult(context.cycle, participant.group, context.framework, state);
  const reopened: AssessmentEvent = event('AssessmentReopened', {
    year: context.cycle.year,
    agencyCode: context.agencyCode,
    group: participant.group,
    reason,
    previousTotalPoints: fromPoints(final.totalPoints),
    previousApplicableMaxPoints: fromPoints(final.applicableMaxPoints),
  });
  return [reopened];
}
