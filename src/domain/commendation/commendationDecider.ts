import { event, type CommendationEvent } from '../../events/parEvents';
import { requireFutureDeadline } from '../deadline';
import type { Decider } from '../decider';
import { DomainError, badInput } from '../errors';
import { requireCode, requireCriterionCode, requireText, requireYear } from '../validation';
import { evolveCommendation, initialCommendation, type CommendationState } from './commendation';
import type { CommendationCommand, ProposeRanked, SubmitRemedialPlan } from './commendationCommands';
import { publishedEntryOf } from './publishedRankings';

/** How long an agency held accountable has to send its remedial plan, from the proposal. */
const REMEDIAL_PLAN_DAYS = 30;
const DAY_MS = 86_400_000;
const MAX_ITEMS = 200;

function decidePropose(command: ProposeRanked, state: CommendationState): CommendationEvent[] {
  const year = requireYear('year', command.year);
  const agencyCode = requireCode('agencyCode', command.agencyCode);
  if (command.agencyGroup === null) throw new DomainError('NOT_FOUND', `agencyCode: agency ${agencyCode} is not registered`, 'agencyCode');
  const found = publishedEntryOf(command.rankings, agencyCode);
  if (!found) {
    if (!command.rankings.groups[command.agencyGroup]) {
      throw new DomainError('INVALID_STATE', `the ${year} ranking of ${command.agencyGroup} is not published: proposals follow its publication`);
    }
    throw new DomainError('NOT_FOUND', `agencyCode: ${agencyCode} is not ranked in the published ${year} ranking`, 'agencyCode');
  }
  const already = state.proposed[agencyCode];
  if (already) throw new DomainError('CONFLICT', `agencyCode: ${already} was already proposed for ${agencyCode} in ${year}`, 'agencyCode');
  const data = {
    year,
    group: found.group,
    agencyCode,
    rank: found.entry.rank,
    band: found.entry.band,
    reason: requireText('reason', command.reason, 4000),
    basis: requireText('basis', command.basis, 1000),
  };
  if (command.type === 'ProposeCommendation') return [event('CommendationProposed', data)];
  const remedialPlanDueAt = new Date(command.now.getTime() + REMEDIAL_PLAN_DAYS * DAY_MS).toISOString();
  return [event('AccountabilityProposed', { ...data, remedialPlanDueAt })];
}

function decideRemedialPlan(command: SubmitRemedialPlan, state: CommendationState): CommendationEvent[] {
  const year = requireYear('year', command.year);
  const agencyCode = requireCode('agencyCode', command.agencyCode);
  if (state.proposed[agencyCode] !== 'ACCOUNTABILITY') {
    throw new DomainError('INVALID_STATE', `agencyCode: no accountability was proposed for ${agencyCode} in ${year}`, 'agencyCode');
  }
  if (state.remedialPlans.includes(agencyCode)) {
    throw new DomainError('INVALID_STATE', `agencyCode: ${agencyCode} already sent its ${year} remedial plan`, 'agencyCode');
  }
  if (command.weakCriteria.length === 0) throw badInput('weakCriteria', 'name at least one criterion to improve');
  if (command.weakCriteria.length > MAX_ITEMS) throw badInput('weakCriteria', `at most ${MAX_ITEMS}`);
  if (command.actions.length === 0) throw badInput('actions', 'name at least one action');
  if (command.actions.length > MAX_ITEMS) throw badInput('actions', `at most ${MAX_ITEMS}`);
  const weakCriteria = command.weakCriteria.map((c, i) => requireCriterionCode(`weakCriteria[${i}]`, c));
  const actions = command.actions.map((a, i) => ({
    text: requireText(`actions[${i}].text`, a.text, 4000),
    dueAt: a.dueAt ? requireFutureDeadline(`actions[${i}].dueAt`, a.dueAt, command.now) : null,
  }));
  const dueAt = requireFutureDeadline('dueAt', command.dueAt, command.now);
  return [event('RemedialPlanSubmitted', { year, agencyCode, weakCriteria, actions, dueAt })];
}

/** The year's commendation stream (Art. 16(6)): proposals after the ranking's publication, and remedial plans. */
export const commendationDecider: Decider<CommendationCommand, CommendationEvent, CommendationState> = {
  initialState: initialCommendation,
  evolve: (state, e) => evolveCommendation(state, e),
  decide(command, state) {
    return command.type === 'SubmitRemedialPlan' ? decideRemedialPlan(command, state) : decidePropose(command, state);
  },
};
