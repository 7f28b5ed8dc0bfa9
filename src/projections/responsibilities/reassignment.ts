import type { ParEventData } from '../../events/parEvents';
import type { DocChange } from '../projection';
import { agencyChange, agencyDoc, agencyRef, emptyResponsibility, type Docs, type ExplanationToDecide, type PendingAppraisal } from './responsibilityDocument';
import { toDecideOf, type KeptResponsibility } from './keptResponsibility';

type Assignment = ParEventData<'AppraiserAssigned'>;

export function refsForAssignment(data: Assignment) {
  const codes = new Set([data.appraiserCode, ...data.criteria.map((c) => c.previousAppraiserCode).filter((c): c is string => c !== null)]);
  return [...codes].map((code) => agencyRef(data.year, code));
}

/**
 * Leaves given to another appraiser (assignAppraiser): what the previous appraisers still owed on them (pending
 * appraisals, explanations to decide) moves to the named one, whose document is made if it had none.
 */
export function reassign(data: Assignment, docs: Docs): DocChange[] {
  const { year, agencyCode, appraiserCode } = data;
  const moved = new Set(data.criteria.map((c) => c.criterionCode));
  const isMoved = (p: { agencyCode: string; criterionCode: string }) => p.agencyCode === agencyCode && moved.has(p.criterionCode);
  const changed = new Map<string, KeptResponsibility>();
  const taken: { pending: PendingAppraisal[]; toDecide: ExplanationToDecide[] } = { pending: [], toDecide: [] };
  let appraisalDeadline: string | null = null;
  for (const previous of new Set(data.criteria.map((c) => c.previousAppraiserCode))) {
    if (previous === null || previous === appraiserCode) continue;
    const doc = agencyDoc(docs, year, previous);
    if (!doc) continue;
    appraisalDeadline ??= doc.appraisalDeadline;
    taken.pending.push(...doc.pendingAppraisals.filter(isMoved).toArray());
    taken.toDecide.push(...toDecideOf(doc).filter(isMoved).toArray());
    changed.set(previous, {
      ...doc,
      pendingAppraisals: doc.pendingAppraisals.filter((p) => !isMoved(p)),
      explanationsToDecide: toDecideOf(doc).filter((e) => !isMoved(e)),
    });
  }
  const target = agencyDoc(docs, year, appraiserCode) ?? emptyResponsibility(year, appraiserCode, appraisalDeadline ?? '');
  changed.set(appraiserCode, {
    ...target,
    pendingAppraisals: target.pendingAppraisals.filter((p) => !isMoved(p)).appended(taken.pending),
    explanationsToDecide: toDecideOf(target)
      .filter((e) => !isMoved(e))
      .appended(taken.toDecide),
  });
  return [...changed.values()].map(agencyChange);
}
