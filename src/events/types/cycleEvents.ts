import type { NewEvent } from '../envelope';
import type { AgencyGroup, SchedulePhase } from '../../domain/enums';

// The cycle-<year> stream's events; their schema versions and the `event()` helper are in ../parEvents.ts.

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
    /** Version 3: participants that ended during the year (a merger, split or dissolution), with the reason. */
    endedDuringYear: { agencyCode: string; activeUntil: string; reason: string }[];
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
