import {
  assessmentDecider,
  type AppraiseCriterion,
  type AssessmentContext,
  type FinalizeAssessment,
  type SelfScoreInput,
  type SubmitSelfAssessment,
} from '../../src/domain/assessment/assessmentDecider';
import type { RecordSurveyScores } from '../../src/domain/assessment/surveyScores';
import type { AssessmentEvent } from '../../src/events/parEvents';
import { appraised, contextFor, DAY, flatFramework, daysFromNow, NOW, openedCycle, selfSubmitted, surveyRecorded } from './fixtures';
import { ofType, specFor } from './givenWhenThen';

const spec = specFor(assessmentDecider);

const submit = (scores: SelfScoreInput[], context: AssessmentContext = contextFor()): SubmitSelfAssessment => ({
  type: 'SubmitSelfAssessment',
  context,
  scores,
});
const appraise = (overrides: Partial<AppraiseCriterion> = {}): AppraiseCriterion => ({
  type: 'AppraiseCriterion',
  context: contextFor(),
  criterionCode: '1.1',
  round: 1,
  points: 2,
  appraiserAgency: 'SNV',
  ...overrides,
});
const survey = (scores: { criterionCode: string; points: number }[], context = contextFor()): RecordSurveyScores => ({
  type: 'RecordSurveyScores',
  context,
  scores,
});
const finalize = (context = contextFor()): FinalizeAssessment => ({ type: 'FinalizeAssessment', context });

/** A valid applicable self score with evidence. */
const score = (criterionCode: string, points: number, extra: Partial<SelfScoreInput> = {}): SelfScoreInput => ({
  criterionCode,
  points,
  evidence: ['QĐ số 12/QĐ-SYT'],
  ...extra,
});

const submitted: AssessmentEvent = selfSubmitted('SYT', [
  { criterionCode: '1.1', points: 2 },
  { criterionCode: '1.2.1', points: 0.1 },
  { criterionCode: '1.2.2', points: 0.2, appraiserCode: 'STP' },
  { criterionCode: '2.1', points: 3, appraiserCode: 'STP' },
]);

