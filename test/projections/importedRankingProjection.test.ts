import { eventRecorder } from './recordedEvents';
import { foldProjection } from '../../src/projections/asOf';
import { importedRankingId, rankingId, rankingsProjection, type RankingDocument } from '../../src/projections/rankings/rankingsProjection';

const recorded = eventRecorder({ start: '2026-11-30T00:00:00.000Z', stepMs: 86_400_000 });

const ENTRIES = [
  { rank: 1, agencyCode: 'STP', agencyName: 'Sở Tư pháp', totalPoints: 90, maxPoints: 100, indexPercent: 90, band: 'Xuất sắc' },
  { rank: 2, agencyCode: 'SNV', agencyName: 'Sở Nội vụ', totalPoints: 88, maxPoints: 100, indexPercent: 88, band: 'Xuất sắc' },
  { rank: 3, agencyCode: 'STTTT', agencyName: 'Sở Thông tin và Truyền thông', totalPoints: 75.5, maxPoints: 100, indexPercent: 75.5, band: 'Tốt' },
  { rank: 4, agencyCode: 'SKHDT', agencyName: 'Sở Kế hoạch và Đầu tư', totalPoints: 60, maxPoints: 100, indexPercent: 60, band: null },
];

const imported = (jurisdiction: string | null) =>
  recorded('PublishedRankingImported', {
    year: 2019,
    group: 'DEPARTMENT',
    jurisdiction,
    decisionNumber: '1012/QĐ-UBND',
    decisionDate: '2020-03-27',
    source: 'https://quangnam.gov.vn/xep-hang-cchc-2019',
    entries: ENTRIES,
  });

describe('the rankings projection with imported rankings', () => {
  it('shows an imported year as published, as given, marked imported with its source and jurisdiction', () => {
    const docs = foldProjection(rankingsProjection, [imported('QNA')]);
    const doc = docs.get(`rankings/${importedRankingId(2019, 'DEPARTMENT', 'QNA')}`) as RankingDocument;
    expect(doc).toMatchObject({ year: 2019, group: 'DEPARTMENT', imported: true, source: 'https://quangnam.gov.vn/xep-hang-cchc-2019', jurisdiction: 'QNA' });
    expect(doc.publication).toEqual({
      publishedAt: '2020-03-27T00:00:00.000Z',
      reason: null,
      decisionNumber: '1012/QĐ-UBND',
      decisionDate: '2020-03-27',
      entries: ENTRIES,
    });
    expect(doc.publications).toHaveLength(1);
    expect(doc.provisionalEntries).toEqual([]);
    // The printed bands: each label from the lowest index that earned it.
    expect(doc.bands).toEqual([
      { label: 'Xuất sắc', minIndexPercent: 88 },
      { label: 'Tốt', minIndexPercent: 75.5 },
    ]);
    expect(doc.names.STTTT).toBe('Sở Thông tin và Truyền thông');
  });

  it('keeps imports of different jurisdictions apart, and a cycle opened for the year does not overwrite them', () => {
    const opened = recorded('AssessmentCycleOpened', {
      year: 2019,
      frameworks: [{ group: 'DEPARTMENT', frameworkCode: 'F' }],
      participants: [{ code: 'STP', name: 'Sở Tư pháp', group: 'DEPARTMENT' }],
      selfAssessmentDeadline: '2019-06-01T00:00:00.000Z',
      appraisalDeadline: '2019-09-01T00:00:00.000Z',
      bands: [],
      groupBands: [],
      endedDuringYear: [],
    });
    const docs = foldProjection(rankingsProjection, [imported(null), imported('DNG'), opened]);
    expect((docs.get(`rankings/${importedRankingId(2019, 'DEPARTMENT', null)}`) as RankingDocument).jurisdiction).toBeNull();
    expect((docs.get(`rankings/${importedRankingId(2019, 'DEPARTMENT', 'DNG')}`) as RankingDocument).jurisdiction).toBe('DNG');
    expect(docs.get(`rankings/${rankingId(2019, 'DEPARTMENT')}`)).toMatchObject({ imported: false, source: null, publication: null });
  });
});
