import type { Duty } from '../../domain/duty/duty';
import type { RecordedParEvent } from '../../events/parEvents';

type Of<T extends RecordedParEvent['type']> = Extract<RecordedParEvent, { type: T }>;

const PROGRESS_BASIS = 'QĐ 2824/QĐ-UBND, Điều 4 khoản 2';

export const reportDutyId = (reportingId: string, agencyCode: string) => `reporting:${reportingId}:report:${agencyCode}`;
export const compileDutyId = (reportingId: string) => `reporting:${reportingId}:compile`;
const issueDutyId = (issueId: string) => `regulation-issue:${issueId}`;

/** A round makes each agency asked owe its report by the deadline, and SNV owe the provincial report (Art. 4(2)). */
export function roundDuties(e: Of<'ReportingScheduled'>): Duty[] {
  const { reportingId, title, dueAt, agencyCodes } = e.data;
  const since = e.metadata.recordedAt;
  const subject = { type: 'REPORTING', code: reportingId };
  const reports: Duty[] = agencyCodes.map((agencyCode) => ({
    id: reportDutyId(reportingId, agencyCode),
    agencyCode,
    role: 'REPORT',
    taskKind: 'PROGRESS_REPORT',
    title: `Gửi ${title} (qua Sở Nội vụ)`,
    subject,
    legalBasis: PROGRESS_BASIS,
    since,
    dueAt,
    doneAt: null,
    cancelledAt: null,
  }));
  // The regulation sets SNV no deadline for compiling: it stays open until compiled.
  const compile: Duty = {
    id: compileDutyId(reportingId),
    agencyCode: 'SNV',
    role: 'LEAD',
    taskKind: 'PROVINCIAL_REPORT',
    title: `Tổng hợp ${title} trình UBND tỉnh`,
    subject,
    legalBasis: PROGRESS_BASIS,
    since,
    dueAt: null,
    doneAt: null,
    cancelledAt: null,
  };
  return [...reports, compile];
}

/** Art. 17(3): SNV studies each issue raised, to propose amending the regulation. */
export function issueDuty(e: Of<'RegulationIssueReported'>): Duty {
  return {
    id: issueDutyId(e.data.issueId),
    agencyCode: 'SNV',
    role: 'LEAD',
    taskKind: 'REGULATION_FEEDBACK',
    title: `Nghiên cứu kiến nghị ${e.data.issueId} của ${e.data.agencyCode} về Quy chế phối hợp`,
    subject: { type: 'REGULATION_ISSUE', code: e.data.issueId },
    legalBasis: 'QĐ 2824/QĐ-UBND, Điều 17 khoản 3',
    since: e.metadata.recordedAt,
    dueAt: null,
    doneAt: null,
    cancelledAt: null,
  };
}