describe('assessmentDecider: self-assessment', () => {
  it('a first submission is SelfAssessmentSubmitted, with the appraiser copied from the framework', () => {
    spec
      .given([])
      .when(
        submit([
          score('1.1', 2.25, { evidence: ['  KH số 5/KH-SYT ', '', '   '] }),
          { criterionCode: '1.2.2', points: 0.2, explanation: '  Đang bổ sung tài liệu ' },
          { criterionCode: '2.1', applicable: false, explanation: 'Không ban hành VBQPPL' },
        ]),
      )
      .then([
        {
          type: 'SelfAssessmentSubmitted',
          schemaVersion: 1,
          data: {
            year: 2024,
            agencyCode: 'SYT',
            group: 'DEPARTMENT',
            frameworkCode: 'DEPT-2024',
            scores: [
              { criterionCode: '1.1', applicable: true, points: 2.25, explanation: null, evidence: ['KH số 5/KH-SYT'], appraiserCode: 'SNV' },
              { criterionCode: '1.2.2', applicable: true, points: 0.2, explanation: 'Đang bổ sung tài liệu', evidence: [], appraiserCode: 'STP' },
              { criterionCode: '2.1', applicable: false, points: null, explanation: 'Không ban hành VBQPPL', evidence: [], appraiserCode: 'STP' },
            ],
          },
        },
      ]);
  });

  it('evolves to SUBMITTED with submittedAt from the envelope', () => {
    const state = spec.given([{ event: submitted, recordedAt: '2025-03-02T01:02:03.000Z' }]).state;
    expect(state.status).toBe('SUBMITTED');
    expect(state.submittedAt).toBe('2025-03-02T01:02:03.000Z');
    expect(state.leaves['1.1'].self).toEqual({ applicable: true, points: 20_000, explanation: null, evidence: ['QĐ số 12/QĐ-SYT'] });
  });

  it('a later submission is SelfAssessmentRevised (also while under appraisal)', () => {
    const [event] = spec
      .given([submitted])
      .when(submit([score('1.1', 1.5)]))
      .events();
    expect(event.type).toBe('SelfAssessmentRevised');
    expect(event.data).toMatchObject({ agencyCode: 'SYT', scores: [{ criterionCode: '1.1', points: 1.5 }] });
    const [again] = spec
      .given([submitted, appraised('SYT', '1.1', 1, 2)])
      .when(submit([score('1.1', 1.5)]))
      .events();
    expect(again.type).toBe('SelfAssessmentRevised');
  });

  it('a revision keeps the submission time and the other leaves', () => {
    const revised = selfSubmitted('SYT', [{ criterionCode: '1.1', points: 1 }], undefined, 'SelfAssessmentRevised');
    const state = spec.given([
      { event: submitted, recordedAt: '2025-03-02T00:00:00.000Z' },
      { event: revised, recordedAt: '2025-03-05T00:00:00.000Z' },
    ]).state;
    expect(state.submittedAt).toBe('2025-03-02T00:00:00.000Z');
    expect(state.leaves['1.1'].self?.points).toBe(10_000);
    expect(state.leaves['2.1'].self?.points).toBe(30_000);
  });

  it.each([
    ['above the maximum', 2.2501],
    ['below 0', -0.0001],
    ['with 5 decimals', 0.12345],
    ['not finite', NaN],
  ])('points %s: BAD_USER_INPUT on scores[i].points', (_case, points) => {
    spec
      .given([])
      .when(submit([score('1.2.2', 0.2), score('1.1', points)]))
      .thenError('BAD_USER_INPUT', 'scores[1].points');
  });

  it('accepts the maximum and 0 exactly', () => {
    const [event] = spec
      .given([])
      .when(submit([score('2.1', 3.1234), score('1.1', 0)]))
      .events();
    expect(ofType(event, 'SelfAssessmentSubmitted').data.scores.map((s) => s.points)).toEqual([3.1234, 0]);
  });

  it('requires points on an applicable criterion', () => {
    spec
      .given([])
      .when(submit([{ criterionCode: '1.1', evidence: ['x'] }]))
      .thenError('BAD_USER_INPUT', 'scores[0].points');
    spec
      .given([])
      .when(submit([score('1.1', 1), { criterionCode: '2.1', points: null, evidence: ['x'] }]))
      .thenError('BAD_USER_INPUT', 'scores[1].points');
  });

  it('an unknown criterion: BAD_USER_INPUT on scores[i].criterionCode', () => {
    spec
      .given([])
      .when(submit([score('1.1', 1), score('9.9', 1)]))
      .thenError('BAD_USER_INPUT', 'scores[1].criterionCode');
    spec
      .given([])
      .when(submit([score('1..1', 1)]))
      .thenError('BAD_USER_INPUT', 'scores[0].criterionCode');
  });

  it('an inner (non-leaf) criterion or an area code: BAD_USER_INPUT on scores[i].criterionCode', () => {
    spec
      .given([])
      .when(submit([score('1.2', 0.3)]))
      .thenError('BAD_USER_INPUT', 'scores[0].criterionCode');
    spec
      .given([])
      .when(submit([score('1.1', 1), score('2', 1)]))
      .thenError('BAD_USER_INPUT', 'scores[1].criterionCode');
  });

  it('a survey leaf cannot be self-scored', () => {
    const error = spec
      .given([])
      .when(submit([score('2.2', 4)]))
      .thenError('BAD_USER_INPUT', 'scores[0].criterionCode');
    expect(error.message).toMatch(/survey/);
  });

  it('a criterion listed twice: BAD_USER_INPUT on the second', () => {
    spec
      .given([])
      .when(submit([score('1.1', 1), score('2.1', 1), score('1.1', 2)]))
      .thenError('BAD_USER_INPUT', 'scores[2].criterionCode');
  });

  it('no evidence and no explanation: BAD_USER_INPUT on scores[i].explanation', () => {
    spec
      .given([])
      .when(submit([score('1.1', 1), { criterionCode: '2.1', points: 1 }]))
      .thenError('BAD_USER_INPUT', 'scores[1].explanation');
    spec
      .given([])
      .when(submit([{ criterionCode: '2.1', points: 1, evidence: ['  ', ''], explanation: '   ' }]))
      .thenError('BAD_USER_INPUT', 'scores[0].explanation');
  });

  it('not applicable without an explanation: BAD_USER_INPUT on scores[i].explanation', () => {
    spec
      .given([])
      .when(submit([score('1.1', 1), { criterionCode: '2.1', applicable: false, evidence: ['x'] }]))
      .thenError('BAD_USER_INPUT', 'scores[1].explanation');
  });

  it('not applicable with points: BAD_USER_INPUT on scores[i].points', () => {
    spec
      .given([])
      .when(submit([{ criterionCode: '2.1', applicable: false, points: 0, explanation: 'Không áp dụng' }]))
      .thenError('BAD_USER_INPUT', 'scores[0].points');
  });

  it('the first self-assessment after survey scores is still SelfAssessmentSubmitted', () => {
    const given = [surveyRecorded('SYT', [{ criterionCode: '2.2', points: 4 }])];
    expect(spec.given(given).state.status).toBe('NOT_SUBMITTED');
    expect(
      spec
        .given(given)
        .when(submit([score('1.1', 1)]))
        .events()[0].type,
    ).toBe('SelfAssessmentSubmitted');
  });

  it('evidence or explanation that is too long names its field', () => {
    spec
      .given([])
      .when(submit([score('1.1', 1, { evidence: ['ok', 'x'.repeat(1001)] })]))
      .thenError('BAD_USER_INPUT', 'scores[0].evidence[1]');
    spec
      .given([])
      .when(submit([score('1.1', 1, { explanation: 'x'.repeat(4001) })]))
      .thenError('BAD_USER_INPUT', 'scores[0].explanation');
  });

  it('no scores at all', () => {
    spec.given([]).when(submit([])).thenError('BAD_USER_INPUT', 'scores');
  });

  it('after the self-assessment deadline: DEADLINE_PASSED', () => {
    const late = contextFor('SYT', { now: new Date(daysFromNow(10).getTime() + 1) });
    spec
      .given([])
      .when(submit([score('1.1', 1)], late))
      .thenError('DEADLINE_PASSED', 'year');
    spec
      .given([submitted])
      .when(submit([score('1.1', 1)], late))
      .thenError('DEADLINE_PASSED', 'year');
  });

  it('on the deadline itself it is still accepted', () => {
    const onTime = contextFor('SYT', { now: daysFromNow(10) });
    expect(
      spec
        .given([])
        .when(submit([score('1.1', 1)], onTime))
        .events(),
    ).toHaveLength(1);
  });

  it('an agency that is not a participant of the cycle: NOT_FOUND on agencyCode', () => {
    spec
      .given([])
      .when(submit([score('1.1', 1)], contextFor('CAT')))
      .thenError('NOT_FOUND', 'agencyCode');
  });
});

