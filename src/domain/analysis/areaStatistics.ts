/**
 * How an agency group's area sub-indices spread: what an analyst puts beside a heat map. Values are index
 * percentages; an agency to which nothing in the area applies has no sub-index and is left out, not counted as 0.
 */
export interface Spread {
  /** How many agencies have a sub-index in the area. */
  count: number;
  mean: number | null;
  /** The middle value; with an even count, the mean of the two middle ones. */
  median: number | null;
  min: number | null;
  max: number | null;
  /**
   * Population standard deviation (÷ count): the group is every assessed agency, not a sample of them; 0 for one
   * agency, null for none.
   */
  standardDeviation: number | null;
}

export function spreadOf(values: readonly (number | null)[]): Spread {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const count = present.length;
  if (count === 0) return { count, mean: null, median: null, min: null, max: null, standardDeviation: null };
  const mean = present.reduce((sum, v) => sum + v, 0) / count;
  const middle = Math.floor(count / 2);
  const median = count % 2 === 1 ? present[middle] : (present[middle - 1] + present[middle]) / 2;
  const variance = present.reduce((sum, v) => sum + (v - mean) ** 2, 0) / count;
  return { count, mean, median, min: present[0], max: present[count - 1], standardDeviation: Math.sqrt(variance) };
}
