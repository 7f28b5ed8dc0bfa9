import type { ProposalEvent } from '../../events/parEvents';
import type { ProposalDecision, ProposalRecommendation } from '../enums';

/** A reform proposal as its stream has it: what the next command is decided against. */
export interface SubmittedProposal {
  submitted: true;
  code: string;
  agencyCode: string;
  /** Agencies asked for an opinion, with the deadline they were given; an agency asked twice keeps the later one. */
  asked: Record<string, string>;
  /** Agencies that gave their opinion. */
  given: string[];
  appraisal: { recommendation: ProposalRecommendation } | null;
  decision: { decision: ProposalDecision } | null;
}

export type ProposalState = { submitted: false } | SubmittedProposal;

export const initialProposal = (): ProposalState => ({ submitted: false });

export function evolveProposal(state: ProposalState, event: ProposalEvent): ProposalState {
  if (event.type === 'ReformProposalSubmitted') {
    const { code, agencyCode } = event.data;
    return { submitted: true, code, agencyCode, asked: {}, given: [], appraisal: null, decision: null };
  }
  if (!state.submitted) return state;
  switch (event.type) {
    case 'ProposalOpinionsRequested': {
      const asked = { ...state.asked };
      for (const code of event.data.agencyCodes) asked[code] = event.data.dueAt;
      return { ...state, asked };
    }
    case 'ProposalOpinionGiven':
      return { ...state, given: [...state.given, event.data.agencyCode] };
    case 'ProposalAppraised':
      return { ...state, appraisal: { recommendation: event.data.recommendation } };
    case 'ProposalDecided':
      return { ...state, decision: { decision: event.data.decision } };
  }
}
