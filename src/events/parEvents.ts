import type { AgencyGroup, ScoringMethod } from '../domain/enums';
import type { RecordedEvent } from './envelope';
import type { AgencyEvent } from './types/agencyEvents';
import type { AssessmentEvent } from './types/assessmentEvents';
import type { CycleEvent } from './types/cycleEvents';
import type { FrameworkEvent } from './types/frameworkEvents';
import type { LineageEvent } from './types/lineageEvents';
import type { AssignmentEvent } from './types/assignmentEvents';
import type { ProvincialIndexEvent } from './types/provincialIndexEvents';
import type { ImportedRankingEvent } from './types/importedRankingEvents';
import type { PlanEvent } from './types/planEvents';
import type { CommendationEvent, ProposalEvent } from './types/proposalEvents';
import type { RegulationIssueEvent, ReportingEvent } from './types/reportingEvents';
import type { InspectionEvent } from './types/inspectionEvents';

/**
 * Every fact PAR Ledger records. Points are decimal numbers as people read them (2.5, 0.1234); the domain turns
 * them into exact ten-thousandths (src/domain/points.ts) before adding them up. Adding a field or changing a
 * meaning bumps `schemaVersion` and adds an upcaster (upcasters.ts), so old events keep their meaning.
 *
 * The payloads are declared per stream in ./types; this file is the one place the rest of the code imports them
 * from, and holds what spans every stream: the version table, `event()`, the stream names.
 */

// Declared once in src/domain/enums.ts (the GraphQL enums are built from the same lists); re-exported because
// event payloads are where most readers meet them.
export type { AgencyGroup, ScoringMethod };
export type { AgencyEvent, AgencyRegistered } from './types/agencyEvents';
export type { FrameworkEvent, FrameworkPublished, AreaDefinition, CriterionDefinition } from './types/frameworkEvents';
export type { CycleEvent, AssessmentCycleOpened, Participant, RatingBand, GroupBands, RankingEntryData, SurveyRecorded } from './types/cycleEvents';
export type { AssessmentEvent, SelfScore, AdjustmentKind } from './types/assessmentEvents';
export type { LineageEvent, LineageTarget } from './types/lineageEvents';
export type { AssignmentEvent } from './types/assignmentEvents';
export type { ProvincialIndexEvent } from './types/provincialIndexEvents';
export type { ImportedRankingEvent } from './types/importedRankingEvents';
export type { PlanEvent, PlanTask } from './types/planEvents';
export type { ProposalEvent, CommendationEvent } from './types/proposalEvents';
export type { ReportingEvent, RegulationIssueEvent, TaskProgress } from './types/reportingEvents';
export type { InspectionEvent, PlannedInspection, InspectionFinding } from './types/inspectionEvents';

type ParEvent =
  | AgencyEvent
  | LineageEvent
  | AssignmentEvent
  | ProvincialIndexEvent
  | FrameworkEvent
  | CycleEvent
  | AssessmentEvent
  | ImportedRankingEvent
  | PlanEvent
  | ProposalEvent
  | CommendationEvent
  | ReportingEvent
  | RegulationIssueEvent
  | InspectionEvent;
export type ParEventType = ParEvent['type'];

/** A recorded event narrowed by its type, as projections and the audit trail see it. */
export type RecordedParEvent = { [T in ParEvent as T['type']]: RecordedEvent<T['type'], T['data']> }[ParEventType];

export const ASSESSMENT_EVENT_TYPES: readonly AssessmentEvent['type'][] = [
  'SelfAssessmentSubmitted',
  'SelfAssessmentRevised',
  'SelfAssessmentDraftSaved',
  'CriterionAppraised',
  'AppraisalCorrected',
  'SurveyScoresRecorded',
  'AssessmentFinalized',
  'ExplanationRequested',
  'ExplanationSubmitted',
  'NonSubmissionRecorded',
  'AdjustmentProposed',
  'AdjustmentDecided',
  'AppraiserAssigned',
  'ComplaintLodged',
  'ComplaintResolved',
  'AssessmentReopened',
];
const assessmentEventTypes: ReadonlySet<string> = new Set(ASSESSMENT_EVENT_TYPES);

type RecordedAssessmentEvent = Extract<RecordedParEvent, { type: AssessmentEvent['type'] }>;

export const LINEAGE_EVENT_TYPES: readonly LineageEvent['type'][] = [
  'JurisdictionRegistered',
  'JurisdictionsMerged',
  'AgencyRenamed',
  'AgenciesMerged',
  'AgencySplit',
  'AgencyDissolved',
  'AgencyMoved',
];

export const PLAN_EVENT_TYPES: readonly PlanEvent['type'][] = [
  'PlanDrafted',
  'PlanCommentsRequested',
  'PlanCommentSubmitted',
  'HigherLevelChangeNotified',
  'PlanAdopted',
  'PlanAmended',
];

export function isAssessmentEvent(event: RecordedParEvent): event is RecordedAssessmentEvent {
  return assessmentEventTypes.has(event.type);
}

/** The data of the event type `T` at its current schema version. */
export type ParEventData<T extends ParEventType> = Extract<ParEvent, { type: T }>['data'];

