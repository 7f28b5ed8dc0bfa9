import type { NewEvent } from '../envelope';
import type { TaskKind } from '../../domain/enums';

// The responsibility-matrix stream: Decision 2824's "who leads, who coordinates" as data (Art. 2, 7, 9–16).

/** A standing responsibility: `lead` leads (chủ trì) work of `taskKind`, `coordinators` coordinate (phối hợp). */
type ResponsibilityAssigned = NewEvent<
  'ResponsibilityAssigned',
  {
    code: string;
    taskKind: TaskKind;
    lead: string;
    coordinators: string[];
    /** The clause, e.g. "QĐ 2824/QĐ-UBND, Điều 10 khoản 3". */
    legalBasis: string;
    effectiveFrom: string;
    effectiveUntil: string | null;
    description: string;
    /** The PAR area (1–8) or index criterion it concerns, when it concerns one. */
    area: string | null;
    criterionCode: string | null;
  }
>;

export type AssignmentEvent = ResponsibilityAssigned;
