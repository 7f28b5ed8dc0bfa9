import { eventRecorder } from './recordedEvents';
import type { RecordedParEvent } from '../../src/events/parEvents';
import type { DocumentMap } from '../../src/projections/asOf';
import { responsibilitiesProjection, type ResponsibilityDocument } from '../../src/projections/responsibilities/responsibilitiesProjection';
import type { CoordinatorDutiesDocument } from '../../src/projections/responsibilities/responsibilityDocument';

const YEAR = 2026;
const recorded = eventRecorder({ start: '2026-12-01T00:00:00.000Z', stepMs: 60_000 });

const leaf = (code: string, appraiserCode: string) => ({ code, title: code, maxPoints: 2, method: 'SELF_ASSESSED' as const, appraiserCode, children: [] });
const framework = recorded('FrameworkPublished', {
  code: 'F-DISTRICT',
  title: 'Bộ chỉ số cấp huyện',
  group: 'DISTRICT',
  sample: true,
  methodology: null,
  legalBasis: null,
  maxPoints: 4,
  bonusMaxPoints: 2,
  penaltyMaxPoints: 2,
  areas: [{ code: '1', title: 'Lĩnh vực 1', maxPoints: 4, criteria: [leaf('1.1', 'STP'), leaf('1.2', 'SNV')] }],
});
const opened = recorded('AssessmentCycleOpened', {
  year: YEAR,
  frameworks: [{ group: 'DISTRICT', frameworkCode: 'F-DISTRICT' }],
  participants: [
    { code: 'TAMKY', name: 'UBND Thành phố Tam Kỳ', group: 'DISTRICT' },
    { code: 'HOIAN', name: 'UBND Thành phố Hội An', group: 'DISTRICT' },
    { code: 'DIENBAN', name: 'UBND Thị xã Điện Bàn', group: 'DISTRICT' },
  ],
  selfAssessmentDeadline: '2027-01-15T00:00:00.000Z',
  appraisalDeadline: '2027-03-15T00:00:00.000Z',
  bands: [],
  groupBands: [],
  endedDuringYear: [],
});
const submitted = (agencyCode: string) =>
  recorded('SelfAssessmentSubmitted', {
    year: YEAR,
    agencyCode,
    group: 'DISTRICT',
    frameworkCode: 'F-DISTRICT',
    scores: ['1.1', '1.2'].map((criterionCode) => ({
      criterionCode,
      applicable: true,
      points: 1.5,
      explanation: null,
      evidence: ['QĐ số 1/QĐ-UBND'],
      appraiserCode: criterionCode === '1.1' ? 'STP' : 'SNV',
    })),
  });
const appraised = (agencyCode: string, criterionCode: string, round: 1 | 2) =>
  recorded('CriterionAppraised', {
    year: YEAR,
    agencyCode,
    criterionCode,
    round,
    applicable: true,
    points: 1.25,
    comment: null,
    appraiserCode: 'STP',
    actingAgencyCode: 'STP',
  });
const finalized = (agencyCode: string) =>
  recorded('AssessmentFinalized', { year: YEAR, agencyCode, group: 'DISTRICT', totalPoints: 3, applicableMaxPoints: 4 });

/**
 * Folds the events, each document frozen once stored: a projector that changed a document in place would throw.
 * The changed documents are presented at the end, as the runner does before it stores them.
 */
function fold(events: RecordedParEvent[]): DocumentMap {
  const docs: DocumentMap = new Map();
  const changed = new Map<string, string>();
  const lookup = <T>(collection: string, id: string) => (docs.get(`${collection}/${id}`) as T | undefined) ?? null;
  for (const e of events) {
    if (!responsibilitiesProjection.handles.has(e.type)) continue;
    for (const change of responsibilitiesProjection.apply(e, lookup)) {
      docs.set(`${change.collection}/${change.id}`, deepFreeze(change.doc));
      changed.set(`${change.collection}/${change.id}`, change.collection);
    }
  }
  for (const [key, collection] of changed) docs.set(key, responsibilitiesProjection.present!(collection, docs.get(key)));
  return docs;
}
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
const duties = (docs: DocumentMap, agencyCode: string) => docs.get(`responsibilities/${YEAR}-${agencyCode}`) as ResponsibilityDocument;
const coordinator = (docs: DocumentMap) => docs.get(`coordinatorDuties/${YEAR}`) as CoordinatorDutiesDocument;

