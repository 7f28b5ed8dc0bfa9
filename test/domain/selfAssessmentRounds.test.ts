import { authorize } from '../../src/auth/authorization';
import { scoreAssessment } from '../../src/domain/assessment/scoring';
import {
  assessmentDecider,
  type AppraiseCriterion,
  type AssessmentContext,
  type FinalizeAssessment,
  type SaveSelfAssessmentDraft,
  type SelfScoreInput,
  type SubmitSelfAssessment,
} from '../../src/domain/assessment/assessmentDecider';
import type { RequestExplanation, SubmitExplanation } from '../../src/domain/assessment/explanations';
import type { OpenedCycle } from '../../src/domain/cycle/cycle';
import { DomainError } from '../../src/domain/errors';
import type { AssessmentEvent } from '../../src/events/parEvents';
import { NOW, appraised, contextFor, daysFromNow, openedCycle, selfSubmitted, smallFramework, surveyRecorded } from './fixtures';
import { ofType, specFor } from './givenWhenThen';

const spec = specFor(assessmentDecider);

const draft = (scores: SelfScoreInput[], context: AssessmentContext = contextFor()): SaveSelfAssessmentDraft => ({
  type: 'SaveSelfAssessmentDraft',
  context,
  scores,
});
const submit = (scores: SelfScoreInput[], context: AssessmentContext = contextFor()): SubmitSelfAssessment => ({
  type: 'SubmitSelfAssessment',
  context,
  scores,
});
const score = (criterionCode: string, points: number, extra: Partial<SelfScoreInput> = {}): SelfScoreInput => ({
  criterionCode,
  points,
  evidence: ['QĐ số 12/QĐ-SYT'],
  ...extra,
});

/** The draft event the decider writes for these leaves of the small framework. */
function draftSaved(scores: { criterionCode: string; points: number; appraiserCode: string }[]): AssessmentEvent {
  return {
    type: 'SelfAssessmentDraftSaved',
    schemaVersion: 1,
    data: {
      year: 2024,
      agencyCode: 'SYT',
      group: 'DEPARTMENT',
      frameworkCode: 'DEPT-2024',
      scores: scores.map((s) => ({ ...s, applicable: true, explanation: null, evidence: ['QĐ số 12/QĐ-SYT'] })),
    },
  };
}

const savedDraft = draftSaved([
  { criterionCode: '1.1', points: 2, appraiserCode: 'SNV' },
  { criterionCode: '2.1', points: 3, appraiserCode: 'STP' },
]);

