import { evolveAssessment } from '../../src/domain/assessment/assessment';
import type { Framework } from '../../src/domain/framework/framework';
import { cycleDecider } from '../../src/domain/cycle/cycleDecider';
import type { ProposeRanking, PublishRanking } from '../../src/domain/cycle/publication';
import type { AssessmentState } from '../../src/domain/assessment/assessment';
import { event, type AssessmentCycleOpened, type CycleEvent } from '../../src/events/parEvents';
import { assessmentOf, BANDS, daysFromNow, finalizedAssessment, flatFramework, PARTICIPANTS, selfSubmitted } from './fixtures';
import { GIVEN_AT, ofType, specFor } from './givenWhenThen';

const spec = specFor(cycleDecider);

// SYT, SXD and BDT take part in the DEPARTMENT ranking.
const opened: AssessmentCycleOpened = event('AssessmentCycleOpened', {
  year: 2024,
  frameworks: [{ group: 'DEPARTMENT', frameworkCode: 'RANK-2024' }],
  participants: PARTICIPANTS,
  selfAssessmentDeadline: daysFromNow(10).toISOString(),
  appraisalDeadline: daysFromNow(40).toISOString(),
  bands: BANDS,
  groupBands: [],
  endedDuringYear: [],
});

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
const all = [final('SYT', { '1.1': 50, '1.2': 40 }), final('SXD', { '1.1': 40, '1.2': 40 }), final('BDT', { '1.1': 60, '1.2': 39 })];

const propose = (assessments: ProposeRanking['assessments'] = all, overrides: Partial<ProposeRanking> = {}): ProposeRanking => ({
  type: 'ProposeRanking',
  year: 2024,
  group: 'DEPARTMENT',
  assessments,
  ...overrides,
});
const publish = (assessments: PublishRanking['assessments'] = all, overrides: Partial<PublishRanking> = {}): PublishRanking => ({
  type: 'PublishRanking',
  year: 2024,
  group: 'DEPARTMENT',
  decisionNumber: '123/QĐ-UBND',
  decisionDate: new Date('2025-03-01'),
  assessments,
  ...overrides,
});
const excluded = (agencyCode: string): CycleEvent => event('AgencyExcludedFromRanking', { year: 2024, agencyCode, group: 'DEPARTMENT', reason: 'Giải thể' });

describe('cycleDecider: propose a ranking (SNV)', () => {
  it('freezes the group’s ranking as it stands: RankingProposed with the ranked entries', () => {
    const [proposed] = spec.given([opened]).when(propose()).events();
    expect(ofType(proposed, 'RankingProposed').data.entries.map((e) => [e.rank, e.agencyCode, e.totalPoints, e.indexPercent, e.band])).toEqual([
      [1, 'BDT', 99, 99, 'Xuất sắc'],
      [2, 'SYT', 90, 90, 'Tốt'],
      [3, 'SXD', 80, 80, 'Tốt'],
    ]);
  });

  it('ranks by the finalised totals: accepted bonus and penalty count, each capped', () => {
    const capped: Framework = { ...rankFramework, bonusMaxPoints: 2, penaltyMaxPoints: 2 };
    const adjusted = (agencyCode: string, points: Record<string, number>, kind: 'BONUS' | 'PENALTY', accepted: number) => {
      const base = finalizedAssessment(agencyCode, capped, points);
      const key = { year: 2024, agencyCode, adjustmentId: 'ADJ-1', kind };
      const proposed = event('AdjustmentProposed', { ...key, points: accepted, reason: 'x', evidence: ['QĐ 1'], proposedBy: null });
      const decided = event('AdjustmentDecided', { ...key, proposedPoints: accepted, acceptedPoints: accepted, comment: null });
      const state = [proposed, decided].reduce((s, e) => evolveAssessment(s, e, GIVEN_AT), base);
      return { agencyCode, state, framework: capped };
    };
    // SXD's 80 + a bonus of 3 (capped at 2) = 82 passes nobody; BDT's 99 − 2 = 97 stays first; SYT 90.
    const [proposed] = spec
      .given([opened])
      .when(
        propose([
          adjusted('SXD', { '1.1': 40, '1.2': 40 }, 'BONUS', 3),
          adjusted('BDT', { '1.1': 60, '1.2': 39 }, 'PENALTY', 2),
          final('SYT', { '1.1': 50, '1.2': 40 }),
        ]),
      )
      .events();
    expect(ofType(proposed, 'RankingProposed').data.entries.map((e) => [e.rank, e.agencyCode, e.totalPoints])).toEqual([
      [1, 'BDT', 97],
      [2, 'SYT', 90],
      [3, 'SXD', 82],
    ]);
  });

  it('an incomplete group: INVALID_STATE with extensions.missing, the codes sorted', () => {
    const notFinal: AssessmentState = assessmentOf([selfSubmitted('SXD', [{ criterionCode: '1.1', points: 60 }], rankFramework)]);
    const error = spec
      .given([opened])
      .when(propose([final('SYT', { '1.1': 50, '1.2': 40 }), { agencyCode: 'SXD', state: notFinal, framework: rankFramework }]))
      .thenError('INVALID_STATE');
    expect(error.details).toEqual({ missing: ['BDT', 'SXD'] });
  });

  it('without a cycle: NOT_FOUND on year; a group the cycle does not cover: BAD_USER_INPUT on group', () => {
    spec.given([]).when(propose()).thenError('NOT_FOUND', 'year');
    spec
      .given([opened])
      .when(propose([], { group: 'DISTRICT' }))
      .thenError('BAD_USER_INPUT', 'group');
  });

  it('evolves: the proposal stands per group until a publication consumes it; a later proposal replaces it', () => {
    const [first] = spec.given([opened]).when(propose()).events();
    const state = spec.given([opened, { event: first, recordedAt: '2025-04-01T00:00:00.000Z' }]).state;
    expect(state.opened && state.proposed.DEPARTMENT).toEqual({
      entries: ofType(first, 'RankingProposed').data.entries,
      proposedAt: '2025-04-01T00:00:00.000Z',
    });
    const [published] = spec.given([opened, first]).when(publish()).events();
    const after = spec.given([opened, first, published]).state;
    expect(after.opened && after.proposed).toEqual({});
  });
});

