import type { NewEvent } from '../envelope';
import type { AgencyGroup, CommendationKind, ProposalDecision, ProposalOpinion, ProposalRecommendation } from '../../domain/enums';

// Reform proposals (Decision 2824/QĐ-UBND, Art. 6): one stream per proposal (`proposal-<code>`). An agency submits,
// SNV asks other agencies' opinions and appraises, the People's Committee decides. `agencyCode` is the agency the
// event concerns (the submitting one, or the one giving its opinion), so the audit trail files it under that agency.

type ReformProposalSubmitted = NewEvent<'ReformProposalSubmitted', { code: string; title: string; agencyCode: string; summary: string; attachments: string[] }>;
/** Times are ISO date-times. */
type ProposalOpinionsRequested = NewEvent<'ProposalOpinionsRequested', { code: string; agencyCodes: string[]; dueAt: string }>;
type ProposalOpinionGiven = NewEvent<'ProposalOpinionGiven', { code: string; agencyCode: string; opinion: ProposalOpinion; text: string }>;
type ProposalAppraised = NewEvent<'ProposalAppraised', { code: string; agencyCode: string; recommendation: ProposalRecommendation; text: string }>;
/** `decisionDate` is a calendar date (YYYY-MM-DD). */
type ProposalDecided = NewEvent<
  'ProposalDecided',
  { code: string; agencyCode: string; decision: ProposalDecision; decisionNumber: string; decisionDate: string }
>;

export type ProposalEvent = ReformProposalSubmitted | ProposalOpinionsRequested | ProposalOpinionGiven | ProposalAppraised | ProposalDecided;

// Commendation and accountability (Art. 16(6)): one stream per year (`commendation-<year>`), after the year's ranking
// of the agency's group was published. The rank and band are those of the published ranking the proposal rests on.

interface RankedProposal {
  year: number;
  group: AgencyGroup;
  agencyCode: string;
  rank: number;
  band: string | null;
  reason: string;
  basis: string;
}

type CommendationProposed = NewEvent<'CommendationProposed', RankedProposal>;
/** `remedialPlanDueAt`: by when the agency owes its remedial plan (ISO date-time). */
type AccountabilityProposed = NewEvent<'AccountabilityProposed', RankedProposal & { remedialPlanDueAt: string }>;
type RemedialPlanSubmitted = NewEvent<
  'RemedialPlanSubmitted',
  { year: number; agencyCode: string; weakCriteria: string[]; actions: { text: string; dueAt: string | null }[]; dueAt: string }
>;

export type CommendationEvent = CommendationProposed | AccountabilityProposed | RemedialPlanSubmitted;
export type { CommendationKind };
