import { adjustedTotal, type DecideAdjustment, type ProposeAdjustment } from '../../src/domain/assessment/adjustments';
import { fromPoints, indexPercent, toPoints } from '../../src/domain/points';
import { assessmentDecider, type AssessmentContext } from '../../src/domain/assessment/assessmentDecider';
import type { Framework } from '../../src/domain/framework/framework';
import { event, type AdjustmentKind, type AssessmentEvent } from '../../src/events/parEvents';
import { NOW, appraised, contextFor, daysFromNow, finalized, openedCycle, selfSubmitted, smallFramework, surveyRecorded } from './fixtures';
import { specFor } from './givenWhenThen';

const spec = specFor(assessmentDecider);

/** The small framework with caps: bonus up to 2 points, penalty up to 1.5. */
const capped: Framework = { ...smallFramework, bonusMaxPoints: 2, penaltyMaxPoints: 1.5 };
const ctx = (overrides: Partial<AssessmentContext> = {}): AssessmentContext => contextFor('SYT', { framework: capped, ...overrides });

const OFFICER = { roles: ['AGENCY_OFFICER'], agency: 'SYT' };
const COORDINATOR = { roles: ['COORDINATOR'], agency: 'SNV' };
const APPRAISER = { roles: ['APPRAISER'], agency: 'STP' };
const EVIDENCE = ['Bằng khen số 88/QĐ-TTg'];

const propose = (kind: AdjustmentKind, points: number, proposer = kind === 'BONUS' ? OFFICER : COORDINATOR, context = ctx()): ProposeAdjustment => ({
  type: 'ProposeAdjustment',
  context,
  kind,
  points,
  reason: '  Đơn vị được Thủ tướng tặng Bằng khen về CCHC  ',
  evidence: EVIDENCE,
  proposer,
});
const decide = (adjustmentId: string, acceptedPoints: number, comment: string | null = null, context = ctx()): DecideAdjustment => ({
  type: 'DecideAdjustment',
  context,
  adjustmentId,
  acceptedPoints,
  comment,
});

const proposed = (adjustmentId: string, kind: AdjustmentKind, points: number, proposedBy: string | null = kind === 'BONUS' ? 'SYT' : 'SNV'): AssessmentEvent =>
  event('AdjustmentProposed', {
    year: 2024,
    agencyCode: 'SYT',
    adjustmentId,
    kind,
    points,
    reason: 'Đơn vị được Thủ tướng tặng Bằng khen về CCHC',
    evidence: EVIDENCE,
    proposedBy,
  });
const decided = (adjustmentId: string, kind: AdjustmentKind, proposedPoints: number, acceptedPoints: number, comment: string | null = null): AssessmentEvent =>
  event('AdjustmentDecided', { year: 2024, agencyCode: 'SYT', adjustmentId, kind, proposedPoints, acceptedPoints, comment });

describe('proposeAdjustment: a bonus, by the agency’s own officer until its self-assessment deadline', () => {
  it('proposes a bonus (reason trimmed), numbered ADJ-1, then ADJ-2 after any earlier proposal', () => {
    spec
      .given([])
      .when(propose('BONUS', 1.25))
      .then([proposed('ADJ-1', 'BONUS', 1.25)]);
    spec
      .given([proposed('ADJ-1', 'PENALTY', 0.5)])
      .when(propose('BONUS', 0.0001))
      .then([proposed('ADJ-2', 'BONUS', 0.0001)]);
  });

  it('at the cap exactly; over the cap: BAD_USER_INPUT on points', () => {
    spec
      .given([])
      .when(propose('BONUS', 2))
      .then([proposed('ADJ-1', 'BONUS', 2)]);
    spec.given([]).when(propose('BONUS', 2.0001)).thenError('BAD_USER_INPUT', 'points');
  });

  it('at the deadline itself; after it (or its extension): DEADLINE_PASSED', () => {
    spec
      .given([])
      .when(propose('BONUS', 1, OFFICER, ctx({ now: daysFromNow(10) })))
      .then([proposed('ADJ-1', 'BONUS', 1)]);
    spec
      .given([])
      .when(propose('BONUS', 1, OFFICER, ctx({ now: daysFromNow(11) })))
      .thenError('DEADLINE_PASSED', 'year');
    const extended = openedCycle({
      extensions: [{ agencyCode: 'SYT', phase: 'SELF_ASSESSMENT', until: daysFromNow(12).toISOString(), reason: 'Gia hạn', grantedAt: NOW.toISOString() }],
    });
    spec
      .given([])
      .when(propose('BONUS', 1, OFFICER, ctx({ now: daysFromNow(11), cycle: extended })))
      .then([proposed('ADJ-1', 'BONUS', 1)]);
  });

  it('refused to an officer of another agency, to the coordinator and to an appraiser: FORBIDDEN', () => {
    spec
      .given([])
      .when(propose('BONUS', 1, { roles: ['AGENCY_OFFICER'], agency: 'SXD' }))
      .thenError('FORBIDDEN');
    spec
      .given([])
      .when(propose('BONUS', 1, COORDINATOR))
      .thenError('FORBIDDEN');
    spec
      .given([])
      .when(propose('BONUS', 1, APPRAISER))
      .thenError('FORBIDDEN');
  });
});

