import {
  compareRatios,
  fromPoints,
  indexPercent,
  POINT_SCALE,
  ratioAtLeastPercent,
  sumPoints,
  toPoints,
  ZERO,
  type IndexRatio,
  type Points,
} from '../../src/domain/points';

const p = (value: number): Points => {
  const points = toPoints(value);
  if (points === null) throw new Error(`${value} is not a valid points value`);
  return points;
};
const ratio = (achieved: number, maximum: number): IndexRatio => ({ achieved: p(achieved), maximum: p(maximum) });

describe('toPoints', () => {
  it.each([NaN, Infinity, -Infinity])('rejects %p', (value) => {
    expect(toPoints(value)).toBeNull();
  });

  it.each([0.12345, 1.00001, 14.50005, 0.00001, 99.99999])('rejects %p (a fifth decimal)', (value) => {
    expect(toPoints(value)).toBeNull();
  });

  it('accepts up to four decimals, as whole ten-thousandths', () => {
    expect(toPoints(0.1234)).toBe(1234);
    expect(toPoints(14.5)).toBe(145_000);
    expect(toPoints(0)).toBe(0);
    expect(toPoints(100)).toBe(1_000_000);
    expect(toPoints(0.0001)).toBe(1);
    expect(toPoints(68.32)).toBe(683_200);
    expect(toPoints(3.1234)).toBe(31_234);
  });

  it('keeps values whose binary form is slightly off the grid (binary noise is not a fifth decimal)', () => {
    // 0.1 + 0.2 === 0.30000000000000004 in floats: still 0.3 points.
    expect(toPoints(0.1 + 0.2)).toBe(3000);
    expect(toPoints(1.1 * 3)).toBe(33_000);
  });

  it('gives negative values their exact scale (callers decide whether they are allowed)', () => {
    expect(toPoints(-0.0001)).toBe(-1);
  });

  it('rejects values beyond safe integer precision', () => {
    expect(toPoints(Number.MAX_SAFE_INTEGER)).toBeNull();
  });

  it('uses a scale of 10 000', () => {
    expect(POINT_SCALE).toBe(10_000);
    expect(ZERO).toBe(0);
  });
});

describe('exact sums', () => {
  it('adds 0.1 and 0.2 to exactly 0.3', () => {
    expect(fromPoints(sumPoints([p(0.1), p(0.2)]))).toBe(0.3);
    expect(0.1 + 0.2).not.toBe(0.3); // the float drift the point scale avoids
  });

  it('adds a score sheet to its printed total', () => {
    expect(fromPoints(sumPoints([p(2.25), p(0.1), p(0.2), p(3.1234), p(4.4321)]))).toBe(10.1055);
    expect(fromPoints(sumPoints([p(10), p(10), p(14.5), p(11), p(16), p(7), p(16), p(15.5)]))).toBe(100);
    expect(fromPoints(sumPoints(Array.from({ length: 10 }, () => p(0.1))))).toBe(1);
  });

  it('sums nothing to zero, and accepts any iterable', () => {
    expect(sumPoints([])).toBe(0);
    expect(sumPoints(new Set([p(0.7), p(0.1)]))).toBe(8000);
  });

  it('round-trips every 4-decimal value', () => {
    for (const v of [0.1234, 0.0001, 14.5, 93.03, 68.32, 62.62, 99.9999]) expect(fromPoints(p(v))).toBe(v);
  });
});

