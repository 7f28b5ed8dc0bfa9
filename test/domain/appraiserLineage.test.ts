import { assessmentDecider, type AppraiseCriterion } from '../../src/domain/assessment/assessmentDecider';
import type { RequestExplanation } from '../../src/domain/assessment/explanations';
import { carriedBy } from '../../src/domain/lineage/lineage';
import { lineageDecider } from '../../src/domain/lineage/lineageDecider';
import { contextFor, daysFromNow, selfSubmitted } from './fixtures';
import { specFor } from './givenWhenThen';

const spec = specFor(assessmentDecider);

/** Leaf 2.1 of the sample framework is appraised by STP; after STP merges into a successor, the successor acts. */
const submitted = selfSubmitted('SYT', [{ criterionCode: '2.1', points: 3, appraiserCode: 'STP' }]);
const syt = contextFor('SYT');

const appraise = (overrides: Partial<AppraiseCriterion> = {}): AppraiseCriterion => ({
  type: 'AppraiseCriterion',
  context: syt,
  criterionCode: '2.1',
  round: 1,
  points: 3,
  appraiserAgency: 'STPMOI',
  ...overrides,
});

describe('appraisals follow lineage: the unit a leaf’s appraiser merged into appraises it in open cycles', () => {
  it('the successor appraises the merged unit’s leaf; the event records both the agency of record and the acting agency', () => {
    const events = spec
      .given([submitted])
      .when(appraise({ carries: ['STPMOI', 'STP'] }))
      .events();
    expect(events).toMatchObject([{ type: 'CriterionAppraised', data: { criterionCode: '2.1', appraiserCode: 'STP', actingAgencyCode: 'STPMOI' } }]);
  });

  it('without the merger it may not: FORBIDDEN naming the appraiser of record', () => {
    const error = spec.given([submitted]).when(appraise()).thenError('FORBIDDEN');
    expect(error.message).toContain('appraised by STP, not by STPMOI');
  });

  it('the appraiser of record itself acts as before (acting = of record)', () => {
    expect(
      spec
        .given([submitted])
        .when(appraise({ appraiserAgency: 'STP' }))
        .events(),
    ).toMatchObject([{ data: { appraiserCode: 'STP', actingAgencyCode: 'STP' } }]);
  });

  it('explanation requests follow the same rule', () => {
    const ask: RequestExplanation = {
      type: 'RequestExplanation',
      context: syt,
      criterionCode: '2.1',
      question: 'Bổ sung tài liệu kiểm chứng?',
      dueAt: daysFromNow(5),
      appraiserAgency: 'STPMOI',
      carries: ['STPMOI', 'STP'],
    };
    const given = [
      submitted,
      {
        type: 'CriterionAppraised' as const,
        schemaVersion: 2,
        data: {
          year: 2024,
          agencyCode: 'SYT',
          criterionCode: '2.1',
          round: 1 as const,
          applicable: true,
          points: 2,
          comment: null,
          appraiserCode: 'STP',
          actingAgencyCode: 'STPMOI',
        },
      },
    ];
    expect(spec.given(given).when(ask).events()).toMatchObject([{ type: 'ExplanationRequested', data: { appraiserCode: 'STP', actingAgencyCode: 'STPMOI' } }]);
  });

  it('what a unit carries is decided by the lineage and the day: from the merger’s effective date on', () => {
    const merged = lineageDecider.decide(
      {
        type: 'MergeAgencies',
        sourceCodes: ['STP'],
        into: { code: 'STPMOI' },
        effectiveFrom: '2025-03-01',
        legalBasis: { number: '01/NQ-HĐND', date: '2025-02-01' },
        registered: {
          STP: { code: 'STP', name: 'Sở Tư pháp', group: 'DEPARTMENT', jurisdiction: 'QNA', activeFrom: null },
          STPMOI: { code: 'STPMOI', name: 'Sở Tư pháp (mới)', group: 'DEPARTMENT', jurisdiction: 'QNA', activeFrom: null },
        },
      },
      lineageDecider.initialState(),
    );
    const state = merged.reduce((s, e) => lineageDecider.evolve(s, e, ''), lineageDecider.initialState());
    expect(carriedBy(state, 'STPMOI', '2025-02-28')).toEqual(['STPMOI']);
    expect(carriedBy(state, 'STPMOI', '2025-03-01').sort()).toEqual(['STP', 'STPMOI']);
    expect(carriedBy(state, 'STP', '2025-02-28')).toEqual(['STP']);
    expect(carriedBy(state, 'STP', '2025-03-01')).toEqual([]);
  });
});