describe('proposeAdjustment: a penalty, by the coordinator or an appraiser until finalisation', () => {
  it('proposes a penalty, after the self-assessment deadline too, by the coordinator or an appraiser', () => {
    spec
      .given([])
      .when(propose('PENALTY', 1.5, COORDINATOR, ctx({ now: daysFromNow(40) })))
      .then([proposed('ADJ-1', 'PENALTY', 1.5)]);
    spec
      .given([])
      .when(propose('PENALTY', 0.75, APPRAISER))
      .then([proposed('ADJ-1', 'PENALTY', 0.75, 'STP')]);
  });

  it('over the cap: BAD_USER_INPUT on points', () => {
    spec.given([]).when(propose('PENALTY', 1.5001)).thenError('BAD_USER_INPUT', 'points');
  });

  it('refused to the agency’s officer, and to the assessed agency itself (conflict of interest): FORBIDDEN', () => {
    spec
      .given([])
      .when(propose('PENALTY', 1, OFFICER))
      .thenError('FORBIDDEN');
    spec
      .given([])
      .when(propose('PENALTY', 1, { roles: ['APPRAISER'], agency: 'SYT' }))
      .thenError('FORBIDDEN');
  });

  it('refused once the assessment is finalised: INVALID_STATE', () => {
    spec
      .given([finalized('SYT', 5, 10)])
      .when(propose('PENALTY', 1))
      .thenError('INVALID_STATE');
    spec
      .given([finalized('SYT', 5, 10)])
      .when(propose('BONUS', 1))
      .thenError('INVALID_STATE');
  });
});

describe('proposeAdjustment: input', () => {
  it.each([0, -1, 0.00001, NaN])('points %p: BAD_USER_INPUT on points', (points) => {
    spec.given([]).when(propose('BONUS', points)).thenError('BAD_USER_INPUT', 'points');
  });

  it('a framework without a cap for the kind: INVALID_STATE', () => {
    spec
      .given([])
      .when(propose('BONUS', 1, OFFICER, contextFor('SYT')))
      .thenError('INVALID_STATE');
    spec
      .given([])
      .when(propose('PENALTY', 1, COORDINATOR, contextFor('SYT')))
      .thenError('INVALID_STATE');
  });

  it('a reason and evidence are required; an unknown kind and a non-participant are refused', () => {
    spec
      .given([])
      .when({ ...propose('BONUS', 1), reason: '  ' })
      .thenError('BAD_USER_INPUT', 'reason');
    spec
      .given([])
      .when({ ...propose('BONUS', 1), evidence: [] })
      .thenError('BAD_USER_INPUT', 'evidence');
    spec
      .given([])
      .when({ ...propose('BONUS', 1), evidence: null })
      .thenError('BAD_USER_INPUT', 'evidence');
    spec
      .given([])
      .when({ ...propose('BONUS', 1), kind: 'PRIZE' as AdjustmentKind })
      .thenError('BAD_USER_INPUT', 'kind');
    spec
      .given([])
      .when(propose('PENALTY', 1, COORDINATOR, contextFor('XYZ', { framework: capped })))
      .thenError('NOT_FOUND', 'agencyCode');
  });
});

