import type { ReportingPeriod } from '../../domain/enums';
import type { TaskProgress } from '../../events/parEvents';

/** An agency's part in a round: its latest report, when its first arrived (what timeliness is judged on). */
interface AgencySubmission {
  agencyCode: string;
  firstSubmittedAt: string | null;
  lastSubmittedAt: string | null;
  revisions: number;
  late: boolean;
  progress: TaskProgress[];
  difficulties: string | null;
  proposals: string | null;
  attachments: string[];
}

/** One reporting round with every report and, once done, the compiled provincial report. */
export interface ReportingDocument {
  reportingId: string;
  period: ReportingPeriod;
  year: number;
  quarter: number | null;
  code: string | null;
  title: string;
  dueAt: string;
  scheduledAt: string;
  /** Sorted by agency code. */
  submissions: AgencySubmission[];
  compiled: { summary: string; compiledAt: string; onTime: string[]; late: string[]; missing: string[] } | null;
}

export interface RegulationIssueDocument {
  issueId: string;
  agencyCode: string;
  text: string;
  proposal: string | null;
  reportedAt: string;
  /** The event's global position: how the mutation that raised it finds it. */
  position: number;
}