describe('assessmentDecider: appraisal', () => {
  it('appraises a submitted criterion', () => {
    spec
      .given([submitted])
      .when(appraise({ points: 1.75, comment: '  Thiếu KH kiểm tra ' }))
      .then([
        {
          type: 'CriterionAppraised',
          schemaVersion: 2,
          data: {
            year: 2024,
            agencyCode: 'SYT',
            criterionCode: '1.1',
            round: 1,
            applicable: true,
            points: 1.75,
            comment: 'Thiếu KH kiểm tra',
            appraiserCode: 'SNV',
            actingAgencyCode: 'SNV',
          },
        },
      ]);
  });

  it('the appraiser may judge a criterion not applicable, with a comment', () => {
    const [event] = spec
      .given([submitted])
      .when(appraise({ points: null, applicable: false, comment: 'Không áp dụng' }))
      .events();
    expect(event.data).toMatchObject({ applicable: false, points: null, comment: 'Không áp dụng' });
    spec
      .given([submitted])
      .when(appraise({ points: null, applicable: false }))
      .thenError('BAD_USER_INPUT', 'comment');
    spec
      .given([submitted])
      .when(appraise({ points: 1, applicable: false, comment: 'x' }))
      .thenError('BAD_USER_INPUT', 'points');
  });

  it('points out of range or missing: BAD_USER_INPUT on points', () => {
    spec
      .given([submitted])
      .when(appraise({ points: 2.2501 }))
      .thenError('BAD_USER_INPUT', 'points');
    spec
      .given([submitted])
      .when(appraise({ points: -1 }))
      .thenError('BAD_USER_INPUT', 'points');
    spec
      .given([submitted])
      .when(appraise({ points: 1.00001 }))
      .thenError('BAD_USER_INPUT', 'points');
    spec
      .given([submitted])
      .when(appraise({ points: undefined }))
      .thenError('BAD_USER_INPUT', 'points');
  });

  it('before the self-assessment is submitted: INVALID_STATE', () => {
    spec.given([]).when(appraise()).thenError('INVALID_STATE');
  });

  it('by the appraiser of another agency: FORBIDDEN', () => {
    spec
      .given([submitted])
      .when(appraise({ appraiserAgency: 'STP' }))
      .thenError('FORBIDDEN');
    spec
      .given([submitted])
      .when(appraise({ criterionCode: '2.1', appraiserAgency: 'SNV' }))
      .thenError('FORBIDDEN');
    spec
      .given([submitted])
      .when(appraise({ appraiserAgency: null }))
      .thenError('FORBIDDEN');
  });

  it('the leaf’s own appraiser (inherited or set on the leaf) may appraise', () => {
    const [event] = spec
      .given([submitted])
      .when(appraise({ criterionCode: '1.2.2', points: 0.2, appraiserAgency: 'STP' }))
      .events();
    expect(event.data).toMatchObject({ criterionCode: '1.2.2', appraiserCode: 'STP' });
  });

  it('a survey leaf or an inner criterion cannot be appraised', () => {
    spec
      .given([submitted])
      .when(appraise({ criterionCode: '2.2', appraiserAgency: null }))
      .thenError('BAD_USER_INPUT', 'criterionCode');
    spec
      .given([submitted])
      .when(appraise({ criterionCode: '1.2' }))
      .thenError('BAD_USER_INPUT', 'criterionCode');
  });

  it.each([0, 3, 1.5])('round %p: BAD_USER_INPUT on round', (round) => {
    spec.given([submitted]).when(appraise({ round })).thenError('BAD_USER_INPUT', 'round');
  });

  it('round 2 before round 1: INVALID_STATE', () => {
    const error = spec
      .given([submitted])
      .when(appraise({ round: 2 }))
      .thenError('INVALID_STATE');
    expect(error.details).toEqual({ field: 'round' });
    // round 1 of another criterion does not count
    spec
      .given([submitted, appraised('SYT', '1.2.1', 1, 0.1)])
      .when(appraise({ round: 2 }))
      .thenError('INVALID_STATE');
  });

  it('round 2 after round 1 is a new appraisal', () => {
    const [event] = spec
      .given([submitted, appraised('SYT', '1.1', 1, 1)])
      .when(appraise({ round: 2, points: 2 }))
      .events();
    expect(event.type).toBe('CriterionAppraised');
    expect(event.data).toMatchObject({ round: 2, points: 2 });
  });

  it('the same round again: AppraisalCorrected with the previous points', () => {
    spec
      .given([submitted, appraised('SYT', '1.1', 1, 1.1)])
      .when(appraise({ points: 2.2 }))
      .then([
        {
          type: 'AppraisalCorrected',
          schemaVersion: 2,
          data: {
            year: 2024,
            agencyCode: 'SYT',
            criterionCode: '1.1',
            round: 1,
            applicable: true,
            points: 2.2,
            comment: null,
            appraiserCode: 'SNV',
            actingAgencyCode: 'SNV',
            previousApplicable: true,
            previousPoints: 1.1,
          },
        },
      ]);
    const [corrected] = spec
      .given([submitted, appraised('SYT', '1.1', 1, 1), appraised('SYT', '1.1', 2, null)])
      .when(appraise({ round: 2, points: 0.5 }))
      .events();
    expect(corrected.type).toBe('AppraisalCorrected');
    expect(corrected.data).toMatchObject({ round: 2, points: 0.5, previousApplicable: false, previousPoints: null });
  });

  it('round 1 once round 2 exists: INVALID_STATE', () => {
    const error = spec
      .given([submitted, appraised('SYT', '1.1', 1, 1), appraised('SYT', '1.1', 2, 2)])
      .when(appraise({ round: 1 }))
      .thenError('INVALID_STATE');
    expect(error.details).toEqual({ field: 'round' });
  });

  it('after the appraisal deadline: DEADLINE_PASSED (on the deadline it is accepted)', () => {
    const late = contextFor('SYT', { now: new Date(daysFromNow(40).getTime() + 1) });
    spec
      .given([submitted])
      .when(appraise({ context: late }))
      .thenError('DEADLINE_PASSED', 'year');
    expect(
      spec
        .given([submitted])
        .when(appraise({ context: contextFor('SYT', { now: daysFromNow(40) }) }))
        .events(),
    ).toHaveLength(1);
  });

  it('evolves to UNDER_APPRAISAL; the latest round is kept per index', () => {
    const state = spec.given([
      submitted,
      appraised('SYT', '1.1', 1, 1),
      { event: appraised('SYT', '1.1', 2, 2), recordedAt: '2025-04-01T00:00:00.000Z' },
    ]).state;
    expect(state.status).toBe('UNDER_APPRAISAL');
    expect(state.leaves['1.1'].appraisals.map((a) => a?.points)).toEqual([10_000, 20_000]);
    expect(state.leaves['1.1'].appraisals[1]?.appraisedAt).toBe('2025-04-01T00:00:00.000Z');
  });

  it('an agency that is not a participant: NOT_FOUND', () => {
    spec
      .given([])
      .when(appraise({ context: contextFor('CAT') }))
      .thenError('NOT_FOUND', 'agencyCode');
  });
});