describe('decideAdjustment: the coordinator decides a proposal before finalisation', () => {
  it('accepts the points proposed, or part of them with a comment; 0 rejects (with a comment)', () => {
    const given = spec.given([proposed('ADJ-1', 'BONUS', 1.25)]);
    given.when(decide('ADJ-1', 1.25)).then([decided('ADJ-1', 'BONUS', 1.25, 1.25)]);
    given.when(decide('ADJ-1', 0.5, '  Chỉ một phần có tài liệu  ')).then([decided('ADJ-1', 'BONUS', 1.25, 0.5, 'Chỉ một phần có tài liệu')]);
    given.when(decide('ADJ-1', 0, 'Không có tài liệu kiểm chứng')).then([decided('ADJ-1', 'BONUS', 1.25, 0, 'Không có tài liệu kiểm chứng')]);
  });

  it('evolves the proposals with their decisions', () => {
    const state = spec.given([proposed('ADJ-1', 'BONUS', 1.25), proposed('ADJ-2', 'PENALTY', 1), decided('ADJ-2', 'PENALTY', 1, 0, 'Không đủ căn cứ')]).state;
    expect(state.adjustments).toEqual([
      expect.objectContaining({ id: 'ADJ-1', kind: 'BONUS', proposedPoints: 12_500, acceptedPoints: null, proposedBy: 'SYT', decidedAt: null }),
      expect.objectContaining({ id: 'ADJ-2', kind: 'PENALTY', proposedPoints: 10_000, acceptedPoints: 0, comment: 'Không đủ căn cứ' }),
    ]);
  });

  it('refuses more than proposed, a negative or inexact figure (BAD_USER_INPUT on acceptedPoints), a partial acceptance without comment', () => {
    const given = spec.given([proposed('ADJ-1', 'BONUS', 1.25)]);
    for (const points of [1.2501, -0.0001, 0.00001]) given.when(decide('ADJ-1', points)).thenError('BAD_USER_INPUT', 'acceptedPoints');
    given.when(decide('ADJ-1', 1)).thenError('BAD_USER_INPUT', 'comment');
    given.when(decide('ADJ-1', 0)).thenError('BAD_USER_INPUT', 'comment');
  });

  it('refuses an unknown proposal (NOT_FOUND), a decided one and a finalised assessment (INVALID_STATE)', () => {
    spec
      .given([proposed('ADJ-1', 'BONUS', 1.25)])
      .when(decide('ADJ-2', 1))
      .thenError('NOT_FOUND', 'adjustmentId');
    spec
      .given([proposed('ADJ-1', 'BONUS', 1.25), decided('ADJ-1', 'BONUS', 1.25, 1.25)])
      .when(decide('ADJ-1', 1, 'Sửa'))
      .thenError('INVALID_STATE');
    spec
      .given([proposed('ADJ-1', 'BONUS', 1.25), finalized('SYT', 5, 10)])
      .when(decide('ADJ-1', 1.25))
      .thenError('INVALID_STATE');
  });
});

describe('finalisation waits for every proposal to be decided', () => {
  const scored: AssessmentEvent[] = [
    selfSubmitted('SYT', [
      { criterionCode: '1.1', points: 2 },
      { criterionCode: '1.2.1', points: 0.1 },
      { criterionCode: '1.2.2', points: 0.2, appraiserCode: 'STP' },
      { criterionCode: '2.1', points: 3, appraiserCode: 'STP' },
    ]),
    appraised('SYT', '1.1', 1, 2),
    appraised('SYT', '1.2.1', 1, 0.1),
    appraised('SYT', '1.2.2', 1, 0.2, 'STP'),
    appraised('SYT', '2.1', 1, 3, 'STP'),
    surveyRecorded('SYT', [{ criterionCode: '2.2', points: 4 }]),
  ];
  const finalize = { type: 'FinalizeAssessment' as const, context: ctx() };

  it('INVALID_STATE naming the undecided proposals', () => {
    const error = spec
      .given([...scored, proposed('ADJ-1', 'BONUS', 1), proposed('ADJ-2', 'PENALTY', 1), decided('ADJ-1', 'BONUS', 1, 1)])
      .when(finalize)
      .thenError('INVALID_STATE');
    expect(error.message).toContain('ADJ-2');
    expect(error.details).toEqual({ undecidedAdjustments: ['ADJ-2'] });
  });

  it('finalises once every proposal is decided', () => {
    const events = spec
      .given([...scored, proposed('ADJ-1', 'BONUS', 1), decided('ADJ-1', 'BONUS', 1, 0, 'Không đủ căn cứ')])
      .when(finalize)
      .events();
    expect(events.map((e) => e.type)).toEqual(['AssessmentFinalized']);
  });
});

