import type { Duty } from '../../domain/duty/duty';
import type { RecordedParEvent } from '../../events/parEvents';
import { defineProjection, type DocChange } from '../projection';

interface CriterionData {
  criterionCode: string;
  agencyCode: string;
  dueAt: string;
  requestedAt: string;
  value: number | null;
  evidence: string[];
  note: string | null;
  providedAt: string | null;
}

/** The province's assessment of a year: each criterion's department, deadline and data; the compilation; the ministry's result. */
export interface ProvincialAssessmentDocument {
  year: number;
  frameworkCode: string;
  criteria: CriterionData[];
  compiledAt: string | null;
  missing: string[];
  nationalResult: { indexPercent: number; rank: number; ofProvinces: number; decisionNumber: string; recordedAt: string } | null;
}

const LEGAL_BASIS = 'QĐ 2824/QĐ-UBND, Điều 7; Điều 9–14 (cung cấp số liệu)';
const id = (year: number) => String(year);

function provideDuty(year: number, c: CriterionData): Duty {
  return {
    id: `${year}:${c.criterionCode}`,
    agencyCode: c.agencyCode,
    role: 'PROVIDE_DATA',
    taskKind: 'INDEX_DATA_PROVISION',
    title: `Cung cấp số liệu tiêu chí ${c.criterionCode} của Chỉ số CCHC cấp tỉnh năm ${year}`,
    subject: { type: 'PROVINCIAL_ASSESSMENT', code: `${year}/${c.criterionCode}` },
    legalBasis: LEGAL_BASIS,
    since: c.requestedAt,
    dueAt: c.dueAt,
    doneAt: c.providedAt,
    cancelledAt: null,
  };
}

function compileDuty(doc: ProvincialAssessmentDocument, since: string): Duty {
  const lastDue =
    doc.criteria
      .map((c) => c.dueAt)
      .sort()
      .at(-1) ?? null;
  return {
    id: `${doc.year}:compile`,
    agencyCode: 'SNV',
    role: 'LEAD',
    taskKind: 'INDEX_COMPILATION',
    title: `Tổng hợp tự đánh giá Chỉ số CCHC cấp tỉnh năm ${doc.year}, báo cáo Bộ Nội vụ`,
    subject: { type: 'PROVINCIAL_ASSESSMENT', code: String(doc.year) },
    legalBasis: 'QĐ 2824/QĐ-UBND, Điều 7 khoản 1; Điều 16 khoản 3',
    since,
    dueAt: lastDue,
    doneAt: doc.compiledAt,
    cancelledAt: null,
  };
}

function applyTo(doc: ProvincialAssessmentDocument | null, event: RecordedParEvent): ProvincialAssessmentDocument | null {
  const at = event.metadata.recordedAt;
  switch (event.type) {
    case 'CriterionDataRequested': {
      const { year, frameworkCode, agencyCode, criterionCodes, dueAt } = event.data;
      const base = doc ?? { year, frameworkCode, criteria: [], compiledAt: null, missing: [], nationalResult: null };
      const others = base.criteria.filter((c) => !criterionCodes.includes(c.criterionCode));
      const asked = criterionCodes.map((criterionCode) => ({
        criterionCode,
        agencyCode,
        dueAt,
        requestedAt: at,
        value: null,
        evidence: [],
        note: null,
        providedAt: null,
      }));
      return {
        ...base,
        frameworkCode,
        criteria: [...others, ...asked].sort((a, b) => a.criterionCode.localeCompare(b.criterionCode, 'en', { numeric: true })),
      };
    }
    case 'CriterionDataProvided': {
      if (!doc) return null;
      const { criterionCode, value, evidence, note } = event.data;
      return { ...doc, criteria: doc.criteria.map((c) => (c.criterionCode === criterionCode ? { ...c, value, evidence, note, providedAt: at } : c)) };
    }
    case 'ProvincialAssessmentCompiled':
      return doc && { ...doc, compiledAt: at, missing: event.data.missing };
    case 'NationalResultRecorded': {
      const { year: _year, ...result } = event.data;
      return doc && { ...doc, nationalResult: { ...result, recordedAt: at } };
    }
    default:
      return doc;
  }
}

/** The provincial index of each year (Art. 7) and the duties it gives the departments and SNV. */
export const provincialIndexProjection = defineProjection({
  name: 'provincialIndex',
  version: 1,
  collections: [
    { name: 'provincialAssessments', indexes: [] },
    { name: 'provincialIndexDuties', indexes: [['agencyCode']] },
  ],
  handles: ['CriterionDataRequested', 'CriterionDataProvided', 'ProvincialAssessmentCompiled', 'NationalResultRecorded'],
  reads: (event) => ('year' in event.data ? [{ collection: 'provincialAssessments', id: id(event.data.year as number) }] : []),
  apply(event, docs) {
    if (!('year' in event.data)) return [];
    const year = event.data.year as number;
    const before = docs<ProvincialAssessmentDocument>('provincialAssessments', id(year));
    const doc = applyTo(before, event);
    if (!doc) return [];
    const since = doc.criteria.map((c) => c.requestedAt).sort()[0] ?? event.metadata.recordedAt;
    const changes: DocChange[] = [{ collection: 'provincialAssessments', id: id(year), doc }];
    for (const duty of [...doc.criteria.map((c) => provideDuty(year, c)), compileDuty(doc, since)]) {
      changes.push({ collection: 'provincialIndexDuties', id: duty.id, doc: duty });
    }
    return changes;
  },
});
