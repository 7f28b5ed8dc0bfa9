import { effectiveDeadline, type Extension, type Schedule } from '../cycle/schedule';

/** A duty is overdue once its deadline has passed and it is still open; on the deadline itself it is not. */
export function isOverdue(deadline: string, done: boolean, now: Date): boolean {
  return !done && now.getTime() > Date.parse(deadline);
}

/**
 * The extensions that concern an agency's duties: its own; the APPRAISAL ones of agencies whose leaves it
 * appraises; the EXPLANATION ones of agencies whose explanations it waits for before round 2.
 */
export function extensionsConcerning<E extends Extension>(
  extensions: readonly E[],
  agencyCode: string,
  appraisedAgencies: ReadonlySet<string>,
  explainingAgencies: ReadonlySet<string> = new Set(),
): E[] {
  return extensions.filter(
    (e) =>
      e.agencyCode === agencyCode ||
      (e.phase === 'APPRAISAL' && appraisedAgencies.has(e.agencyCode)) ||
      (e.phase === 'EXPLANATION' && explainingAgencies.has(e.agencyCode)),
  );
}

/** An appraisal still owed is overdue after the appraised agency's effective appraisal deadline (extensions count). */
export function appraisalOverdue(schedule: Schedule, appraisedAgency: string, now: Date): boolean {
  return isOverdue(effectiveDeadline(schedule, appraisedAgency, 'APPRAISAL'), false, now);
}
