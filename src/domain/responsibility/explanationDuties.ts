import { effectiveDeadline, hasPassed, type Schedule } from '../cycle/schedule';

interface Request {
  /** As asked. */
  dueAt: string;
  answeredAt: string | null;
}

/** Until when the agency may answer: the request's dueAt, or the agency's later EXPLANATION extension. */
export function explanationDueAt(schedule: Schedule, agencyCode: string, dueAt: string): string {
  return effectiveDeadline(schedule, agencyCode, 'EXPLANATION', dueAt);
}

/**
 * Whether the appraiser may decide the leaf in round 2 now: the agency answered, or its effective due time has
 * passed (the rule the assessment decider applies, requireExplanationSettled).
 */
export function explanationDecidable(schedule: Schedule, agencyCode: string, request: Request, now: Date): boolean {
  return request.answeredAt !== null || hasPassed(explanationDueAt(schedule, agencyCode, request.dueAt), now);
}