describe('assessmentDecider: survey scores', () => {
  it('records survey points with 4 decimals', () => {
    spec
      .given([])
      .when(survey([{ criterionCode: '2.2', points: 4.4321 }]))
      .then([
        {
          type: 'SurveyScoresRecorded',
          schemaVersion: 2,
          data: { year: 2024, agencyCode: 'SYT', scores: [{ criterionCode: '2.2', points: 4.4321 }], surveyCode: null },
        },
      ]);
    expect(spec.given([surveyRecorded('SYT', [{ criterionCode: '2.2', points: 4.4321 }])]).state.leaves['2.2'].survey).toBe(44_321);
  });

  it('a self-assessed leaf cannot get survey points', () => {
    spec
      .given([])
      .when(
        survey([
          { criterionCode: '2.2', points: 1 },
          { criterionCode: '1.1', points: 1 },
        ]),
      )
      .thenError('BAD_USER_INPUT', 'scores[1].criterionCode');
  });

  it('points out of range or with 5 decimals: BAD_USER_INPUT on scores[i].points', () => {
    spec
      .given([])
      .when(survey([{ criterionCode: '2.2', points: 4.43215 }]))
      .thenError('BAD_USER_INPUT', 'scores[0].points');
    spec
      .given([])
      .when(survey([{ criterionCode: '2.2', points: 4.5001 }]))
      .thenError('BAD_USER_INPUT', 'scores[0].points');
  });

  it('duplicate, unknown or no scores', () => {
    spec
      .given([])
      .when(
        survey([
          { criterionCode: '2.2', points: 1 },
          { criterionCode: '2.2', points: 2 },
        ]),
      )
      .thenError('BAD_USER_INPUT', 'scores[1].criterionCode');
    spec
      .given([])
      .when(survey([{ criterionCode: '7.7', points: 1 }]))
      .thenError('BAD_USER_INPUT', 'scores[0].criterionCode');
    spec.given([]).when(survey([])).thenError('BAD_USER_INPUT', 'scores');
  });
});

