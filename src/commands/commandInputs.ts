import type {
  DissolveAgency,
  MergeAgencies,
  MergeJurisdictions,
  MoveAgency,
  RegisterJurisdiction,
  RenameAgency,
  SplitAgency,
} from '../domain/lineage/lineageCommands';
import type { AdoptPlan, AmendPlan, DraftPlan, NotifyHigherLevelChange, RequestPlanComments, SubmitPlanComment } from '../domain/plan/planCommands';
import type { SelfScoreInput } from '../domain/assessment/assessmentDecider';
import type { BandInput } from '../domain/cycle/cycleDecider';
import type { ComplaintOutcome, SchedulePhase } from '../domain/enums';
import type { ImportedEntryInput } from '../domain/ranking/importedEntries';
import type { AdjustmentKind, AgencyGroup } from '../events/parEvents';

// The inputs of the commands as ParCommands receives them: GraphQL input classes satisfy these shapes, and the
// deciders get what they need from them.

export interface RegisterAgencyInput {
  code: string;
  name: string;
  group: AgencyGroup;
  jurisdiction?: string | null;
  activeFrom?: Date | null;
}

type Input<C> = C extends unknown ? Omit<C, 'type' | 'registered'> : never;
export type RenameAgencyInput = Input<RenameAgency>;
export type MergeAgenciesInput = Input<MergeAgencies>;
export type SplitAgencyInput = Input<SplitAgency>;
export type DissolveAgencyInput = Input<DissolveAgency>;
export type MoveAgencyInput = Input<MoveAgency>;
export type RegisterJurisdictionInput = Input<RegisterJurisdiction>;
export type MergeJurisdictionsInput = Input<MergeJurisdictions>;

export interface OpenAssessmentCycleInput {
  year: number;
  frameworkCodes: string[];
  selfAssessmentDeadline: Date;
  appraisalDeadline: Date;
  bands?: BandInput[] | null;
  /** Per group, bands replacing `bands` for that group. */
  groupBands?: { group: AgencyGroup; bands: BandInput[] }[] | null;
  /** Which agencies the cycle assesses; by default every agency of the covered groups active during the year. */
  agencyCodes?: string[] | null;
  /** Only the agencies of this jurisdiction (by default, of any). */
  jurisdiction?: string | null;
  /** Leave every participant that ended during the year out of the ranking, with the reason its lineage gives. */
  excludeEndedMidYear?: boolean | null;
}

export interface SubmitSelfAssessmentInput {
  year: number;
  agencyCode: string;
  scores: SelfScoreInput[];
}

export interface RequestExplanationInput {
  year: number;
  agencyCode: string;
  criterionCode: string;
  question: string;
  dueAt: Date;
}

export interface SubmitExplanationInput {
  year: number;
  agencyCode: string;
  criterionCode: string;
  text: string;
  evidence?: string[] | null;
  revisedPoints?: number | null;
}

export interface AppraiseCriterionInput {
  year: number;
  agencyCode: string;
  criterionCode: string;
  round: number;
  points?: number | null;
  applicable?: boolean | null;
  comment?: string | null;
}

export interface RecordSurveyScoresInput {
  year: number;
  agencyCode: string;
  scores: { criterionCode: string; points: number }[];
  /** The recorded survey (recordSurvey) the scores come from. */
  surveyCode?: string | null;
}

export interface AssessmentKeyInput {
  year: number;
  agencyCode: string;
}

export interface ProposeRankingInput {
  year: number;
  group: AgencyGroup;
}

export interface PublishRankingInput {
  year: number;
  group: AgencyGroup;
  reason?: string | null;
  decisionNumber: string;
  decisionDate: Date;
}

export interface ImportPublishedRankingInput {
  year: number;
  group: AgencyGroup;
  jurisdiction?: string | null;
  decisionNumber: string;
  decisionDate: Date;
  source: string;
  entries: ImportedEntryInput[];
}

export interface AmendCycleScheduleInput {
  year: number;
  selfAssessmentDeadline: Date;
  appraisalDeadline: Date;
  reason: string;
}

export interface GrantExtensionInput {
  year: number;
  agencyCode: string;
  phase: SchedulePhase;
  until: Date;
  reason: string;
}

export interface ProposeAdjustmentInput {
  year: number;
  agencyCode: string;
  kind: AdjustmentKind;
  points: number;
  reason: string;
  evidence?: string[] | null;
}

export interface DecideAdjustmentInput {
  year: number;
  agencyCode: string;
  adjustmentId: string;
  acceptedPoints: number;
  comment?: string | null;
}

export interface AppraiseCriteriaInput {
  year: number;
  agencyCode: string;
  round: number;
  items: { criterionCode: string; points?: number | null; applicable?: boolean | null; comment?: string | null }[];
}

export interface AssignAppraiserInput {
  year: number;
  agencyCode: string;
  criterionCodes: string[];
  appraiserCode: string;
  reason: string;
}

export interface RecordNonSubmissionInput {
  year: number;
  agencyCode: string;
  reason: string;
}

export interface ExcludeFromRankingInput {
  year: number;
  agencyCode: string;
  reason: string;
}

export interface LodgeComplaintInput {
  year: number;
  agencyCode: string;
  criterionCode: string;
  text: string;
}

export interface ResolveComplaintInput {
  year: number;
  agencyCode: string;
  complaintId: string;
  outcome: ComplaintOutcome;
  comment?: string | null;
}

export interface ReopenAssessmentInput {
  year: number;
  agencyCode: string;
  reason: string;
}

export interface WaiveSurveyInput {
  year: number;
  group: AgencyGroup;
  reason: string;
}

export interface RecordSurveyInput {
  year: number;
  group: AgencyGroup;
  code: string;
  title: string;
  conductedBy: string;
  respondents: number;
  reportReference: string;
  conductedAt: Date;
}

// The plan commands take the time of deciding and the agencies they name from the handler, the notifying agency
// from the token.
type PlanInput<C> = Omit<C, 'type' | 'now' | 'agencies'>;
export type DraftPlanInput = PlanInput<DraftPlan>;
export type RequestPlanCommentsInput = PlanInput<RequestPlanComments>;
export type SubmitPlanCommentInput = PlanInput<SubmitPlanComment>;
export type NotifyHigherLevelChangeInput = Omit<PlanInput<NotifyHigherLevelChange>, 'agencyCode'>;
export type AdoptPlanInput = PlanInput<AdoptPlan>;
export type AmendPlanInput = PlanInput<AmendPlan>;
