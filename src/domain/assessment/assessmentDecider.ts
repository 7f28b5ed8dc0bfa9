import { event, type AssessmentEvent, type SelfScore } from '../../events/parEvents';
import type { OpenedCycle } from '../cycle/cycle';
import { effectiveDeadline, hasPassed } from '../cycle/schedule';
import { APPRAISAL_ROUNDS } from '../enums';
import { DomainError, badInput, invalidState } from '../errors';
import type { Framework, Leaf } from '../framework/framework';
import { leafIndex } from '../framework/framework';
import { fromPoints, type Points } from '../points';
import { optionalText } from '../validation';
import type { Decider } from '../decider';
import { evolveAssessment, initialAssessment, isReopened, type AssessmentState, type SelfRecord } from './assessment';
import { decideRequestExplanation, decideSubmitExplanation, requireExplanationSettled, type RequestExplanation, type SubmitExplanation } from './explanations';
import { decideAssignAppraiser, type AssignAppraiser } from './appraiserAssignment';
import { decideAppraiseCriteria, type AppraiseCriteria } from './bulkAppraisal';
import { decideRecordNonSubmission, requireNoNonSubmission, type RecordNonSubmission } from './nonSubmission';
import { decideDecideAdjustment, decideProposeAdjustment, requireAdjustmentsDecided, type DecideAdjustment, type ProposeAdjustment } from './adjustments';
import { decideLodgeComplaint, decideResolveComplaint, type LodgeComplaint, type ResolveComplaint } from './complaints';
import { decideReopenAssessment, type ReopenAssessment } from './reopening';
import { appraiserOf, findLeaf, requireLeafAppraiser, requireNoDuplicates, requireNotFinalized, requireParticipant, requirePoints } from './rules';
import { finalResult } from './finalResult';
import { decideSurveyScores, type RecordSurveyScores } from './surveyScores';

/** What the handler loads from other streams before deciding: the cycle, the agency's framework, the clock. */
export interface AssessmentContext {
  cycle: OpenedCycle;
  framework: Framework;
  agencyCode: string;
  now: Date;
}

export interface SelfScoreInput {
  criterionCode: string;
  points?: number | null;
  applicable?: boolean | null;
  explanation?: string | null;
  evidence?: string[] | null;
}

export type SubmitSelfAssessment = { type: 'SubmitSelfAssessment'; context: AssessmentContext; scores: SelfScoreInput[] };
/** Same scores and rules as a submission, kept without sending (status DRAFT until the first submission). */
export type SaveSelfAssessmentDraft = { type: 'SaveSelfAssessmentDraft'; context: AssessmentContext; scores: SelfScoreInput[] };
export type AppraiseCriterion = {
  type: 'AppraiseCriterion';
  context: AssessmentContext;
  criterionCode: string;
  round: number;
  points?: number | null;
  applicable?: boolean | null;
  comment?: string | null;
  /** The appraiser's own agency, from the token: only the leaf's appraising agency may score it. */
  appraiserAgency: string | null;
  /** The units whose work that agency carries today (itself, and those merged into it): it appraises their leaves. */
  carries?: readonly string[];
};
export type FinalizeAssessment = { type: 'FinalizeAssessment'; context: AssessmentContext };
type AssessmentCommand =
  | SubmitSelfAssessment
  | SaveSelfAssessmentDraft
  | AppraiseCriterion
  | RecordSurveyScores
  | FinalizeAssessment
  | RequestExplanation
  | SubmitExplanation
  | RecordNonSubmission
  | ProposeAdjustment
  | DecideAdjustment
  | AssignAppraiser
  | AppraiseCriteria
  | LodgeComplaint
  | ResolveComplaint
  | ReopenAssessment;

/** Self-assessment and its drafts close at the cycle's self-assessment deadline (inclusive). */
function requireSelfAssessmentOpen(context: AssessmentContext) {
  const deadline = effectiveDeadline(context.cycle, context.agencyCode, 'SELF_ASSESSMENT');
  if (hasPassed(deadline, context.now)) {
    throw new DomainError('DEADLINE_PASSED', `the self-assessment deadline of ${context.agencyCode} in ${context.cycle.year} (${deadline}) has passed`, 'year');
  }
}

