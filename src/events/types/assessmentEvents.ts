import type { NewEvent } from '../envelope';
import type { AgencyGroup, AppraisalRound, ComplaintOutcome } from '../../domain/enums';

// The assessment-<year>-<agencyCode> stream's events; their schema versions and the `event()` helper are in
// ../parEvents.ts.

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
  /** The agency of record: the leaf's appraiser (the framework's, or the one assignAppraiser named). */
  appraiserCode: string;
  /**
   * Version 2: the agency that acted, from the appraiser's token: the agency of record, or the unit it was merged
   * into (lineage) that carries its work since.
   */
  actingAgencyCode: string;
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
  /** Version 2: `actingAgencyCode`, as on appraisals. */
  { year: number; agencyCode: string; criterionCode: string; question: string; dueAt: string; appraiserCode: string; actingAgencyCode: string }
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
