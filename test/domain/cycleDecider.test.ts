import { cycleDecider, type OpenAssessmentCycle } from '../../src/domain/cycle/cycleDecider';
import type { PublishRanking } from '../../src/domain/cycle/publication';
import { frameworkCodeFor, participantOf } from '../../src/domain/cycle/cycle';
import type { AssessmentState } from '../../src/domain/assessment/assessment';
import type { Framework } from '../../src/domain/framework/framework';
import { event, type AssessmentCycleOpened, type CycleEvent } from '../../src/events/parEvents';
import { appraised, assessmentOf, daysFromNow, finalizedAssessment, flatFramework, PARTICIPANTS, selfSubmitted, smallFramework } from './fixtures';
import { ofType, specFor } from './givenWhenThen';

const spec = specFor(cycleDecider);

const branchFramework: Framework = { ...flatFramework('BRANCH-2024', [{ code: '1.1', maxPoints: 10 }]), group: 'PROVINCIAL_BRANCH' };

const open = (overrides: Partial<OpenAssessmentCycle> = {}): OpenAssessmentCycle => ({
  type: 'OpenAssessmentCycle',
  year: 2024,
  frameworks: [smallFramework],
  participants: PARTICIPANTS,
  selfAssessmentDeadline: daysFromNow(10),
  appraisalDeadline: daysFromNow(40),
  bands: [
    { label: ' Xuất sắc ', minIndexPercent: 93 },
    { label: 'Tốt', minIndexPercent: 80.5 },
  ],
  groupBands: [],
  enrolment: { named: false, inactive: [], endedDuringYear: [] },
  excludeEndedMidYear: false,
  ...overrides,
});

const opened: AssessmentCycleOpened = {
  type: 'AssessmentCycleOpened',
  schemaVersion: 3,
  data: {
    year: 2024,
    frameworks: [{ group: 'DEPARTMENT', frameworkCode: 'RANK-2024' }],
    participants: [
      { code: 'SYT', name: 'Sở Y tế', group: 'DEPARTMENT' },
      { code: 'SXD', name: 'Sở Xây dựng', group: 'DEPARTMENT' },
      { code: 'BDT', name: 'Ban Dân tộc', group: 'DEPARTMENT' },
      { code: 'STP', name: 'Sở Tư pháp', group: 'DEPARTMENT' },
      { code: 'SNV', name: 'Sở Nội vụ', group: 'DEPARTMENT' },
    ],
    selfAssessmentDeadline: daysFromNow(10).toISOString(),
    appraisalDeadline: daysFromNow(40).toISOString(),
    bands: [
      { label: 'Xuất sắc', minIndexPercent: 93 },
      { label: 'Tốt', minIndexPercent: 80 },
    ],
    groupBands: [],
    endedDuringYear: [],
  },
};

/** A flat framework of two self-assessed leaves: 1.1 = 60, 1.2 = 40. */
const rankFramework = flatFramework('RANK-2024', [
  { code: '1.1', maxPoints: 60 },
  { code: '1.2', maxPoints: 40 },
]);
const final = (agencyCode: string, points: Record<string, number | null>) => ({
  agencyCode,
  state: finalizedAssessment(agencyCode, rankFramework, points),
  framework: rankFramework,
});
const publish = (assessments: PublishRanking['assessments'], overrides: Partial<PublishRanking> = {}): PublishRanking => ({
  type: 'PublishRanking',
  year: 2024,
  group: 'DEPARTMENT',
  decisionNumber: '123/QĐ-UBND',
  decisionDate: new Date('2025-03-01'),
  assessments,
  ...overrides,
});
/** The opened cycle with every DEPARTMENT participant but `kept` left out of the ranking, so that `kept` completes it. */
const openedWithOnly = (...kept: string[]): CycleEvent[] => [
  opened,
  ...opened.data.participants
    .filter((p) => !kept.includes(p.code))
    .map((p) => event('AgencyExcludedFromRanking', { year: 2024, agencyCode: p.code, group: p.group, reason: 'Giải thể trong năm' })),
];

