import type { ParEventData } from '../../events/parEvents';
import type { DocChange } from '../projection';
import { agencyChange, agencyDoc, agencyRef, coordinatorChange, coordinatorDoc, coordinatorRef, type Docs } from './responsibilityDocument';

type AdjustmentEvent = ParEventData<'AdjustmentProposed' | 'AdjustmentDecided'>;

export const refsForAdjustment = (data: AdjustmentEvent) => [agencyRef(data.year, data.agencyCode), coordinatorRef(data.year)];

/** A bonus or penalty proposal: on the assessed agency's document, and the coordinator's to decide. */
export function adjustmentProposed(data: ParEventData<'AdjustmentProposed'>, recordedAt: string, docs: Docs): DocChange[] {
  const { year, agencyCode, adjustmentId: id, kind, points, reason, evidence, proposedBy } = data;
  const changes: DocChange[] = [];
  const agency = agencyDoc(docs, year, agencyCode);
  if (agency) {
    const own = {
      id,
      kind,
      proposedPoints: points,
      acceptedPoints: null,
      reason,
      evidence,
      proposedBy,
      proposedAt: recordedAt,
      comment: null,
      decidedAt: null,
    };
    changes.push(agencyChange({ ...agency, adjustments: [...(agency.adjustments ?? []).filter((a) => a.id !== id), own] }));
  }
  const coordinator = coordinatorDoc(docs, year);
  if (coordinator) {
    const open = coordinator.adjustmentsToDecide.filter((a) => a.agencyCode !== agencyCode || a.id !== id);
    const toDecide = { agencyCode, id, kind, points, reason, evidence, proposedBy, proposedAt: recordedAt };
    changes.push(coordinatorChange({ ...coordinator, adjustmentsToDecide: [...open, toDecide] }));
  }
  return changes;
}

/** Decided (0 rejects): the agency sees the decision; the coordinator has it no more. */
export function adjustmentDecided(data: ParEventData<'AdjustmentDecided'>, recordedAt: string, docs: Docs): DocChange[] {
  const { year, agencyCode, adjustmentId, acceptedPoints, comment } = data;
  const changes: DocChange[] = [];
  const agency = agencyDoc(docs, year, agencyCode);
  if (agency) {
    const adjustments = (agency.adjustments ?? []).map((a) => (a.id === adjustmentId ? { ...a, acceptedPoints, comment, decidedAt: recordedAt } : a));
    changes.push(agencyChange({ ...agency, adjustments }));
  }
  const coordinator = coordinatorDoc(docs, year);
  if (coordinator) {
    const adjustmentsToDecide = coordinator.adjustmentsToDecide.filter((a) => a.agencyCode !== agencyCode || a.id !== adjustmentId);
    changes.push(coordinatorChange({ ...coordinator, adjustmentsToDecide }));
  }
  return changes;
}
