import { compareVietnamese } from '../vietnameseOrder';
import type { DutyRole, DutyStatus } from '../enums';
import { doneLate, dutyStatusAt, type Duty } from './duty';

export type DutyView = Duty & { status: DutyStatus; late: boolean };

/** The duties as they stand at `at` (those arisen by then), overdue first, then by deadline, then by title. */
export function dutiesAt(duties: readonly Duty[], at: Date): DutyView[] {
  const order: Record<DutyStatus, number> = { OVERDUE: 0, DUE: 1, OPEN: 2, DONE: 3, CANCELLED: 4 };
  return duties
    .map((d) => ({ duty: d, status: dutyStatusAt(d, at) }))
    .filter((x): x is { duty: Duty; status: DutyStatus } => x.status !== null)
    .map(({ duty, status }) => ({ ...duty, status, late: status === 'DONE' && doneLate(duty) }))
    .sort((a, b) => order[a.status] - order[b.status] || (a.dueAt ?? '~').localeCompare(b.dueAt ?? '~') || compareVietnamese(a.title, b.title));
}

/** An agency's duties split the way `responsibilities` serves them. */
export function byRole(duties: readonly DutyView[]) {
  const of = (...roles: DutyRole[]) => duties.filter((d) => roles.includes(d.role));
  return {
    leads: of('LEAD'),
    coordinates: of('COORDINATE'),
    providesDataFor: of('PROVIDE_DATA'),
    reportsDue: of('REPORT'),
    commentsDue: of('COMMENT'),
    inspections: of('INSPECT', 'FOLLOW_UP'),
    decisions: of('DECIDE'),
  };
}

/** Counts per status, and what is still outstanding. */
export function workloadOf(duties: readonly DutyView[]) {
  const count = (s: DutyStatus) => duties.filter((d) => d.status === s).length;
  return {
    open: count('OPEN'),
    due: count('DUE'),
    overdue: count('OVERDUE'),
    done: count('DONE'),
    outstanding: duties.filter((d) => d.status !== 'DONE' && d.status !== 'CANCELLED'),
  };
}
