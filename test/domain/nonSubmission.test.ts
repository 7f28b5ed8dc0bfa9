import { authorize } from '../../src/auth/authorization';
import { assessmentDecider, type AssessmentContext, type SelfScoreInput } from '../../src/domain/assessment/assessmentDecider';
import type { RecordNonSubmission } from '../../src/domain/assessment/nonSubmission';
import { scoreAssessment } from '../../src/domain/assessment/scoring';
import type { OpenedCycle } from '../../src/domain/cycle/cycle';
import { DomainError } from '../../src/domain/errors';
import { fromPoints } from '../../src/domain/points';
import { event, type AssessmentEvent } from '../../src/events/parEvents';
import { NOW, contextFor, daysFromNow, finalized, openedCycle, selfSubmitted, smallFramework, surveyRecorded } from './fixtures';
import { specFor } from './givenWhenThen';

const spec = specFor(assessmentDecider);

/** Eleven days after NOW: the small cycle's self-assessment deadline (NOW + 10 days) has passed. */
const AFTER = daysFromNow(11);
const DEADLINE = daysFromNow(10).toISOString();

const after = (overrides: Partial<AssessmentContext> = {}): AssessmentContext => contextFor('SYT', { now: AFTER, ...overrides });
const record = (reason = '  Không gửi báo cáo tự đánh giá dù đã được nhắc bằng Công văn số 45/SNV  ', context = after()): RecordNonSubmission => ({
  type: 'RecordNonSubmission',
  context,
  reason,
});

const REASON = 'Không gửi báo cáo tự đánh giá dù đã được nhắc bằng Công văn số 45/SNV';
const recorded = (deadline = DEADLINE): AssessmentEvent =>
  event('NonSubmissionRecorded', { year: 2024, agencyCode: 'SYT', group: 'DEPARTMENT', frameworkCode: 'DEPT-2024', reason: REASON, deadline });

const draftSaved: AssessmentEvent = event('SelfAssessmentDraftSaved', {
  year: 2024,
  agencyCode: 'SYT',
  group: 'DEPARTMENT',
  frameworkCode: 'DEPT-2024',
  scores: [{ criterionCode: '1.1', applicable: true, points: 2, explanation: null, evidence: ['QĐ số 12/QĐ-SYT'], appraiserCode: 'SNV' }],
});

const withExtension = (until: Date): OpenedCycle =>
  openedCycle({
    extensions: [{ agencyCode: 'SYT', phase: 'SELF_ASSESSMENT', until: until.toISOString(), reason: 'Gia hạn', grantedAt: NOW.toISOString() }],
  });

