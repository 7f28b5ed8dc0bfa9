import { authorize } from '../../src/auth/authorization';
import { assessmentDecider, type AssessmentContext } from '../../src/domain/assessment/assessmentDecider';
import type { LodgeComplaint, ResolveComplaint } from '../../src/domain/assessment/complaints';
import type { ReopenAssessment } from '../../src/domain/assessment/reopening';
import { DomainError } from '../../src/domain/errors';
import { event, type AssessmentEvent } from '../../src/events/parEvents';
import { appraised, contextFor, daysFromNow, finalized, openedCycle, selfSubmitted, surveyRecorded } from './fixtures';
import { specFor } from './givenWhenThen';

const spec = specFor(assessmentDecider);

const PUBLISHED_AT = daysFromNow(50).toISOString();
/** The DEPARTMENT ranking of 2024 was published 50 days after NOW (after the appraisal deadline at NOW + 40). */
const published = (overrides: Partial<AssessmentContext> = {}): AssessmentContext =>
  contextFor('SYT', {
    cycle: openedCycle({ published: { DEPARTMENT: { publishedAt: PUBLISHED_AT, republications: 0 } } }),
    now: daysFromNow(55),
    ...overrides,
  });

/** SYT finalised at 9.3 of 10.1734: 2.1 was appraised at 3 of 3.1234. */
const FINALIZED_SYT: AssessmentEvent[] = [
  selfSubmitted('SYT', [
    { criterionCode: '1.1', points: 2 },
    { criterionCode: '1.2.1', points: 0.1 },
    { criterionCode: '1.2.2', points: 0.2, appraiserCode: 'STP' },
    { criterionCode: '2.1', points: 3.1234, appraiserCode: 'STP' },
  ]),
  appraised('SYT', '1.1', 1, 2),
  appraised('SYT', '1.2.1', 1, 0.1),
  appraised('SYT', '1.2.2', 1, 0.2, 'STP'),
  appraised('SYT', '2.1', 1, 3, 'STP'),
  surveyRecorded('SYT', [{ criterionCode: '2.2', points: 4 }]),
  finalized('SYT', 9.3, 10.1734),
];

const lodge = (overrides: Partial<LodgeComplaint> = {}): LodgeComplaint => ({
  type: 'LodgeComplaint',
  context: published(),
  criterionCode: '2.1',
  text: '  Đơn vị đã rà soát đủ văn bản, đề nghị chấm lại  ',
  complaintDays: 15,
  ...overrides,
});
const lodged = (complaintId = 'KN-1', criterionCode = '2.1'): AssessmentEvent =>
  event('ComplaintLodged', {
    year: 2024,
    agencyCode: 'SYT',
    complaintId,
    criterionCode,
    text: 'Đơn vị đã rà soát đủ văn bản, đề nghị chấm lại',
    publishedAt: PUBLISHED_AT,
  });
const resolve = (overrides: Partial<ResolveComplaint> = {}): ResolveComplaint => ({
  type: 'ResolveComplaint',
  context: published(),
  complaintId: 'KN-1',
  outcome: 'UPHELD',
  comment: null,
  ...overrides,
});
const reopen = (overrides: Partial<ReopenAssessment> = {}): ReopenAssessment => ({
  type: 'ReopenAssessment',
  context: published(),
  reason: 'Khiếu nại KN-1 được chấp nhận',
  ...overrides,
});
const reopened = event('AssessmentReopened', {
  year: 2024,
  agencyCode: 'SYT',
  group: 'DEPARTMENT',
  reason: 'Khiếu nại KN-1 được chấp nhận',
  previousTotalPoints: 9.3,
  previousApplicableMaxPoints: 10.1734,
});

const forbidden = (fn: () => unknown) => expect(fn).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }) as DomainError);

describe('lodgeComplaint: an agency complains about its published result', () => {
  it('within the complaint period of the publication: ComplaintLodged, numbered KN-1, KN-2, … with the publication it answers', () => {
    spec.given(FINALIZED_SYT).when(lodge()).then([lodged()]);
    spec
      .given([...FINALIZED_SYT, lodged()])
      .when(lodge({ criterionCode: '1' }))
      .then([lodged('KN-2', '1')]);
  });

  it('on the last moment of the period it is received; a moment later DEADLINE_PASSED', () => {
    const lastMoment = new Date(Date.parse(PUBLISHED_AT) + 15 * 24 * 3600 * 1000);
    spec
      .given(FINALIZED_SYT)
      .when(lodge({ context: published({ now: lastMoment }) }))
      .then([lodged()]);
    spec
      .given(FINALIZED_SYT)
      .when(lodge({ context: published({ now: new Date(lastMoment.getTime() + 1) }) }))
      .thenError('DEADLINE_PASSED', 'year');
  });

  it('the period follows the configured number of days', () => {
    spec
      .given(FINALIZED_SYT)
      .when(lodge({ complaintDays: 3 }))
      .thenError('DEADLINE_PASSED');
  });

  it('before the group’s ranking is published: INVALID_STATE', () => {
    spec
      .given(FINALIZED_SYT)
      .when(lodge({ context: contextFor('SYT') }))
      .thenError('INVALID_STATE');
  });

  it('a code outside the framework, or no text: BAD_USER_INPUT naming the field', () => {
    spec
      .given(FINALIZED_SYT)
      .when(lodge({ criterionCode: '9.9' }))
      .thenError('BAD_USER_INPUT', 'criterionCode');
    spec
      .given(FINALIZED_SYT)
      .when(lodge({ text: '   ' }))
      .thenError('BAD_USER_INPUT', 'text');
  });

  it('only the agency’s own officer lodges it', () => {
    expect(
      authorize({ sub: 'officer.syt', name: 'officer.syt', roles: ['AGENCY_OFFICER'], agency: 'SYT' }, 'LodgeComplaint', { agencyCode: 'SYT' }).agency,
    ).toBe('SYT');
    forbidden(() => authorize({ sub: 'officer.sxd', name: 'officer.sxd', roles: ['AGENCY_OFFICER'], agency: 'SXD' }, 'LodgeComplaint', { agencyCode: 'SYT' }));
    forbidden(() => authorize({ sub: 'coordinator', name: 'coordinator', roles: ['COORDINATOR'], agency: 'SNV' }, 'LodgeComplaint', { agencyCode: 'SYT' }));
  });
});

