import { assessmentDecider, type AppraiseCriterion, type SubmitSelfAssessment } from '../../src/domain/assessment/assessmentDecider';
import { cycleDecider, type AmendCycleSchedule, type GrantExtension } from '../../src/domain/cycle/cycleDecider';
import { effectiveDeadline, hasPassed } from '../../src/domain/cycle/schedule';
import { event, type AssessmentCycleOpened, type CycleEvent } from '../../src/events/parEvents';
import { contextFor, daysFromNow, NOW, PARTICIPANTS, selfSubmitted } from './fixtures';
import { GIVEN_AT, specFor } from './givenWhenThen';

const spec = specFor(cycleDecider);

const SELF = daysFromNow(10).toISOString();
const APPRAISAL = daysFromNow(40).toISOString();

const opened: AssessmentCycleOpened = event('AssessmentCycleOpened', {
  year: 2024,
  frameworks: [{ group: 'DEPARTMENT', frameworkCode: 'DEPT-2024' }],
  participants: PARTICIPANTS,
  selfAssessmentDeadline: SELF,
  appraisalDeadline: APPRAISAL,
  bands: [],
  groupBands: [],
  endedDuringYear: [],
});

const amend = (overrides: Partial<AmendCycleSchedule> = {}): AmendCycleSchedule => ({
  type: 'AmendCycleSchedule',
  year: 2024,
  selfAssessmentDeadline: daysFromNow(20),
  appraisalDeadline: daysFromNow(50),
  reason: 'UBND tỉnh lùi thời hạn theo Công văn số 123/UBND-NC',
  ...overrides,
});

const published: CycleEvent = event('RankingPublished', {
  year: 2024,
  group: 'DEPARTMENT',
  entries: [],
  decisionNumber: '12/QĐ-UBND',
  decisionDate: '2025-03-01',
});

describe('cycleDecider: amend the schedule', () => {
  it('records the new deadlines with the previous ones and the reason', () => {
    spec
      .given([opened])
      .when(amend({ reason: '  UBND tỉnh lùi thời hạn  ' }))
      .then([
        event('CycleScheduleAmended', {
          year: 2024,
          selfAssessmentDeadline: daysFromNow(20).toISOString(),
          appraisalDeadline: daysFromNow(50).toISOString(),
          previousSelfAssessmentDeadline: SELF,
          previousAppraisalDeadline: APPRAISAL,
          reason: 'UBND tỉnh lùi thời hạn',
        }),
      ]);
  });

  it('evolves: the amended deadlines are the cycle’s, and the amendment is kept', () => {
    const [amended] = spec.given([opened]).when(amend()).events();
    const state = spec.given([opened, { event: amended, recordedAt: '2025-03-02T00:00:00.000Z' }]).state;
    if (!state.opened) throw new Error('not opened');
    expect(state.selfAssessmentDeadline).toBe(daysFromNow(20).toISOString());
    expect(state.appraisalDeadline).toBe(daysFromNow(50).toISOString());
    expect(state.scheduleAmendments).toEqual([
      {
        selfAssessmentDeadline: daysFromNow(20).toISOString(),
        appraisalDeadline: daysFromNow(50).toISOString(),
        previousSelfAssessmentDeadline: SELF,
        previousAppraisalDeadline: APPRAISAL,
        reason: 'UBND tỉnh lùi thời hạn theo Công văn số 123/UBND-NC',
        amendedAt: '2025-03-02T00:00:00.000Z',
      },
    ]);
    expect(effectiveDeadline(state, 'SYT', 'SELF_ASSESSMENT')).toBe(daysFromNow(20).toISOString());
  });

  it('the appraisal deadline may equal the self-assessment deadline', () => {
    expect(
      spec
        .given([opened])
        .when(amend({ appraisalDeadline: daysFromNow(20) }))
        .events(),
    ).toHaveLength(1);
  });

  it('a deadline already past is accepted (a coordinator may close a phase early)', () => {
    expect(
      spec
        .given([opened])
        .when(amend({ selfAssessmentDeadline: daysFromNow(-1) }))
        .events(),
    ).toHaveLength(1);
  });

  it('an appraisal deadline before the self-assessment deadline: BAD_USER_INPUT on appraisalDeadline', () => {
    spec
      .given([opened])
      .when(amend({ appraisalDeadline: daysFromNow(19) }))
      .thenError('BAD_USER_INPUT', 'appraisalDeadline');
  });

  it('an invalid date: BAD_USER_INPUT on that field', () => {
    spec
      .given([opened])
      .when(amend({ selfAssessmentDeadline: new Date('x') }))
      .thenError('BAD_USER_INPUT', 'selfAssessmentDeadline');
    spec
      .given([opened])
      .when(amend({ appraisalDeadline: new Date('x') }))
      .thenError('BAD_USER_INPUT', 'appraisalDeadline');
  });

  it.each(['', '   ', 'ạ'.repeat(2001)])('a missing or too long reason: BAD_USER_INPUT on reason', (reason) => {
    spec.given([opened]).when(amend({ reason })).thenError('BAD_USER_INPUT', 'reason');
  });

  it('the same deadlines again: BAD_USER_INPUT (nothing to amend)', () => {
    spec
      .given([opened])
      .when(amend({ selfAssessmentDeadline: new Date(SELF), appraisalDeadline: new Date(APPRAISAL) }))
      .thenError('BAD_USER_INPUT', 'selfAssessmentDeadline');
  });

  it('without a cycle: NOT_FOUND on year', () => {
    spec.given([]).when(amend()).thenError('NOT_FOUND', 'year');
  });

  it('once every group’s ranking is published: INVALID_STATE', () => {
    spec.given([opened, published]).when(amend()).thenError('INVALID_STATE');
  });
});

