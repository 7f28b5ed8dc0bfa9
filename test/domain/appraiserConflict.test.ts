import { assessmentDecider, type AppraiseCriterion } from '../../src/domain/assessment/assessmentDecider';
import type { AssignAppraiser } from '../../src/domain/assessment/appraiserAssignment';
import type { RequestExplanation } from '../../src/domain/assessment/explanations';
import type { DomainError } from '../../src/domain/errors';
import { authorize } from '../../src/auth/authorization';
import type { AssessmentEvent } from '../../src/events/parEvents';
import { scoreAssessment } from '../../src/domain/assessment/scoring';
import { appraised, contextFor, daysFromNow, openedCycle, PARTICIPANTS, selfSubmitted, smallFramework } from './fixtures';
import { specFor } from './givenWhenThen';

const spec = specFor(assessmentDecider);

/** SNV appraises area 1 for the whole group and is itself a participant of the year. */
const withSnv = openedCycle({ participants: [...PARTICIPANTS, { code: 'SNV', name: 'Sở Nội vụ', group: 'DEPARTMENT' }] });
const snv = contextFor('SNV', { cycle: withSnv });
const snvSubmitted = selfSubmitted('SNV', [
  { criterionCode: '1.1', points: 2 },
  { criterionCode: '2.1', points: 3, appraiserCode: 'STP' },
]);

const appraise = (overrides: Partial<AppraiseCriterion> = {}): AppraiseCriterion => ({
  type: 'AppraiseCriterion',
  context: snv,
  criterionCode: '1.1',
  round: 1,
  points: 2,
  appraiserAgency: 'SNV',
  ...overrides,
});

describe('conflicts of interest: an agency never appraises its own self-assessment', () => {
  it('the appraising agency appraising its own leaf: FORBIDDEN, saying why', () => {
    const error = spec.given([snvSubmitted]).when(appraise()).thenError('FORBIDDEN');
    expect(error.message).toMatch(/SNV may not appraise its own self-assessment \(criterion 1\.1\).*assignAppraiser/);
  });

  it('the same appraiser still appraises that leaf for the other agencies, and others appraise the agency’s other leaves', () => {
    const other = spec
      .given([selfSubmitted('SYT', [{ criterionCode: '1.1', points: 2 }])])
      .when(appraise({ context: contextFor('SYT', { cycle: withSnv }) }))
      .events();
    expect(other).toMatchObject([{ type: 'CriterionAppraised', data: { agencyCode: 'SYT', appraiserCode: 'SNV' } }]);
    const stp = spec
      .given([snvSubmitted])
      .when(appraise({ criterionCode: '2.1', points: 3, appraiserAgency: 'STP' }))
      .events();
    expect(stp).toMatchObject([{ type: 'CriterionAppraised', data: { agencyCode: 'SNV', appraiserCode: 'STP' } }]);
  });

  it('nor does it ask itself for an explanation: FORBIDDEN', () => {
    const ask: RequestExplanation = {
      type: 'RequestExplanation',
      context: snv,
      criterionCode: '1.1',
      question: 'Vì sao?',
      dueAt: daysFromNow(5),
      appraiserAgency: 'SNV',
    };
    spec
      .given([snvSubmitted, appraised('SNV', '1.1', 1, 2, 'STP')])
      .when(ask)
      .thenError('FORBIDDEN');
  });
});

