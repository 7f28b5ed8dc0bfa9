import type { SchedulePhase } from '../enums';

/** An extension granted to one agency for one phase (grantExtension). */
export interface Extension {
  agencyCode: string;
  phase: SchedulePhase;
  until: string;
  reason: string;
  grantedAt: string;
}

/** What the deadline rule needs of a cycle: the year's deadlines (as amended) and the extensions granted. */
export interface Schedule {
  selfAssessmentDeadline: string;
  appraisalDeadline: string;
  extensions: readonly Extension[];
}

/**
 * The one rule for "until when may this agency still do this": the year's deadline for the phase (for
 * EXPLANATION there is none: pass the request's `dueAt` as `scheduled`), moved later by the latest extension
 * granted to the agency for that phase. An extension never shortens: an amendment that moves the year's deadline
 * past it wins. ISO strings in, ISO string out.
 */
export function effectiveDeadline(schedule: Schedule, agencyCode: string, phase: SchedulePhase, scheduled?: string): string {
  const base = scheduled ?? scheduledDeadline(schedule, phase);
  const extension = extensionFor(schedule, agencyCode, phase);
  if (!extension) return base;
  return Date.parse(extension.until) > Date.parse(base) ? extension.until : base;
}

/** The year's deadline of a phase, for everyone; EXPLANATION has none (each request has its own `dueAt`). */
function scheduledDeadline(schedule: Schedule, phase: SchedulePhase): string {
  switch (phase) {
    case 'SELF_ASSESSMENT':
      return schedule.selfAssessmentDeadline;
    case 'APPRAISAL':
      return schedule.appraisalDeadline;
    case 'EXPLANATION':
      throw new Error('an explanation deadline is the request’s dueAt: pass it as `scheduled`');
  }
}

/** The extension in force for (agency, phase): the latest granted, or null. */
function extensionFor(schedule: Schedule, agencyCode: string, phase: SchedulePhase): Extension | null {
  let found: Extension | null = null;
  for (const e of schedule.extensions) if (e.agencyCode === agencyCode && e.phase === phase) found = e;
  return found;
}

/** A deadline passes after its instant: on the deadline itself the phase is still open. */
export function hasPassed(deadline: string, now: Date): boolean {
  return now.getTime() > Date.parse(deadline);
}
