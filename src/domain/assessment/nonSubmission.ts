import { event, type AssessmentEvent } from '../../events/parEvents';
import { effectiveDeadline, hasPassed } from '../cycle/schedule';
import { badInput, invalidState } from '../errors';
import { optionalText } from '../validation';
import type { AssessmentState } from './assessment';
import type { AssessmentContext } from './assessmentDecider';
import { requireNotFinalized, requireParticipant } from './rules';

/**
 * An agency that never sends its self-assessment (không gửi báo cáo tự đánh giá): once its effective
 * self-assessment deadline has passed (amendments and its SELF_ASSESSMENT extension count), the coordinator records
 * it with a reason. From then on its self-assessed leaves score 0 (nothing to appraise, no claim to decide), its
 * survey leaves count as recorded (before or after), and it can be finalised and ranked like the others.
 *
 * A saved draft is not a submission: it does not prevent the record, and it is ignored afterwards (kept as the
 * agency left it, never counted, never sent). The record closes the self-assessment for good: the agency may no
 * longer save or submit, even under an extension granted afterwards (a coordinator who wants the agency's scores
 * grants the extension before the deadline passes, not after recording the non-submission).
 */
export type RecordNonSubmission = { type: 'RecordNonSubmission'; context: AssessmentContext; reason: string };

export function decideRecordNonSubmission(command: RecordNonSubmission, state: AssessmentState): AssessmentEvent[] {
  const { context } = command;
  const participant = requireParticipant(context);
  requireNotFinalized(state, context);
  const reason = optionalText('reason', command.reason, 2000);
  if (!reason) throw badInput('reason', 'say why the non-submission is recorded (e.g. the reminder sent and left unanswered)');
  const subject = `${context.agencyCode} in ${context.cycle.year}`;
  if (state.nonSubmission) throw invalidState(`the non-submission of ${subject} is already recorded (${state.nonSubmission.recordedAt})`);
  if (state.submittedAt !== null) throw invalidState(`${subject} submitted its self-assessment (${state.submittedAt}); there is no non-submission to record`);
  const deadline = effectiveDeadline(context.cycle, context.agencyCode, 'SELF_ASSESSMENT');
  if (!hasPassed(deadline, context.now)) {
    throw invalidState(`the self-assessment deadline of ${subject} (${deadline}) has not passed; the agency may still submit`);
  }
  return [
    event('NonSubmissionRecorded', {
      year: context.cycle.year,
      agencyCode: context.agencyCode,
      group: participant.group,
      frameworkCode: context.framework.code,
      reason,
      deadline,
    }),
  ];
}

/** After a recorded non-submission the agency's self-assessment is closed: no draft, no submission. */
export function requireNoNonSubmission(state: AssessmentState, context: AssessmentContext) {
  if (state.nonSubmission) {
    throw invalidState(
      `the non-submission of ${context.agencyCode} in ${context.cycle.year} was recorded (${state.nonSubmission.recordedAt}); its self-assessment is closed`,
    );
  }
}