describe('responsibilities projection', () => {
  it('gives the coordinator every participant to finalise when the cycle opens', () => {
    const docs = fold([framework, opened]);
    expect(coordinator(docs)).toEqual({
      year: YEAR,
      complaintsToResolve: [],
      adjustmentsToDecide: [],
      assessmentsToFinalize: ['TAMKY', 'HOIAN', 'DIENBAN'].map((agencyCode) => ({ agencyCode, group: 'DISTRICT', reopened: null })),
    });
  });

  it('lists a complaint on the agency’s document and as the coordinator’s to resolve, until resolved', () => {
    const lodged = recorded('ComplaintLodged', {
      year: YEAR,
      agencyCode: 'HOIAN',
      complaintId: 'KN-1',
      criterionCode: '1.1',
      text: 'Đề nghị chấm lại',
      publishedAt: '2027-04-01T00:00:00.000Z',
    });
    const open = fold([framework, opened, lodged]);
    const complaint = {
      id: 'KN-1',
      criterionCode: '1.1',
      text: 'Đề nghị chấm lại',
      lodgedAt: lodged.metadata.recordedAt,
      publishedAt: '2027-04-01T00:00:00.000Z',
    };
    expect(duties(open, 'HOIAN').complaints).toEqual([{ ...complaint, outcome: null, comment: null, resolvedAt: null }]);
    expect(coordinator(open).complaintsToResolve).toEqual([{ agencyCode: 'HOIAN', ...complaint }]);
    expect(duties(open, 'TAMKY').complaints).toBeUndefined();

    const resolved = recorded('ComplaintResolved', {
      year: YEAR,
      agencyCode: 'HOIAN',
      complaintId: 'KN-1',
      criterionCode: '1.1',
      outcome: 'UPHELD',
      comment: 'Có cơ sở',
    });
    const closed = fold([framework, opened, lodged, resolved]);
    expect(duties(closed, 'HOIAN').complaints).toEqual([{ ...complaint, outcome: 'UPHELD', comment: 'Có cơ sở', resolvedAt: resolved.metadata.recordedAt }]);
    expect(coordinator(closed).complaintsToResolve).toEqual([]);
  });

  it('lists a proposal on the agency’s document and as the coordinator’s to decide, until decided; same ids of two agencies stay apart', () => {
    const propose = (agencyCode: string, kind: 'BONUS' | 'PENALTY') =>
      recorded('AdjustmentProposed', {
        year: YEAR,
        agencyCode,
        adjustmentId: 'ADJ-1',
        kind,
        points: 1.5,
        reason: 'Khen thưởng',
        evidence: ['QĐ số 88'],
        proposedBy: agencyCode,
      });
    const tamky = propose('TAMKY', 'BONUS');
    const hoian = propose('HOIAN', 'PENALTY');
    const decided = recorded('AdjustmentDecided', {
      year: YEAR,
      agencyCode: 'TAMKY',
      adjustmentId: 'ADJ-1',
      kind: 'BONUS',
      proposedPoints: 1.5,
      acceptedPoints: 1.25,
      comment: 'Một phần',
    });
    const before = fold([framework, opened, tamky, hoian]);
    expect(coordinator(before).adjustmentsToDecide.map((a) => [a.agencyCode, a.id, a.kind, a.points, a.proposedAt])).toEqual([
      ['TAMKY', 'ADJ-1', 'BONUS', 1.5, tamky.metadata.recordedAt],
      ['HOIAN', 'ADJ-1', 'PENALTY', 1.5, hoian.metadata.recordedAt],
    ]);
    expect(duties(before, 'TAMKY').adjustments).toEqual([expect.objectContaining({ id: 'ADJ-1', proposedPoints: 1.5, acceptedPoints: null, decidedAt: null })]);

    const after = fold([framework, opened, tamky, hoian, decided]);
    expect(coordinator(after).adjustmentsToDecide.map((a) => a.agencyCode)).toEqual(['HOIAN']);
    expect(duties(after, 'TAMKY').adjustments).toEqual([
      expect.objectContaining({ id: 'ADJ-1', acceptedPoints: 1.25, comment: 'Một phần', decidedAt: decided.metadata.recordedAt }),
    ]);
  });

  it('takes finalised and excluded assessments off the coordinator’s list, and puts a reopened one back until finalised again', () => {
    const excluded = recorded('AgencyExcludedFromRanking', { year: YEAR, agencyCode: 'DIENBAN', group: 'DISTRICT', reason: 'Sắp xếp đơn vị hành chính' });
    const reopened = recorded('AssessmentReopened', {
      year: YEAR,
      agencyCode: 'TAMKY',
      group: 'DISTRICT',
      reason: 'Khiếu nại KN-1 được chấp nhận',
      previousTotalPoints: 3,
      previousApplicableMaxPoints: 4,
    });
    const base = [framework, opened, finalized('TAMKY'), excluded];
    expect(coordinator(fold(base)).assessmentsToFinalize.map((a) => a.agencyCode)).toEqual(['HOIAN']);
    const again = fold([...base, reopened]);
    expect(coordinator(again).assessmentsToFinalize).toEqual([
      { agencyCode: 'HOIAN', group: 'DISTRICT', reopened: null },
      { agencyCode: 'TAMKY', group: 'DISTRICT', reopened: { reason: 'Khiếu nại KN-1 được chấp nhận', reopenedAt: reopened.metadata.recordedAt } },
    ]);
    expect(coordinator(fold([...base, reopened, finalized('TAMKY')])).assessmentsToFinalize.map((a) => a.agencyCode)).toEqual(['HOIAN']);
  });

  it('keeps an explanation request with both sides until round 2 settles it, answered or not', () => {
    const request = (agencyCode: string) =>
      recorded('ExplanationRequested', {
        year: YEAR,
        agencyCode,
        criterionCode: '1.1',
        question: 'Vì sao?',
        dueAt: '2027-02-01T00:00:00.000Z',
        appraiserCode: 'STP',
        actingAgencyCode: 'STP',
      });
    const answer = recorded('ExplanationSubmitted', {
      year: YEAR,
      agencyCode: 'TAMKY',
      criterionCode: '1.1',
      text: 'Đã bổ sung',
      evidence: [],
      revisedPoints: null,
      appraiserCode: 'STP',
    });
    const asked = [
      framework,
      opened,
      submitted('TAMKY'),
      submitted('HOIAN'),
      appraised('TAMKY', '1.1', 1),
      appraised('HOIAN', '1.1', 1),
      request('TAMKY'),
      request('HOIAN'),
    ];
    const waiting = fold([...asked, answer]);
    expect(duties(waiting, 'TAMKY').explanationsToAnswer).toEqual([]);
    expect(duties(waiting, 'HOIAN').explanationsToAnswer).toEqual([
      { criterionCode: '1.1', question: 'Vì sao?', dueAt: '2027-02-01T00:00:00.000Z', appraiserCode: 'STP' },
    ]);
    expect(duties(waiting, 'STP').explanationsToDecide).toEqual([
      { agencyCode: 'HOIAN', criterionCode: '1.1', dueAt: '2027-02-01T00:00:00.000Z', answeredAt: null },
      { agencyCode: 'TAMKY', criterionCode: '1.1', dueAt: '2027-02-01T00:00:00.000Z', answeredAt: answer.metadata.recordedAt },
    ]);
    // Hội An never answered; once its due time passed its appraiser gave round 2: nothing is left to answer or decide.
    const settled = fold([...asked, answer, appraised('TAMKY', '1.1', 2), appraised('HOIAN', '1.1', 2)]);
    expect(duties(settled, 'HOIAN').explanationsToAnswer).toEqual([]);
    expect(duties(settled, 'STP').explanationsToDecide).toEqual([]);
    expect(duties(settled, 'STP').pendingAppraisals).toEqual([]);
  });
});