describe('cycleDecider: open', () => {
  it('opens the cycle with participants, bands and ISO deadlines', () => {
    spec
      .given([])
      .when(open({ selfAssessmentDeadline: new Date('2025-03-31T23:59:59+07:00'), appraisalDeadline: new Date('2025-05-15T17:00:00+07:00') }))
      .then([
        {
          type: 'AssessmentCycleOpened',
          schemaVersion: 3,
          data: {
            year: 2024,
            frameworks: [{ group: 'DEPARTMENT', frameworkCode: 'DEPT-2024' }],
            participants: PARTICIPANTS,
            selfAssessmentDeadline: '2025-03-31T16:59:59.000Z',
            appraisalDeadline: '2025-05-15T10:00:00.000Z',
            bands: [
              { label: 'Xuất sắc', minIndexPercent: 93 },
              { label: 'Tốt', minIndexPercent: 80.5 },
            ],
            groupBands: [],
            endedDuringYear: [],
          },
        },
      ]);
  });

  it('opens with one framework per group, in input order', () => {
    const participants = [...PARTICIPANTS, { code: 'CAT', name: 'Công an tỉnh', group: 'PROVINCIAL_BRANCH' as const }];
    const [event] = spec
      .given([])
      .when(open({ frameworks: [branchFramework, smallFramework], participants }))
      .events();
    expect(event.type === 'AssessmentCycleOpened' && event.data.frameworks).toEqual([
      { group: 'PROVINCIAL_BRANCH', frameworkCode: 'BRANCH-2024' },
      { group: 'DEPARTMENT', frameworkCode: 'DEPT-2024' },
    ]);
  });

  it('opens without bands', () => {
    const [event] = spec
      .given([])
      .when(open({ bands: [] }))
      .events();
    expect(event.data).toMatchObject({ bands: [] });
  });

  it('evolves to an opened cycle with nothing proposed or published', () => {
    const state = spec.given([opened]).state;
    expect(state).toEqual({
      opened: true,
      ...opened.data,
      proposed: {},
      published: {},
      scheduleAmendments: [],
      extensions: [],
      excluded: [],
      surveyWaivers: [],
      surveys: [],
    });
    if (!state.opened) throw new Error('not opened');
    expect(frameworkCodeFor(state, 'DEPARTMENT')).toBe('RANK-2024');
    expect(frameworkCodeFor(state, 'DISTRICT')).toBeNull();
    expect(participantOf(state, 'SXD')?.name).toBe('Sở Xây dựng');
    expect(participantOf(state, 'CAT')).toBeNull();
  });

  it('a second open of the year: CONFLICT on year', () => {
    spec.given([opened]).when(open()).thenError('CONFLICT', 'year');
  });

  it.each([1999, 2101, 2024.5])('year %p: BAD_USER_INPUT on year', (year) => {
    spec.given([]).when(open({ year })).thenError('BAD_USER_INPUT', 'year');
  });

  it('two frameworks for one group: BAD_USER_INPUT on frameworkCodes[1]', () => {
    const other: Framework = { ...smallFramework, code: 'DEPT-2024-B' };
    spec
      .given([])
      .when(open({ frameworks: [smallFramework, other] }))
      .thenError('BAD_USER_INPUT', 'frameworkCodes[1]');
    spec
      .given([])
      .when(open({ frameworks: [smallFramework, branchFramework, other] }))
      .thenError('BAD_USER_INPUT', 'frameworkCodes[2]');
  });

  it('no framework: BAD_USER_INPUT on frameworkCodes', () => {
    spec
      .given([])
      .when(open({ frameworks: [] }))
      .thenError('BAD_USER_INPUT', 'frameworkCodes');
  });

  it('an appraisal deadline before, or equal to, the self-assessment deadline: BAD_USER_INPUT on appraisalDeadline', () => {
    spec
      .given([])
      .when(open({ appraisalDeadline: daysFromNow(9) }))
      .thenError('BAD_USER_INPUT', 'appraisalDeadline');
    spec
      .given([])
      .when(open({ appraisalDeadline: daysFromNow(10) }))
      .thenError('BAD_USER_INPUT', 'appraisalDeadline');
    expect(
      spec
        .given([])
        .when(open({ appraisalDeadline: new Date(daysFromNow(10).getTime() + 1) }))
        .events(),
    ).toHaveLength(1);
  });

  it('an invalid date: BAD_USER_INPUT on that field', () => {
    spec
      .given([])
      .when(open({ selfAssessmentDeadline: new Date('not a date') }))
      .thenError('BAD_USER_INPUT', 'selfAssessmentDeadline');
    spec
      .given([])
      .when(open({ appraisalDeadline: new Date(NaN) }))
      .thenError('BAD_USER_INPUT', 'appraisalDeadline');
  });

  it('a band label listed twice (after trimming): BAD_USER_INPUT on bands[i].label', () => {
    spec
      .given([])
      .when(
        open({
          bands: [
            { label: 'Tốt', minIndexPercent: 80 },
            { label: 'Khá', minIndexPercent: 65 },
            { label: ' Tốt ', minIndexPercent: 70 },
          ],
        }),
      )
      .thenError('BAD_USER_INPUT', 'bands[2].label');
  });

  it('bands for one group are recorded beside the default bands', () => {
    const districtBands = [{ label: 'Xuất sắc', minIndexPercent: 90 }];
    const [opened] = spec
      .given([])
      .when(
        open({ frameworks: [branchFramework, smallFramework], participants: PARTICIPANTS, groupBands: [{ group: 'PROVINCIAL_BRANCH', bands: districtBands }] }),
      )
      .events();
    expect(opened.type === 'AssessmentCycleOpened' && opened.data.groupBands).toEqual([{ group: 'PROVINCIAL_BRANCH', bands: districtBands }]);
  });

  it('group bands for a group without framework, a group named twice, or an invalid band: BAD_USER_INPUT naming the field', () => {
    const bands = [{ label: 'Tốt', minIndexPercent: 80 }];
    spec
      .given([])
      .when(open({ groupBands: [{ group: 'DISTRICT', bands }] }))
      .thenError('BAD_USER_INPUT', 'groupBands[0].group');
    spec
      .given([])
      .when(
        open({
          groupBands: [
            { group: 'DEPARTMENT', bands },
            { group: 'DEPARTMENT', bands },
          ],
        }),
      )
      .thenError('BAD_USER_INPUT', 'groupBands[1].group');
    spec
      .given([])
      .when(open({ groupBands: [{ group: 'DEPARTMENT', bands: [{ label: 'Tốt', minIndexPercent: 101 }] }] }))
      .thenError('BAD_USER_INPUT', 'groupBands[0].bands[0].minIndexPercent');
  });

  it('an empty band label: BAD_USER_INPUT on bands[i].label', () => {
    spec
      .given([])
      .when(open({ bands: [{ label: '  ', minIndexPercent: 80 }] }))
      .thenError('BAD_USER_INPUT', 'bands[0].label');
  });

  it('two bands with one threshold: BAD_USER_INPUT on bands[i].minIndexPercent', () => {
    spec
      .given([])
      .when(
        open({
          bands: [
            { label: 'Tốt', minIndexPercent: 80 },
            { label: 'Khá', minIndexPercent: 80.0 },
          ],
        }),
      )
      .thenError('BAD_USER_INPUT', 'bands[1].minIndexPercent');
  });

  it.each([-0.0001, 100.0001, 101, 93.00001, NaN])('threshold %p: BAD_USER_INPUT on bands[i].minIndexPercent', (minIndexPercent) => {
    spec
      .given([])
      .when(
        open({
          bands: [
            { label: 'Tốt', minIndexPercent: 80 },
            { label: 'Xuất sắc', minIndexPercent },
          ],
        }),
      )
      .thenError('BAD_USER_INPUT', 'bands[1].minIndexPercent');
  });

  it('thresholds 0 and 100 are allowed', () => {
    const [event] = spec
      .given([])
      .when(
        open({
          bands: [
            { label: 'Tuyệt đối', minIndexPercent: 100 },
            { label: 'Yếu', minIndexPercent: 0 },
          ],
        }),
      )
      .events();
    expect(event.data).toMatchObject({ bands: [{ minIndexPercent: 100 }, { minIndexPercent: 0 }] });
  });

  it('a participant of a group without a framework: BAD_USER_INPUT on agencyCodes[i]', () => {
    const participants = [...PARTICIPANTS, { code: 'CAT', name: 'Công an tỉnh', group: 'PROVINCIAL_BRANCH' as const }];
    spec.given([]).when(open({ participants })).thenError('BAD_USER_INPUT', 'agencyCodes[3]');
  });

  it('a participant listed twice: BAD_USER_INPUT on agencyCodes[i]', () => {
    spec
      .given([])
      .when(open({ participants: [...PARTICIPANTS, PARTICIPANTS[0]] }))
      .thenError('BAD_USER_INPUT', 'agencyCodes[3]');
  });

  it('no participants: BAD_USER_INPUT on agencyCodes', () => {
    spec
      .given([])
      .when(open({ participants: [] }))
      .thenError('BAD_USER_INPUT', 'agencyCodes');
  });
});

