import { registerEnumType } from 'type-graphql';
import * as domain from '../domain/enums';

/**
 * GraphQL enums built from the value lists in src/domain/enums.ts, the one place they are declared. Each name is
 * both a value (the `{ VALUE: 'VALUE' }` object type-graphql registers) and the domain's string-literal type, so
 * resolvers and object types pass domain values through without casts.
 */
function enumObject<const V extends string>(values: readonly V[]): { readonly [K in V]: K } {
  return Object.freeze(Object.fromEntries(values.map((v) => [v, v]))) as { readonly [K in V]: K };
}

export const AgencyGroup = enumObject(domain.AGENCY_GROUPS);
export type AgencyGroup = domain.AgencyGroup;
export const ScoringMethod = enumObject(domain.SCORING_METHODS);
export type ScoringMethod = domain.ScoringMethod;
export const AssessmentStatus = enumObject(domain.ASSESSMENT_STATUSES);
export type AssessmentStatus = domain.AssessmentStatus;
export const NotApplicableClaimStatus = enumObject(domain.NOT_APPLICABLE_CLAIM_STATUSES);
export type NotApplicableClaimStatus = domain.NotApplicableClaimStatus;
export const AssessmentNodeKind = enumObject(domain.ASSESSMENT_NODE_KINDS);
export type AssessmentNodeKind = domain.AssessmentNodeKind;

export const RankingStatus = enumObject(domain.RANKING_STATUSES);
export type RankingStatus = domain.RankingStatus;
registerEnumType(RankingStatus, {
  name: 'RankingStatus',
  description: 'PROVISIONAL: computed from finalised assessments; PROPOSED: frozen by SNV (proposeRanking); PUBLISHED: approved by UBND.',
});

export const ComplaintOutcome = enumObject(domain.COMPLAINT_OUTCOMES);
export type ComplaintOutcome = domain.ComplaintOutcome;
registerEnumType(ComplaintOutcome, {
  name: 'ComplaintOutcome',
  valuesConfig: {
    UPHELD: { description: 'The complaint is right: the coordinator corrects the result (reopenAssessment, appraisal, republication).' },
    REJECTED: { description: 'The result stands; the comment says why.' },
  },
});
export const ComplaintStatus = enumObject(domain.COMPLAINT_STATUSES);
export type ComplaintStatus = domain.ComplaintStatus;
registerEnumType(ComplaintStatus, { name: 'ComplaintStatus', description: 'OPEN until the coordinator resolves it (resolveComplaint).' });

export const SchedulePhase = enumObject(domain.SCHEDULE_PHASES);
export type SchedulePhase = domain.SchedulePhase;

registerEnumType(SchedulePhase, {
  name: 'SchedulePhase',
  description: 'A deadline the coordinator can extend for one agency.',
  valuesConfig: {
    SELF_ASSESSMENT: { description: 'Sending (and revising) the self-assessment.' },
    EXPLANATION: { description: 'Answering explanation requests between the two appraisal rounds (beyond each request’s dueAt).' },
    APPRAISAL: { description: 'Appraising the agency’s criteria.' },
  },
});
registerEnumType(AgencyGroup, {
  name: 'AgencyGroup',
  description: 'The ranking group an agency belongs to; each group has its own criteria set and ranking.',
  valuesConfig: {
    DEPARTMENT: { description: 'Provincial departments, boards and sectors (sở, ban, ngành).' },
    PROVINCIAL_BRANCH: { description: 'Centrally managed provincial branches (ngành dọc): tax, treasury, police, social insurance, customs.' },
    DISTRICT: { description: 'District-level People’s Committees (UBND huyện, thị xã, thành phố).' },
    COMMUNE: { description: 'Commune-level People’s Committees (UBND xã, phường, thị trấn).' },
  },
});
registerEnumType(ScoringMethod, {
  name: 'ScoringMethod',
  valuesConfig: {
    SELF_ASSESSED: { description: 'Self-assessed by the agency, then appraised by the appraising agency.' },
    SURVEY: { description: 'Scored by the sociological survey (điều tra xã hội học); entered by the coordinator.' },
  },
});
registerEnumType(AssessmentStatus, { name: 'AssessmentStatus' });
registerEnumType(AssessmentNodeKind, {
  name: 'AssessmentNodeKind',
  valuesConfig: {
    AREA: { description: 'An area (lĩnh vực): the top level.' },
    CRITERION: { description: 'A criterion or sub-criterion with criteria below it.' },
    LEAF: { description: 'A criterion that carries points of its own (its score is on the node).' },
  },
});
registerEnumType(NotApplicableClaimStatus, {
  name: 'NotApplicableClaimStatus',
  description: 'An agency’s "not applicable" claim on a leaf: the leaf’s appraiser confirms or rejects it.',
  valuesConfig: {
    PENDING: { description: 'Not decided yet: the leaf counts as applicable with no final points and blocks finalisation.' },
    CONFIRMED: { description: 'The appraiser judged it not applicable: it leaves the applicable maximum.' },
    REJECTED: { description: 'The appraiser scored the leaf: it counts with the appraised points.' },
  },
});