describe('self-assessment drafts', () => {
  it('saving a draft is SelfAssessmentDraftSaved; the assessment is a DRAFT, nothing is sent', () => {
    spec
      .given([])
      .when(draft([score('1.1', 2), score('2.1', 3)]))
      .then([savedDraft]);
    const state = spec.given([savedDraft]).state;
    expect(state.status).toBe('DRAFT');
    expect(state.submittedAt).toBeNull();
    expect(state.leaves).toEqual({});
    expect(state.draft['1.1']).toEqual({ applicable: true, points: 20_000, explanation: null, evidence: ['QĐ số 12/QĐ-SYT'] });
  });

  it('a later draft replaces the leaves it names and keeps the others', () => {
    const state = spec.given([savedDraft, draftSaved([{ criterionCode: '1.1', points: 1.5, appraiserCode: 'SNV' }])]).state;
    expect(state.draft['1.1'].points).toBe(15_000);
    expect(state.draft['2.1'].points).toBe(30_000);
  });

  it('submitting sends what it names plus the draft (a named leaf wins), and clears the draft', () => {
    const [sent] = spec
      .given([savedDraft])
      .when(submit([score('1.1', 2.25), score('1.2.1', 0.1)]))
      .events();
    const data = ofType(sent, 'SelfAssessmentSubmitted').data;
    expect(data.scores.map((s) => [s.criterionCode, s.points, s.appraiserCode])).toEqual([
      ['2.1', 3, 'STP'],
      ['1.1', 2.25, 'SNV'],
      ['1.2.1', 0.1, 'SNV'],
    ]);
    const state = spec.given([savedDraft, sent]).state;
    expect(state.status).toBe('SUBMITTED');
    expect(state.draft).toEqual({});
    expect(state.leaves['2.1'].self?.points).toBe(30_000);
  });

  it('submitting with no scores sends the draft alone; without a draft it is refused', () => {
    const [sent] = spec.given([savedDraft]).when(submit([])).events();
    expect(ofType(sent, 'SelfAssessmentSubmitted').data.scores.map((s) => s.criterionCode)).toEqual(['1.1', '2.1']);
    spec.given([]).when(submit([])).thenError('BAD_USER_INPUT', 'scores');
    spec.given([]).when(draft([])).thenError('BAD_USER_INPUT', 'scores');
  });

  it('a draft after submission stays unsent (status unchanged); the next submission revises with it', () => {
    const submitted = selfSubmitted('SYT', [{ criterionCode: '1.1', points: 1 }]);
    const later = draftSaved([{ criterionCode: '1.1', points: 2, appraiserCode: 'SNV' }]);
    const state = spec.given([submitted, later]).state;
    expect(state.status).toBe('SUBMITTED');
    expect(state.leaves['1.1'].self?.points).toBe(10_000);
    const [revised] = spec.given([submitted, later]).when(submit([])).events();
    expect(ofType(revised, 'SelfAssessmentRevised').data.scores).toMatchObject([{ criterionCode: '1.1', points: 2 }]);
  });

  it('a draft is validated like a submission', () => {
    spec
      .given([])
      .when(draft([score('1.1', 2.2501)]))
      .thenError('BAD_USER_INPUT', 'scores[0].points');
    spec
      .given([])
      .when(draft([score('9.9', 1)]))
      .thenError('BAD_USER_INPUT', 'scores[0].criterionCode');
    spec
      .given([])
      .when(draft([score('2.2', 1)]))
      .thenError('BAD_USER_INPUT', 'scores[0].criterionCode');
  });

  it('after the self-assessment deadline: DEADLINE_PASSED (on the deadline it is accepted)', () => {
    const late = contextFor('SYT', { now: new Date(daysFromNow(10).getTime() + 1) });
    spec
      .given([])
      .when(draft([score('1.1', 1)], late))
      .thenError('DEADLINE_PASSED', 'year');
    spec.given([savedDraft]).when(submit([], late)).thenError('DEADLINE_PASSED', 'year');
    expect(
      spec
        .given([])
        .when(draft([score('1.1', 1)], contextFor('SYT', { now: daysFromNow(10) })))
        .events(),
    ).toHaveLength(1);
  });

  it('an agency outside the cycle: NOT_FOUND; a finalized assessment: INVALID_STATE', () => {
    spec
      .given([])
      .when(draft([score('1.1', 1)], contextFor('CAT')))
      .thenError('NOT_FOUND', 'agencyCode');
    const done: AssessmentEvent[] = [
      selfSubmitted('SYT', [{ criterionCode: '1.1', points: 1 }]),
      { type: 'AssessmentFinalized', schemaVersion: 1, data: { year: 2024, agencyCode: 'SYT', group: 'DEPARTMENT', totalPoints: 0, applicableMaxPoints: 0 } },
    ];
    spec
      .given(done)
      .when(draft([score('1.1', 1)]))
      .thenError('INVALID_STATE');
  });

  it('only an agency officer, for their own agency', () => {
    const officer = { sub: 'o', name: 'O', agency: 'SYT', roles: ['AGENCY_OFFICER'] };
    expect(authorize(officer, 'SaveSelfAssessmentDraft', { agencyCode: 'SYT' })).toBe(officer);
    const refused = (actor: typeof officer) => {
      try {
        authorize(actor, 'SaveSelfAssessmentDraft', { agencyCode: 'SYT' });
      } catch (e) {
        return (e as DomainError).code;
      }
      return 'allowed';
    };
    expect(refused({ ...officer, agency: 'SXD' })).toBe('FORBIDDEN');
    expect(refused({ ...officer, roles: ['COORDINATOR'] })).toBe('FORBIDDEN');
    expect(refused({ ...officer, roles: ['APPRAISER'] })).toBe('FORBIDDEN');
  });
});

describe('self totals next to appraised ones', () => {
  it('selfTotalPoints and the areas’ selfPoints / appraisedPoints are exact sums of sent points', () => {
    const state = spec.given([
      savedDraft, // cleared by the submission below, which sends only what it holds
      selfSubmitted('SYT', [
        { criterionCode: '1.1', points: 2.2499 },
        { criterionCode: '1.2.1', points: 0.0001 },
        { criterionCode: '1.2.2', points: 0.2, appraiserCode: 'STP' },
        { criterionCode: '2.1', points: null, applicable: false, appraiserCode: 'STP' },
      ]),
      appraised('SYT', '1.1', 1, 2.1),
      appraised('SYT', '1.2.2', 1, 0.1999, 'STP'),
      surveyRecorded('SYT', [{ criterionCode: '2.2', points: 4.5 }]),
    ]).state;
    const result = scoreAssessment(smallFramework.areas, state);
    expect(result.selfTotalPoints).toBe(24_500);
    expect(result.areas.map((a) => [a.code, a.selfPoints, a.appraisedPoints])).toEqual([
      ['1', 24_500, 22_999],
      ['2', 0, 0],
    ]);
  });
});

