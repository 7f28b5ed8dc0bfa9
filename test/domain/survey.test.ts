import { assessmentDecider } from '../../src/domain/assessment/assessmentDecider';
import { scoreAssessment } from '../../src/domain/assessment/scoring';
import type { RecordSurveyScores } from '../../src/domain/assessment/surveyScores';
import { cycleDecider } from '../../src/domain/cycle/cycleDecider';
import type { RecordSurvey, WaiveSurvey } from '../../src/domain/cycle/surveys';
import { fromPoints, indexPercent } from '../../src/domain/points';
import { event, type AssessmentCycleOpened, type CycleEvent } from '../../src/events/parEvents';
import {
  BANDS,
  PARTICIPANTS,
  appraised,
  assessmentOf,
  contextFor,
  daysFromNow,
  finalizedAssessment,
  openedCycle,
  selfSubmitted,
  smallFramework,
  surveyRecorded,
} from './fixtures';
import { GIVEN_AT, specFor } from './givenWhenThen';

const cycleSpec = specFor(cycleDecider);
const assessmentSpec = specFor(assessmentDecider);

const opened: AssessmentCycleOpened = event('AssessmentCycleOpened', {
  year: 2024,
  frameworks: [
    { group: 'DEPARTMENT', frameworkCode: smallFramework.code },
    { group: 'PROVINCIAL_BRANCH', frameworkCode: 'BRANCH-2024' },
  ],
  participants: [...PARTICIPANTS, { code: 'CAT', name: 'Công an tỉnh', group: 'PROVINCIAL_BRANCH' }],
  selfAssessmentDeadline: daysFromNow(10).toISOString(),
  appraisalDeadline: daysFromNow(40).toISOString(),
  bands: BANDS,
  groupBands: [],
  endedDuringYear: [],
});

const REASON = 'Năm 2024 tỉnh không tổ chức điều tra xã hội học đối với sở, ban, ngành (Kế hoạch số 5/KH-UBND)';
const draftOf = (code: string) => ({ agencyCode: code, state: assessmentOf([]) });

const waive = (overrides: Partial<WaiveSurvey> = {}): WaiveSurvey => ({
  type: 'WaiveSurvey',
  year: 2024,
  group: 'DEPARTMENT',
  reason: REASON,
  assessments: PARTICIPANTS.map((p) => draftOf(p.code)),
  ...overrides,
});
const waived: CycleEvent = event('SurveyWaived', { year: 2024, group: 'DEPARTMENT', reason: REASON, agencyCodes: ['SYT', 'SXD', 'BDT'] });

const SURVEY = {
  group: 'DEPARTMENT' as const,
  code: 'DTXHH-2024',
  title: 'Điều tra xã hội học đo lường sự hài lòng năm 2024',
  conductedBy: 'Viện Nghiên cứu Phát triển Quảng Nam',
  respondents: 1250,
  reportReference: 'Báo cáo số 17/BC-VNCPT ngày 20/12/2024',
};
const CONDUCTED_AT = '2024-11-15T01:00:00.000Z';
const recordSurvey = (overrides: Partial<RecordSurvey> = {}): RecordSurvey => ({
  type: 'RecordSurvey',
  year: 2024,
  ...SURVEY,
  conductedAt: new Date(CONDUCTED_AT),
  ...overrides,
});
const surveyDescribed: CycleEvent = event('SurveyRecorded', { year: 2024, ...SURVEY, conductedAt: CONDUCTED_AT });

describe('cycleDecider: waive a group’s survey', () => {
  it('records the group, the reason and the group’s participants', () => {
    cycleSpec.given([opened]).when(waive()).then([waived]);
  });

  it('evolves: the cycle lists the waiver with the time it was recorded', () => {
    const state = cycleSpec.given([opened, waived]).state;
    if (!state.opened) throw new Error('not opened');
    expect(state.surveyWaivers).toEqual([{ group: 'DEPARTMENT', reason: REASON, waivedAt: GIVEN_AT }]);
  });

  it('no cycle: NOT_FOUND on year', () => {
    cycleSpec.given([]).when(waive()).thenError('NOT_FOUND', 'year');
  });

  it('a group without a framework in the cycle: BAD_USER_INPUT on group', () => {
    cycleSpec
      .given([opened])
      .when(waive({ group: 'DISTRICT', assessments: [] }))
      .thenError('BAD_USER_INPUT', 'group');
  });

  it.each(['', '   ', 'ạ'.repeat(2001)])('an empty, blank or too long reason: BAD_USER_INPUT on reason', (reason) => {
    cycleSpec.given([opened]).when(waive({ reason })).thenError('BAD_USER_INPUT', 'reason');
  });

  it('already waived: INVALID_STATE', () => {
    cycleSpec.given([opened, waived]).when(waive()).thenError('INVALID_STATE');
  });

  it('the group’s ranking already published: INVALID_STATE', () => {
    const published = event('RankingPublished', { year: 2024, group: 'DEPARTMENT', entries: [], decisionNumber: '1/QĐ-UBND', decisionDate: '2025-03-01' });
    cycleSpec.given([opened, published]).when(waive()).thenError('INVALID_STATE');
  });

  it('an assessment of the group already finalised: INVALID_STATE naming them in extensions.finalized', () => {
    const final = (code: string) => ({ agencyCode: code, state: finalizedAssessment(code, smallFramework, { '1.1': 2, '2.2': 4 }) });
    const error = cycleSpec
      .given([opened])
      .when(waive({ assessments: [final('SYT'), draftOf('SXD'), final('BDT')] }))
      .thenError('INVALID_STATE');
    expect(error.details).toEqual({ finalized: ['BDT', 'SYT'] });
    expect(error.message).toContain('BDT, SYT');
  });

  it('another group’s waiver or finalisations do not stand in the way', () => {
    const branchWaived = event('SurveyWaived', { year: 2024, group: 'PROVINCIAL_BRANCH', reason: REASON, agencyCodes: ['CAT'] });
    cycleSpec.given([opened, branchWaived]).when(waive()).then([waived]);
  });
});