function validSelfScores(command: SubmitSelfAssessment | SaveSelfAssessmentDraft, state: AssessmentState): SelfScore[] {
  const { context } = command;
  requireNoDuplicates(command.scores);
  const leaves = leafIndex(context.framework.areas);
  return command.scores.map((s, i) => {
    const path = `scores[${i}]`;
    const leaf = findLeaf(`${path}.criterionCode`, s.criterionCode, context.framework, leaves);
    if (leaf.method === 'SURVEY') {
      throw badInput(`${path}.criterionCode`, `criterion ${leaf.code} is scored by the sociological survey, not self-assessed`);
    }
    const evidence = (s.evidence ?? []).map((e, j) => optionalText(`${path}.evidence[${j}]`, e, 1000)).filter((e): e is string => e !== null);
    const explanation = optionalText(`${path}.explanation`, s.explanation);
    const applicable = s.applicable ?? true;
    if (!applicable) {
      if (s.points !== null && s.points !== undefined) throw badInput(`${path}.points`, 'must be omitted when the criterion is not applicable');
      if (!explanation) throw badInput(`${path}.explanation`, 'say why the criterion does not apply to this agency');
      return { criterionCode: leaf.code, applicable, points: null, explanation, evidence, appraiserCode: appraiserOf(state, leaf) };
    }
    const points = requirePoints(`${path}.points`, s.points, leaf);
    // Where evidence (tài liệu kiểm chứng) is missing, the agency must explain (giải trình) instead.
    if (evidence.length === 0 && !explanation) throw badInput(`${path}.explanation`, 'give evidence or, without evidence, an explanation');
    return { criterionCode: leaf.code, applicable, points: fromPoints(points), explanation, evidence, appraiserCode: appraiserOf(state, leaf) };
  });
}

/** A draft leaf as the score it becomes when sent. */
function draftScore(code: string, record: SelfRecord, leaves: ReadonlyMap<string, Leaf>, state: AssessmentState): SelfScore {
  const { applicable, points, explanation, evidence } = record;
  return {
    criterionCode: code,
    applicable,
    points: points === null ? null : fromPoints(points),
    explanation,
    evidence,
    appraiserCode: state.appraisers?.[code] ?? leaves.get(code)?.appraiserCode ?? null,
  };
}

function decideSelfAssessment(command: SubmitSelfAssessment | SaveSelfAssessmentDraft, state: AssessmentState): AssessmentEvent[] {
  const { context } = command;
  const participant = requireParticipant(context);
  requireNotFinalized(state, context);
  requireNoNonSubmission(state, context);
  requireSelfAssessmentOpen(context);
  const draft = state.draft ?? {};
  const sendsDraft = command.type === 'SubmitSelfAssessment' && Object.keys(draft).length > 0;
  if (command.scores.length === 0 && !sendsDraft) {
    throw badInput(
      'scores',
      command.type === 'SubmitSelfAssessment' ? 'give at least one criterion score (there is no saved draft to send)' : 'give at least one criterion score',
    );
  }
  let scores = validSelfScores(command, state);
  const data = { year: context.cycle.year, agencyCode: context.agencyCode, group: participant.group, frameworkCode: context.framework.code, scores };
  if (command.type === 'SaveSelfAssessmentDraft') return [event('SelfAssessmentDraftSaved', data)];
  if (sendsDraft) {
    // Sending names some leaves and sends the saved draft with them; a leaf named now wins over its draft.
    const named = new Set(scores.map((s) => s.criterionCode));
    const leaves = leafIndex(context.framework.areas);
    const fromDraft = Object.entries(draft)
      .filter(([code]) => !named.has(code) && leaves.has(code))
      .map(([code, record]) => draftScore(code, record, leaves, state));
    scores = [...fromDraft, ...scores];
  }
  const sent = { ...data, scores };
  return [state.submittedAt === null ? event('SelfAssessmentSubmitted', sent) : event('SelfAssessmentRevised', sent)];
}