describe('compareRatios', () => {
  it('orders ratios, not raw points: 39 of 40 beats 96 of 100', () => {
    expect(compareRatios(ratio(39, 40), ratio(96, 100))).toBe(1);
    expect(compareRatios(ratio(96, 100), ratio(39, 40))).toBe(-1);
  });

  it('finds equal ratios equal whatever their maxima (68.32/84 = 81.3333/100 is not, 61/75 is)', () => {
    expect(compareRatios(ratio(68.32, 84), ratio(61, 75))).toBe(0);
    expect(compareRatios(ratio(68.32, 84), ratio(81.3333, 100))).toBe(1);
  });

  it('tells apart ratios that floats cannot (68.32/84 vs one that differs beyond double precision)', () => {
    const published = ratio(68.32, 84);
    // Both are safe integers of ten-thousandths; as floats the two indices are the same number.
    const above = { achieved: 7325855393855198 as Points, maximum: 9007199254739997 as Points };
    const below = { achieved: 7325855393855199 as Points, maximum: 9007199254739999 as Points };
    expect(indexPercent(above)).toBe(indexPercent(published));
    expect(indexPercent(below)).toBe(indexPercent(published));
    expect(above.achieved / above.maximum).toBe(published.achieved / published.maximum);

    expect(compareRatios(above, published)).toBe(1);
    expect(compareRatios(published, above)).toBe(-1);
    expect(compareRatios(below, published)).toBe(-1);
    expect(compareRatios(above, below)).toBe(1);
  });

  it('finds a ratio equal to itself', () => {
    expect(compareRatios(ratio(93.03, 100), ratio(93.03, 100))).toBe(0);
  });
});

describe('indexPercent', () => {
  it('is achieved ÷ maximum × 100, null when nothing applies', () => {
    expect(indexPercent(ratio(68.32, 84))).toBeCloseTo(81.3333333, 6);
    expect(Number(indexPercent(ratio(68.32, 84))!.toFixed(2))).toBe(81.33);
    expect(indexPercent(ratio(50, 100))).toBe(50);
    expect(indexPercent({ achieved: ZERO, maximum: ZERO })).toBeNull();
  });
});

describe('ratioAtLeastPercent', () => {
  it('is inclusive at the threshold', () => {
    expect(ratioAtLeastPercent(ratio(93, 100), p(93))).toBe(true);
    expect(ratioAtLeastPercent(ratio(68.82, 74), p(93))).toBe(true); // 68.82 / 74 is exactly 93 %
    expect(ratioAtLeastPercent(ratio(46.5, 50), p(93))).toBe(true);
  });

  it('is false one ten-thousandth of a point below the threshold', () => {
    expect(ratioAtLeastPercent(ratio(92.9999, 100), p(93))).toBe(false);
    expect(ratioAtLeastPercent(ratio(68.8199, 74), p(93))).toBe(false);
  });

  it('compares thresholds with four decimals exactly', () => {
    expect(ratioAtLeastPercent(ratio(93.0001, 100), p(93.0001))).toBe(true);
    expect(ratioAtLeastPercent(ratio(93.0001, 100), p(93.0002))).toBe(false);
    // 61/75 = 81.3333…% reaches 81.3333 but not 81.3334
    expect(ratioAtLeastPercent(ratio(68.32, 84), p(81.3333))).toBe(true);
    expect(ratioAtLeastPercent(ratio(68.32, 84), p(81.3334))).toBe(false);
  });

  it('handles 0 and 100', () => {
    expect(ratioAtLeastPercent(ratio(0, 10), p(0))).toBe(true);
    expect(ratioAtLeastPercent(ratio(0, 10), p(0.0001))).toBe(false);
    expect(ratioAtLeastPercent(ratio(10, 10), p(100))).toBe(true);
    expect(ratioAtLeastPercent(ratio(9.9999, 10), p(100))).toBe(false);
  });

  it('stays exact where float arithmetic would not', () => {
    const above = { achieved: 7325855393855198 as Points, maximum: 9007199254739997 as Points };
    const below = { achieved: 7325855393855199 as Points, maximum: 9007199254739999 as Points };
    // Threshold 81.3333 % sits below both; the exact comparison never crosses to the wrong side.
    expect(ratioAtLeastPercent(above, p(81.3333))).toBe(true);
    expect(ratioAtLeastPercent(below, p(81.3334))).toBe(false);
  });
});