/**
 * The current schema version of every event type: the one table the `event()` helper stamps from and the upcaster
 * chains (upcasters.ts) must reach. Bumping a version here without adding the upcaster step stops the service at
 * start with a message naming the missing step.
 */
export const CURRENT_SCHEMA_VERSION = {
  AgencyRegistered: 2,
  JurisdictionRegistered: 1,
  JurisdictionsMerged: 1,
  AgencyRenamed: 1,
  AgenciesMerged: 1,
  AgencySplit: 1,
  AgencyDissolved: 1,
  AgencyMoved: 1,
  ResponsibilityAssigned: 1,
  CriterionDataRequested: 1,
  CriterionDataProvided: 1,
  ProvincialAssessmentCompiled: 1,
  NationalResultRecorded: 1,
  FrameworkPublished: 3,
  AssessmentCycleOpened: 3,
  RankingProposed: 1,
  RankingPublished: 2,
  RankingRepublished: 2,
  CycleScheduleAmended: 1,
  ExtensionGranted: 1,
  AgencyExcludedFromRanking: 1,
  SelfAssessmentSubmitted: 1,
  SelfAssessmentRevised: 1,
  SelfAssessmentDraftSaved: 1,
  CriterionAppraised: 2,
  AppraisalCorrected: 2,
  SurveyScoresRecorded: 2,
  AssessmentFinalized: 1,
  ExplanationRequested: 2,
  ExplanationSubmitted: 1,
  NonSubmissionRecorded: 1,
  AdjustmentProposed: 1,
  AdjustmentDecided: 1,
  AppraiserAssigned: 1,
  ComplaintLodged: 1,
  ComplaintResolved: 1,
  AssessmentReopened: 1,
  SurveyWaived: 1,
  SurveyRecorded: 1,
  PublishedRankingImported: 1,
  PlanDrafted: 1,
  PlanCommentsRequested: 1,
  PlanCommentSubmitted: 1,
  HigherLevelChangeNotified: 1,
  PlanAdopted: 1,
  PlanAmended: 1,
  ReformProposalSubmitted: 1,
  ProposalOpinionsRequested: 1,
  ProposalOpinionGiven: 1,
  ProposalAppraised: 1,
  ProposalDecided: 1,
  CommendationProposed: 1,
  AccountabilityProposed: 1,
  RemedialPlanSubmitted: 1,
  ReportingScheduled: 1,
  ProgressReportSubmitted: 1,
  ProvincialReportCompiled: 1,
  RegulationIssueReported: 1,
  InspectionPlanIssued: 1,
  InspectionRecorded: 1,
  InspectionFollowUpReported: 1,
} as const satisfies Record<ParEventType, number>;

/**
 * The one way to create a PAR event: its data is checked against the type's shape and its schema version comes
 * from CURRENT_SCHEMA_VERSION, so no decider writes a version by hand.
 */
export function event<T extends ParEventType>(type: T, data: ParEventData<T>): Extract<ParEvent, { type: T }> {
  return { type, schemaVersion: CURRENT_SCHEMA_VERSION[type], data } as Extract<ParEvent, { type: T }>;
}

export const streams = {
  agency: (code: string) => `agency-${code}`,
  /** Every reorganisation of agencies and jurisdictions, in one stream (src/domain/lineage). */
  lineage: () => 'lineage',
  /** Decision 2824's standing responsibilities (src/domain/assignment). */
  responsibilityMatrix: () => 'responsibility-matrix',
  /** The province's own assessment of a year against the national criteria set (src/domain/provincialIndex). */
  provincialAssessment: (year: number) => `provincial-assessment-${year}`,
  framework: (code: string) => `framework-${code}`,
  cycle: (year: number) => `cycle-${year}`,
  assessment: (year: number, agencyCode: string) => `assessment-${year}-${agencyCode}`,
  /** A ranking published outside PAR Ledger: one stream per year, group and jurisdiction, so each is imported once. */
  importedRanking: (year: number, group: AgencyGroup, jurisdiction: string | null) =>
    `ranking-import-${year}-${group}${jurisdiction ? `-${jurisdiction}` : ''}`,
  /** A PAR plan or programme (Art. 3) and everything done on it, by its code. */
  plan: (code: string) => `plan-${code}`,
  /** A reform proposal (Art. 6), from submission to the People's Committee's decision. */
  proposal: (code: string) => `proposal-${code}`,
  /** The year's commendation and accountability proposals and remedial plans (Art. 16(6)). */
  commendation: (year: number) => `commendation-${year}`,
  /** One reporting round (Art. 4), e.g. `reporting-BC-2030-Q1`. */
  reporting: (reportingId: string) => `reporting-${reportingId}`,
  /** Every issue agencies raise about the regulation (Art. 17(3)), numbered in one stream. */
  regulationIssues: () => 'regulation-issues',
  /** Every inspection plan and inspection (Art. 5): codes are unique across years, and later steps name only the code. */
  inspections: () => 'inspections',
};

/** Every event type this build knows, in declaration order. */
export const PAR_EVENT_TYPES = Object.keys(CURRENT_SCHEMA_VERSION) as ParEventType[];
