import type { PlanEvent, PlanTask } from '../../events/parEvents';
import type { PlanKind } from '../enums';

/** The agency that drafts, proposes adjustments to and follows up the province's PAR plans (Art. 3(1)): Sở Nội vụ. */
export const PLAN_DRAFTER = 'SNV';

/** A plan's stream folded: what the decider needs to rule on the next step. */
export interface PlanState {
  drafted: boolean;
  code: string;
  kind: PlanKind | null;
  year: number;
  title: string;
  tasks: Record<string, PlanTask>;
  /** The agencies asked to comment, with their deadline and whether they have. */
  asked: Record<string, { dueAt: string; commented: boolean }>;
  adopted: { decisionNumber: string; decisionDate: string } | null;
}

export const initialPlan = (): PlanState => ({ drafted: false, code: '', kind: null, year: 0, title: '', tasks: {}, asked: {}, adopted: null });

export function evolvePlan(state: PlanState, event: PlanEvent): PlanState {
  switch (event.type) {
    case 'PlanDrafted': {
      const { code, kind, year, title, tasks } = event.data;
      return { ...state, drafted: true, code, kind, year, title, tasks: Object.fromEntries(tasks.map((t) => [t.code, t])) };
    }
    case 'PlanCommentsRequested': {
      const asked = { ...state.asked };
      for (const code of event.data.agencyCodes) asked[code] = { dueAt: event.data.dueAt, commented: false };
      return { ...state, asked };
    }
    case 'PlanCommentSubmitted': {
      const request = state.asked[event.data.agencyCode];
      return request ? { ...state, asked: { ...state.asked, [event.data.agencyCode]: { ...request, commented: true } } } : state;
    }
    case 'PlanAdopted':
      return { ...state, adopted: { decisionNumber: event.data.decisionNumber, decisionDate: event.data.decisionDate } };
    case 'PlanAmended':
      return { ...state, tasks: { ...state.tasks, ...Object.fromEntries(event.data.tasks.map((t) => [t.code, t])) } };
    case 'HigherLevelChangeNotified':
      return state;
  }
}