describe('cycleDecider: publish ranking', () => {
  it('without a cycle: NOT_FOUND on year', () => {
    spec
      .given([])
      .when(publish([final('SYT', { '1.1': 50, '1.2': 40 })]))
      .thenError('NOT_FOUND', 'year');
  });

  it('for a group the cycle does not cover: BAD_USER_INPUT on group', () => {
    spec
      .given([opened])
      .when(publish([], { group: 'DISTRICT' }))
      .thenError('BAD_USER_INPUT', 'group');
  });

  it('with no finalized assessment: INVALID_STATE', () => {
    spec.given([opened]).when(publish([])).thenError('INVALID_STATE');
    const submittedOnly: AssessmentState = assessmentOf([
      selfSubmitted('SYT', [{ criterionCode: '1.1', points: 1 }], rankFramework),
      appraised('SYT', '1.1', 1, 1),
    ]);
    spec
      .given([opened])
      .when(publish([{ agencyCode: 'SYT', state: submittedOnly, framework: rankFramework }]))
      .thenError('INVALID_STATE');
  });

  it('ranks by the unrounded index with ties (1, 2, 2, 4, 5), names from the cycle, bands', () => {
    const [event] = spec
      .given([opened])
      .when(
        publish([
          // 93.0299 % and 93.0301 % both publish as 93.03 but must not share a rank
          final('SNV', { '1.1': 60, '1.2': 33.0299 }),
          final('STP', { '1.1': 60, '1.2': 33.0301 }),
          // 93.04 % exactly, by different points over different applicable maxima
          final('SYT', { '1.1': 60, '1.2': 33.04 }),
          final('BDT', { '1.1': null, '1.2': 37.216 }),
          final('SXD', { '1.1': 56, '1.2': 40 }),
        ]),
      )
      .events();
    const { data } = ofType(event, 'RankingPublished');
    expect(data.year).toBe(2024);
    expect(data.group).toBe('DEPARTMENT');
    expect(data.entries.map((e) => [e.rank, e.agencyCode, e.agencyName, e.totalPoints, e.maxPoints, e.band])).toEqual([
      [1, 'SXD', 'Sở Xây dựng', 96, 100, 'Xuất sắc'],
      [2, 'BDT', 'Ban Dân tộc', 37.216, 40, 'Xuất sắc'],
      [2, 'SYT', 'Sở Y tế', 93.04, 100, 'Xuất sắc'],
      [4, 'STP', 'Sở Tư pháp', 93.0301, 100, 'Xuất sắc'],
      [5, 'SNV', 'Sở Nội vụ', 93.0299, 100, 'Xuất sắc'],
    ]);
    expect(data.entries[3].indexPercent!.toFixed(2)).toBe('93.03');
    expect(data.entries[4].indexPercent!.toFixed(2)).toBe('93.03');
  });

  it('ranking follows the index, not raw points, when applicable maxima differ', () => {
    const [event] = spec
      .given(openedWithOnly('SYT', 'BDT'))
      .when(
        publish([
          final('SYT', { '1.1': 56, '1.2': 40 }), // 96 points of 100: 96 %
          final('BDT', { '1.1': null, '1.2': 39 }), // 39 points of 40: 97.5 %
        ]),
      )
      .events();
    expect(ofType(event, 'RankingPublished').data.entries.map((e) => [e.agencyCode, e.rank, e.totalPoints, e.indexPercent])).toEqual([
      ['BDT', 1, 39, 97.5],
      ['SYT', 2, 96, 96],
    ]);
  });

  it('a participant neither finalised nor excluded: INVALID_STATE with extensions.missing, the codes sorted', () => {
    const notFinal: AssessmentState = assessmentOf([selfSubmitted('SXD', [{ criterionCode: '1.1', points: 60 }], rankFramework)]);
    const error = spec
      .given([opened])
      .when(publish([final('SYT', { '1.1': 50, '1.2': 40 }), { agencyCode: 'SXD', state: notFinal, framework: rankFramework }]))
      .thenError('INVALID_STATE');
    expect(error.details).toEqual({ missing: ['BDT', 'SNV', 'STP', 'SXD'] });
    expect(error.message).toContain('BDT, SNV, STP, SXD');
  });

  it('excluded participants are not missing: the rest finalised is enough', () => {
    const [event] = spec
      .given(openedWithOnly('SYT'))
      .when(publish([final('SYT', { '1.1': 50, '1.2': 40 })]))
      .events();
    expect(ofType(event, 'RankingPublished').data.entries.map((e) => e.agencyCode)).toEqual(['SYT']);
  });

  it('a republication also waits for every participant (e.g. a reopened assessment)', () => {
    const first = spec
      .given(openedWithOnly('SYT', 'BDT'))
      .when(publish([final('SYT', { '1.1': 50, '1.2': 40 }), final('BDT', { '1.1': 60, '1.2': 40 })]))
      .events();
    const reopened: AssessmentState = assessmentOf([selfSubmitted('BDT', [{ criterionCode: '1.1', points: 60 }], rankFramework)]);
    const error = spec
      .given([...openedWithOnly('SYT', 'BDT'), ...first])
      .when(publish([final('SYT', { '1.1': 50, '1.2': 40 }), { agencyCode: 'BDT', state: reopened, framework: rankFramework }], { reason: 'Sửa điểm' }))
      .thenError('INVALID_STATE');
    expect(error.details).toEqual({ missing: ['BDT'] });
  });

  it('a second publication without a reason: INVALID_STATE', () => {
    const first = spec
      .given(openedWithOnly('SYT'))
      .when(publish([final('SYT', { '1.1': 50, '1.2': 40 })]))
      .events();
    const error = spec
      .given([...openedWithOnly('SYT'), ...first])
      .when(publish([final('SYT', { '1.1': 50, '1.2': 40 })]))
      .thenError('INVALID_STATE');
    expect(error.details).toEqual({ field: 'reason' });
    spec
      .given([...openedWithOnly('SYT'), ...first])
      .when(publish([final('SYT', { '1.1': 50, '1.2': 40 })], { reason: '   ' }))
      .thenError('INVALID_STATE');
  });

  it('a second publication with a reason: RankingRepublished', () => {
    const first = spec
      .given(openedWithOnly('SYT', 'BDT'))
      .when(publish([final('SYT', { '1.1': 50, '1.2': 40 }), final('BDT', { '1.1': 60, '1.2': 39 })]))
      .events();
    spec
      .given([...openedWithOnly('SYT', 'BDT'), ...first])
      .when(publish([final('SYT', { '1.1': 50, '1.2': 40 }), final('BDT', { '1.1': 60, '1.2': 40 })], { reason: '  Sửa điểm thẩm định tiêu chí 1.2 ' }))
      .then([
        {
          type: 'RankingRepublished',
          schemaVersion: 2,
          data: {
            year: 2024,
            group: 'DEPARTMENT',
            reason: 'Sửa điểm thẩm định tiêu chí 1.2',
            decisionNumber: '123/QĐ-UBND',
            decisionDate: '2025-03-01',
            entries: [
              { rank: 1, agencyCode: 'BDT', agencyName: 'Ban Dân tộc', totalPoints: 100, maxPoints: 100, indexPercent: 100, band: 'Xuất sắc' },
              { rank: 2, agencyCode: 'SYT', agencyName: 'Sở Y tế', totalPoints: 90, maxPoints: 100, indexPercent: 90, band: 'Tốt' },
            ],
          },
        },
      ]);
  });

  it('records the People’s Committee’s decision: its number (trimmed) and its calendar date', () => {
    const [event] = spec
      .given(openedWithOnly('SYT'))
      .when(publish([final('SYT', { '1.1': 50, '1.2': 40 })], { decisionNumber: ' 123/QĐ-UBND ', decisionDate: new Date('2028-03-01') }))
      .events();
    expect(ofType(event, 'RankingPublished')).toMatchObject({ schemaVersion: 2, data: { decisionNumber: '123/QĐ-UBND', decisionDate: '2028-03-01' } });
  });

  it('without a decision number (empty, blank or over 100 characters): BAD_USER_INPUT on decisionNumber', () => {
    for (const decisionNumber of ['', '   ', 'Q'.repeat(101)]) {
      spec
        .given(openedWithOnly('SYT'))
        .when(publish([final('SYT', { '1.1': 50, '1.2': 40 })], { decisionNumber }))
        .thenError('BAD_USER_INPUT', 'decisionNumber');
    }
  });

  it('an invalid decision date: BAD_USER_INPUT on decisionDate', () => {
    spec
      .given(openedWithOnly('SYT'))
      .when(publish([final('SYT', { '1.1': 50, '1.2': 40 })], { decisionDate: new Date('not a date') }))
      .thenError('BAD_USER_INPUT', 'decisionDate');
  });

  it('a reason on the first publication still gives RankingPublished', () => {
    const [event] = spec
      .given(openedWithOnly('SYT'))
      .when(publish([final('SYT', { '1.1': 50, '1.2': 40 })], { reason: 'Lần đầu' }))
      .events();
    expect(event.type).toBe('RankingPublished');
    expect(event.data).not.toHaveProperty('reason');
  });

  it('publication in one group does not make another group a republication', () => {
    const twoGroups: AssessmentCycleOpened = {
      ...opened,
      data: {
        ...opened.data,
        frameworks: [...opened.data.frameworks, { group: 'PROVINCIAL_BRANCH', frameworkCode: 'BRANCH-2024' }],
        participants: [...opened.data.participants, { code: 'CAT', name: 'Công an tỉnh', group: 'PROVINCIAL_BRANCH' }],
      },
    };
    const onlySyt = [twoGroups, ...openedWithOnly('SYT').slice(1)];
    const first = spec
      .given(onlySyt)
      .when(publish([final('SYT', { '1.1': 50, '1.2': 40 })]))
      .events();
    const branch = { agencyCode: 'CAT', state: finalizedAssessment('CAT', branchFramework, { '1.1': 9 }), framework: branchFramework };
    const [event] = spec
      .given([...onlySyt, ...first])
      .when(publish([branch], { group: 'PROVINCIAL_BRANCH' }))
      .events();
    expect(ofType(event, 'RankingPublished').data.entries).toEqual([
      { rank: 1, agencyCode: 'CAT', agencyName: 'Công an tỉnh', totalPoints: 9, maxPoints: 10, indexPercent: 90, band: 'Tốt' },
    ]);
  });

  it('evolves: publication time and the number of republications per group', () => {
    const published: CycleEvent = event('RankingPublished', {
      year: 2024,
      group: 'DEPARTMENT',
      entries: [],
      decisionNumber: '12/QĐ-UBND',
      decisionDate: '2025-03-01',
    });
    const republished: CycleEvent = event('RankingRepublished', {
      year: 2024,
      group: 'DEPARTMENT',
      entries: [],
      reason: 'x',
      decisionNumber: '12/QĐ-UBND',
      decisionDate: '2025-03-01',
    });
    const state = spec.given([
      opened,
      { event: published, recordedAt: '2025-05-01T00:00:00.000Z' },
      { event: republished, recordedAt: '2025-05-02T00:00:00.000Z' },
      { event: republished, recordedAt: '2025-05-03T00:00:00.000Z' },
    ]).state;
    expect(state.opened && state.published).toEqual({ DEPARTMENT: { publishedAt: '2025-05-03T00:00:00.000Z', republications: 2 } });
  });
});
