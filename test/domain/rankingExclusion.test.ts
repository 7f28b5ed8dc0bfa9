import { cycleDecider, type ExcludeFromRanking } from '../../src/domain/cycle/cycleDecider';
import type { PublishRanking } from '../../src/domain/cycle/publication';
import { toPoints, type Points } from '../../src/domain/points';
import { rank } from '../../src/domain/ranking/ranking';
import { event, type AssessmentCycleOpened, type CycleEvent } from '../../src/events/parEvents';
import { BANDS, daysFromNow, finalizedAssessment, flatFramework, PARTICIPANTS } from './fixtures';
import { GIVEN_AT, ofType, specFor } from './givenWhenThen';

const spec = specFor(cycleDecider);

const branchParticipant = { code: 'CAT', name: 'Công an tỉnh', group: 'PROVINCIAL_BRANCH' as const };

const opened: AssessmentCycleOpened = event('AssessmentCycleOpened', {
  year: 2024,
  frameworks: [
    { group: 'DEPARTMENT', frameworkCode: 'RANK-2024' },
    { group: 'PROVINCIAL_BRANCH', frameworkCode: 'BRANCH-2024' },
  ],
  participants: [...PARTICIPANTS, branchParticipant],
  selfAssessmentDeadline: daysFromNow(10).toISOString(),
  appraisalDeadline: daysFromNow(40).toISOString(),
  bands: BANDS,
  groupBands: [],
  endedDuringYear: [],
});

const DISSOLVED = 'Giải thể từ ngày 01/3/2025 theo Nghị quyết số 01/NQ-HĐND, sáp nhập vào Sở Nội vụ';

const exclude = (overrides: Partial<ExcludeFromRanking> = {}): ExcludeFromRanking => ({
  type: 'ExcludeFromRanking',
  year: 2024,
  agencyCode: 'BDT',
  reason: DISSOLVED,
  ...overrides,
});

const excluded = (agencyCode = 'BDT', group: 'DEPARTMENT' | 'PROVINCIAL_BRANCH' = 'DEPARTMENT'): CycleEvent =>
  event('AgencyExcludedFromRanking', { year: 2024, agencyCode, group, reason: DISSOLVED });

/** A flat framework of two self-assessed leaves: 1.1 = 60, 1.2 = 40. */
const rankFramework = flatFramework('RANK-2024', [
  { code: '1.1', maxPoints: 60 },
  { code: '1.2', maxPoints: 40 },
]);
const final = (agencyCode: string, points: Record<string, number | null>) => ({
  agencyCode,
  state: finalizedAssessment(agencyCode, rankFramework, points),
  framework: rankFramework,
});
const publish = (assessments: PublishRanking['assessments'], overrides: Partial<PublishRanking> = {}): PublishRanking => ({
  type: 'PublishRanking',
  year: 2024,
  group: 'DEPARTMENT',
  decisionNumber: '123/QĐ-UBND',
  decisionDate: new Date('2025-03-01'),
  assessments,
  ...overrides,
});

describe('cycleDecider: exclude an agency from its group’s ranking', () => {
  it('records the agency, its group and the reason', () => {
    spec.given([opened]).when(exclude()).then([excluded()]);
    spec
      .given([opened])
      .when(exclude({ agencyCode: 'CAT', reason: '  Chuyển về ngành dọc quản lý  ' }))
      .then([event('AgencyExcludedFromRanking', { year: 2024, agencyCode: 'CAT', group: 'PROVINCIAL_BRANCH', reason: 'Chuyển về ngành dọc quản lý' })]);
  });

  it('evolves: the cycle lists it with the reason and the time', () => {
    const state = spec.given([opened, excluded()]).state;
    if (!state.opened) throw new Error('not opened');
    expect(state.excluded).toEqual([{ agencyCode: 'BDT', group: 'DEPARTMENT', reason: DISSOLVED, excludedAt: GIVEN_AT }]);
  });

  it('an agency the cycle does not assess: NOT_FOUND on agencyCode', () => {
    spec
      .given([opened])
      .when(exclude({ agencyCode: 'BHXH' }))
      .thenError('NOT_FOUND', 'agencyCode');
  });

  it.each(['', '   ', 'ạ'.repeat(2001)])('a missing, blank or too long reason: BAD_USER_INPUT on reason', (reason) => {
    spec.given([opened]).when(exclude({ reason })).thenError('BAD_USER_INPUT', 'reason');
  });

  it('already excluded: INVALID_STATE', () => {
    spec
      .given([opened, excluded()])
      .when(exclude({ reason: 'Lần nữa' }))
      .thenError('INVALID_STATE');
  });

  it('once its group’s ranking is published: INVALID_STATE (a correction goes through a republication); other groups still can', () => {
    const published = event('RankingPublished', { year: 2024, group: 'DEPARTMENT', entries: [], decisionNumber: '12/QĐ-UBND', decisionDate: '2025-03-01' });
    spec.given([opened, published]).when(exclude()).thenError('INVALID_STATE');
    spec
      .given([opened, published])
      .when(exclude({ agencyCode: 'CAT' }))
      .then([excluded('CAT', 'PROVINCIAL_BRANCH')]);
  });

  it('without a cycle: NOT_FOUND on year', () => {
    spec.given([]).when(exclude()).thenError('NOT_FOUND', 'year');
  });
});

describe('publishing leaves excluded agencies out', () => {
  it('an excluded agency takes no place, finalised or not, and moves no one’s rank', () => {
    const [event] = spec
      .given([opened, excluded('BDT')])
      .when(
        publish([
          final('SYT', { '1.1': 50, '1.2': 40 }), // 90 %
          final('BDT', { '1.1': 60, '1.2': 39 }), // 99 %: would be first
          final('SXD', { '1.1': 40, '1.2': 40 }), // 80 %
        ]),
      )
      .events();
    expect(ofType(event, 'RankingPublished').data.entries.map((e) => [e.rank, e.agencyCode])).toEqual([
      [1, 'SYT'],
      [2, 'SXD'],
    ]);
  });

  it('when only excluded agencies are finalised: INVALID_STATE (nothing to rank)', () => {
    spec
      .given([opened, excluded('BDT')])
      .when(publish([final('BDT', { '1.1': 60, '1.2': 39 })]))
      .thenError('INVALID_STATE');
  });
});

describe('rank with excluded agencies', () => {
  const p = (value: number) => toPoints(value) as Points;
  it('drops them before ranking: ranks and ties are counted without them', () => {
    const candidates = [
      { agencyCode: 'A', agencyName: 'Sở A', totalPoints: p(95), maxPoints: p(100) },
      { agencyCode: 'B', agencyName: 'Sở B', totalPoints: p(90), maxPoints: p(100) },
      { agencyCode: 'C', agencyName: 'Sở C', totalPoints: p(90), maxPoints: p(100) },
      { agencyCode: 'D', agencyName: 'Sở D', totalPoints: p(0), maxPoints: p(0) },
    ];
    expect(rank(candidates, BANDS, ['A', 'D']).map((e) => [e.agencyCode, e.rank])).toEqual([
      ['B', 1],
      ['C', 1],
    ]);
    expect(rank(candidates, BANDS, []).map((e) => e.rank)).toEqual([1, 2, 2, 0]);
  });
});
