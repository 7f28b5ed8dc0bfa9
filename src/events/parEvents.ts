import type { AgencyGroup, AppraisalRound, ComplaintOutcome, SchedulePhase, ScoringMethod } from '../domain/enums';
import type { NewEvent, RecordedEvent } from './envelope';

/**
 * Every fact PAR Ledger records. Points are decimal numbers as people read them (2.5, 0.1234); the domain turns
 * them into exact ten-thousandths (src/domain/points.ts) before adding them up. Adding a field or changing a
 * meaning bumps `schemaVersion` and adds an upcaster (upcasters.ts), so old events keep their meaning.
 */

// Declared once in src/domain/enums.ts (the GraphQL enums are built from the same lists); re-exported because
// event payloads are where most readers meet them.
export type { AgencyGroup, ScoringMethod };

export interface CriterionDefinition {
  code: string;
  title: string;
  /** On a leaf, the points it carries; on an inner node, the sum of its leaves. */
  maxPoints: number;
  /** Set on leaves only. */
  method: ScoringMethod | null;
  /** The agency that appraises a self-assessed leaf; null on survey leaves and inner nodes. */
  appraiserCode: string | null;
  children: CriterionDefinition[];
}

export interface AreaDefinition {
  code: string;
  title: string;
  /** The sum of the area's leaves. */
  maxPoints: number;
  criteria: CriterionDefinition[];
}

// ── agency-<code> ───────────────────────────────────────────────────────────────────────────────────────────
export type AgencyRegistered = NewEvent<'AgencyRegistered', { code: string; name: string; group: AgencyGroup }>;

// ── framework-<code> ────────────────────────────────────────────────────────────────────────────────────────
export type FrameworkPublished = NewEvent<
  'FrameworkPublished',
  {
    code: string;
    title: string;
    group: AgencyGroup;
    /** True for the frameworks PAR Ledger ships as examples: they are not an official criteria set. */
    sample: boolean;
    /** The methodology it follows, e.g. "QĐ 2948/QĐ-BNV"; free text. */
    methodology: string | null;
    maxPoints: number;
    /** The most accepted bonus points (điểm thưởng) can add to an agency's total; 0 when the framework has none. */
    bonusMaxPoints: number;
    /** The most accepted penalty points (điểm trừ) can take from an agency's total; 0 when the framework has none. */
    penaltyMaxPoints: number;
    areas: AreaDefinition[];
  }
>;

// ── cycle-<year> ────────────────────────────────────────────────────────────────────────────────────────────
export interface RatingBand {
  label: string;
  /** Lowest index % (inclusive) that earns the band. */
  minIndexPercent: number;
}

/** Bands that replace the cycle's default `bands` for one group (districts may be rated on other thresholds). */
export interface GroupBands {
  group: AgencyGroup;
  bands: RatingBand[];
}

export interface Participant {
  code: string;
  /** The name valid in this cycle's year, so that history shows what people saw then. */
  name: string;
  group: AgencyGroup;
}

export type AssessmentCycleOpened = NewEvent<
  'AssessmentCycleOpened',
  {
    year: number;
    frameworks: { group: AgencyGroup; frameworkCode: string }[];
    participants: Participant[];
    selfAssessmentDeadline: string;
    appraisalDeadline: string;
    /** The default bands, for every group without its own in `groupBands`. */
    bands: RatingBand[];
    groupBands: GroupBands[];
  }
>;

export interface RankingEntryData {
  rank: number;
  agencyCode: string;
  agencyName: string;
  totalPoints: number;
  maxPoints: number;
  indexPercent: number | null;
  band: string | null;
}

interface RankingData {
  year: number;
  group: AgencyGroup;
  entries: RankingEntryData[];
  /** The People's Committee's decision that approves the ranking, e.g. "123/QĐ-UBND"; null on version 1 events. */
  decisionNumber: string | null;
  /** The decision's calendar date, YYYY-MM-DD; null on version 1 events. */
  decisionDate: string | null;
}

/** SNV's proposal of a group's ranking, frozen for the People's Committee to approve (publishRanking). */
type RankingProposed = NewEvent<'RankingProposed', { year: number; group: AgencyGroup; entries: RankingEntryData[] }>;
type RankingPublished = NewEvent<'RankingPublished', RankingData>;
type RankingRepublished = NewEvent<'RankingRepublished', RankingData & { reason: string }>;