describe('cycleDecider: record a survey', () => {
  it('records the description with the moment it was conducted', () => {
    cycleSpec.given([opened]).when(recordSurvey()).then([surveyDescribed]);
  });

  it('evolves: the cycle lists it with the time it was recorded', () => {
    const state = cycleSpec.given([opened, surveyDescribed]).state;
    if (!state.opened) throw new Error('not opened');
    expect(state.surveys).toEqual([{ ...SURVEY, conductedAt: CONDUCTED_AT, recordedAt: GIVEN_AT }]);
  });

  it('no cycle: NOT_FOUND on year', () => {
    cycleSpec.given([]).when(recordSurvey()).thenError('NOT_FOUND', 'year');
  });

  it('a group without a framework in the cycle: BAD_USER_INPUT on group', () => {
    cycleSpec
      .given([opened])
      .when(recordSurvey({ group: 'COMMUNE' }))
      .thenError('BAD_USER_INPUT', 'group');
  });

  it('a code already recorded that year: CONFLICT on code', () => {
    cycleSpec
      .given([opened, surveyDescribed])
      .when(recordSurvey({ group: 'PROVINCIAL_BRANCH', title: 'Khảo sát khác' }))
      .thenError('CONFLICT', 'code');
  });

  it('a group whose survey is waived: INVALID_STATE', () => {
    cycleSpec.given([opened, waived]).when(recordSurvey()).thenError('INVALID_STATE');
  });

  it.each<[string, Partial<RecordSurvey>]>([
    ['code', { code: 'dtxhh 2024' }],
    ['title', { title: '  ' }],
    ['title', { title: 'ạ'.repeat(301) }],
    ['conductedBy', { conductedBy: '' }],
    ['reportReference', { reportReference: ' ' }],
    ['respondents', { respondents: 0 }],
    ['respondents', { respondents: 12.5 }],
    ['conductedAt', { conductedAt: new Date('not a date') }],
  ])('a bad %s: BAD_USER_INPUT on it', (field, overrides) => {
    cycleSpec.given([opened]).when(recordSurvey(overrides)).thenError('BAD_USER_INPUT', field);
  });
});