describe('resolveComplaint: the coordinator answers', () => {
  it('UPHELD needs no comment; REJECTED says why', () => {
    spec
      .given([...FINALIZED_SYT, lodged()])
      .when(resolve())
      .then([event('ComplaintResolved', { year: 2024, agencyCode: 'SYT', complaintId: 'KN-1', criterionCode: '2.1', outcome: 'UPHELD', comment: null })]);
    spec
      .given([...FINALIZED_SYT, lodged()])
      .when(resolve({ outcome: 'REJECTED', comment: null }))
      .thenError('BAD_USER_INPUT', 'comment');
    const state = spec.given([
      ...FINALIZED_SYT,
      lodged(),
      event('ComplaintResolved', { year: 2024, agencyCode: 'SYT', complaintId: 'KN-1', criterionCode: '2.1', outcome: 'REJECTED', comment: 'Thiếu tài liệu' }),
    ]).state;
    expect(state.complaints).toEqual([expect.objectContaining({ id: 'KN-1', outcome: 'REJECTED', comment: 'Thiếu tài liệu', resolvedAt: expect.any(String) })]);
  });

  it('an unknown complaint: NOT_FOUND on complaintId; one already resolved: INVALID_STATE', () => {
    spec
      .given([...FINALIZED_SYT, lodged()])
      .when(resolve({ complaintId: 'KN-7' }))
      .thenError('NOT_FOUND', 'complaintId');
    spec
      .given([
        ...FINALIZED_SYT,
        lodged(),
        event('ComplaintResolved', { year: 2024, agencyCode: 'SYT', complaintId: 'KN-1', criterionCode: '2.1', outcome: 'UPHELD', comment: null }),
      ])
      .when(resolve())
      .thenError('INVALID_STATE');
  });

  it('is the coordinator’s: an agency officer or appraiser is FORBIDDEN', () => {
    forbidden(() => authorize({ sub: 'officer.syt', name: 'officer.syt', roles: ['AGENCY_OFFICER'], agency: 'SYT' }, 'ResolveComplaint'));
    forbidden(() => authorize({ sub: 'appraiser.stp', name: 'appraiser.stp', roles: ['APPRAISER'], agency: 'STP' }, 'ResolveComplaint'));
  });
});

describe('reopenAssessment: a correction after finalisation', () => {
  it('a finalised assessment reopens with the result it had; the state is under appraisal again', () => {
    spec.given(FINALIZED_SYT).when(reopen()).then([reopened]);
    const state = spec.given([...FINALIZED_SYT, reopened]).state;
    expect(state.status).toBe('UNDER_APPRAISAL');
    expect(state.reopenings).toEqual([
      { reason: 'Khiếu nại KN-1 được chấp nhận', reopenedAt: expect.any(String), previousTotalPoints: 9.3, previousApplicableMaxPoints: 10.1734 },
    ]);
  });

  it('once reopened, the appraiser corrects past the appraisal deadline and the coordinator finalises the corrected total', () => {
    const correct = {
      type: 'AppraiseCriterion' as const,
      context: published(),
      criterionCode: '2.1',
      round: 1,
      points: 3.1234,
      comment: 'Chấm lại theo khiếu nại KN-1',
      appraiserAgency: 'STP',
    };
    spec.given(FINALIZED_SYT).when(correct).thenError('INVALID_STATE');
    const [corrected] = spec
      .given([...FINALIZED_SYT, reopened])
      .when(correct)
      .events();
    expect(corrected).toMatchObject({ type: 'AppraisalCorrected', data: { points: 3.1234, previousPoints: 3 } });
    spec
      .given([...FINALIZED_SYT, reopened, corrected])
      .when({ type: 'FinalizeAssessment', context: published() })
      .then([finalized('SYT', 9.4234, 10.1734)]);
  });

  it('without reopening, an unfinalised assessment past the appraisal deadline stays closed: DEADLINE_PASSED', () => {
    spec
      .given(FINALIZED_SYT.slice(0, -1))
      .when({ type: 'AppraiseCriterion', context: published(), criterionCode: '2.1', round: 1, points: 3.1, comment: null, appraiserAgency: 'STP' })
      .thenError('DEADLINE_PASSED');
  });

  it('an assessment that is not finalised, or no reason: refused', () => {
    spec.given(FINALIZED_SYT.slice(0, -1)).when(reopen()).thenError('INVALID_STATE');
    spec
      .given([...FINALIZED_SYT, reopened])
      .when(reopen())
      .thenError('INVALID_STATE');
    spec
      .given(FINALIZED_SYT)
      .when(reopen({ reason: ' ' }))
      .thenError('BAD_USER_INPUT', 'reason');
  });

  it('is the coordinator’s: an appraiser or agency officer is FORBIDDEN', () => {
    forbidden(() => authorize({ sub: 'appraiser.snv', name: 'appraiser.snv', roles: ['APPRAISER'], agency: 'SNV' }, 'ReopenAssessment'));
    forbidden(() => authorize({ sub: 'officer.syt', name: 'officer.syt', roles: ['AGENCY_OFFICER'], agency: 'SYT' }, 'ReopenAssessment'));
  });
});
