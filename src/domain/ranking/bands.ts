import type { AgencyGroup, GroupBands, RatingBand } from '../../events/parEvents';
import { ratioAtLeastPercent, toPoints, type IndexRatio, type Points } from '../points';

/** The bands a group is rated on in a cycle: its own (`groupBands`) where the cycle set them, else the default. */
export function bandsOf(cycle: { bands: readonly RatingBand[]; groupBands?: readonly GroupBands[] }, group: AgencyGroup): RatingBand[] {
  return [...(cycle.groupBands?.find((g) => g.group === group)?.bands ?? cycle.bands)];
}

/** The band whose threshold is the highest one the index reaches, compared exactly; null without bands. */
export function bandFor(ratio: IndexRatio, bands: readonly RatingBand[]): RatingBand | null {
  if (ratio.maximum === 0) return null;
  let best: RatingBand | null = null;
  for (const band of bands) {
    const threshold = toPoints(band.minIndexPercent) as Points;
    if (ratioAtLeastPercent(ratio, threshold) && (!best || band.minIndexPercent > best.minIndexPercent)) best = band;
  }
  return best ? { label: best.label, minIndexPercent: best.minIndexPercent } : null;
}

/**
 * A ranking entry's band as the group's bands define it. Ranking events carry the label only; the cycle's bands
 * never change once it is open, so the label finds the same threshold it was given by.
 */
export function bandNamed(label: string | null, bands: readonly RatingBand[]): RatingBand | null {
  const band = label === null ? undefined : bands.find((b) => b.label === label);
  return band ? { label: band.label, minIndexPercent: band.minIndexPercent } : null;
}
