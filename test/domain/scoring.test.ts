import { latestAppraisal } from '../../src/domain/assessment/assessment';
import { scoreAssessment } from '../../src/domain/assessment/scoring';
import { normaliseFramework } from '../../src/domain/framework/frameworkInput';
import { fromPoints, indexPercent } from '../../src/domain/points';
import { appraised, assessmentOf, isRegistered, selfSubmitted, smallFramework, surveyRecorded } from './fixtures';

const areas = smallFramework.areas;
const submittedAll = selfSubmitted('SYT', [
  { criterionCode: '1.1', points: 2.25 },
  { criterionCode: '1.2.1', points: 0.1 },
  { criterionCode: '1.2.2', points: 0.2, appraiserCode: 'STP' },
  { criterionCode: '2.1', points: 3, appraiserCode: 'STP' },
]);
const byCode = (result: ReturnType<typeof scoreAssessment>) => new Map(result.criteria.map((c) => [c.code, c]));

describe('scoreAssessment', () => {
  it('lists every leaf in framework order with its maximum, method and appraiser', () => {
    const result = scoreAssessment(areas, assessmentOf([]));
    expect(result.criteria.map((c) => [c.code, c.areaCode, c.maxPoints, c.method, c.appraiserCode])).toEqual([
      ['1.1', '1', 22_500, 'SELF_ASSESSED', 'SNV'],
      ['1.2.1', '1', 1_000, 'SELF_ASSESSED', 'SNV'],
      ['1.2.2', '1', 2_000, 'SELF_ASSESSED', 'STP'],
      ['2.1', '2', 31_234, 'SELF_ASSESSED', 'STP'],
      ['2.2', '2', 45_000, 'SURVEY', null],
    ]);
    expect(result.unscored).toEqual(['1.1', '1.2.1', '1.2.2', '2.1', '2.2']);
    expect(result.totalPoints).toBe(0);
    expect(result.applicableMaxPoints).toBe(101_734);
  });

  it('the self score alone is not final: an applicable leaf waits for its appraisal', () => {
    const c = byCode(scoreAssessment(areas, assessmentOf([submittedAll])));
    expect(c.get('1.1')).toMatchObject({ selfPoints: 22_500, appraisedPoints: null, finalPoints: null, applicable: true });
  });

  it('final points are those of the latest round', () => {
    const state = assessmentOf([submittedAll, appraised('SYT', '1.1', 1, 1), appraised('SYT', '1.1', 2, 1.5), appraised('SYT', '1.2.1', 1, 0.05)]);
    const c = byCode(scoreAssessment(areas, state));
    expect(c.get('1.1')).toMatchObject({ selfPoints: 22_500, appraisedPoints: 15_000, finalPoints: 15_000 });
    expect(c.get('1.2.1')).toMatchObject({ appraisedPoints: 500, finalPoints: 500 });
    expect(latestAppraisal(state.leaves['1.1'])?.round).toBe(2);
    expect(latestAppraisal(undefined)).toBeNull();
  });

  it('a round 2 of 0 points is final (0 is a score, not a missing one)', () => {
    const state = assessmentOf([submittedAll, appraised('SYT', '1.1', 1, 2), appraised('SYT', '1.1', 2, 0)]);
    const result = scoreAssessment(areas, state);
    expect(byCode(result).get('1.1')?.finalPoints).toBe(0);
    expect(result.unscored).not.toContain('1.1');
  });

  it('a leaf the appraiser judges not applicable leaves the applicable maximum', () => {
    const state = assessmentOf([submittedAll, appraised('SYT', '2.1', 1, null, 'STP')]);
    const result = scoreAssessment(areas, state);
    expect(byCode(result).get('2.1')).toMatchObject({ applicable: false, finalPoints: null, selfPoints: 30_000 });
    expect(result.applicableMaxPoints).toBe(101_734 - 31_234);
    expect(result.unscored).not.toContain('2.1');
  });

  it('round 2 settles applicability: not applicable in round 1, applicable in round 2', () => {
    const state = assessmentOf([submittedAll, appraised('SYT', '2.1', 1, null, 'STP'), appraised('SYT', '2.1', 2, 1, 'STP')]);
    const result = scoreAssessment(areas, state);
    expect(byCode(result).get('2.1')).toMatchObject({ applicable: true, finalPoints: 10_000 });
    expect(result.applicableMaxPoints).toBe(101_734);
  });

  it('a "not applicable" claim not yet decided counts as applicable with no final points, and is unscored', () => {
    const state = assessmentOf([selfSubmitted('SYT', [{ criterionCode: '2.1', points: null, applicable: false, appraiserCode: 'STP' }])]);
    const result = scoreAssessment(areas, state);
    expect(byCode(result).get('2.1')).toMatchObject({ applicable: true, finalPoints: null, selfPoints: null, claim: 'PENDING' });
    expect(result.unscored).toEqual(['1.1', '1.2.1', '1.2.2', '2.1', '2.2']);
    expect(result.undecidedClaims).toEqual(['2.1']);
    expect(result.applicableMaxPoints).toBe(101_734);
  });

  it('the appraiser confirms a "not applicable" claim: the leaf leaves the applicable maximum', () => {
    const state = assessmentOf([
      selfSubmitted('SYT', [{ criterionCode: '2.1', points: null, applicable: false, appraiserCode: 'STP' }]),
      appraised('SYT', '2.1', 1, null, 'STP'),
    ]);
    const result = scoreAssessment(areas, state);
    expect(byCode(result).get('2.1')).toMatchObject({ applicable: false, finalPoints: null, claim: 'CONFIRMED' });
    expect(result.undecidedClaims).toEqual([]);
    expect(result.applicableMaxPoints).toBe(101_734 - 31_234);
  });

  it('the appraiser overrides a self-declared "not applicable"', () => {
    const state = assessmentOf([
      selfSubmitted('SYT', [{ criterionCode: '2.1', points: null, applicable: false, appraiserCode: 'STP' }]),
      appraised('SYT', '2.1', 1, 0.5, 'STP'),
    ]);
    expect(byCode(scoreAssessment(areas, state)).get('2.1')).toMatchObject({ applicable: true, finalPoints: 5_000, claim: 'REJECTED' });
  });

  it('survey leaves score from the survey, always applicable', () => {
    const c = byCode(scoreAssessment(areas, assessmentOf([surveyRecorded('SYT', [{ criterionCode: '2.2', points: 4.4321 }])])));
    expect(c.get('2.2')).toMatchObject({ surveyPoints: 44_321, finalPoints: 44_321, selfPoints: null, appraisedPoints: null, applicable: true });
  });

  it('gives area sub-indices over each area’s applicable maximum, and an exact total', () => {
    const state = assessmentOf([
      submittedAll,
      appraised('SYT', '1.1', 1, 2.25),
      appraised('SYT', '1.2.1', 1, 0.1),
      appraised('SYT', '1.2.2', 1, 0.2, 'STP'),
      appraised('SYT', '2.1', 1, null, 'STP'),
      surveyRecorded('SYT', [{ criterionCode: '2.2', points: 3.1234 }]),
    ]);
    const result = scoreAssessment(areas, state);
    expect(result.areas).toEqual([
      {
        code: '1',
        title: 'Công tác chỉ đạo, điều hành',
        points: 25_500,
        maxPoints: 25_500,
        ratio: { achieved: 25_500, maximum: 25_500 },
        selfPoints: 25_500,
        appraisedPoints: 25_500,
      },
      // 2.1 claimed 3 points and was appraised not applicable: the agency's view and the appraised one differ.
      {
        code: '2',
        title: 'Xây dựng và thi hành VBQPPL',
        points: 31_234,
        maxPoints: 45_000,
        ratio: { achieved: 31_234, maximum: 45_000 },
        selfPoints: 30_000,
        appraisedPoints: 0,
      },
    ]);
    expect(indexPercent(result.areas[0].ratio)).toBe(100);
    expect(indexPercent(result.areas[1].ratio)).toBeCloseTo(69.40888, 4);
    expect(fromPoints(result.totalPoints)).toBe(5.6734);
    expect(fromPoints(result.applicableMaxPoints)).toBe(7.05);
    expect(result.ratio).toEqual({ achieved: result.totalPoints, maximum: result.applicableMaxPoints });
    expect(result.unscored).toEqual([]);
  });

  it('index = total ÷ applicable maximum × 100', () => {
    const state = assessmentOf([
      submittedAll,
      appraised('SYT', '1.1', 1, 2),
      appraised('SYT', '1.2.1', 1, 0.1),
      appraised('SYT', '1.2.2', 1, 0.2, 'STP'),
      appraised('SYT', '2.1', 1, 3, 'STP'),
      surveyRecorded('SYT', [{ criterionCode: '2.2', points: 4 }]),
    ]);
    const result = scoreAssessment(areas, state);
    expect(fromPoints(result.totalPoints)).toBe(9.3);
    expect(indexPercent(result.ratio)).toBeCloseTo((9.3 / 10.1734) * 100, 10);
  });

  it('PAR-INDEX.md: Ban Dân tộc, 68.32 points of 84 applicable = 81.33 %', () => {
    const framework = normaliseFramework(
      {
        code: 'TH-2023',
        title: 'Thanh Hóa 2023 (mẫu)',
        group: 'DEPARTMENT',
        areas: [
          {
            code: '1',
            title: 'Lĩnh vực 1',
            appraiserCode: 'SNV',
            criteria: [
              { code: '1.1', title: 'a', maxPoints: 50 },
              { code: '1.2', title: 'b', maxPoints: 16 },
            ],
          },
          {
            code: '2',
            title: 'Lĩnh vực 2',
            criteria: [{ code: '2.1', title: 'Khảo sát', maxPoints: 34, method: 'SURVEY' }],
          },
        ],
      },
      isRegistered,
    );
    expect(framework.maxPoints).toBe(100);
    const state = assessmentOf([
      selfSubmitted('BDT', [
        { criterionCode: '1.1', points: 45 },
        { criterionCode: '1.2', points: null, applicable: false },
      ]),
      appraised('BDT', '1.1', 1, 41.32),
      appraised('BDT', '1.2', 1, null),
      surveyRecorded('BDT', [{ criterionCode: '2.1', points: 27 }]),
    ]);
    const result = scoreAssessment(framework.areas, state);
    expect(fromPoints(result.totalPoints)).toBe(68.32);
    expect(fromPoints(result.applicableMaxPoints)).toBe(84);
    const percent = indexPercent(result.ratio)!;
    expect(percent.toFixed(2)).toBe('81.33');
    expect(Math.round(percent * 100) / 100).toBe(81.33);
  });
});