describe('assessmentDecider: survey scores citing a survey, and a waived survey', () => {
  const recorded = { ...SURVEY, conductedAt: CONDUCTED_AT, recordedAt: GIVEN_AT };
  const branchSurvey = { ...recorded, code: 'KS-NGANHDOC', group: 'PROVINCIAL_BRANCH' as const };
  const context = contextFor('SYT', { cycle: openedCycle({ surveys: [recorded, branchSurvey] }) });
  const scores = (overrides: Partial<RecordSurveyScores> = {}): RecordSurveyScores => ({
    type: 'RecordSurveyScores',
    context,
    scores: [{ criterionCode: '2.2', points: 3.2109 }],
    ...overrides,
  });

  it('cites the survey it names, and the leaf keeps it', () => {
    const events = assessmentSpec
      .given([])
      .when(scores({ surveyCode: 'DTXHH-2024' }))
      .then([surveyRecorded('SYT', [{ criterionCode: '2.2', points: 3.2109 }], 'DTXHH-2024')]);
    const state = assessmentSpec.given(events).state;
    expect(state.leaves['2.2']).toMatchObject({ survey: 32_109, surveyCode: 'DTXHH-2024' });
    expect(scoreAssessment(smallFramework.areas, state).criteria.find((c) => c.code === '2.2')?.surveyCode).toBe('DTXHH-2024');
  });

  it('without surveyCode cites none (null), and a later score without one clears the citation', () => {
    assessmentSpec
      .given([])
      .when(scores())
      .then([surveyRecorded('SYT', [{ criterionCode: '2.2', points: 3.2109 }])]);
    const state = assessmentSpec.given([
      surveyRecorded('SYT', [{ criterionCode: '2.2', points: 3 }], 'DTXHH-2024'),
      surveyRecorded('SYT', [{ criterionCode: '2.2', points: 4 }]),
    ]).state;
    expect(state.leaves['2.2']).toMatchObject({ survey: 40_000, surveyCode: null });
  });

  it('a survey not recorded that year: NOT_FOUND on surveyCode', () => {
    assessmentSpec
      .given([])
      .when(scores({ surveyCode: 'DTXHH-2023' }))
      .thenError('NOT_FOUND', 'surveyCode');
  });

  it('a survey of another group: BAD_USER_INPUT on surveyCode', () => {
    assessmentSpec
      .given([])
      .when(scores({ surveyCode: 'KS-NGANHDOC' }))
      .thenError('BAD_USER_INPUT', 'surveyCode');
  });

  it('a malformed survey code: BAD_USER_INPUT on surveyCode', () => {
    assessmentSpec
      .given([])
      .when(scores({ surveyCode: 'không hợp lệ' }))
      .thenError('BAD_USER_INPUT', 'surveyCode');
  });

  it('the group’s survey is waived: INVALID_STATE', () => {
    const waivedContext = contextFor('SYT', { cycle: openedCycle({ surveyWaivers: [{ group: 'DEPARTMENT', reason: REASON, waivedAt: GIVEN_AT }] }) });
    assessmentSpec
      .given([])
      .when(scores({ context: waivedContext }))
      .thenError('INVALID_STATE');
  });

  it('finalisation waits for survey scores, unless the group’s survey is waived', () => {
    const given = [
      selfSubmitted('SYT', [
        { criterionCode: '1.1', points: 2 },
        { criterionCode: '1.2.1', points: 0.1 },
        { criterionCode: '1.2.2', points: 0.2, appraiserCode: 'STP' },
        { criterionCode: '2.1', points: 3, appraiserCode: 'STP' },
      ]),
      appraised('SYT', '1.1', 1, 2),
      appraised('SYT', '1.2.1', 1, 0.1),
      appraised('SYT', '1.2.2', 1, 0.15, 'STP'),
      appraised('SYT', '2.1', 1, 3, 'STP'),
    ];
    const error = assessmentSpec
      .given(given)
      .when({ type: 'FinalizeAssessment', context: contextFor('SYT') })
      .thenError('INVALID_STATE');
    expect(error.details).toEqual({ unscored: ['2.2'] });
    const waivedCycle = openedCycle({ surveyWaivers: [{ group: 'DEPARTMENT', reason: REASON, waivedAt: GIVEN_AT }] });
    assessmentSpec
      .given(given)
      .when({ type: 'FinalizeAssessment', context: contextFor('SYT', { cycle: waivedCycle }) })
      .then([event('AssessmentFinalized', { year: 2024, agencyCode: 'SYT', group: 'DEPARTMENT', totalPoints: 5.25, applicableMaxPoints: 5.6734 })]);
  });
});

describe('scoring with a waived survey', () => {
  const state = assessmentOf([
    selfSubmitted('SYT', [
      { criterionCode: '1.1', points: 2 },
      { criterionCode: '2.1', points: 3 },
    ]),
    appraised('SYT', '1.1', 1, 2),
    appraised('SYT', '1.2.1', 1, 0.1),
    appraised('SYT', '1.2.2', 1, 0.15, 'STP'),
    appraised('SYT', '2.1', 1, 3, 'STP'),
    // Recorded before the waiver: kept on the leaf, counted for nothing.
    surveyRecorded('SYT', [{ criterionCode: '2.2', points: 4.5 }]),
  ]);

  it('drops the survey leaves from the maximum: index = appraised points ÷ remaining maximum, exactly', () => {
    const result = scoreAssessment(smallFramework.areas, state, { surveyWaived: true });
    expect(fromPoints(result.totalPoints)).toBe(5.25);
    expect(fromPoints(result.applicableMaxPoints)).toBe(5.6734); // 10.1734 − the survey's 4.5
    expect(indexPercent(result.ratio)!.toFixed(4)).toBe('92.5371'); // 5.25 ÷ 5.6734 × 100
    expect(result.criteria.find((c) => c.code === '2.2')).toMatchObject({ applicable: false, finalPoints: null, surveyPoints: 45_000 });
    expect(result.areas.find((a) => a.code === '2')).toMatchObject({ points: 30_000, maxPoints: 31_234 });
    expect(result.unscored).toEqual([]);
  });

  it('without the waiver the survey counts as before', () => {
    const result = scoreAssessment(smallFramework.areas, state);
    expect(fromPoints(result.totalPoints)).toBe(9.75);
    expect(fromPoints(result.applicableMaxPoints)).toBe(10.1734);
  });
});