export const NotCountedReason = enumObject(domain.NOT_COUNTED_REASONS);
export type NotCountedReason = domain.NotCountedReason;
registerEnumType(NotCountedReason, {
  name: 'NotCountedReason',
  description: 'Why a participant is left out of an area comparison.',
  valuesConfig: {
    NOT_FINALIZED: { description: 'Its assessment is not finalised (yet, or again after a reopening).' },
    EXCLUDED_FROM_RANKING: { description: 'Left out of the year’s ranking (excludeFromRanking), as the ranking leaves it out.' },
    NOT_ASSESSED: { description: 'A participant with no assessment document.' },
  },
});

export const TrendRelation = enumObject(domain.TREND_RELATIONS);
export type TrendRelation = domain.TrendRelation;
registerEnumType(TrendRelation, {
  name: 'TrendRelation',
  description: 'Whose year a point of an agency’s trend is.',
  valuesConfig: {
    SELF: { description: 'The agency’s own (under its code, whatever its name was then).' },
    PREDECESSOR: { description: 'A unit the agency continues: merged or split into it, directly or through others.' },
  },
});

export const TaskKind = enumObject(domain.TASK_KINDS);
export type TaskKind = domain.TaskKind;
registerEnumType(TaskKind, { name: 'TaskKind', description: 'The kinds of work Decision 2824/QĐ-UBND assigns (Art. 2–17).' });
export const DutyRole = enumObject(domain.DUTY_ROLES);
export type DutyRole = domain.DutyRole;
registerEnumType(DutyRole, {
  name: 'DutyRole',
  description: 'An agency’s part in a piece of work: LEAD (chủ trì), COORDINATE (phối hợp), PROVIDE_DATA, REPORT, COMMENT, INSPECT, FOLLOW_UP, DECIDE.',
});
export const DutyStatus = enumObject(domain.DUTY_STATUSES);
export type DutyStatus = domain.DutyStatus;
registerEnumType(DutyStatus, {
  name: 'DutyStatus',
  description: 'On the day asked for: OPEN (not yet due), DUE (deadline within 7 days), OVERDUE, DONE, CANCELLED.',
});