describe('scoring with bonus and penalty: totalPoints = final + accepted bonus (capped) − accepted penalty (capped)', () => {
  const base: AssessmentEvent[] = [
    proposed('ADJ-1', 'BONUS', 1.25),
    proposed('ADJ-2', 'BONUS', 1),
    proposed('ADJ-3', 'PENALTY', 1.5),
    proposed('ADJ-4', 'PENALTY', 0.3),
  ];
  const total = (events: AssessmentEvent[], final = 9.5, max = 10) => {
    const r = adjustedTotal(toPoints(final)!, toPoints(max)!, spec.given(events).state, capped);
    return [fromPoints(r.totalPoints), fromPoints(r.bonusPoints), fromPoints(r.penaltyPoints), indexPercent(r.ratio)];
  };

  it('counts decided proposals only, exactly, below the caps', () => {
    expect(total(base)).toEqual([9.5, 0, 0, 95]);
    expect(total([...base, decided('ADJ-1', 'BONUS', 1.25, 0.7501, 'Một phần'), decided('ADJ-4', 'PENALTY', 0.3, 0.3)])).toEqual([9.9501, 0.7501, 0.3, 99.501]);
  });

  it('at the caps exactly, and over them (the sum is capped): the index may exceed 100', () => {
    const atCaps = [...base, decided('ADJ-1', 'BONUS', 1.25, 1), decided('ADJ-2', 'BONUS', 1, 1), decided('ADJ-3', 'PENALTY', 1.5, 1.5)];
    expect(total(atCaps)).toEqual([10, 2, 1.5, 100]);
    const overCaps = [
      ...base,
      decided('ADJ-1', 'BONUS', 1.25, 1.25),
      decided('ADJ-2', 'BONUS', 1, 1),
      decided('ADJ-3', 'PENALTY', 1.5, 1.5),
      decided('ADJ-4', 'PENALTY', 0.3, 0.3),
    ];
    expect(total(overCaps)).toEqual([10, 2, 1.5, 100]);
    const bonusOnly = [...base, decided('ADJ-1', 'BONUS', 1.25, 1.25), decided('ADJ-2', 'BONUS', 1, 1)];
    expect(total(bonusOnly, 9.5, 10)).toEqual([11.5, 2, 0, 115]);
  });

  it('a framework without caps adds and takes nothing', () => {
    const r = adjustedTotal(toPoints(5)!, toPoints(10)!, spec.given([...base, decided('ADJ-1', 'BONUS', 1.25, 1.25)]).state, smallFramework);
    expect(fromPoints(r.totalPoints)).toBe(5);
  });

  it('finalisation records the adjusted total', () => {
    const events = spec
      .given([
        selfSubmitted('SYT', [
          { criterionCode: '1.1', points: 2 },
          { criterionCode: '1.2.1', points: 0.1 },
          { criterionCode: '1.2.2', points: 0.2, appraiserCode: 'STP' },
          { criterionCode: '2.1', points: 3, appraiserCode: 'STP' },
        ]),
        appraised('SYT', '1.1', 1, 2),
        appraised('SYT', '1.2.1', 1, 0.1),
        appraised('SYT', '1.2.2', 1, 0.2, 'STP'),
        appraised('SYT', '2.1', 1, 3, 'STP'),
        surveyRecorded('SYT', [{ criterionCode: '2.2', points: 4 }]),
        ...base,
        decided('ADJ-1', 'BONUS', 1.25, 1.25),
        decided('ADJ-2', 'BONUS', 1, 1),
        decided('ADJ-3', 'PENALTY', 1.5, 0.5, 'Một phần'),
        decided('ADJ-4', 'PENALTY', 0.3, 0, 'Không đủ căn cứ'),
      ])
      .when({ type: 'FinalizeAssessment', context: ctx() })
      .events();
    // 9.3 final + 2 (bonus capped) − 0.5 penalty.
    expect(events[0]).toMatchObject({ type: 'AssessmentFinalized', data: { totalPoints: 10.8, applicableMaxPoints: 10.1734 } });
  });
});
