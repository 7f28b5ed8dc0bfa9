import type { NewEvent } from '../envelope';
import type { ReportingPeriod, TaskProgressStatus } from '../../domain/enums';

// Reporting under Decision 2824 (Art. 4, 8(1), 9(1)–14(1), 17(3)): one stream per reporting round
// (`reporting-<id>`) and one for the issues agencies raise about the regulation itself (`regulation-issues`).
// Times are ISO 8601 moments.

/** One plan task as an agency reports on it. */
export interface TaskProgress {
  taskCode: string;
  status: TaskProgressStatus;
  /** 0–100. */
  percent: number;
  note: string | null;
}

type ReportingScheduled = NewEvent<
  'ReportingScheduled',
  {
    reportingId: string;
    period: ReportingPeriod;
    year: number;
    /** 1–4 for QUARTER, null otherwise. */
    quarter: number | null;
    /** The round's own code, for AD_HOC only. */
    code: string | null;
    title: string;
    dueAt: string;
    agencyCodes: string[];
  }
>;

type ProgressReportSubmitted = NewEvent<
  'ProgressReportSubmitted',
  {
    reportingId: string;
    agencyCode: string;
    progress: TaskProgress[];
    difficulties: string | null;
    proposals: string | null;
    attachments: string[];
    /** After the round's deadline: accepted, and recorded as late. */
    late: boolean;
    /** 1 for the first report, 2 for the first revision, … */
    revision: number;
  }
>;

/** What SNV sends UBND: who reported on time, late, or not at all when it compiled. */
type ProvincialReportCompiled = NewEvent<
  'ProvincialReportCompiled',
  { reportingId: string; summary: string; onTime: string[]; late: string[]; missing: string[] }
>;

/** Art. 17(3): an agency's difficulty with the regulation and what it proposes, for SNV to consider. */
type RegulationIssueReported = NewEvent<'RegulationIssueReported', { issueId: string; agencyCode: string; text: string; proposal: string | null }>;

export type ReportingEvent = ReportingScheduled | ProgressReportSubmitted | ProvincialReportCompiled;
export type RegulationIssueEvent = RegulationIssueReported;
