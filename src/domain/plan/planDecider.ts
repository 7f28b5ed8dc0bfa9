import { event, type PlanEvent } from '../../events/parEvents';
import { requireCalendarDate } from '../calendarDate';
import type { Decider } from '../decider';
import { DomainError, badInput, forbidden, invalidState } from '../errors';
import { requireLegalBasis } from '../legalBasis';
import { requireCode, requireText, requireYear } from '../validation';
import { evolvePlan, initialPlan, type PlanState } from './plan';
import type { AdoptPlan, AmendPlan, DraftPlan, NotifyHigherLevelChange, PlanCommand, RequestPlanComments, SubmitPlanComment } from './planCommands';
import { requireAgency, requireDeadline, requireTasks } from './planTasks';

const TEXT_CHARS = 4000;

function requireDrafted(state: PlanState, planCode: string): void {
  if (!state.drafted) throw new DomainError('NOT_FOUND', `planCode: there is no plan ${planCode}`, 'planCode');
}

/** What only a draft allows: once UBND adopted the plan, changes go through an amendment (amendPlan). */
function requireDraft(state: PlanState, action: string): void {
  if (state.adopted) throw invalidState(`plan ${state.code} was adopted by decision ${state.adopted.decisionNumber}; ${action} only while it is a draft`);
}

function decideDraft(command: DraftPlan, state: PlanState): PlanEvent[] {
  const code = requireCode('code', command.code);
  if (state.drafted) throw new DomainError('CONFLICT', `plan ${code} is already drafted ("${state.title}")`, 'code');
  const year = requireYear('year', command.year);
  const title = requireText('title', command.title, 300);
  const tasks = requireTasks(command.tasks, command.agencies, command.now);
  return [event('PlanDrafted', { code, kind: command.kind, year, title, tasks })];
}

function decideRequestComments(command: RequestPlanComments, state: PlanState): PlanEvent[] {
  requireDrafted(state, command.planCode);
  requireDraft(state, 'comments are asked for');
  if (command.agencyCodes.length === 0) throw badInput('agencyCodes', 'name at least one agency to ask');
  const agencyCodes: string[] = [];
  command.agencyCodes.forEach((raw, i) => {
    const field = `agencyCodes[${i}]`;
    const code = requireAgency(field, raw, command.agencies, command.now);
    if (agencyCodes.includes(code)) throw badInput(field, `${code} is listed twice`);
    if (state.asked[code]) throw new DomainError('CONFLICT', `${field}: ${code} was already asked to comment on ${state.code}`, field);
    agencyCodes.push(code);
  });
  const dueAt = requireDeadline('dueAt', command.dueAt, command.now);
  return [event('PlanCommentsRequested', { planCode: state.code, agencyCodes, dueAt })];
}

/** Only an agency asked comments, and only on the draft; a late comment is still taken (and shows late). */
function decideComment(command: SubmitPlanComment, state: PlanState): PlanEvent[] {
  requireDrafted(state, command.planCode);
  if (!state.asked[command.agencyCode]) throw forbidden(`${command.agencyCode} was not asked to comment on plan ${state.code}`);
  requireDraft(state, 'comments are taken');
  const text = requireText('text', command.text, TEXT_CHARS);
  return [event('PlanCommentSubmitted', { planCode: state.code, agencyCode: command.agencyCode, text })];
}

function decideNotify(command: NotifyHigherLevelChange, state: PlanState): PlanEvent[] {
  requireDrafted(state, command.planCode);
  if (!command.agencyCode) throw forbidden('a higher-level change is notified by a department: the token names no agency');
  const text = requireText('text', command.text, TEXT_CHARS);
  const legalBasis = requireLegalBasis('legalBasis', command.legalBasis);
  return [event('HigherLevelChangeNotified', { planCode: state.code, agencyCode: command.agencyCode, text, legalBasis })];
}

function decideAdopt(command: AdoptPlan, state: PlanState): PlanEvent[] {
  requireDrafted(state, command.planCode);
  requireDraft(state, 'it is adopted');
  const decisionNumber = requireText('decisionNumber', command.decisionNumber, 100);
  const decisionDate = requireCalendarDate('decisionDate', command.decisionDate);
  return [event('PlanAdopted', { planCode: state.code, decisionNumber, decisionDate })];
}

/** After adoption, SNV records the decision that changed or added tasks (Art. 3(1)(b)). */
function decideAmend(command: AmendPlan, state: PlanState): PlanEvent[] {
  requireDrafted(state, command.planCode);
  if (!state.adopted) throw invalidState(`plan ${state.code} is still a draft: change the draft before adoption, amend it after`);
  const reason = requireText('reason', command.reason, TEXT_CHARS);
  const decisionNumber = requireText('decisionNumber', command.decisionNumber, 100);
  const decisionDate = requireCalendarDate('decisionDate', command.decisionDate);
  const tasks = requireTasks(command.tasks, command.agencies, command.now);
  return [event('PlanAmended', { planCode: state.code, reason, decisionNumber, decisionDate, tasks })];
}

/** The plan stream's decider (Art. 3): draft, comments, higher-level changes, adoption, amendments. */
export const planDecider: Decider<PlanCommand, PlanEvent, PlanState> = {
  initialState: initialPlan,
  decide(command, state) {
    switch (command.type) {
      case 'DraftPlan':
        return decideDraft(command, state);
      case 'RequestPlanComments':
        return decideRequestComments(command, state);
      case 'SubmitPlanComment':
        return decideComment(command, state);
      case 'NotifyHigherLevelChange':
        return decideNotify(command, state);
      case 'AdoptPlan':
        return decideAdopt(command, state);
      case 'AmendPlan':
        return decideAmend(command, state);
    }
  },
  evolve: (state, event) => evolvePlan(state, event),
};