describe('the deadline rule (schedule.ts)', () => {
  const schedule = { selfAssessmentDeadline: SELF, appraisalDeadline: APPRAISAL, extensions: [] };

  it('is the year’s deadline without an extension', () => {
    expect(effectiveDeadline(schedule, 'SYT', 'SELF_ASSESSMENT')).toBe(SELF);
    expect(effectiveDeadline(schedule, 'SYT', 'APPRAISAL')).toBe(APPRAISAL);
    expect(effectiveDeadline(schedule, 'SYT', 'EXPLANATION', daysFromNow(5).toISOString())).toBe(daysFromNow(5).toISOString());
    expect(() => effectiveDeadline(schedule, 'SYT', 'EXPLANATION')).toThrow(/dueAt/);
  });

  it('a deadline has not passed at its instant, only after it', () => {
    expect(hasPassed(NOW.toISOString(), NOW)).toBe(false);
    expect(hasPassed(new Date(NOW.getTime() - 1).toISOString(), NOW)).toBe(true);
  });
});

const grant = (overrides: Partial<GrantExtension> = {}): GrantExtension => ({
  type: 'GrantExtension',
  year: 2024,
  agencyCode: 'SXD',
  phase: 'SELF_ASSESSMENT',
  until: daysFromNow(15),
  reason: 'Sở Xây dựng sáp nhập bộ phận CCHC, xin gia hạn',
  now: NOW,
  assessmentFinalized: false,
  ...overrides,
});

