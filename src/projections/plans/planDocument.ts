import type { Duty } from '../../domain/duty/duty';
import type { PlanKind, PlanStatus } from '../../domain/enums';
import type { LegalBasis } from '../../domain/legalBasis';
import type { PlanTask } from '../../events/parEvents';

/** A plan as `plans` and `plan` serve it, with the duties it makes (also written to the plan duties collection). */
export interface PlanDocument {
  code: string;
  kind: PlanKind;
  year: number;
  title: string;
  status: PlanStatus;
  draftedAt: string;
  /** The tasks as they stand, in the order first listed; `amendedAt` when an amendment changed or added them. */
  tasks: (PlanTask & { amendedAt: string | null })[];
  commentRequests: { agencyCode: string; dueAt: string; requestedAt: string; commentedAt: string | null }[];
  comments: { agencyCode: string; text: string; submittedAt: string }[];
  notifications: { agencyCode: string; text: string; legalBasis: LegalBasis; notifiedAt: string; consideredAt: string | null }[];
  adoption: { decisionNumber: string; decisionDate: string; adoptedAt: string } | null;
  amendments: { reason: string; decisionNumber: string; decisionDate: string; amendedAt: string; taskCodes: string[] }[];
  /** By duty id: every duty the plan made, open or not (duties are closed, never removed). */
  duties: Record<string, Duty>;
}
