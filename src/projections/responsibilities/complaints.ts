import type { ParEventData } from '../../events/parEvents';
import type { DocChange } from '../projection';
import { agencyChange, agencyDoc, agencyRef, coordinatorChange, coordinatorDoc, coordinatorRef, type Docs } from './responsibilityDocument';

type ComplaintEvent = ParEventData<'ComplaintLodged' | 'ComplaintResolved'>;

export const refsForComplaint = (data: ComplaintEvent) => [agencyRef(data.year, data.agencyCode), coordinatorRef(data.year)];

/** A complaint is the agency's to follow and the coordinator's to resolve. */
export function complaintLodged(data: ParEventData<'ComplaintLodged'>, recordedAt: string, docs: Docs): DocChange[] {
  const { year, agencyCode, complaintId: id, criterionCode, text, publishedAt } = data;
  const changes: DocChange[] = [];
  const agency = agencyDoc(docs, year, agencyCode);
  if (agency) {
    const complaint = { id, criterionCode, text, lodgedAt: recordedAt, publishedAt, outcome: null, comment: null, resolvedAt: null };
    changes.push(agencyChange({ ...agency, complaints: [...(agency.complaints ?? []).filter((c) => c.id !== id), complaint] }));
  }
  const coordinator = coordinatorDoc(docs, year);
  if (coordinator) {
    const open = coordinator.complaintsToResolve.filter((c) => c.agencyCode !== agencyCode || c.id !== id);
    changes.push(
      coordinatorChange({ ...coordinator, complaintsToResolve: [...open, { agencyCode, id, criterionCode, text, lodgedAt: recordedAt, publishedAt }] }),
    );
  }
  return changes;
}

/** Resolved: the agency sees the outcome; the coordinator has it no more. */
export function complaintResolved(data: ParEventData<'ComplaintResolved'>, recordedAt: string, docs: Docs): DocChange[] {
  const { year, agencyCode, complaintId, outcome, comment } = data;
  const changes: DocChange[] = [];
  const agency = agencyDoc(docs, year, agencyCode);
  if (agency) {
    const complaints = (agency.complaints ?? []).map((c) => (c.id === complaintId ? { ...c, outcome, comment, resolvedAt: recordedAt } : c));
    changes.push(agencyChange({ ...agency, complaints }));
  }
  const coordinator = coordinatorDoc(docs, year);
  if (coordinator) {
    const complaintsToResolve = coordinator.complaintsToResolve.filter((c) => c.agencyCode !== agencyCode || c.id !== complaintId);
    changes.push(coordinatorChange({ ...coordinator, complaintsToResolve }));
  }
  return changes;
}
