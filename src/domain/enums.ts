/**
 * The closed sets of values the PAR model uses, declared once. Events store these values (so they never change
 * once written), the domain branches on them, and the GraphQL schema exposes them (src/schema/enums.ts registers
 * enums built from these lists): a new value is added here and appears in all three.
 */

/**
 * The groups agencies belong to: each of the first four has its own criteria set and its own ranking; PROVINCE is the
 * province itself (UBND tỉnh, assessed by the ministry on the national criteria set); OTHER are units that take part
 * in the coordination but are not ranked (the Public Administration Centre, TTHCC).
 */
export const AGENCY_GROUPS = ['DEPARTMENT', 'PROVINCIAL_BRANCH', 'DISTRICT', 'COMMUNE', 'PROVINCE', 'OTHER'] as const;
export type AgencyGroup = (typeof AGENCY_GROUPS)[number];

/** How a leaf criterion is scored. */
export const SCORING_METHODS = ['SELF_ASSESSED', 'SURVEY'] as const;
export type ScoringMethod = (typeof SCORING_METHODS)[number];

/** Appraisal rounds: round 2 follows round 1, and the latest given round is final. */
export const APPRAISAL_ROUNDS = [1, 2] as const;
export type AppraisalRound = (typeof APPRAISAL_ROUNDS)[number];