describe('recordNonSubmission: an agency that never sends its self-assessment', () => {
  it('after the effective deadline, with nothing sent: NonSubmissionRecorded with the reason (trimmed) and the deadline that passed', () => {
    spec.given([]).when(record()).then([recorded()]);
  });

  it('a saved draft is not a submission: the record is accepted, the assessment is NOT_SUBMITTED again and the draft counts for nothing', () => {
    spec.given([draftSaved]).when(record()).then([recorded()]);
    const state = spec.given([draftSaved, recorded()]).state;
    expect(state.status).toBe('NOT_SUBMITTED');
    expect(state.nonSubmission).toEqual({ reason: REASON, recordedAt: expect.any(String), deadline: DEADLINE });
    expect(state.draft['1.1']).toBeDefined(); // kept as the agency left it, ignored by scoring
    expect(fromPoints(scoreAssessment(smallFramework.areas, state).totalPoints)).toBe(0);
  });

  it('self-assessed leaves score 0, survey leaves count as recorded (before or after): finalised with survey points only', () => {
    const state = spec.given([
      surveyRecorded('SYT', [{ criterionCode: '2.2', points: 1 }]),
      recorded(),
      surveyRecorded('SYT', [{ criterionCode: '2.2', points: 3.7777 }]),
    ]).state;
    const result = scoreAssessment(smallFramework.areas, state);
    expect(result.criteria.map((c) => [c.code, c.finalPoints === null ? null : fromPoints(c.finalPoints), c.applicable])).toEqual([
      ['1.1', 0, true],
      ['1.2.1', 0, true],
      ['1.2.2', 0, true],
      ['2.1', 0, true],
      ['2.2', 3.7777, true],
    ]);
    expect(result.unscored).toEqual([]);
    spec
      .given([recorded(), surveyRecorded('SYT', [{ criterionCode: '2.2', points: 3.7777 }])])
      .when({ type: 'FinalizeAssessment', context: after() })
      .then([finalized('SYT', 3.7777, 10.1734)]);
  });

  it('finalisation still waits for the survey result: the one decision that can still come', () => {
    const error = spec.given([recorded()]).when({ type: 'FinalizeAssessment', context: after() }).thenError('INVALID_STATE');
    expect(error.details).toMatchObject({ unscored: ['2.2'] });
  });

  it('an amended (earlier) year deadline counts: recorded as soon as it has passed', () => {
    const cycle = openedCycle({ selfAssessmentDeadline: daysFromNow(-1).toISOString() });
    spec
      .given([])
      .when(record(undefined, contextFor('SYT', { cycle })))
      .then([recorded(daysFromNow(-1).toISOString())]);
  });

  it('refused before the deadline and on the deadline itself (INVALID_STATE: the agency may still submit)', () => {
    const early = spec
      .given([])
      .when(record(undefined, contextFor('SYT')))
      .thenError('INVALID_STATE');
    expect(early.message).toMatch(/has not passed/);
    spec
      .given([])
      .when(record(undefined, contextFor('SYT', { now: daysFromNow(10) })))
      .thenError('INVALID_STATE');
  });

  it('refused while the agency’s SELF_ASSESSMENT extension runs; accepted once it has passed', () => {
    const cycle = withExtension(daysFromNow(15));
    spec
      .given([])
      .when(record(undefined, after({ cycle })))
      .thenError('INVALID_STATE');
    spec
      .given([])
      .when(record(undefined, after({ cycle, now: daysFromNow(16) })))
      .then([recorded(daysFromNow(15).toISOString())]);
  });

  it('refused when the agency submitted (INVALID_STATE), when already recorded (INVALID_STATE) and once finalised', () => {
    const sent = selfSubmitted('SYT', [{ criterionCode: '1.1', points: 2 }]);
    expect(spec.given([sent]).when(record()).thenError('INVALID_STATE').message).toMatch(/submitted/);
    expect(spec.given([recorded()]).when(record()).thenError('INVALID_STATE').message).toMatch(/already recorded/);
    spec
      .given([recorded(), surveyRecorded('SYT', [{ criterionCode: '2.2', points: 1 }]), finalized('SYT', 1, 10.1734)])
      .when(record())
      .thenError('INVALID_STATE');
  });

  it('refuses a missing or blank reason (BAD_USER_INPUT on reason)', () => {
    spec.given([]).when(record('   ')).thenError('BAD_USER_INPUT', 'reason');
    spec
      .given([])
      .when(record(null as unknown as string))
      .thenError('BAD_USER_INPUT', 'reason');
  });

  it('refuses an agency the cycle does not assess (NOT_FOUND on agencyCode)', () => {
    spec
      .given([])
      .when(record(undefined, contextFor('CAT', { now: AFTER })))
      .thenError('NOT_FOUND', 'agencyCode');
  });

  it('closes the self-assessment for good: no draft, no submission, even under an extension granted afterwards', () => {
    const scores: SelfScoreInput[] = [{ criterionCode: '1.1', points: 2, evidence: ['QĐ số 12/QĐ-SYT'] }];
    const extended = after({ cycle: withExtension(daysFromNow(30)) });
    spec.given([recorded()]).when({ type: 'SubmitSelfAssessment', context: extended, scores }).thenError('INVALID_STATE');
    spec.given([recorded()]).when({ type: 'SaveSelfAssessmentDraft', context: extended, scores }).thenError('INVALID_STATE');
    // With nothing submitted there is nothing to appraise either.
    spec
      .given([recorded()])
      .when({ type: 'AppraiseCriterion', context: after(), criterionCode: '1.1', round: 1, points: 1, appraiserAgency: 'SNV' })
      .thenError('INVALID_STATE');
  });

  it('only a COORDINATOR or ADMIN may record it (FORBIDDEN otherwise)', () => {
    const code = (roles: string[]) => {
      try {
        authorize({ sub: 'x', name: 'X', agency: 'SNV', roles }, 'RecordNonSubmission', { agencyCode: 'SYT' });
        return 'allowed';
      } catch (e) {
        return (e as DomainError).code;
      }
    };
    expect(code(['COORDINATOR'])).toBe('allowed');
    expect(code(['ADMIN'])).toBe('allowed');
    for (const roles of [['AGENCY_OFFICER'], ['APPRAISER'], ['ANALYST']]) expect(code(roles)).toBe('FORBIDDEN');
  });
});
