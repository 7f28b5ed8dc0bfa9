import type { ParEventData } from '../../events/parEvents';
import type { DocChange } from '../projection';
import { coordinatorChange, coordinatorDoc, type Docs } from './responsibilityDocument';

/** Finalised, or left out of the ranking (it needs no finalisation to publish): no longer the coordinator's to finalise. */
export function finalisationSettled(data: ParEventData<'AssessmentFinalized' | 'AgencyExcludedFromRanking'>, docs: Docs): DocChange[] {
  const coordinator = coordinatorDoc(docs, data.year);
  if (!coordinator?.assessmentsToFinalize.some((a) => a.agencyCode === data.agencyCode)) return [];
  const assessmentsToFinalize = coordinator.assessmentsToFinalize.filter((a) => a.agencyCode !== data.agencyCode);
  return [coordinatorChange({ ...coordinator, assessmentsToFinalize })];
}

/** A reopened assessment is the coordinator's to finalise again, with why it was reopened. */
export function assessmentReopened(data: ParEventData<'AssessmentReopened'>, recordedAt: string, docs: Docs): DocChange[] {
  const coordinator = coordinatorDoc(docs, data.year);
  if (!coordinator) return [];
  const others = coordinator.assessmentsToFinalize.filter((a) => a.agencyCode !== data.agencyCode);
  const reopened = { agencyCode: data.agencyCode, group: data.group, reopened: { reason: data.reason, reopenedAt: recordedAt } };
  return [coordinatorChange({ ...coordinator, assessmentsToFinalize: [...others, reopened] })];
}
