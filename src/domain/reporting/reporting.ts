import type { ReportingEvent } from '../../events/parEvents';
import type { ReportingPeriod, SubmissionStatus } from '../enums';

export interface ScheduledRound {
  reportingId: string;
  period: ReportingPeriod;
  year: number;
  title: string;
  dueAt: string;
  agencyCodes: string[];
}

/** One reporting round as its stream tells it. */
export interface ReportingState {
  round: ScheduledRound | null;
  /** Per agency: how many reports it sent and whether the first came after the deadline. */
  submissions: Record<string, { revisions: number; late: boolean }>;
  compiled: boolean;
}

export const initialReporting = (): ReportingState => ({ round: null, submissions: {}, compiled: false });

export function evolveReporting(state: ReportingState, event: ReportingEvent): ReportingState {
  switch (event.type) {
    case 'ReportingScheduled': {
      const { reportingId, period, year, title, dueAt, agencyCodes } = event.data;
      return { ...state, round: { reportingId, period, year, title, dueAt, agencyCodes } };
    }
    case 'ProgressReportSubmitted': {
      const earlier = state.submissions[event.data.agencyCode];
      const entry = { revisions: event.data.revision, late: earlier ? earlier.late : event.data.late };
      return { ...state, submissions: { ...state.submissions, [event.data.agencyCode]: entry } };
    }
    case 'ProvincialReportCompiled':
      return { ...state, compiled: true };
  }
}

/** Who reported on time, late (the first report after the deadline), or not at all, each sorted by code. */
export function submissionsOf(state: ReportingState): { onTime: string[]; late: string[]; missing: string[] } {
  const codes = [...(state.round?.agencyCodes ?? [])].sort();
  return {
    onTime: codes.filter((c) => state.submissions[c] && !state.submissions[c].late),
    late: codes.filter((c) => state.submissions[c]?.late),
    missing: codes.filter((c) => !state.submissions[c]),
  };
}

/** Where an agency's report stands at `at`: a first report after the deadline stays LATE; none past it is MISSING. */
export function submissionStatusAt(firstSubmittedAt: string | null, dueAt: string, at: Date): SubmissionStatus {
  if (firstSubmittedAt !== null && Date.parse(firstSubmittedAt) <= at.getTime()) return Date.parse(firstSubmittedAt) > Date.parse(dueAt) ? 'LATE' : 'ON_TIME';
  return at.getTime() > Date.parse(dueAt) ? 'MISSING' : 'PENDING';
}
