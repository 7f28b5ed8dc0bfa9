import type { InspectionFinding } from '../../events/parEvents';

/** One inspection: as planned, as recorded, and what the inspected agency reported doing about it. */
export interface InspectionDocument {
  code: string;
  year: number;
  issuingAgencyCode: string;
  issuedAt: string;
  targetAgencyCode: string;
  leadAgencyCode: string;
  coordinators: string[];
  plannedMonth: number;
  scope: string;
  /** The end of the planned month: the lead's deadline. */
  dueAt: string;
  recorded: {
    conductedOn: string;
    recordedAt: string;
    findings: InspectionFinding[];
    recommendations: string | null;
    followUpDueAt: string;
  } | null;
  followUps: { text: string; done: boolean; reportedAt: string }[];
}
