import type { DutyRole, DutyStatus, TaskKind } from '../enums';

/** A duty falls DUE this many days before its deadline. */
const DUE_SOON_DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * One thing one agency owes or leads, as a read model keeps it (each area's projection writes its own; see
 * src/projections/duties/dutySources.ts). Times are ISO date-times; `dueAt` null for standing responsibilities.
 */
export interface Duty {
  /** Unique within its collection, e.g. "plan:KH-2030:comment:STP". */
  id: string;
  /** The agency that owes it. */
  agencyCode: string;
  role: DutyRole;
  taskKind: TaskKind;
  /** What to do, in Vietnamese, e.g. "Góp ý dự thảo Kế hoạch CCHC năm 2030". */
  title: string;
  /** What it is about: the plan, report round, inspection, proposal, criterion… */
  subject: { type: string; code: string };
  /** The clause it rests on, e.g. "QĐ 2824/QĐ-UBND, Điều 3". */
  legalBasis: string | null;
  /** When it arose (the request, the assignment's effective day). */
  since: string;
  dueAt: string | null;
  doneAt: string | null;
  cancelledAt: string | null;
}

/**
 * Where a duty stands at `at`: CANCELLED or DONE once that happened by then; otherwise OVERDUE past its deadline, DUE
 * within DUE_SOON_DAYS of it, OPEN before. A duty that only arises after `at` is null (not yet anyone's).
 */
export function dutyStatusAt(duty: Pick<Duty, 'since' | 'dueAt' | 'doneAt' | 'cancelledAt'>, at: Date): DutyStatus | null {
  const t = at.getTime();
  if (Date.parse(duty.since) > t) return null;
  if (duty.cancelledAt && Date.parse(duty.cancelledAt) <= t) return 'CANCELLED';
  if (duty.doneAt && Date.parse(duty.doneAt) <= t) return 'DONE';
  if (duty.dueAt === null) return 'OPEN';
  const due = Date.parse(duty.dueAt);
  if (due < t) return 'OVERDUE';
  return due - t <= DUE_SOON_DAYS * DAY_MS ? 'DUE' : 'OPEN';
}

/** Whether a duty done by `at` was done after its deadline. */
export const doneLate = (duty: Pick<Duty, 'dueAt' | 'doneAt'>) =>
  duty.doneAt !== null && duty.dueAt !== null && Date.parse(duty.doneAt) > Date.parse(duty.dueAt);
