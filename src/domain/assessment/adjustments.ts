import { event, type AdjustmentKind, type AssessmentEvent } from '../../events/parEvents';
import { effectiveDeadline, hasPassed } from '../cycle/schedule';
import { DomainError, badInput, forbidden, invalidState } from '../errors';
import { fromPoints, sumPoints, toPoints, type IndexRatio, type Points } from '../points';
import { optionalText } from '../validation';
import type { AssessmentState } from './assessment';
import type { AssessmentContext } from './assessmentDecider';
import { requireNotFinalized, requireParticipant } from './rules';

/**
 * Bonus and penalty points (điểm thưởng / điểm trừ) within the framework's caps. The agency proposes its own bonus,
 * with evidence, until its effective self-assessment deadline; the coordinator or an appraiser proposes a penalty
 * until finalisation. The coordinator decides each proposal before finalisation, accepting 0 (a rejection) up to
 * the points proposed; scoring then adds the accepted bonus and takes away the accepted penalty, each capped.
 */
export type ProposeAdjustment = {
  type: 'ProposeAdjustment';
  context: AssessmentContext;
  kind: AdjustmentKind;
  points: number;
  reason: string;
  evidence?: string[] | null;
  /** Who proposes, from the token. */
  proposer: { roles: readonly string[]; agency: string | null };
};

export type DecideAdjustment = {
  type: 'DecideAdjustment';
  context: AssessmentContext;
  adjustmentId: string;
  acceptedPoints: number;
  comment?: string | null;
};

const PENALTY_PROPOSERS = ['ADMIN', 'COORDINATOR', 'APPRAISER'];

export function decideProposeAdjustment(command: ProposeAdjustment, state: AssessmentState): AssessmentEvent[] {
  const { context, proposer } = command;
  requireParticipant(context);
  requireNotFinalized(state, context);
  const subject = `${context.agencyCode} in ${context.cycle.year}`;
  const word = command.kind === 'PENALTY' ? 'penalty' : 'bonus';
  const reason = optionalText('reason', command.reason, 2000);
  if (!reason) throw badInput('reason', `say why the ${word} is proposed`);
  if (command.kind === 'BONUS') {
    if (!proposer.roles.includes('AGENCY_OFFICER') || proposer.agency !== context.agencyCode) {
      throw forbidden(`a bonus of ${context.agencyCode} is proposed by its own agency officer, not by ${proposer.agency ?? 'an actor without agency'}`);
    }
    const deadline = effectiveDeadline(context.cycle, context.agencyCode, 'SELF_ASSESSMENT');
    if (hasPassed(deadline, context.now)) {
      throw new DomainError(
        'DEADLINE_PASSED',
        `bonus points of ${subject} are proposed until its self-assessment deadline (${deadline}), which has passed`,
        'year',
      );
    }
  } else if (command.kind === 'PENALTY') {
    if (!proposer.roles.some((r) => PENALTY_PROPOSERS.includes(r))) {
      throw forbidden(`a penalty is proposed by the coordinator or an appraiser; the token has ${proposer.roles.join(', ') || 'no role'}`);
    }
    if (proposer.agency === context.agencyCode) {
      throw forbidden(`${context.agencyCode} may not propose a penalty on its own assessment: a conflict of interest`);
    }
  } else {
    throw badInput('kind', `must be BONUS or PENALTY, got ${String(command.kind)}`);
  }
  const cap = capOf(context, command.kind);
  if (cap === 0) throw invalidState(`framework ${context.framework.code} allows no ${word} points (its cap is 0)`, { field: 'kind' });
  const points = toPoints(command.points);
  if (points === null || points <= 0) throw badInput('points', `must be a positive number with at most 4 decimals, got ${command.points}`);
  if (points > cap) throw badInput('points', `${command.points} is over the framework's ${word} cap of ${fromPoints(cap)} points`);
  const evidence = (command.evidence ?? []).map((e, i) => optionalText(`evidence[${i}]`, e, 1000)).filter((e): e is string => e !== null);
  if (evidence.length === 0) throw badInput('evidence', `give the evidence (tài liệu kiểm chứng) for the ${word}`);
  return [
    event('AdjustmentProposed', {
      year: context.cycle.year,
      agencyCode: context.agencyCode,
      // Numbered in the order proposed within the assessment, so a replay gives the same ids.
      adjustmentId: `ADJ-${(state.adjustments ?? []).length + 1}`,
      kind: command.kind,
      points: fromPoints(points),
      reason,
      evidence,
      proposedBy: proposer.agency,
    }),
  ];
}

