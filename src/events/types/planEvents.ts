import type { NewEvent } from '../envelope';
import type { PlanKind } from '../../domain/enums';
import type { LegalBasis } from '../../domain/legalBasis';

// The events of a PAR plan or programme (Art. 3), one stream per plan (`plan-<code>`): SNV drafts it and asks the
// departments for comments, they comment and notify higher-level changes, UBND adopts it, SNV records amendments.
// Deadlines (`dueAt`) are ISO date-times; decision dates are calendar dates (YYYY-MM-DD).

/** One task of a plan: one lead agency (chủ trì) that also follows it up, and the agencies that coordinate (Art. 2). */
export interface PlanTask {
  code: string;
  title: string;
  lead: string;
  coordinators: string[];
  dueAt: string;
}

type PlanDrafted = NewEvent<'PlanDrafted', { code: string; kind: PlanKind; year: number; title: string; tasks: PlanTask[] }>;
type PlanCommentsRequested = NewEvent<'PlanCommentsRequested', { planCode: string; agencyCodes: string[]; dueAt: string }>;
/** `agencyCode`: the agency commenting (the audit trail tags the event with it). */
type PlanCommentSubmitted = NewEvent<'PlanCommentSubmitted', { planCode: string; agencyCode: string; text: string }>;
/** `agencyCode`: the department that notified SNV. */
type HigherLevelChangeNotified = NewEvent<'HigherLevelChangeNotified', { planCode: string; agencyCode: string; text: string; legalBasis: LegalBasis }>;
type PlanAdopted = NewEvent<'PlanAdopted', { planCode: string; decisionNumber: string; decisionDate: string }>;
/** `tasks`: the tasks changed (an existing code) or added (a new one), as they stand after the amendment. */
type PlanAmended = NewEvent<'PlanAmended', { planCode: string; reason: string; decisionNumber: string; decisionDate: string; tasks: PlanTask[] }>;

export type PlanEvent = PlanDrafted | PlanCommentsRequested | PlanCommentSubmitted | HigherLevelChangeNotified | PlanAdopted | PlanAmended;
