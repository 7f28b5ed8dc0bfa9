import type { Duty } from '../../domain/duty/duty';
import type { InspectionDocument } from './inspectionDocument';

export const leadDutyId = (code: string) => `inspection:${code}:lead`;
export const coordinateDutyId = (code: string, agencyCode: string) => `inspection:${code}:coordinate:${agencyCode}`;
export const followUpDutyId = (code: string) => `inspection:${code}:follow-up`;

const subject = (code: string) => ({ type: 'INSPECTION', code });

/**
 * A planned inspection makes its lead owe it by the end of the planned month, and each coordinator take part
 * (COORDINATE: the coordinating departments of Art. 5(1) join SNV's inspection team, they do not lead it).
 */
export function plannedDuties(doc: InspectionDocument): Duty[] {
  const base = { taskKind: 'INSPECTION' as const, subject: subject(doc.code), since: doc.issuedAt, dueAt: doc.dueAt, doneAt: null, cancelledAt: null };
  const lead: Duty = {
    ...base,
    id: leadDutyId(doc.code),
    agencyCode: doc.leadAgencyCode,
    role: 'INSPECT',
    title: `Kiểm tra công tác CCHC tại ${doc.targetAgencyCode} (${doc.code})`,
    // SNV's plan rests on Art. 5(1); a department's own plan on its competence, Art. 5(2).
    legalBasis: doc.issuingAgencyCode === 'SNV' ? 'QĐ 2824/QĐ-UBND, Điều 5 khoản 1' : 'QĐ 2824/QĐ-UBND, Điều 5 khoản 2',
  };
  const coordinators: Duty[] = doc.coordinators.map((agencyCode) => ({
    ...base,
    id: coordinateDutyId(doc.code, agencyCode),
    agencyCode,
    role: 'COORDINATE',
    title: `Phối hợp kiểm tra công tác CCHC tại ${doc.targetAgencyCode} (${doc.code})`,
    legalBasis: 'QĐ 2824/QĐ-UBND, Điều 5 khoản 1',
  }));
  return [lead, ...coordinators];
}

/** After the inspection, the inspected agency reports how it dealt with the findings. */
export function followUpDuty(doc: InspectionDocument, recordedAt: string, dueAt: string): Duty {
  return {
    id: followUpDutyId(doc.code),
    agencyCode: doc.targetAgencyCode,
    role: 'FOLLOW_UP',
    taskKind: 'INSPECTION_FOLLOW_UP',
    title: `Khắc phục và báo cáo kết quả sau kiểm tra CCHC (${doc.code})`,
    subject: subject(doc.code),
    legalBasis: 'QĐ 2824/QĐ-UBND, Điều 5 khoản 2',
    since: recordedAt,
    dueAt,
    doneAt: null,
    cancelledAt: null,
  };
}