describe('assessmentDecider: finalization', () => {
  const fullyScored: AssessmentEvent[] = [
    selfSubmitted('SYT', [
      { criterionCode: '1.1', points: 2.25 },
      { criterionCode: '1.2.1', points: 0.1 },
      { criterionCode: '1.2.2', points: 0.2, appraiserCode: 'STP' },
      { criterionCode: '2.1', points: 3.1234, appraiserCode: 'STP' },
    ]),
    appraised('SYT', '1.1', 1, 2),
    appraised('SYT', '1.1', 2, 2.25),
    appraised('SYT', '1.2.1', 1, 0.1),
    appraised('SYT', '1.2.2', 1, 0.2, 'STP'),
    appraised('SYT', '2.1', 1, 3.1234, 'STP'),
    surveyRecorded('SYT', [{ criterionCode: '2.2', points: 4.4321 }]),
  ];

  it('with unscored leaves: INVALID_STATE naming them', () => {
    const error = spec
      .given([submitted, appraised('SYT', '1.1', 1, 2), appraised('SYT', '1.2.2', 1, 0.2, 'STP')])
      .when(finalize())
      .thenError('INVALID_STATE');
    expect(error.details).toEqual({ unscored: ['1.2.1', '2.1', '2.2'] });
    for (const code of ['1.2.1', '2.1', '2.2']) expect(error.message).toContain(code);
    expect(error.message).not.toMatch(/\b1\.1\b/);
  });

  it('names at most 20 unscored codes in the message; details list them all', () => {
    const codes = Array.from({ length: 22 }, (_, i) => `1.${i + 1}`);
    const framework = flatFramework(
      'BIG-2024',
      codes.map((code) => ({ code, maxPoints: 1 })),
    );
    const error = spec
      .given([])
      .when(finalize(contextFor('SYT', { framework })))
      .thenError('INVALID_STATE');
    expect(error.details).toEqual({ unscored: codes });
    expect(error.message).toContain('1.20 and 2 more');
    expect(error.message).not.toContain('1.21');
  });

  it('without any submission: INVALID_STATE listing every leaf', () => {
    const error = spec.given([]).when(finalize()).thenError('INVALID_STATE');
    expect(error.details).toEqual({ unscored: ['1.1', '1.2.1', '1.2.2', '2.1', '2.2'] });
  });

  it('gives exact totals (2.25 + 0.1 + 0.2 + 3.1234 + 4.4321 = 10.1055 of 10.1734)', () => {
    spec
      .given(fullyScored)
      .when(finalize())
      .then([
        {
          type: 'AssessmentFinalized',
          schemaVersion: 1,
          data: { year: 2024, agencyCode: 'SYT', group: 'DEPARTMENT', totalPoints: 10.1055, applicableMaxPoints: 10.1734 },
        },
      ]);
  });

  it('leaves judged not applicable are left out of the applicable maximum', () => {
    const events = [...fullyScored, appraised('SYT', '1.2.1', 1, null)];
    const [event] = spec.given(events).when(finalize()).events();
    expect(event.data).toMatchObject({ totalPoints: 10.0055, applicableMaxPoints: 10.0734 });
  });

  it('evolves to FINALIZED with finalizedAt from the envelope', () => {
    const [event] = spec.given(fullyScored).when(finalize()).events();
    const state = spec.given([...fullyScored, { event, recordedAt: '2025-05-01T00:00:00.000Z' }]).state;
    expect(state.status).toBe('FINALIZED');
    expect(state.finalizedAt).toBe('2025-05-01T00:00:00.000Z');
  });

  describe('anything after finalization: INVALID_STATE', () => {
    const done = () => {
      const [event] = spec.given(fullyScored).when(finalize()).events();
      return [...fullyScored, event];
    };
    it('self-assessment', () =>
      void spec
        .given(done())
        .when(submit([score('1.1', 1)]))
        .thenError('INVALID_STATE'));
    it('appraisal (a correction of round 2)', () =>
      void spec
        .given(done())
        .when(appraise({ round: 2, points: 1 }))
        .thenError('INVALID_STATE'));
    it('survey scores', () =>
      void spec
        .given(done())
        .when(survey([{ criterionCode: '2.2', points: 1 }]))
        .thenError('INVALID_STATE'));
    it('finalization', () => void spec.given(done()).when(finalize()).thenError('INVALID_STATE'));
    it('an appraisal event arriving anyway does not reopen it', () => {
      const state = spec.given([...done(), appraised('SYT', '1.1', 2, 1)]).state;
      expect(state.status).toBe('FINALIZED');
    });
  });

  it('an agency that is not a participant: NOT_FOUND', () => {
    spec
      .given([])
      .when(finalize(contextFor('CAT')))
      .thenError('NOT_FOUND', 'agencyCode');
  });
});

describe('assessmentDecider: context', () => {
  it('the cycle year is copied into every event', () => {
    const context = contextFor('SYT', { cycle: openedCycle({ year: 2023 }) });
    expect(
      spec
        .given([])
        .when(submit([score('1.1', 1)], context))
        .events()[0].data.year,
    ).toBe(2023);
    expect(NOW.getTime() + 10 * DAY).toBe(Date.parse(context.cycle.selfAssessmentDeadline));
  });
});
