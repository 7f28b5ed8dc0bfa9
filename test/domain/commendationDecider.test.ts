import type { CommendationCommand } from '../../src/domain/commendation/commendationCommands';
import { commendationDecider } from '../../src/domain/commendation/commendationDecider';
import { publishedRankingsFold, type PublishedRankings } from '../../src/domain/commendation/publishedRankings';
import { suggestionsFrom } from '../../src/domain/commendation/suggestions';
import { event, type RankingEntryData } from '../../src/events/parEvents';
import { specFor } from './givenWhenThen';

const spec = specFor(commendationDecider);
const NOW = new Date('2027-03-01T02:00:00Z');
const entry = (rank: number, agencyCode: string, indexPercent: number, band: string): RankingEntryData => ({
  rank,
  agencyCode,
  agencyName: agencyCode,
  totalPoints: indexPercent,
  maxPoints: 100,
  indexPercent,
  band,
});
const BANDS = [
  { label: 'Tốt', minIndexPercent: 80 },
  { label: 'Khá', minIndexPercent: 65 },
  { label: 'Trung bình', minIndexPercent: 0 },
];
const ENTRIES = [entry(1, 'HOIAN', 90, 'Tốt'), entry(2, 'TAMKY', 70, 'Khá'), entry(3, 'NUITHANH', 50, 'Trung bình')];
const PUBLISHED: PublishedRankings = { opened: true, groups: { DISTRICT: { entries: ENTRIES, bands: BANDS } }, bands: { DISTRICT: BANDS } };
const NOTHING_PUBLISHED: PublishedRankings = { opened: true, groups: {}, bands: { DISTRICT: BANDS } };

const propose = (c: Partial<Extract<CommendationCommand, { type: 'ProposeCommendation' | 'ProposeAccountability' }>> = {}): CommendationCommand => ({
  type: 'ProposeCommendation',
  year: 2026,
  agencyCode: 'HOIAN',
  reason: 'Dẫn đầu khối huyện',
  basis: 'Quyết định công bố Chỉ số CCHC năm 2026',
  now: NOW,
  rankings: PUBLISHED,
  agencyGroup: 'DISTRICT',
  ...c,
});
const plan = (c: Partial<Extract<CommendationCommand, { type: 'SubmitRemedialPlan' }>> = {}): CommendationCommand => ({
  type: 'SubmitRemedialPlan',
  year: 2026,
  agencyCode: 'NUITHANH',
  weakCriteria: ['2.1', '5'],
  actions: [{ text: 'Rà soát thủ tục hành chính', dueAt: '2027-06-30T00:00:00Z' }, { text: 'Tập huấn công chức' }],
  dueAt: '2027-12-31T00:00:00Z',
  now: NOW,
  ...c,
});
const accountable = event('AccountabilityProposed', {
  year: 2026,
  group: 'DISTRICT',
  agencyCode: 'NUITHANH',
  rank: 3,
  band: 'Trung bình',
  reason: 'Xếp cuối khối huyện',
  basis: 'Quyết định công bố Chỉ số CCHC năm 2026',
  remedialPlanDueAt: '2027-03-31T02:00:00.000Z',
});

describe('commendationDecider: proposals after publication', () => {
  it('proposes commendation with the rank and band of the published ranking', () => {
    spec
      .given([])
      .when(propose())
      .then([
        event('CommendationProposed', {
          year: 2026,
          group: 'DISTRICT',
          agencyCode: 'HOIAN',
          rank: 1,
          band: 'Tốt',
          reason: 'Dẫn đầu khối huyện',
          basis: 'Quyết định công bố Chỉ số CCHC năm 2026',
        }),
      ]);
  });
  it('proposes accountability with a remedial plan owed 30 days later', () => {
    spec
      .given([])
      .when(propose({ type: 'ProposeAccountability', agencyCode: 'NUITHANH', reason: 'Xếp cuối khối huyện' }))
      .then([accountable]);
  });
  it('refuses before the group’s ranking is published, an agency not ranked, an unregistered agency, a second proposal', () => {
    spec
      .given([])
      .when(propose({ rankings: NOTHING_PUBLISHED }))
      .thenError('INVALID_STATE');
    spec
      .given([])
      .when(propose({ agencyCode: 'DUYXUYEN' }))
      .thenError('NOT_FOUND', 'agencyCode');
    spec
      .given([])
      .when(propose({ agencyCode: 'KHONGCO', agencyGroup: null }))
      .thenError('NOT_FOUND', 'agencyCode');
    spec
      .given([accountable])
      .when(propose({ agencyCode: 'NUITHANH' }))
      .thenError('CONFLICT', 'agencyCode');
    spec
      .given([])
      .when(propose({ reason: '' }))
      .thenError('BAD_USER_INPUT', 'reason');
  });
});

describe('commendationDecider: remedial plans', () => {
  it('records the plan of an agency held accountable', () => {
    spec
      .given([accountable])
      .when(plan())
      .then([
        event('RemedialPlanSubmitted', {
          year: 2026,
          agencyCode: 'NUITHANH',
          weakCriteria: ['2.1', '5'],
          actions: [
            { text: 'Rà soát thủ tục hành chính', dueAt: '2027-06-30T00:00:00.000Z' },
            { text: 'Tập huấn công chức', dueAt: null },
          ],
          dueAt: '2027-12-31T00:00:00.000Z',
        }),
      ]);
  });
  it('refuses a plan without accountability, a second plan, a past deadline, no action', () => {
    spec.given([]).when(plan()).thenError('INVALID_STATE', 'agencyCode');
    const sent = spec.given([accountable]).when(plan()).events();
    spec
      .given([accountable, ...sent])
      .when(plan())
      .thenError('INVALID_STATE', 'agencyCode');
    spec
      .given([accountable])
      .when(plan({ dueAt: '2027-01-01T00:00:00Z' }))
      .thenError('BAD_USER_INPUT', 'dueAt');
    spec
      .given([accountable])
      .when(plan({ actions: [{ text: 'x', dueAt: '2026-01-01T00:00:00Z' }] }))
      .thenError('BAD_USER_INPUT', 'actions[0].dueAt');
    spec
      .given([accountable])
      .when(plan({ actions: [] }))
      .thenError('BAD_USER_INPUT', 'actions');
    spec
      .given([accountable])
      .when(plan({ weakCriteria: ['không'] }))
      .thenError('BAD_USER_INPUT', 'weakCriteria[0]');
  });
});

describe('suggestions from the bands', () => {
  it('suggests commendation for the top band and accountability for the bottom band, in ranking order', () => {
    expect(suggestionsFrom(ENTRIES, BANDS).map((s) => [s.kind, s.entry.agencyCode])).toEqual([
      ['COMMENDATION', 'HOIAN'],
      ['ACCOUNTABILITY', 'NUITHANH'],
    ]);
  });
  it('suggests nothing with a single band', () => {
    expect(suggestionsFrom(ENTRIES, [BANDS[0]])).toEqual([]);
  });
  it('folds the latest publication of each group from the cycle stream', () => {
    const opened = { type: 'AssessmentCycleOpened', data: { bands: BANDS } } as never;
    const published = event('RankingPublished', { year: 2026, group: 'DISTRICT', entries: ENTRIES, decisionNumber: '1/QĐ-UBND', decisionDate: '2027-02-01' });
    const state = [opened, published].reduce(publishedRankingsFold.evolve, publishedRankingsFold.initialState());
    expect(state.groups.DISTRICT).toEqual({ entries: ENTRIES, bands: BANDS });
  });
});
