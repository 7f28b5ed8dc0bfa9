import type { CommendationEvent } from '../../events/parEvents';
import type { CommendationKind } from '../enums';

/** The year's commendation stream: what was proposed for whom, and who owes or sent a remedial plan. */
export interface CommendationState {
  proposed: Record<string, CommendationKind>;
  remedialPlans: string[];
}

export const initialCommendation = (): CommendationState => ({ proposed: {}, remedialPlans: [] });

export function evolveCommendation(state: CommendationState, event: CommendationEvent): CommendationState {
  switch (event.type) {
    case 'CommendationProposed':
      return { ...state, proposed: { ...state.proposed, [event.data.agencyCode]: 'COMMENDATION' } };
    case 'AccountabilityProposed':
      return { ...state, proposed: { ...state.proposed, [event.data.agencyCode]: 'ACCOUNTABILITY' } };
    case 'RemedialPlanSubmitted':
      return { ...state, remedialPlans: [...state.remedialPlans, event.data.agencyCode] };
  }
}
