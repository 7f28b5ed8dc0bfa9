import type { NewEvent } from '../envelope';
import type { FindingSeverity } from '../../domain/enums';

// Inspections of PAR results (Art. 5), all in one stream (`inspections`): inspection codes are unique across years
// and plans, and recording or following up names the code only.

export interface PlannedInspection {
  code: string;
  targetAgencyCode: string;
  leadAgencyCode: string;
  coordinators: string[];
  /** 1–12, of the plan's year. */
  plannedMonth: number;
  scope: string;
}

export interface InspectionFinding {
  area: string;
  text: string;
  severity: FindingSeverity;
  /** The index criterion the finding concerns, when it concerns one. */
  criterionCode: string | null;
}

/** A yearly plan (or a supplement to it) of the agency that issued it: SNV's for the province, a department's within its competence. */
type InspectionPlanIssued = NewEvent<'InspectionPlanIssued', { year: number; issuingAgencyCode: string; inspections: PlannedInspection[] }>;

type InspectionRecorded = NewEvent<
  'InspectionRecorded',
  {
    code: string;
    /** The inspected agency (the audit trail files the event under it). */
    agencyCode: string;
    leadAgencyCode: string;
    /** As planned: their part is done with the inspection. */
    coordinators: string[];
    /** YYYY-MM-DD. */
    conductedOn: string;
    findings: InspectionFinding[];
    recommendations: string | null;
    /** By when the inspected agency reports what it did about the findings. */
    followUpDueAt: string;
  }
>;

type InspectionFollowUpReported = NewEvent<'InspectionFollowUpReported', { code: string; agencyCode: string; text: string; done: boolean }>;

export type InspectionEvent = InspectionPlanIssued | InspectionRecorded | InspectionFollowUpReported;
