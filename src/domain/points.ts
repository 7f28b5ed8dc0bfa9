/**
 * Points are kept as whole ten-thousandths (survey points carry up to 4 decimals), so sums are exact integer
 * arithmetic: 0.1 + 0.2 is 0.3 here, as it is on the published score sheet.
 */
export type Points = number & { readonly __unit: 'ten-thousandths of a point' };

export const POINT_SCALE = 10_000;

export const ZERO = 0 as Points;

/** Null when the value is not a finite number or has more than 4 decimals. */
export function toPoints(value: number): Points | null {
  if (!Number.isFinite(value)) return null;
  const scaled = Math.round(value * POINT_SCALE);
  // A value with a 5th decimal lands measurably off the grid; the tolerance absorbs binary noise only.
  if (Math.abs(scaled - value * POINT_SCALE) > 1e-6 * Math.max(1, Math.abs(value))) return null;
  if (!Number.isSafeInteger(scaled)) return null;
  return scaled as Points;
}

export function fromPoints(points: Points): number {
  return points / POINT_SCALE;
}

export function sumPoints(values: Iterable<Points>): Points {
  let total = 0;
  for (const v of values) total += v;
  return total as Points;
}

/** An exact ratio achieved / maximum; the ranking compares these, never rounded percentages. */
export interface IndexRatio {
  achieved: Points;
  maximum: Points;
}

/** Index % as a float for display; null when nothing applies (maximum 0). */
export function indexPercent(ratio: IndexRatio): number | null {
  if (ratio.maximum === 0) return null;
  return (ratio.achieved * 100) / ratio.maximum;
}

/** Exact comparison of two ratios by cross-multiplication: negative when a < b. */
export function compareRatios(a: IndexRatio, b: IndexRatio): number {
  const left = BigInt(a.achieved) * BigInt(b.maximum);
  const right = BigInt(b.achieved) * BigInt(a.maximum);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Exact test: achieved / maximum × 100 ≥ percent (percent itself given in points scale, 4 decimals). */
export function ratioAtLeastPercent(ratio: IndexRatio, percent: Points): boolean {
  return BigInt(ratio.achieved) * 100n * BigInt(POINT_SCALE) >= BigInt(percent) * BigInt(ratio.maximum);
}
