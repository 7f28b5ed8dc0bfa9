import type { ReportingPeriod, TaskProgressStatus } from '../enums';

/** Every command carries the moment it is decided at: deadlines are judged against it. */
interface Timed {
  now: Date;
}

export type ScheduleReporting = Timed & {
  type: 'ScheduleReporting';
  period: ReportingPeriod;
  year: number;
  quarter?: number | null;
  code?: string | null;
  title?: string | null;
  dueAt: Date | string;
  /** Checked as registered by the handler before deciding. */
  agencyCodes: string[];
};

interface TaskProgressInput {
  taskCode: string;
  status: TaskProgressStatus;
  percent: number;
  note?: string | null;
}

export type SubmitProgressReport = Timed & {
  type: 'SubmitProgressReport';
  reportingId: string;
  agencyCode: string;
  progress: TaskProgressInput[];
  difficulties?: string | null;
  proposals?: string | null;
  attachments?: string[] | null;
};

export type CompileProvincialReport = Timed & { type: 'CompileProvincialReport'; reportingId: string; summary: string };

export type ReportingCommand = ScheduleReporting | SubmitProgressReport | CompileProvincialReport;