describe('assignAppraiser: the coordinator names another appraiser for an agency’s leaves', () => {
  const assign = (overrides: Partial<AssignAppraiser> = {}): AssignAppraiser => ({
    type: 'AssignAppraiser',
    context: snv,
    criterionCodes: ['1.1'],
    appraiserCode: 'STP',
    reason: '  Sở Nội vụ không tự thẩm định ',
    appraiserRegistered: true,
    ...overrides,
  });
  const assigned: AssessmentEvent = {
    type: 'AppraiserAssigned',
    schemaVersion: 1,
    data: {
      year: 2024,
      agencyCode: 'SNV',
      appraiserCode: 'STP',
      reason: 'Sở Nội vụ không tự thẩm định',
      criteria: [{ criterionCode: '1.1', previousAppraiserCode: 'SNV' }],
    },
  };

  it('AppraiserAssigned names each leaf with its previous appraiser and the reason', () => {
    spec.given([snvSubmitted]).when(assign()).then([assigned]);
    // Before the agency submits too.
    expect(spec.given([]).when(assign()).events()).toEqual([assigned]);
  });

  it('evolves: the leaf’s appraiser is the named one', () => {
    expect(spec.given([snvSubmitted, assigned]).state.appraisers).toEqual({ '1.1': 'STP' });
  });

  it('from then on only the named appraiser appraises the leaf, and its appraisals carry its code', () => {
    const given = spec.given([snvSubmitted, assigned]);
    const [appraisal] = given.when(appraise({ appraiserAgency: 'STP' })).events();
    expect(appraisal).toMatchObject({ type: 'CriterionAppraised', data: { criterionCode: '1.1', appraiserCode: 'STP' } });
    expect(given.when(appraise({ appraiserAgency: 'SNV' })).thenError('FORBIDDEN').message).toMatch(/appraised by STP, not by SNV/);
  });

  it('a reassigned leaf of another agency: the framework’s appraiser is refused, the named one appraises and asks', () => {
    const syt = contextFor('SYT', { cycle: withSnv });
    const given = spec.given([
      selfSubmitted('SYT', [{ criterionCode: '1.1', points: 2 }]),
      { ...assigned, data: { ...assigned.data, agencyCode: 'SYT', appraiserCode: 'SXD' } },
      appraised('SYT', '1.1', 1, 2, 'SXD'),
    ]);
    given.when(appraise({ context: syt, round: 2 })).thenError('FORBIDDEN');
    const ask: RequestExplanation = {
      type: 'RequestExplanation',
      context: syt,
      criterionCode: '1.1',
      question: 'Vì sao?',
      dueAt: daysFromNow(5),
      appraiserAgency: 'SXD',
    };
    expect(given.when(ask).events()).toMatchObject([{ type: 'ExplanationRequested', data: { appraiserCode: 'SXD' } }]);
    given.when({ ...ask, appraiserAgency: 'SNV' }).thenError('FORBIDDEN');
  });

  it('a revision after the assignment owes the leaf to the named appraiser', () => {
    const [revised] = spec
      .given([snvSubmitted, assigned])
      .when({ type: 'SubmitSelfAssessment', context: snv, scores: [{ criterionCode: '1.1', points: 1.5, evidence: ['KH số 1/KH-SNV'] }] })
      .events();
    expect(revised).toMatchObject({ type: 'SelfAssessmentRevised', data: { scores: [{ criterionCode: '1.1', appraiserCode: 'STP' }] } });
  });

  it('the assessed agency itself, or an unregistered agency: BAD_USER_INPUT on appraiserCode', () => {
    spec
      .given([snvSubmitted])
      .when(assign({ appraiserCode: 'SNV' }))
      .thenError('BAD_USER_INPUT', 'appraiserCode');
    spec
      .given([snvSubmitted])
      .when(assign({ appraiserCode: 'XYZ', appraiserRegistered: false }))
      .thenError('BAD_USER_INPUT', 'appraiserCode');
    spec
      .given([snvSubmitted])
      .when(assign({ appraiserCode: 'not a code' }))
      .thenError('BAD_USER_INPUT', 'appraiserCode');
  });

  it('no leaf, an unknown leaf, an inner criterion, a survey leaf, a leaf twice or one the appraiser already has: BAD_USER_INPUT on criterionCodes', () => {
    for (const criterionCodes of [[], ['9.9'], ['1.2'], ['2.2'], ['1.1', '1.1'], ['2.1']]) {
      spec.given([snvSubmitted]).when(assign({ criterionCodes })).thenError('BAD_USER_INPUT', 'criterionCodes');
    }
    spec.given([snvSubmitted, assigned]).when(assign()).thenError('BAD_USER_INPUT', 'criterionCodes');
  });

  it('without a reason: BAD_USER_INPUT on reason', () => {
    spec
      .given([snvSubmitted])
      .when(assign({ reason: '  ' }))
      .thenError('BAD_USER_INPUT', 'reason');
  });

  it('a finalised assessment: INVALID_STATE; an agency not in the cycle: NOT_FOUND on agencyCode', () => {
    const finalized: AssessmentEvent = {
      type: 'AssessmentFinalized',
      schemaVersion: 1,
      data: { year: 2024, agencyCode: 'SNV', group: 'DEPARTMENT', totalPoints: 0, applicableMaxPoints: 10 },
    };
    spec.given([snvSubmitted, finalized]).when(assign()).thenError('INVALID_STATE');
    spec
      .given([])
      .when(assign({ context: contextFor('SNV') }))
      .thenError('NOT_FOUND', 'agencyCode');
  });

  it('is the coordinator’s (or an administrator’s), not an appraiser’s', () => {
    const code = (roles: string[]) => {
      try {
        authorize({ sub: 'a', name: 'A', agency: 'SNV', roles }, 'AssignAppraiser');
        return 'allowed';
      } catch (e) {
        return (e as DomainError).code;
      }
    };
    expect([code(['COORDINATOR']), code(['ADMIN']), code(['APPRAISER']), code(['AGENCY_OFFICER'])]).toEqual(['allowed', 'allowed', 'FORBIDDEN', 'FORBIDDEN']);
  });
});

describe('scoring shows the leaf’s appraiser', () => {
  it('the named appraiser for the reassigned leaf, the framework’s for the others', () => {
    const state = spec.given([
      snvSubmitted,
      {
        type: 'AppraiserAssigned',
        schemaVersion: 1,
        data: {
          year: 2024,
          agencyCode: 'SNV',
          appraiserCode: 'STP',
          reason: 'Xung đột lợi ích',
          criteria: [{ criterionCode: '1.1', previousAppraiserCode: 'SNV' }],
        },
      },
    ]).state;
    const byCode = Object.fromEntries(scoreAssessment(smallFramework.areas, state).criteria.map((c) => [c.code, c.appraiserCode]));
    expect(byCode).toMatchObject({ '1.1': 'STP', '1.2.1': 'SNV', '1.2.2': 'STP', '2.1': 'STP' });
  });
});