describe('cycleDecider: grant an extension', () => {
  it.each(['SELF_ASSESSMENT', 'EXPLANATION', 'APPRAISAL'] as const)('grants %s for one participating agency', (phase) => {
    const until = daysFromNow(phase === 'APPRAISAL' ? 45 : 15);
    spec
      .given([opened])
      .when(grant({ phase, until }))
      .then([
        event('ExtensionGranted', {
          year: 2024,
          agencyCode: 'SXD',
          phase,
          until: until.toISOString(),
          reason: 'Sở Xây dựng sáp nhập bộ phận CCHC, xin gia hạn',
        }),
      ]);
  });

  it('evolves: Cycle.extensions lists it, and the agency’s effective deadline is the extension (others keep the year’s)', () => {
    const [granted] = spec.given([opened]).when(grant()).events();
    const state = spec.given([opened, granted]).state;
    if (!state.opened) throw new Error('not opened');
    expect(state.extensions).toEqual([
      {
        agencyCode: 'SXD',
        phase: 'SELF_ASSESSMENT',
        until: daysFromNow(15).toISOString(),
        reason: 'Sở Xây dựng sáp nhập bộ phận CCHC, xin gia hạn',
        grantedAt: GIVEN_AT,
      },
    ]);
    expect(effectiveDeadline(state, 'SXD', 'SELF_ASSESSMENT')).toBe(daysFromNow(15).toISOString());
    expect(effectiveDeadline(state, 'SYT', 'SELF_ASSESSMENT')).toBe(SELF);
    expect(effectiveDeadline(state, 'SXD', 'APPRAISAL')).toBe(APPRAISAL);
  });

  it('the latest extension is in force; an amendment past it wins', () => {
    const [first] = spec
      .given([opened])
      .when(grant({ until: daysFromNow(20) }))
      .events();
    const [second] = spec
      .given([opened, first])
      .when(grant({ until: daysFromNow(12) }))
      .events();
    const [amended] = spec
      .given([opened])
      .when(amend({ selfAssessmentDeadline: daysFromNow(25), appraisalDeadline: daysFromNow(50) }))
      .events();
    const withTwo = spec.given([opened, first, second]).state;
    const withAmendment = spec.given([opened, first, second, amended]).state;
    if (!withTwo.opened || !withAmendment.opened) throw new Error('not opened');
    expect(effectiveDeadline(withTwo, 'SXD', 'SELF_ASSESSMENT')).toBe(daysFromNow(12).toISOString());
    expect(effectiveDeadline(withAmendment, 'SXD', 'SELF_ASSESSMENT')).toBe(daysFromNow(25).toISOString());
  });

  it('an extension that ends before the year’s deadline, or has passed: BAD_USER_INPUT on until', () => {
    spec
      .given([opened])
      .when(grant({ until: daysFromNow(10) }))
      .thenError('BAD_USER_INPUT', 'until');
    spec
      .given([opened])
      .when(grant({ phase: 'APPRAISAL', until: daysFromNow(39) }))
      .thenError('BAD_USER_INPUT', 'until');
    spec
      .given([opened])
      .when(grant({ phase: 'EXPLANATION', until: daysFromNow(-1) }))
      .thenError('BAD_USER_INPUT', 'until');
    spec
      .given([opened])
      .when(grant({ until: new Date('x') }))
      .thenError('BAD_USER_INPUT', 'until');
  });

  it('an agency the cycle does not assess: NOT_FOUND on agencyCode', () => {
    spec
      .given([opened])
      .when(grant({ agencyCode: 'CAT' }))
      .thenError('NOT_FOUND', 'agencyCode');
  });

  it.each(['', 'ạ'.repeat(2001)])('a missing or too long reason: BAD_USER_INPUT on reason', (reason) => {
    spec.given([opened]).when(grant({ reason })).thenError('BAD_USER_INPUT', 'reason');
  });

  it('a finalized assessment: INVALID_STATE; without a cycle: NOT_FOUND', () => {
    spec
      .given([opened])
      .when(grant({ assessmentFinalized: true }))
      .thenError('INVALID_STATE');
    spec.given([]).when(grant()).thenError('NOT_FOUND', 'year');
  });
});

describe('the assessment deadlines honour extensions', () => {
  const assessment = specFor(assessmentDecider);
  const [selfExtension] = spec
    .given([opened])
    .when(grant({ until: daysFromNow(15) }))
    .events();
  const [appraisalExtension] = spec
    .given([opened])
    .when(grant({ phase: 'APPRAISAL', until: daysFromNow(45) }))
    .events();
  const withExtensions = spec.given([opened, selfExtension, appraisalExtension]).state;
  if (!withExtensions.opened) throw new Error('not opened');
  const cycle = withExtensions;
  const submit = (agencyCode: string, now: Date): SubmitSelfAssessment => ({
    type: 'SubmitSelfAssessment',
    context: contextFor(agencyCode, { cycle, now }),
    scores: [{ criterionCode: '1.1', points: 2, evidence: ['KH số 1'] }],
  });
  const appraise = (agencyCode: string, now: Date): AppraiseCriterion => ({
    type: 'AppraiseCriterion',
    context: contextFor(agencyCode, { cycle, now }),
    criterionCode: '1.1',
    round: 1,
    points: 2,
    appraiserAgency: 'SNV',
  });

  it('self-assessment: the extended agency until its extension, the others until the year’s deadline', () => {
    expect(
      assessment
        .given([])
        .when(submit('SXD', daysFromNow(14)))
        .events(),
    ).toHaveLength(1);
    assessment
      .given([])
      .when(submit('SXD', daysFromNow(16)))
      .thenError('DEADLINE_PASSED', 'year');
    assessment
      .given([])
      .when(submit('SYT', daysFromNow(11)))
      .thenError('DEADLINE_PASSED', 'year');
  });

  it('appraisal: the extended agency’s leaves until its extension, the others’ until the year’s deadline', () => {
    expect(
      assessment
        .given([selfSubmitted('SXD', [{ criterionCode: '1.1', points: 2 }])])
        .when(appraise('SXD', daysFromNow(44)))
        .events(),
    ).toHaveLength(1);
    assessment
      .given([selfSubmitted('SXD', [{ criterionCode: '1.1', points: 2 }])])
      .when(appraise('SXD', daysFromNow(46)))
      .thenError('DEADLINE_PASSED', 'year');
    assessment
      .given([selfSubmitted('SYT', [{ criterionCode: '1.1', points: 2 }])])
      .when(appraise('SYT', daysFromNow(41)))
      .thenError('DEADLINE_PASSED', 'year');
  });
});
