import type { AssessmentEvent } from '../../events/parEvents';
import { DomainError, badInput } from '../errors';
import type { AssessmentState } from './assessment';
import type { AppraiseCriterion } from './assessmentDecider';

/** At most this many leaves in one bulk appraisal (the largest framework's leaves). */
const MAX_ITEMS = 500;

export interface AppraisalItem {
  criterionCode: string;
  points?: number | null;
  applicable?: boolean | null;
  comment?: string | null;
}

/** Many leaves of one agency in one round, all or nothing: each item is decided as appraiseCriterion decides it. */
export type AppraiseCriteria = Omit<AppraiseCriterion, 'type' | 'criterionCode' | 'points' | 'applicable' | 'comment'> & {
  type: 'AppraiseCriteria';
  items: AppraisalItem[];
};

const ITEM_FIELDS = new Set(['criterionCode', 'points', 'applicable', 'comment']);

/** The refusal of one item, re-addressed to that item (`items[2].points`), so the whole command is refused naming it. */
function itemError(e: DomainError, i: number): DomainError {
  const field = e.field && ITEM_FIELDS.has(e.field) ? `items[${i}].${e.field}` : e.field;
  const message =
    e.field && field !== e.field && e.message.startsWith(`${e.field}:`) ? `${field}${e.message.slice(e.field.length)}` : `items[${i}]: ${e.message}`;
  return new DomainError(e.code, message, field, e.details);
}

/**
 * One command, one append: every item is decided against the state left by the items before it (so the events are
 * those the single appraisals would have given one after the other); any refused item refuses the whole command.
 */
export function decideAppraiseCriteria(
  command: AppraiseCriteria,
  state: AssessmentState,
  appraiseOne: (command: AppraiseCriterion, state: AssessmentState) => AssessmentEvent[],
  evolve: (state: AssessmentState, event: AssessmentEvent, recordedAt: string) => AssessmentState,
): AssessmentEvent[] {
  const { items, type: _type, ...common } = command;
  if (items.length === 0) throw badInput('items', 'appraise at least one criterion');
  if (items.length > MAX_ITEMS) throw badInput('items', `at most ${MAX_ITEMS} criteria in one command, got ${items.length}`);
  const seen = new Set<string>();
  const events: AssessmentEvent[] = [];
  let current = state;
  items.forEach((item, i) => {
    if (seen.has(item.criterionCode)) throw badInput(`items[${i}].criterionCode`, `criterion ${item.criterionCode} is listed twice`);
    seen.add(item.criterionCode);
    let decided: AssessmentEvent[];
    try {
      decided = appraiseOne({ ...common, ...item, type: 'AppraiseCriterion' }, current);
    } catch (e) {
      throw e instanceof DomainError ? itemError(e, i) : e;
    }
    for (const event of decided) current = evolve(current, event, command.context.now.toISOString());
    events.push(...decided);
  });
  return events;
}