describe('"not applicable" claims are decided by the leaf’s appraiser', () => {
  const claim = selfSubmitted('SYT', [
    { criterionCode: '1.1', points: 2 },
    { criterionCode: '2.1', points: null, applicable: false, appraiserCode: 'STP' },
  ]);
  const decide = (overrides: Partial<AppraiseCriterion> = {}): AppraiseCriterion => ({
    type: 'AppraiseCriterion',
    context: contextFor(),
    criterionCode: '2.1',
    round: 1,
    points: null,
    applicable: false,
    appraiserAgency: 'STP',
    ...overrides,
  });
  const finalize = (): FinalizeAssessment => ({ type: 'FinalizeAssessment', context: contextFor() });
  const rest = [appraised('SYT', '1.1', 1, 2), surveyRecorded('SYT', [{ criterionCode: '2.2', points: 4.5 }])];
  // 1.2.1 and 1.2.2 are not submitted in this history: appraise them so only the claim is undecided.
  const others = [appraised('SYT', '1.2.1', 1, 0.1), appraised('SYT', '1.2.2', 1, 0.2, 'STP')];

  it('applicable: false confirms the claim (no comment needed); the leaf leaves the applicable maximum', () => {
    const [confirmed] = spec.given([claim]).when(decide()).events();
    expect(ofType(confirmed, 'CriterionAppraised').data).toMatchObject({ criterionCode: '2.1', applicable: false, points: null, comment: null });
    const result = scoreAssessment(smallFramework.areas, spec.given([claim, confirmed, ...rest, ...others]).state);
    expect(result.criteria.find((c) => c.code === '2.1')).toMatchObject({ claim: 'CONFIRMED', applicable: false });
    // 10.1734 − 3.1234 = 7.05 applicable; 2 + 0.1 + 0.2 + 4.5 = 6.8 points.
    expect([result.totalPoints, result.applicableMaxPoints]).toEqual([68_000, 70_500]);
  });

  it('points reject the claim and score the leaf', () => {
    const [rejected] = spec
      .given([claim])
      .when(decide({ applicable: true, points: 1.5, comment: 'Có ban hành 02 văn bản QPPL' }))
      .events();
    const result = scoreAssessment(smallFramework.areas, spec.given([claim, rejected, ...rest, ...others]).state);
    expect(result.criteria.find((c) => c.code === '2.1')).toMatchObject({ claim: 'REJECTED', applicable: true, finalPoints: 15_000 });
    expect([result.totalPoints, result.applicableMaxPoints]).toEqual([83_000, 101_734]);
  });

  it('until decided the leaf counts as applicable with 0 and finalisation is INVALID_STATE naming the claim', () => {
    const given = spec.given([claim, ...rest, ...others]);
    const result = scoreAssessment(smallFramework.areas, given.state);
    expect([result.totalPoints, result.applicableMaxPoints]).toEqual([68_000, 101_734]);
    const error = given.when(finalize()).thenError('INVALID_STATE');
    expect(error.message).toContain('"not applicable" claims the appraiser has not decided: 2.1');
    expect(error.details).toEqual({ unscored: ['2.1'], undecidedClaims: ['2.1'] });
  });

  it('refusals: another agency’s appraiser (FORBIDDEN), past the appraisal deadline, points with applicable false, unknown criterion', () => {
    spec
      .given([claim])
      .when(decide({ appraiserAgency: 'SNV' }))
      .thenError('FORBIDDEN');
    spec
      .given([claim])
      .when(decide({ context: contextFor('SYT', { now: new Date(daysFromNow(40).getTime() + 1) }) }))
      .thenError('DEADLINE_PASSED', 'year');
    spec
      .given([claim])
      .when(decide({ points: 1 }))
      .thenError('BAD_USER_INPUT', 'points');
    spec
      .given([claim])
      .when(decide({ criterionCode: '9.9' }))
      .thenError('BAD_USER_INPUT', 'criterionCode');
    // Without a claim, judging a leaf not applicable still needs the appraiser's reason.
    spec
      .given([claim])
      .when(decide({ criterionCode: '1.1', appraiserAgency: 'SNV' }))
      .thenError('BAD_USER_INPUT', 'comment');
  });

  it('only an APPRAISER may decide', () => {
    for (const roles of [['AGENCY_OFFICER'], ['COORDINATOR'], ['ANALYST']]) {
      expect(() => authorize({ sub: 'x', name: 'X', agency: 'STP', roles }, 'AppraiseCriterion')).toThrow(DomainError);
    }
  });
});

