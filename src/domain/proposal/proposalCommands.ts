import type { ProposalDecision, ProposalOpinion, ProposalRecommendation } from '../enums';

/**
 * The reform-proposal commands (Art. 6) as the decider sees them. `registered` holds, for every agency code the
 * command names, whether it is a registered agency (loaded by the handler); `now` is the time of the decision.
 */
export type SubmitReformProposal = {
  type: 'SubmitReformProposal';
  code: string;
  title: string;
  submittingAgencyCode: string;
  summary: string;
  attachments?: string[] | null;
  registered: Readonly<Record<string, boolean>>;
};
export type RequestProposalOpinions = {
  type: 'RequestProposalOpinions';
  code: string;
  agencyCodes: string[];
  dueAt: Date | string;
  now: Date;
  registered: Readonly<Record<string, boolean>>;
};
type GiveProposalOpinion = { type: 'GiveProposalOpinion'; code: string; agencyCode: string; opinion: ProposalOpinion; text: string };
type AppraiseProposal = { type: 'AppraiseProposal'; code: string; recommendation: ProposalRecommendation; text: string };
type DecideProposal = {
  type: 'DecideProposal';
  code: string;
  decision: ProposalDecision;
  decisionNumber: string;
  decisionDate: Date | string;
};

export type ProposalCommand = SubmitReformProposal | RequestProposalOpinions | GiveProposalOpinion | AppraiseProposal | DecideProposal;
