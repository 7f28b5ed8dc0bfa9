import type { AgencyGroup, CommendationKind, ProposalDecision, ProposalOpinion, ProposalRecommendation, ProposalStatus } from '../../domain/enums';

/** One asked agency's opinion on a proposal: asked (with its deadline), then given, or never. */
export interface OpinionEntry {
  agencyCode: string;
  askedAt: string;
  dueAt: string;
  opinion: ProposalOpinion | null;
  text: string | null;
  givenAt: string | null;
}

/** A reform proposal (Art. 6) as the queries `reformProposals` and `reformProposal` serve it. */
export interface ProposalDocument {
  code: string;
  title: string;
  agencyCode: string;
  summary: string;
  attachments: string[];
  /** The year it was submitted in (Vietnam time), for `reformProposals(year)`. */
  year: number;
  status: ProposalStatus;
  submittedAt: string;
  /** In the order asked. */
  opinions: OpinionEntry[];
  appraisal: { recommendation: ProposalRecommendation; text: string; appraisedAt: string } | null;
  decision: { decision: ProposalDecision; decisionNumber: string; decisionDate: string; decidedAt: string } | null;
}

/** A commendation or accountability proposal for one agency and year (Art. 16(6)), with its remedial plan. */
export interface CommendationDocument {
  year: number;
  group: AgencyGroup;
  agencyCode: string;
  kind: CommendationKind;
  rank: number;
  band: string | null;
  reason: string;
  basis: string;
  proposedAt: string;
  /** ACCOUNTABILITY only: by when the remedial plan is owed, and the plan once sent. */
  remedialPlanDueAt: string | null;
  remedialPlan: {
    weakCriteria: string[];
    actions: { text: string; dueAt: string | null }[];
    dueAt: string;
    submittedAt: string;
  } | null;
}

export const commendationId = (year: number, agencyCode: string) => `${year}:${agencyCode}`;