/** Where an agency's assessment of a year stands; DRAFT: scores saved by the agency but never sent. */
export const ASSESSMENT_STATUSES = ['NOT_SUBMITTED', 'DRAFT', 'SUBMITTED', 'UNDER_APPRAISAL', 'FINALIZED'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** Where an agency's "not applicable" claim on a leaf stands: it waits for the leaf's appraiser, who decides it. */
export const NOT_APPLICABLE_CLAIM_STATUSES = ['PENDING', 'CONFIRMED', 'REJECTED'] as const;
export type NotApplicableClaimStatus = (typeof NOT_APPLICABLE_CLAIM_STATUSES)[number];

/** The levels of an assessment's tree: an area (lĩnh vực), a criterion with sub-criteria, a leaf that carries points. */
export const ASSESSMENT_NODE_KINDS = ['AREA', 'CRITERION', 'LEAF'] as const;
export type AssessmentNodeKind = (typeof ASSESSMENT_NODE_KINDS)[number];

/** Where a group's ranking stands: computed from finalised results, proposed by SNV, or published by UBND. */
export const RANKING_STATUSES = ['PROVISIONAL', 'PROPOSED', 'PUBLISHED'] as const;
export type RankingStatus = (typeof RANKING_STATUSES)[number];

/** How the coordinator answers an agency's complaint about its published result. */
export const COMPLAINT_OUTCOMES = ['UPHELD', 'REJECTED'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];

/** Where a complaint stands: OPEN until the coordinator resolves it. */
export const COMPLAINT_STATUSES = ['OPEN', 'RESOLVED'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** The deadlines a coordinator can extend for one agency (grantExtension). */
export const SCHEDULE_PHASES = ['SELF_ASSESSMENT', 'EXPLANATION', 'APPRAISAL'] as const;
export type SchedulePhase = (typeof SCHEDULE_PHASES)[number];

/** Why a participant of a group has no row in an area comparison: only what a ranking would count is compared. */
export const NOT_COUNTED_REASONS = ['NOT_FINALIZED', 'EXCLUDED_FROM_RANKING', 'NOT_ASSESSED'] as const;
export type NotCountedReason = (typeof NOT_COUNTED_REASONS)[number];

/** Whose year a point of an agency's trend is: its own, or a unit it continues through mergers and splits. */
export const TREND_RELATIONS = ['SELF', 'PREDECESSOR'] as const;
export type TrendRelation = (typeof TREND_RELATIONS)[number];

/** What a PAR plan is (Art. 3): the yearly plan, a five-year plan, or a programme. */
export const PLAN_KINDS = ['YEARLY', 'FIVE_YEAR', 'PROGRAMME'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/** Where a plan stands: drafted by SNV (asking for comments), or adopted by the People's Committee's decision. */
export const PLAN_STATUSES = ['DRAFT', 'ADOPTED'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/**
 * The kinds of work Decision 2824/QĐ-UBND assigns (Art. 2–17): each duty and standing responsibility is of one kind,
 * so `responsibilities` and `workload` can say what an agency leads, coordinates and owes.
 */
export const TASK_KINDS = [
  'PLAN_DRAFTING',
  'PLAN_COMMENT',
  'PLAN_TASK',
  'HIGHER_LEVEL_CHANGE',
  'PROGRESS_REPORT',
  'PROVINCIAL_REPORT',
  'INSPECTION',
  'INSPECTION_FOLLOW_UP',
  'PROPOSAL_APPRAISAL',
  'PROPOSAL_OPINION',
  'PROPOSAL_DECISION',
  'INDEX_APPRAISAL',
  'INDEX_DATA_PROVISION',
  'INDEX_COMPILATION',
  'COMMUNICATION',
  'COMMENDATION',
  'ACCOUNTABILITY',
  'REMEDIAL_PLAN',
  'REGULATION_FEEDBACK',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/**
 * An agency's part in a piece of work: it leads it (chủ trì), coordinates (phối hợp), provides data for it, reports,
 * comments or gives an opinion, inspects or is inspected and follows up, or decides.
 */
export const DUTY_ROLES = ['LEAD', 'COORDINATE', 'PROVIDE_DATA', 'REPORT', 'COMMENT', 'INSPECT', 'FOLLOW_UP', 'DECIDE'] as const;
export type DutyRole = (typeof DUTY_ROLES)[number];

/** Where a duty stands on a given day: done, not yet due, due within a week, overdue, or no longer asked for. */
export const DUTY_STATUSES = ['OPEN', 'DUE', 'OVERDUE', 'DONE', 'CANCELLED'] as const;
export type DutyStatus = (typeof DUTY_STATUSES)[number];

/** SNV's appraisal of a reform proposal (Art. 6): approve it as is, send it back for revision, or reject it. */
export const PROPOSAL_RECOMMENDATIONS = ['APPROVE', 'REVISE', 'REJECT'] as const;
export type ProposalRecommendation = (typeof PROPOSAL_RECOMMENDATIONS)[number];

/** The People's Committee's decision on an appraised reform proposal. */
export const PROPOSAL_DECISIONS = ['APPROVED', 'REJECTED', 'RETURNED_FOR_REVISION'] as const;
export type ProposalDecision = (typeof PROPOSAL_DECISIONS)[number];

/** An asked agency's opinion on a reform proposal: agrees, agrees if changed (the text says how), or disagrees. */
export const PROPOSAL_OPINIONS = ['AGREE', 'AGREE_WITH_CHANGES', 'DISAGREE'] as const;
export type ProposalOpinion = (typeof PROPOSAL_OPINIONS)[number];

/** Where a reform proposal stands: submitted, out for opinions, appraised by SNV, decided by the People's Committee. */
export const PROPOSAL_STATUSES = ['SUBMITTED', 'OPINIONS_REQUESTED', 'APPRAISED', 'DECIDED'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** What SNV proposes for an agency after a published ranking (Art. 16(6)): commendation, or accountability. */
export const COMMENDATION_KINDS = ['COMMENDATION', 'ACCOUNTABILITY'] as const;
export type CommendationKind = (typeof COMMENDATION_KINDS)[number];
/**
 * The reporting rounds SNV schedules (Art. 4, 8(1)): quarterly, the six-month report, the year's, or one asked for
 * outside the calendar.
 */
export const REPORTING_PERIODS = ['QUARTER', 'HALF_YEAR', 'YEAR', 'AD_HOC'] as const;
export type ReportingPeriod = (typeof REPORTING_PERIODS)[number];

/** Where a plan task stands in an agency's progress report. */
export const TASK_PROGRESS_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'BEHIND_SCHEDULE'] as const;
export type TaskProgressStatus = (typeof TASK_PROGRESS_STATUSES)[number];

/** An agency's report in its round on a day: sent by the deadline, after it, not yet (still time), or missing. */
export const SUBMISSION_STATUSES = ['ON_TIME', 'LATE', 'PENDING', 'MISSING'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** How serious an inspection finding is (Art. 5). */
export const FINDING_SEVERITIES = ['OBSERVATION', 'MINOR', 'MAJOR', 'SERIOUS'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];