describe('cycleDecider: publish a proposed ranking (UBND)', () => {
  it('publishes the proposal as proposed, with the decision', () => {
    const [proposed] = spec.given([opened]).when(propose()).events();
    const [published] = spec.given([opened, proposed]).when(publish()).events();
    expect(ofType(published, 'RankingPublished').data).toEqual({
      year: 2024,
      group: 'DEPARTMENT',
      entries: ofType(proposed, 'RankingProposed').data.entries,
      decisionNumber: '123/QĐ-UBND',
      decisionDate: '2025-03-01',
    });
  });

  it('changed since the proposal (an exclusion): INVALID_STATE listing the changes per agency', () => {
    const [proposed] = spec.given([opened]).when(propose()).events();
    const error = spec
      .given([opened, { event: proposed, recordedAt: GIVEN_AT }, excluded('BDT')])
      .when(publish())
      .thenError('INVALID_STATE');
    expect(error.message).toContain('BDT, SXD, SYT');
    expect(error.details).toEqual({
      changes: [
        { agencyCode: 'BDT', change: 'REMOVED', proposed: { rank: 1, totalPoints: 99, maxPoints: 100, indexPercent: 99, band: 'Xuất sắc' }, now: null },
        {
          agencyCode: 'SXD',
          change: 'CHANGED',
          proposed: { rank: 3, totalPoints: 80, maxPoints: 100, indexPercent: 80, band: 'Tốt' },
          now: { rank: 2, totalPoints: 80, maxPoints: 100, indexPercent: 80, band: 'Tốt' },
        },
        {
          agencyCode: 'SYT',
          change: 'CHANGED',
          proposed: { rank: 2, totalPoints: 90, maxPoints: 100, indexPercent: 90, band: 'Tốt' },
          now: { rank: 1, totalPoints: 90, maxPoints: 100, indexPercent: 90, band: 'Tốt' },
        },
      ],
    });
  });

  it('changed since the proposal (an assessment finalised again with other points): INVALID_STATE naming it', () => {
    const [proposed] = spec.given([opened]).when(propose()).events();
    const corrected = [final('SYT', { '1.1': 50, '1.2': 39 }), all[1], all[2]];
    const error = spec.given([opened, proposed]).when(publish(corrected)).thenError('INVALID_STATE');
    expect(error.details).toEqual({
      changes: [
        {
          agencyCode: 'SYT',
          change: 'CHANGED',
          proposed: { rank: 2, totalPoints: 90, maxPoints: 100, indexPercent: 90, band: 'Tốt' },
          now: { rank: 2, totalPoints: 89, maxPoints: 100, indexPercent: 89, band: 'Tốt' },
        },
      ],
    });
  });

  it('after SNV proposes again, the new proposal is published', () => {
    const [first] = spec.given([opened]).when(propose()).events();
    const [second] = spec
      .given([opened, first, excluded('BDT')])
      .when(propose())
      .events();
    const [published] = spec
      .given([opened, first, excluded('BDT'), second])
      .when(publish())
      .events();
    expect(ofType(published, 'RankingPublished').data.entries.map((e) => [e.rank, e.agencyCode])).toEqual([
      [1, 'SYT'],
      [2, 'SXD'],
    ]);
  });

  it('the publication still needs its decision number and a complete group, proposal or not', () => {
    const [proposed] = spec.given([opened]).when(propose()).events();
    spec
      .given([opened, proposed])
      .when(publish(all, { decisionNumber: ' ' }))
      .thenError('BAD_USER_INPUT', 'decisionNumber');
    const error = spec
      .given([opened, proposed])
      .when(publish(all.slice(0, 2)))
      .thenError('INVALID_STATE');
    expect(error.details).toEqual({ missing: ['BDT'] });
  });
});