function decideAppraisal(command: AppraiseCriterion, state: AssessmentState): AssessmentEvent[] {
  const { context } = command;
  requireParticipant(context);
  requireNotFinalized(state, context);
  const leaf = findLeaf('criterionCode', command.criterionCode, context.framework, leafIndex(context.framework.areas));
  if (leaf.method === 'SURVEY') throw badInput('criterionCode', `criterion ${leaf.code} is scored by the sociological survey, not appraised`);
  const acting = requireLeafAppraiser(leaf, command.appraiserAgency, context, state, command.carries);
  const round = APPRAISAL_ROUNDS.find((r) => r === command.round);
  if (round === undefined) throw badInput('round', `must be ${APPRAISAL_ROUNDS.join(' or ')}, got ${command.round}`);
  if (state.submittedAt === null) {
    throw invalidState(`${context.agencyCode} has not submitted its ${context.cycle.year} self-assessment yet; appraisal follows submission`);
  }
  const appraisalDeadline = effectiveDeadline(context.cycle, context.agencyCode, 'APPRAISAL');
  // A reopened assessment is corrected after the deadline by design: that is what reopening is for.
  if (hasPassed(appraisalDeadline, context.now) && !isReopened(state)) {
    throw new DomainError(
      'DEADLINE_PASSED',
      `the appraisal deadline of ${context.agencyCode} in ${context.cycle.year} (${appraisalDeadline}) has passed`,
      'year',
    );
  }
  const record = state.leaves[leaf.code];
  if (round === 2 && !record?.appraisals[0])
    throw invalidState(`criterion ${leaf.code} has no round 1 appraisal yet; round 2 follows round 1`, { field: 'round' });
  if (round === 1 && record?.appraisals[1])
    throw invalidState(`criterion ${leaf.code} already has a round 2 appraisal; correct round 2 instead`, { field: 'round' });
  if (round === 2 && !record?.appraisals[1]) requireExplanationSettled(state, leaf.code, context);

  const applicable = command.applicable ?? true;
  const comment = optionalText('comment', command.comment);
  let points: Points | null = null;
  if (applicable) points = requirePoints('points', command.points, leaf);
  else {
    if (command.points !== null && command.points !== undefined) throw badInput('points', 'must be omitted when the criterion is judged not applicable');
    // Confirming the agency's own "not applicable" claim needs no comment: its explanation stands.
    const claimed = record?.self?.applicable === false;
    if (!comment && !claimed) throw badInput('comment', 'say why the criterion does not apply');
  }
  const data = {
    year: context.cycle.year,
    agencyCode: context.agencyCode,
    criterionCode: leaf.code,
    round,
    applicable,
    points: points === null ? null : fromPoints(points),
    comment,
    appraiserCode: appraiserOf(state, leaf) as string,
    actingAgencyCode: acting,
  };
  const previous = record?.appraisals[round - 1];
  if (previous) {
    return [
      event('AppraisalCorrected', {
        ...data,
        previousApplicable: previous.applicable,
        previousPoints: previous.points === null ? null : fromPoints(previous.points),
      }),
    ];
  }
  return [event('CriterionAppraised', data)];
}

function decideFinalize(command: FinalizeAssessment, state: AssessmentState): AssessmentEvent[] {
  const { context } = command;
  const participant = requireParticipant(context);
  requireNotFinalized(state, context);
  requireAdjustmentsDecided(state, context);
  // A waived survey (SurveyWaived) leaves nothing to wait for on the group's survey leaves.
  const final = finalResult(context.cycle, participant.group, context.framework, state);
  const result = final.scoring;
  if (result.unscored.length > 0) {
    const list = (codes: string[]) => `${codes.slice(0, 20).join(', ')}${codes.length > 20 ? ` and ${codes.length - 20} more` : ''}`;
    const claims = result.undecidedClaims;
    const others = result.unscored.filter((c) => !claims.includes(c));
    const parts = [
      ...(others.length > 0 ? [`criteria without a final score: ${list(others)}`] : []),
      ...(claims.length > 0 ? [`"not applicable" claims the appraiser has not decided: ${list(claims)}`] : []),
    ];
    throw invalidState(`cannot finalize ${context.agencyCode} ${context.cycle.year}: ${parts.join('; ')}`, {
      unscored: result.unscored,
      ...(claims.length > 0 ? { undecidedClaims: claims } : {}),
    });
  }
  return [
    event('AssessmentFinalized', {
      year: context.cycle.year,
      agencyCode: context.agencyCode,
      group: participant.group,
      // With accepted bonus and penalty, each capped: the total the ranking compares.
      totalPoints: fromPoints(final.totalPoints),
      applicableMaxPoints: fromPoints(final.applicableMaxPoints),
    }),
  ];
}

export const assessmentDecider: Decider<AssessmentCommand, AssessmentEvent, AssessmentState> = {
  initialState: initialAssessment,
  decide(command, state) {
    switch (command.type) {
      case 'SubmitSelfAssessment':
      case 'SaveSelfAssessmentDraft':
        return decideSelfAssessment(command, state);
      case 'AppraiseCriterion':
        return decideAppraisal(command, state);
      case 'RecordSurveyScores':
        return decideSurveyScores(command, state);
      case 'FinalizeAssessment':
        return decideFinalize(command, state);
      case 'RequestExplanation':
        return decideRequestExplanation(command, state);
      case 'SubmitExplanation':
        return decideSubmitExplanation(command, state);
      case 'RecordNonSubmission':
        return decideRecordNonSubmission(command, state);
      case 'ProposeAdjustment':
        return decideProposeAdjustment(command, state);
      case 'DecideAdjustment':
        return decideDecideAdjustment(command, state);
      case 'AssignAppraiser':
        return decideAssignAppraiser(command, state);
      case 'AppraiseCriteria':
        return decideAppraiseCriteria(command, state, decideAppraisal, evolveAssessment);
      case 'LodgeComplaint':
        return decideLodgeComplaint(command, state);
      case 'ResolveComplaint':
        return decideResolveComplaint(command, state);
      case 'ReopenAssessment':
        return decideReopenAssessment(command, state);
    }
  },
  evolve: evolveAssessment,
};