export const PlanKind = enumObject(domain.PLAN_KINDS);
export type PlanKind = domain.PlanKind;
registerEnumType(PlanKind, {
  name: 'PlanKind',
  description: 'A PAR plan or programme (Art. 3): YEARLY plan, FIVE_YEAR plan, or PROGRAMME.',
});
export const PlanStatus = enumObject(domain.PLAN_STATUSES);
export type PlanStatus = domain.PlanStatus;
registerEnumType(PlanStatus, {
  name: 'PlanStatus',
  description: 'DRAFT: drafted by SNV, open for comments; ADOPTED: issued by the People’s Committee’s decision (later changes are amendments).',
});
export const ProposalRecommendation = enumObject(domain.PROPOSAL_RECOMMENDATIONS);
export type ProposalRecommendation = domain.ProposalRecommendation;
registerEnumType(ProposalRecommendation, {
  name: 'ProposalRecommendation',
  description: 'SNV’s appraisal of a reform proposal (QĐ 2824/QĐ-UBND, Điều 6 khoản 1).',
  valuesConfig: {
    APPROVE: { description: 'Submit it to the People’s Committee for approval as it is.' },
    REVISE: { description: 'The submitting agency should revise it first; the text says what.' },
    REJECT: { description: 'Advise the People’s Committee not to approve it.' },
  },
});
export const ProposalDecision = enumObject(domain.PROPOSAL_DECISIONS);
export type ProposalDecision = domain.ProposalDecision;
registerEnumType(ProposalDecision, {
  name: 'ProposalDecision',
  description: 'The People’s Committee’s decision on an appraised reform proposal.',
  valuesConfig: {
    APPROVED: { description: 'Approved (phê duyệt): the agency carries it out.' },
    REJECTED: { description: 'Not approved.' },
    RETURNED_FOR_REVISION: { description: 'Returned to the agency to revise; a revised proposal is submitted under a new code.' },
  },
});
export const ProposalOpinion = enumObject(domain.PROPOSAL_OPINIONS);
export type ProposalOpinion = domain.ProposalOpinion;
registerEnumType(ProposalOpinion, {
  name: 'ProposalOpinion',
  description: 'An asked agency’s opinion on a reform proposal; the text gives the reasons and the changes asked for.',
});
export const ProposalStatus = enumObject(domain.PROPOSAL_STATUSES);
export type ProposalStatus = domain.ProposalStatus;
registerEnumType(ProposalStatus, {
  name: 'ProposalStatus',
  description: 'SUBMITTED, OPINIONS_REQUESTED (out for opinions), APPRAISED (by SNV), DECIDED (by the People’s Committee).',
});
export const CommendationKind = enumObject(domain.COMMENDATION_KINDS);
export type CommendationKind = domain.CommendationKind;
registerEnumType(CommendationKind, {
  name: 'CommendationKind',
  description: 'What SNV proposes to the People’s Committee for an agency after a published ranking (Điều 16 khoản 6).',
  valuesConfig: {
    COMMENDATION: { description: 'Commendation (khen thưởng).' },
    ACCOUNTABILITY: { description: 'Accountability (xử lý trách nhiệm): the agency then owes a remedial plan.' },
  },
});
export const ReportingPeriod = enumObject(domain.REPORTING_PERIODS);
export type ReportingPeriod = domain.ReportingPeriod;
registerEnumType(ReportingPeriod, {
  name: 'ReportingPeriod',
  description:
    'A reporting round (Art. 4): QUARTER (BC-<year>-Q<n>), HALF_YEAR (the six-month report, BC-<year>-6T), YEAR (BC-<year>-N), AD_HOC (BC-<year>-<code>).',
});
export const TaskProgressStatus = enumObject(domain.TASK_PROGRESS_STATUSES);
export type TaskProgressStatus = domain.TaskProgressStatus;
registerEnumType(TaskProgressStatus, { name: 'TaskProgressStatus', description: 'Where a plan task stands in an agency’s progress report.' });
export const SubmissionStatus = enumObject(domain.SUBMISSION_STATUSES);
export type SubmissionStatus = domain.SubmissionStatus;
registerEnumType(SubmissionStatus, {
  name: 'SubmissionStatus',
  description:
    'An agency’s report on the day asked for: ON_TIME, LATE (its first report came after the deadline), PENDING (none yet, still time), MISSING (none, deadline past).',
});
export const FindingSeverity = enumObject(domain.FINDING_SEVERITIES);
export type FindingSeverity = domain.FindingSeverity;
registerEnumType(FindingSeverity, { name: 'FindingSeverity', description: 'How serious an inspection finding is.' });