/** The coordinator moved the year's deadlines for everyone; the previous ones are kept for the audit trail. */
type CycleScheduleAmended = NewEvent<
  'CycleScheduleAmended',
  {
    year: number;
    selfAssessmentDeadline: string;
    appraisalDeadline: string;
    previousSelfAssessmentDeadline: string;
    previousAppraisalDeadline: string;
    reason: string;
  }
>;

/** One agency gets more time for one phase; the latest grant for an (agency, phase) is the one in force. */
type ExtensionGranted = NewEvent<'ExtensionGranted', { year: number; agencyCode: string; phase: SchedulePhase; until: string; reason: string }>;

/** The agency takes no place in its group's ranking this year (e.g. a unit dissolved during the year). */
type AgencyExcludedFromRanking = NewEvent<'AgencyExcludedFromRanking', { year: number; agencyCode: string; group: AgencyGroup; reason: string }>;

/**
 * The coordinator waives the group's sociological survey for the year: its survey leaves are not applicable for
 * every agency of the group. `agencyCodes` (the group's participants) is copied so each assessment it changes can
 * be projected from this event alone.
 */
type SurveyWaived = NewEvent<'SurveyWaived', { year: number; group: AgencyGroup; reason: string; agencyCodes: string[] }>;

/** A sociological survey (điều tra xã hội học) of the year for one group, described so its scores can cite it. */
export type SurveyRecorded = NewEvent<
  'SurveyRecorded',
  {
    year: number;
    group: AgencyGroup;
    code: string;
    title: string;
    conductedBy: string;
    respondents: number;
    reportReference: string;
    /** ISO 8601 moment. */
    conductedAt: string;
  }
>;

// ── assessment-<year>-<agencyCode> ──────────────────────────────────────────────────────────────────────────
export interface SelfScore {
  criterionCode: string;
  applicable: boolean;
  points: number | null;
  explanation: string | null;
  evidence: string[];
  /** Copied from the framework so each obligation it creates can be projected from this event alone. */
  appraiserCode: string | null;
}

interface SelfAssessmentData {
  year: number;
  agencyCode: string;
  group: AgencyGroup;
  frameworkCode: string;
  scores: SelfScore[];
}

type SelfAssessmentSubmitted = NewEvent<'SelfAssessmentSubmitted', SelfAssessmentData>;
type SelfAssessmentRevised = NewEvent<'SelfAssessmentRevised', SelfAssessmentData>;
/** Scores the agency keeps without sending: appraisers owe nothing for them until a submission sends them. */
type SelfAssessmentDraftSaved = NewEvent<'SelfAssessmentDraftSaved', SelfAssessmentData>;

interface AppraisalData {
  year: number;
  agencyCode: string;
  criterionCode: string;
  round: AppraisalRound;
  applicable: boolean;
  points: number | null;
  comment: string | null;
  appraiserCode: string;
}

type CriterionAppraised = NewEvent<'CriterionAppraised', AppraisalData>;
type AppraisalCorrected = NewEvent<'AppraisalCorrected', AppraisalData & { previousApplicable: boolean; previousPoints: number | null }>;

/** Version 2: `surveyCode`, the recorded survey (SurveyRecorded) the scores come from, or null. */
type SurveyScoresRecorded = NewEvent<
  'SurveyScoresRecorded',
  { year: number; agencyCode: string; scores: { criterionCode: string; points: number }[]; surveyCode: string | null }
>;

/** Between the appraisal rounds the leaf's appraiser asks the agency a question, to answer by `dueAt`. */
type ExplanationRequested = NewEvent<
  'ExplanationRequested',
  { year: number; agencyCode: string; criterionCode: string; question: string; dueAt: string; appraiserCode: string }
>;
/** The agency's answer (giải trình) to the open request on a leaf, with evidence and the points it now claims. */
type ExplanationSubmitted = NewEvent<
  'ExplanationSubmitted',
  { year: number; agencyCode: string; criterionCode: string; text: string; evidence: string[]; revisedPoints: number | null; appraiserCode: string }
>;

/**
 * The coordinator records, after the agency's self-assessment deadline, that it sent nothing: its self-assessed
 * leaves score 0, its survey leaves count as recorded, and it can be finalised and ranked.
 */
type NonSubmissionRecorded = NewEvent<
  'NonSubmissionRecorded',
  { year: number; agencyCode: string; group: AgencyGroup; frameworkCode: string; reason: string; deadline: string }
>;

export type AdjustmentKind = 'BONUS' | 'PENALTY';

