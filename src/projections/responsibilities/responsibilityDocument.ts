import type { AdjustmentRecordView } from '../assessments/assessmentDocument';
import type { AdjustmentKind, AgencyGroup } from '../../events/parEvents';
import type { ComplaintOutcome } from '../../domain/enums';
import type { DocChange } from '../projection';
import { keptResponsibility, type KeptResponsibility } from './keptResponsibility';
import { PairList } from './pairList';

export interface PendingAppraisal {
  agencyCode: string;
  criterionCode: string;
}

interface ExplanationToAnswer {
  criterionCode: string;
  question: string;
  /** As asked: the agency's EXPLANATION extension lives in the cycle and is applied when served. */
  dueAt: string;
  appraiserCode: string;
}

export interface ExplanationToDecide {
  agencyCode: string;
  criterionCode: string;
  /** As asked, like ExplanationToAnswer.dueAt. */
  dueAt: string;
  answeredAt: string | null;
}

/** An agency's complaint as its own document keeps it (absent outcome while open). */
interface OwnComplaint {
  id: string;
  criterionCode: string;
  text: string;
  lodgedAt: string;
  publishedAt: string;
  outcome: ComplaintOutcome | null;
  comment: string | null;
  resolvedAt: string | null;
}

/** A bonus or penalty proposal on the agency's assessment, as its assessment shows it. */
type OwnAdjustment = AdjustmentRecordView;

/** What one agency leads and owes in one cycle (Decision 2824, Art. 8–16): its self-assessment, its appraisals. */
export interface ResponsibilityDocument {
  year: number;
  agencyCode: string;
  selfAssessment: {
    group: AgencyGroup;
    frameworkCode: string;
    deadline: string;
    submittedAt: string | null;
    /** The coordinator recorded that nothing was sent: the duty is closed, not overdue (absent in older documents). */
    nonSubmission?: { reason: string; recordedAt: string } | null;
  } | null;
  appraises: { group: AgencyGroup; frameworkCode: string; criterionCodes: string[] }[];
  appraisalDeadline: string;
  /** Submitted criteria this agency appraises that have no appraisal yet, "not applicable" claims included. */
  pendingAppraisals: PendingAppraisal[];
  /** Criteria appraised at least once: a later revision of the self-assessment does not make them owed again. */
  appraised: PendingAppraisal[];
  /** The agency's own leaves with an explanation request not answered and not yet settled by round 2. */
  explanationsToAnswer?: ExplanationToAnswer[];
  /** Leaves this agency appraises with an explanation request and no round 2 yet: decide after the answer or dueAt. */
  explanationsToDecide?: ExplanationToDecide[];
  /** The agency's complaints after publication, in the order lodged. */
  complaints?: OwnComplaint[];
  /** Bonus and penalty proposals on the agency's assessment, in the order proposed. */
  adjustments?: OwnAdjustment[];
}

/** An agency's complaint waiting for the coordinator (resolveComplaint). */
interface ComplaintToResolve {
  agencyCode: string;
  id: string;
  criterionCode: string;
  text: string;
  lodgedAt: string;
  publishedAt: string;
}

/** A proposal waiting for the coordinator (decideAdjustment). */
interface AdjustmentToDecide {
  agencyCode: string;
  id: string;
  kind: AdjustmentKind;
  points: number;
  reason: string;
  evidence: string[];
  proposedBy: string | null;
  proposedAt: string;
}

/** A participant's assessment the coordinator still has to finalise (finalizeAssessment). */
interface AssessmentToFinalize {
  agencyCode: string;
  group: AgencyGroup;
  /** Set when it was finalised once and reopened for a correction: the latest reopening. */
  reopened: { reason: string; reopenedAt: string } | null;
}

/**
 * What the coordinating role (SNV's coordinators, not one agency's officers) has to do in one year: a document of
 * its own, so that agency readers of SNV's responsibilities never see other agencies' open proposals.
 */
export interface CoordinatorDutiesDocument {
  year: number;
  complaintsToResolve: ComplaintToResolve[];
  adjustmentsToDecide: AdjustmentToDecide[];
  /** Participants neither finalised nor excluded from the ranking, reopened ones included. */
  assessmentsToFinalize: AssessmentToFinalize[];
}

export const RESPONSIBILITIES = 'responsibilities';
export const COORDINATOR_DUTIES = 'coordinatorDuties';

export const responsibilityId = (year: number, agencyCode: string) => `${year}-${agencyCode}`;
export const coordinatorDutiesId = (year: number) => String(year);

export const agencyRef = (year: number, agencyCode: string) => ({ collection: RESPONSIBILITIES, id: responsibilityId(year, agencyCode) });
export const coordinatorRef = (year: number) => ({ collection: COORDINATOR_DUTIES, id: coordinatorDutiesId(year) });

/** The documents a projector asked for, as they stand before the event. */
export type Docs = <T>(collection: string, id: string) => T | null;

/** An agency's document in the kept form projectors work on (KeptResponsibility), whichever form it was held in. */
export function agencyDoc(docs: Docs, year: number, agencyCode: string): KeptResponsibility | null {
  const doc = docs<ResponsibilityDocument | KeptResponsibility>(RESPONSIBILITIES, responsibilityId(year, agencyCode));
  return doc && keptResponsibility(doc);
}
export const coordinatorDoc = (docs: Docs, year: number) => docs<CoordinatorDutiesDocument>(COORDINATOR_DUTIES, coordinatorDutiesId(year));

export const agencyChange = (doc: KeptResponsibility): DocChange => ({ ...agencyRef(doc.year, doc.agencyCode), doc });
export const coordinatorChange = (doc: CoordinatorDutiesDocument): DocChange => ({ ...coordinatorRef(doc.year), doc });

/** A document for an agency that leads nothing yet this year (an appraiser named by the coordinator, say). */
export function emptyResponsibility(year: number, agencyCode: string, appraisalDeadline: string): KeptResponsibility {
  return { year, agencyCode, selfAssessment: null, appraises: [], appraisalDeadline, pendingAppraisals: PairList.empty(), appraised: PairList.empty() };
}
