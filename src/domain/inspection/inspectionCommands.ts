import type { FindingSeverity } from '../enums';

/** Who gives the command: SNV (ADMIN or COORDINATOR) acts for the province, an agency officer for its agency. */
interface Acting {
  roles: readonly string[];
  agency: string | null;
}

export const actsForProvince = (by: Acting) => by.roles.includes('ADMIN') || by.roles.includes('COORDINATOR');

export interface PlannedInspectionInput {
  code: string;
  targetAgencyCode: string;
  leadAgencyCode: string;
  coordinators?: string[] | null;
  plannedMonth: number;
  scope: string;
}

interface FindingInput {
  area: string;
  text: string;
  severity: FindingSeverity;
  criterionCode?: string | null;
}

export type IssueInspectionPlan = {
  type: 'IssueInspectionPlan';
  year: number;
  inspections: PlannedInspectionInput[];
  by: Acting;
  now: Date;
};

export type RecordInspection = {
  type: 'RecordInspection';
  code: string;
  conductedOn: Date | string;
  findings: FindingInput[];
  recommendations?: string | null;
  by: Acting;
  now: Date;
};

export type ReportInspectionFollowUp = { type: 'ReportInspectionFollowUp'; code: string; text: string; done: boolean; by: Acting };

export type InspectionCommand = IssueInspectionPlan | RecordInspection | ReportInspectionFollowUp;