/** A proposed bonus (by the agency) or penalty (by the coordinator or an appraiser), numbered within the assessment. */
type AdjustmentProposed = NewEvent<
  'AdjustmentProposed',
  {
    year: number;
    agencyCode: string;
    adjustmentId: string;
    kind: AdjustmentKind;
    points: number;
    reason: string;
    evidence: string[];
    proposedBy: string | null;
  }
>;

/** The coordinator's decision on a proposal: 0 rejects it, up to the points proposed accepts them. */
type AdjustmentDecided = NewEvent<
  'AdjustmentDecided',
  { year: number; agencyCode: string; adjustmentId: string; kind: AdjustmentKind; proposedPoints: number; acceptedPoints: number; comment: string | null }
>;

/**
 * The coordinator names another appraiser for some of the agency's self-assessed leaves (e.g. where the framework's
 * appraising agency is the assessed agency itself): from then on only that appraiser appraises them.
 */
type AppraiserAssigned = NewEvent<
  'AppraiserAssigned',
  { year: number; agencyCode: string; appraiserCode: string; reason: string; criteria: { criterionCode: string; previousAppraiserCode: string | null }[] }
>;

/**
 * After its group's ranking is published, the agency's officer complains about a criterion's result (khiếu nại),
 * within the complaint period of the publication it answers (`publishedAt`).
 */
type ComplaintLodged = NewEvent<
  'ComplaintLodged',
  { year: number; agencyCode: string; complaintId: string; criterionCode: string; text: string; publishedAt: string }
>;

/** The coordinator's answer: UPHELD (a correction follows: reopening, appraisal, republication) or REJECTED. */
type ComplaintResolved = NewEvent<
  'ComplaintResolved',
  { year: number; agencyCode: string; complaintId: string; criterionCode: string; outcome: ComplaintOutcome; comment: string | null }
>;

/**
 * The coordinator reopens a finalised assessment to correct it (e.g. after an upheld complaint): appraisals may be
 * corrected again, past the appraisal deadline, until it is finalised again.
 */
type AssessmentReopened = NewEvent<
  'AssessmentReopened',
  { year: number; agencyCode: string; group: AgencyGroup; reason: string; previousTotalPoints: number; previousApplicableMaxPoints: number }
>;

type AssessmentFinalized = NewEvent<
  'AssessmentFinalized',
  { year: number; agencyCode: string; group: AgencyGroup; totalPoints: number; applicableMaxPoints: number }
>;

export type AgencyEvent = AgencyRegistered;
export type FrameworkEvent = FrameworkPublished;
export type CycleEvent =
  | AssessmentCycleOpened
  | RankingProposed
  | RankingPublished
  | RankingRepublished
  | CycleScheduleAmended
  | ExtensionGranted
  | AgencyExcludedFromRanking
  | SurveyWaived
  | SurveyRecorded;
export type AssessmentEvent =
  | SelfAssessmentSubmitted
  | SelfAssessmentRevised
  | SelfAssessmentDraftSaved
  | CriterionAppraised
  | AppraisalCorrected
  | SurveyScoresRecorded
  | AssessmentFinalized
  | ExplanationRequested
  | ExplanationSubmitted
  | NonSubmissionRecorded
  | AdjustmentProposed
  | AdjustmentDecided
  | AppraiserAssigned
  | ComplaintLodged
  | ComplaintResolved
  | AssessmentReopened;

type ParEvent = AgencyEvent | FrameworkEvent | CycleEvent | AssessmentEvent;
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
  AgencyRegistered: 1,
  FrameworkPublished: 2,
  AssessmentCycleOpened: 2,
  RankingProposed: 1,
  RankingPublished: 2,
  RankingRepublished: 2,
  CycleScheduleAmended: 1,
  ExtensionGranted: 1,
  AgencyExcludedFromRanking: 1,
  SelfAssessmentSubmitted: 1,
  SelfAssessmentRevised: 1,
  SelfAssessmentDraftSaved: 1,
  CriterionAppraised: 1,
  AppraisalCorrected: 1,
  SurveyScoresRecorded: 2,
  AssessmentFinalized: 1,
  ExplanationRequested: 1,
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
  framework: (code: string) => `framework-${code}`,
  cycle: (year: number) => `cycle-${year}`,
  assessment: (year: number, agencyCode: string) => `assessment-${year}-${agencyCode}`,
};

/** Every event type this build knows, in declaration order. */
export const PAR_EVENT_TYPES = Object.keys(CURRENT_SCHEMA_VERSION) as ParEventType[];