describe('the explanation round between appraisal rounds 1 and 2', () => {
  const sent = selfSubmitted('SYT', [
    { criterionCode: '1.1', points: 2 },
    { criterionCode: '2.1', points: 3, appraiserCode: 'STP' },
  ]);
  const round1 = appraised('SYT', '1.1', 1, 1.5);
  const due = daysFromNow(5).toISOString();
  const requested: AssessmentEvent = {
    type: 'ExplanationRequested',
    schemaVersion: 2,
    data: {
      year: 2024,
      agencyCode: 'SYT',
      criterionCode: '1.1',
      question: 'Kế hoạch ban hành muộn?',
      dueAt: due,
      appraiserCode: 'SNV',
      actingAgencyCode: 'SNV',
    },
  };
  const answered: AssessmentEvent = {
    type: 'ExplanationSubmitted',
    schemaVersion: 1,
    data: {
      year: 2024,
      agencyCode: 'SYT',
      criterionCode: '1.1',
      text: 'Ban hành đúng hạn',
      evidence: ['KH số 5/KH-SYT'],
      revisedPoints: 2.1,
      appraiserCode: 'SNV',
    },
  };
  const at = (days: number, extensions: OpenedCycle['extensions'] = []) => contextFor('SYT', { now: daysFromNow(days), cycle: openedCycle({ extensions }) });
  const explanationExtension = (until: Date): OpenedCycle['extensions'] => [
    { agencyCode: 'SYT', phase: 'EXPLANATION', until: until.toISOString(), reason: 'Chờ số liệu', grantedAt: NOW.toISOString() },
  ];
  const ask = (overrides: Partial<RequestExplanation> = {}): RequestExplanation => ({
    type: 'RequestExplanation',
    context: contextFor(),
    criterionCode: '1.1',
    question: '  Kế hoạch ban hành muộn? ',
    dueAt: daysFromNow(5),
    appraiserAgency: 'SNV',
    ...overrides,
  });
  const answer = (overrides: Partial<SubmitExplanation> = {}): SubmitExplanation => ({
    type: 'SubmitExplanation',
    context: contextFor(),
    criterionCode: '1.1',
    text: 'Ban hành đúng hạn',
    evidence: ['KH số 5/KH-SYT', ' '],
    revisedPoints: 2.1,
    ...overrides,
  });
  const round2 = (context: AssessmentContext): AppraiseCriterion => ({
    type: 'AppraiseCriterion',
    context,
    criterionCode: '1.1',
    round: 2,
    points: 2,
    appraiserAgency: 'SNV',
  });

  it('the leaf’s appraiser asks after round 1: ExplanationRequested', () => {
    spec.given([sent, round1]).when(ask()).then([requested]);
  });

  it('asking: refusals', () => {
    spec.given([sent]).when(ask()).thenError('INVALID_STATE'); // before round 1
    spec
      .given([sent, round1, appraised('SYT', '1.1', 2, 2)])
      .when(ask())
      .thenError('INVALID_STATE'); // after round 2
    spec.given([sent, round1, requested]).when(ask()).thenError('INVALID_STATE'); // one open request at a time
    spec
      .given([sent, round1])
      .when(ask({ appraiserAgency: 'STP' }))
      .thenError('FORBIDDEN');
    spec
      .given([sent, round1])
      .when(ask({ context: contextFor('SYT', { now: new Date(daysFromNow(40).getTime() + 1) }) }))
      .thenError('DEADLINE_PASSED', 'year');
    spec
      .given([sent, round1])
      .when(ask({ dueAt: NOW }))
      .thenError('BAD_USER_INPUT', 'dueAt');
    spec
      .given([sent, round1])
      .when(ask({ question: '  ' }))
      .thenError('BAD_USER_INPUT', 'question');
    spec
      .given([sent, round1])
      .when(ask({ criterionCode: '9.9' }))
      .thenError('BAD_USER_INPUT', 'criterionCode');
    spec
      .given([sent, round1])
      .when(ask({ criterionCode: '2.2' }))
      .thenError('BAD_USER_INPUT', 'criterionCode');
    spec
      .given([sent, round1])
      .when(ask({ context: contextFor('CAT') }))
      .thenError('NOT_FOUND', 'agencyCode');
    spec
      .given([
        sent,
        round1,
        { type: 'AssessmentFinalized', schemaVersion: 1, data: { year: 2024, agencyCode: 'SYT', group: 'DEPARTMENT', totalPoints: 0, applicableMaxPoints: 0 } },
      ])
      .when(ask())
      .thenError('INVALID_STATE');
    // A request that was never answered and is past due may be followed by a new one.
    expect(
      spec
        .given([sent, round1, requested])
        .when(ask({ context: at(6), dueAt: daysFromNow(8) }))
        .events(),
    ).toHaveLength(1);
  });

  it('the agency answers until dueAt, even after the self-assessment deadline: ExplanationSubmitted', () => {
    // The self-assessment closes 10 days after NOW; the request is due 12 days after.
    const late: AssessmentEvent = { ...requested, data: { ...requested.data, dueAt: daysFromNow(12).toISOString() } } as AssessmentEvent;
    spec
      .given([sent, round1, late])
      .when(answer({ context: at(11) }))
      .then([answered]);
    const state = spec.given([sent, round1, requested, { event: answered, recordedAt: '2025-03-03T00:00:00.000Z' }]).state;
    expect(state.leaves['1.1'].explanations).toEqual([
      {
        question: 'Kế hoạch ban hành muộn?',
        dueAt: due,
        requestedAt: '2025-01-15T08:00:00.000Z',
        answeredAt: '2025-03-03T00:00:00.000Z',
        text: 'Ban hành đúng hạn',
        evidence: ['KH số 5/KH-SYT'],
        revisedPoints: 21_000,
      },
    ]);
  });

  it('answering: refusals, and an EXPLANATION extension', () => {
    spec
      .given([sent, round1, requested])
      .when(answer({ context: at(5.5) }))
      .thenError('DEADLINE_PASSED', 'criterionCode');
    expect(
      spec
        .given([sent, round1, requested])
        .when(answer({ context: at(5.5, explanationExtension(daysFromNow(7))) }))
        .events(),
    ).toHaveLength(1);
    spec.given([sent, round1]).when(answer()).thenError('INVALID_STATE'); // nothing asked
    spec.given([sent, round1, requested, answered]).when(answer()).thenError('INVALID_STATE'); // already answered
    spec
      .given([sent, round1, requested])
      .when(answer({ text: ' ' }))
      .thenError('BAD_USER_INPUT', 'text');
    spec
      .given([sent, round1, requested])
      .when(answer({ revisedPoints: 2.2501 }))
      .thenError('BAD_USER_INPUT', 'revisedPoints');
    spec
      .given([sent, round1, requested])
      .when(answer({ criterionCode: '9.9' }))
      .thenError('BAD_USER_INPUT', 'criterionCode');
  });

  it('round 2 waits for the answer or for dueAt (and its extension): INVALID_STATE before', () => {
    const waiting = spec.given([sent, round1, requested]);
    const error = waiting.when(round2(at(1))).thenError('INVALID_STATE');
    expect(error.message).toContain('waits for SYT');
    expect(
      spec
        .given([sent, round1, requested, answered])
        .when(round2(at(1)))
        .events(),
    ).toHaveLength(1);
    expect(waiting.when(round2(at(5.5))).events()).toHaveLength(1);
    waiting.when(round2(at(5.5, explanationExtension(daysFromNow(7))))).thenError('INVALID_STATE');
    // Round 1 may still be corrected meanwhile.
    expect(waiting.when({ ...round2(at(1)), round: 1 }).events()[0].type).toBe('AppraisalCorrected');
  });

  it('asking is the appraiser’s, answering the agency officer’s for their own agency', () => {
    const code = (actor: { sub: string; name: string; agency: string | null; roles: string[] }, command: 'RequestExplanation' | 'SubmitExplanation') => {
      try {
        authorize(actor, command, { agencyCode: 'SYT' });
        return 'allowed';
      } catch (e) {
        return (e as DomainError).code;
      }
    };
    expect(code({ sub: 'a', name: 'A', agency: 'SNV', roles: ['APPRAISER'] }, 'RequestExplanation')).toBe('allowed');
    expect(code({ sub: 'a', name: 'A', agency: 'SYT', roles: ['AGENCY_OFFICER'] }, 'RequestExplanation')).toBe('FORBIDDEN');
    expect(code({ sub: 'a', name: 'A', agency: 'SYT', roles: ['AGENCY_OFFICER'] }, 'SubmitExplanation')).toBe('allowed');
    expect(code({ sub: 'a', name: 'A', agency: 'SXD', roles: ['AGENCY_OFFICER'] }, 'SubmitExplanation')).toBe('FORBIDDEN');
    expect(code({ sub: 'a', name: 'A', agency: 'SNV', roles: ['COORDINATOR'] }, 'SubmitExplanation')).toBe('FORBIDDEN');
  });
});
