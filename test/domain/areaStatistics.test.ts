import { compareAreas, type AssessedAgency } from '../../src/domain/analysis/areaComparison';
import { spreadOf } from '../../src/domain/analysis/areaStatistics';

describe('spreadOf: the spread of an area’s sub-indices', () => {
  it('gives the middle value of an odd count, whatever the order', () => {
    expect(spreadOf([90, 50, 70])).toEqual({ count: 3, mean: 70, median: 70, min: 50, max: 90, standardDeviation: Math.sqrt(800 / 3) });
  });

  it('gives the mean of the two middle values of an even count', () => {
    const spread = spreadOf([100, 40, 60, 80]);
    expect(spread).toMatchObject({ count: 4, mean: 70, median: 70, min: 40, max: 100 });
    // Population deviation: √((30² + 10² + 10² + 30²) ÷ 4) = √500.
    expect(spread.standardDeviation).toBeCloseTo(Math.sqrt(500), 12);
    expect(spreadOf([10, 20]).median).toBe(15);
  });

  it('leaves out agencies without a sub-index (nothing applies), not counting them as 0', () => {
    expect(spreadOf([null, 80, null, 60])).toEqual({ count: 2, mean: 70, median: 70, min: 60, max: 80, standardDeviation: 10 });
  });

  it('has no statistics for an empty group or an area that applies to nobody, and no spread for one agency', () => {
    const none = { count: 0, mean: null, median: null, min: null, max: null, standardDeviation: null };
    expect(spreadOf([])).toEqual(none);
    expect(spreadOf([null, null])).toEqual(none);
    expect(spreadOf([87.5])).toEqual({ count: 1, mean: 87.5, median: 87.5, min: 87.5, max: 87.5, standardDeviation: 0 });
  });
});

describe('compareAreas: the group’s areas side by side', () => {
  const areas = [
    { code: '1', title: 'Chỉ đạo, điều hành', maxPoints: 8 },
    { code: '2', title: 'Văn bản QPPL', maxPoints: 2 },
  ];
  const finalised = (agencyCode: string, agencyName: string, area1: number, area2: number | null): AssessedAgency => ({
    agencyCode,
    agencyName,
    status: 'FINALIZED',
    indexPercent: null,
    areas: [
      { code: '1', points: area1, maxPoints: 8, indexPercent: (area1 * 100) / 8 },
      { code: '2', points: area2 ?? 0, maxPoints: area2 === null ? 0 : 2, indexPercent: area2 === null ? null : area2 * 50 },
    ],
  });
  const participants = [
    { code: 'TAMKY', name: 'UBND Thành phố Tam Kỳ' },
    { code: 'DAILOC', name: 'UBND huyện Đại Lộc' },
    { code: 'DUYXUYEN', name: 'UBND huyện Duy Xuyên' },
    { code: 'HOIAN', name: 'UBND Thành phố Hội An' },
    { code: 'NONGSON', name: 'UBND huyện Nông Sơn' },
    { code: 'PHUNINH', name: 'UBND huyện Phú Ninh' },
  ];

  it('counts finalised assessments of participants not excluded, lists the others with why, in Vietnamese name order', () => {
    const result = compareAreas(
      areas,
      participants,
      [
        finalised('TAMKY', 'UBND Thành phố Tam Kỳ', 8, 2),
        finalised('HOIAN', 'UBND Thành phố Hội An', 6, null),
        finalised('DAILOC', 'UBND huyện Đại Lộc', 4, 1),
        finalised('DUYXUYEN', 'UBND huyện Duy Xuyên', 2, 0),
        { ...finalised('NONGSON', 'UBND huyện Nông Sơn', 8, 2) },
        { ...finalised('PHUNINH', 'UBND huyện Phú Ninh', 0, 0), status: 'UNDER_APPRAISAL' },
      ],
      new Set(['NONGSON']),
    );
    // "Duy" before "Đại" (D before Đ), "huyện" before "Thành phố"
    expect(result.rows.map((r) => r.agencyCode)).toEqual(['DUYXUYEN', 'DAILOC', 'HOIAN', 'TAMKY']);
    expect(result.notCounted).toEqual([
      { agencyCode: 'NONGSON', agencyName: 'UBND huyện Nông Sơn', status: 'FINALIZED', reason: 'EXCLUDED_FROM_RANKING' },
      { agencyCode: 'PHUNINH', agencyName: 'UBND huyện Phú Ninh', status: 'UNDER_APPRAISAL', reason: 'NOT_FINALIZED' },
    ]);
    // Area 1: 25, 50, 75, 100 %. Area 2 applies to three of them: 0, 50, 100 %.
    expect(result.areas[0]).toMatchObject({ code: '1', count: 4, notApplicable: 0, mean: 62.5, median: 62.5, min: 25, max: 100 });
    // √((37.5² + 12.5² + 12.5² + 37.5²) ÷ 4) = √781.25
    expect(result.areas[0].standardDeviation).toBeCloseTo(Math.sqrt(781.25), 10);
    expect(result.areas[1]).toMatchObject({
      code: '2',
      title: 'Văn bản QPPL',
      maxPoints: 2,
      count: 3,
      notApplicable: 1,
      mean: 50,
      median: 50,
      min: 0,
      max: 100,
    });
  });

  it('lists a participant without an assessment as not assessed, and gives an empty group no statistics', () => {
    const result = compareAreas(areas, [participants[0]], [], new Set());
    expect(result.rows).toEqual([]);
    expect(result.notCounted).toEqual([{ agencyCode: 'TAMKY', agencyName: 'UBND Thành phố Tam Kỳ', status: null, reason: 'NOT_ASSESSED' }]);
    expect(result.areas.map((a) => [a.count, a.mean, a.median, a.standardDeviation])).toEqual([
      [0, null, null, null],
      [0, null, null, null],
    ]);
  });
});