export function decideDecideAdjustment(command: DecideAdjustment, state: AssessmentState): AssessmentEvent[] {
  const { context } = command;
  requireParticipant(context);
  requireNotFinalized(state, context);
  const proposal = (state.adjustments ?? []).find((a) => a.id === command.adjustmentId);
  if (!proposal)
    throw new DomainError('NOT_FOUND', `no adjustment ${command.adjustmentId} was proposed for ${context.agencyCode} in ${context.cycle.year}`, 'adjustmentId');
  if (proposal.acceptedPoints !== null) {
    throw invalidState(
      `adjustment ${proposal.id} is already decided (${fromPoints(proposal.acceptedPoints)} of ${fromPoints(proposal.proposedPoints)} points)`,
      {
        field: 'adjustmentId',
      },
    );
  }
  const accepted = toPoints(command.acceptedPoints);
  if (accepted === null || accepted < 0 || accepted > proposal.proposedPoints) {
    throw badInput(
      'acceptedPoints',
      `must be 0 (reject) to ${fromPoints(proposal.proposedPoints)} (the points proposed), with at most 4 decimals, got ${command.acceptedPoints}`,
    );
  }
  const comment = optionalText('comment', command.comment, 2000);
  if (!comment && accepted < proposal.proposedPoints) throw badInput('comment', 'say why the proposal is rejected or accepted in part');
  return [
    event('AdjustmentDecided', {
      year: context.cycle.year,
      agencyCode: context.agencyCode,
      adjustmentId: proposal.id,
      kind: proposal.kind,
      proposedPoints: fromPoints(proposal.proposedPoints),
      acceptedPoints: fromPoints(accepted),
      comment,
    }),
  ];
}

/** Finalisation waits for every bonus and penalty proposal to be decided. */
export function requireAdjustmentsDecided(state: AssessmentState, context: AssessmentContext) {
  const undecided = (state.adjustments ?? []).filter((a) => a.acceptedPoints === null).map((a) => a.id);
  if (undecided.length > 0) {
    throw invalidState(`cannot finalize ${context.agencyCode} ${context.cycle.year}: bonus or penalty proposals not decided: ${undecided.join(', ')}`, {
      undecidedAdjustments: undecided,
    });
  }
}

function capOf(context: AssessmentContext, kind: AdjustmentKind): Points {
  return toPoints(kind === 'BONUS' ? context.framework.bonusMaxPoints : context.framework.penaltyMaxPoints) as Points;
}

/** A framework's caps on accepted bonus and penalty points. */
export interface AdjustmentCaps {
  bonusMaxPoints: number;
  penaltyMaxPoints: number;
}

/**
 * The total after bonus and penalty: final points + accepted bonus (their sum capped at bonusMaxPoints) − accepted
 * penalty (their sum capped at penaltyMaxPoints), exactly; the index is that total over the applicable maximum, so
 * it may exceed 100 %. Undecided proposals count for nothing.
 */
export function adjustedTotal(finalPoints: Points, applicableMaxPoints: Points, state: AssessmentState, caps: AdjustmentCaps) {
  const accepted = (kind: AdjustmentKind) =>
    sumPoints((state.adjustments ?? []).filter((a) => a.kind === kind && a.acceptedPoints !== null).map((a) => a.acceptedPoints as Points));
  const bonusPoints = Math.min(accepted('BONUS'), toPoints(caps.bonusMaxPoints) ?? 0) as Points;
  const penaltyPoints = Math.min(accepted('PENALTY'), toPoints(caps.penaltyMaxPoints) ?? 0) as Points;
  const totalPoints = (finalPoints + bonusPoints - penaltyPoints) as Points;
  const ratio: IndexRatio = { achieved: totalPoints, maximum: applicableMaxPoints };
  return { bonusPoints, penaltyPoints, totalPoints, ratio };
}
