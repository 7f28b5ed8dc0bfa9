import { event, type AssessmentEvent } from '../../events/parEvents';
import { effectiveDeadline, hasPassed } from '../cycle/schedule';
import { explanationDueAt } from '../responsibility/explanationDuties';
import { DomainError, badInput, invalidState } from '../errors';
import { leafIndex, type Leaf } from '../framework/framework';
import { fromPoints } from '../points';
import { optionalText } from '../validation';
import { openExplanation, type AssessmentState } from './assessment';
import type { AssessmentContext } from './assessmentDecider';
import { appraiserOf, findLeaf, requireLeafAppraiser, requireNotFinalized, requireParticipant, requirePoints } from './rules';

/**
 * The explanation round between the two appraisal rounds (giải trình): after round 1 the leaf's appraiser may ask
 * the agency a question with a due time; the agency's officer answers until then (even after the self-assessment
 * deadline, and later when the coordinator granted an EXPLANATION extension); round 2 of that leaf waits for the
 * answer or for the due time to pass.
 */

export type RequestExplanation = {
  type: 'RequestExplanation';
  context: AssessmentContext;
  criterionCode: string;
  question: string;
  dueAt: Date;
  /** The appraiser's own agency, from the token: only the leaf's appraising agency may ask. */
  appraiserAgency: string | null;
  /** The units whose work that agency carries today (itself, and those merged into it). */
  carries?: readonly string[];
};

export type SubmitExplanation = {
  type: 'SubmitExplanation';
  context: AssessmentContext;
  criterionCode: string;
  text: string;
  evidence?: string[] | null;
  revisedPoints?: number | null;
};

function selfAssessedLeaf(context: AssessmentContext, code: string): Leaf {
  const leaf = findLeaf('criterionCode', code, context.framework, leafIndex(context.framework.areas));
  if (leaf.method === 'SURVEY') throw badInput('criterionCode', `criterion ${leaf.code} is scored by the sociological survey: there is nothing to explain`);
  return leaf;
}

/** Until when the agency may answer this request: its dueAt, or the agency's later EXPLANATION extension. */
const answerDeadline = (context: AssessmentContext, dueAt: string) => explanationDueAt(context.cycle, context.agencyCode, dueAt);

export function decideRequestExplanation(command: RequestExplanation, state: AssessmentState): AssessmentEvent[] {
  const { context } = command;
  requireParticipant(context);
  requireNotFinalized(state, context);
  const leaf = selfAssessedLeaf(context, command.criterionCode);
  const acting = requireLeafAppraiser(leaf, command.appraiserAgency, context, state, command.carries);
  const appraisalDeadline = effectiveDeadline(context.cycle, context.agencyCode, 'APPRAISAL');
  if (hasPassed(appraisalDeadline, context.now)) {
    throw new DomainError(
      'DEADLINE_PASSED',
      `the appraisal deadline of ${context.agencyCode} in ${context.cycle.year} (${appraisalDeadline}) has passed`,
      'year',
    );
  }
  const record = state.leaves[leaf.code];
  if (!record?.appraisals[0]) throw invalidState(`criterion ${leaf.code} has no round 1 appraisal yet; an explanation is asked after round 1`);
  if (record.appraisals[1]) throw invalidState(`criterion ${leaf.code} already has its round 2 appraisal; there is no round left to explain for`);
  const open = openExplanation(record);
  if (open && !hasPassed(answerDeadline(context, open.dueAt), context.now)) {
    throw invalidState(`criterion ${leaf.code} already has an open explanation request, due ${open.dueAt}`);
  }
  const question = optionalText('question', command.question, 2000);
  if (!question) throw badInput('question', 'ask the agency what to explain');
  const due = command.dueAt instanceof Date ? command.dueAt.getTime() : NaN;
  if (!Number.isFinite(due)) throw badInput('dueAt', 'must be a date and time');
  if (due <= context.now.getTime()) throw badInput('dueAt', `must be later than now (${context.now.toISOString()})`);
  return [
    event('ExplanationRequested', {
      year: context.cycle.year,
      agencyCode: context.agencyCode,
      criterionCode: leaf.code,
      question,
      dueAt: new Date(due).toISOString(),
      appraiserCode: appraiserOf(state, leaf) as string,
      actingAgencyCode: acting,
    }),
  ];
}

export function decideSubmitExplanation(command: SubmitExplanation, state: AssessmentState): AssessmentEvent[] {
  const { context } = command;
  requireParticipant(context);
  requireNotFinalized(state, context);
  const leaf = selfAssessedLeaf(context, command.criterionCode);
  const open = openExplanation(state.leaves[leaf.code]);
  if (!open) throw invalidState(`criterion ${leaf.code} has no open explanation request to answer`);
  const deadline = answerDeadline(context, open.dueAt);
  if (hasPassed(deadline, context.now)) {
    throw new DomainError('DEADLINE_PASSED', `the explanation on criterion ${leaf.code} was due ${deadline}`, 'criterionCode');
  }
  const text = optionalText('text', command.text, 2000);
  if (!text) throw badInput('text', 'give the explanation');
  const evidence = (command.evidence ?? []).map((e, i) => optionalText(`evidence[${i}]`, e, 1000)).filter((e): e is string => e !== null);
  const revised = command.revisedPoints === null || command.revisedPoints === undefined ? null : requirePoints('revisedPoints', command.revisedPoints, leaf);
  return [
    event('ExplanationSubmitted', {
      year: context.cycle.year,
      agencyCode: context.agencyCode,
      criterionCode: leaf.code,
      text,
      evidence,
      revisedPoints: revised === null ? null : fromPoints(revised),
      appraiserCode: appraiserOf(state, leaf) as string,
    }),
  ];
}

/** Round 2 of a leaf waits while its explanation request is open and not yet due (extensions included). */
export function requireExplanationSettled(state: AssessmentState, criterionCode: string, context: AssessmentContext) {
  const open = openExplanation(state.leaves[criterionCode]);
  if (!open) return;
  const deadline = answerDeadline(context, open.dueAt);
  if (!hasPassed(deadline, context.now)) {
    throw invalidState(`criterion ${criterionCode} waits for ${context.agencyCode}'s explanation until ${deadline}; round 2 follows the answer or that time`, {
      field: 'round',
    });
  }
}
