import { cycleDecider, type AmendCycleSchedule } from '../../src/domain/cycle/cycleDecider';
import { effectiveDeadline, hasPassed } from '../../src/domain/cycle/schedule';
import { event, type AssessmentCycleOpened, type CycleEvent } from '../../src/events/parEvents';
import { daysFromNow, NOW, PARTICIPANTS } from './fixtures';
import { specFor } from './givenWhenThen';

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
});

const amend = (overrides: Partial<AmendCycleSchedule> = {}): AmendCycleSchedule => ({
  type: 'AmendCycleSchedule',
  year: 2024,
  selfAssessmentDeadline: daysFromNow(20),
  appraisalDeadline: daysFromNow(50),
  reason: 'UBND tỉnh lùi thời hạn theo Công văn số 123/UBND-NC',
  ...overrides,
});

const published: CycleEvent = event('RankingPublished', { year: 2024, group: 'DEPARTMENT', entries: [] });

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
