import type { RankingEntryData, RatingBand } from '../../events/parEvents';
import { compareRatios, fromPoints, indexPercent, type IndexRatio, type Points } from '../points';
import { bandFor } from './bands';
import { compareCodes, compareVietnamese } from '../vietnameseOrder';

export interface RankingCandidate {
  agencyCode: string;
  agencyName: string;
  totalPoints: Points;
  maxPoints: Points;
}

/**
 * Orders by the unrounded index (points ÷ applicable maximum), descending, compared exactly; equal indices share
 * a rank and the next rank skips (1, 2, 2, 4). Within a tie, names sort with a Vietnamese collator for reading.
 * Units with nothing applicable (maximum 0) have no index and come last, unranked (rank 0). Agencies left out of
 * the group's ranking (`excluded`, e.g. dissolved during the year) take no place at all and move no one's rank.
 */
export function rank(candidates: readonly RankingCandidate[], bands: readonly RatingBand[], excluded: readonly string[] = []): RankingEntryData[] {
  const ratio = (c: RankingCandidate): IndexRatio => ({ achieved: c.totalPoints, maximum: c.maxPoints });
  const ranked = candidates.filter((c) => !excluded.includes(c.agencyCode));
  const rankable = ranked.filter((c) => c.maxPoints > 0);
  const unrankable = ranked.filter((c) => c.maxPoints <= 0);
  const sorted = [...rankable].sort(
    (a, b) => compareRatios(ratio(b), ratio(a)) || compareVietnamese(a.agencyName, b.agencyName) || compareCodes(a.agencyCode, b.agencyCode),
  );
  const entries: RankingEntryData[] = [];
  sorted.forEach((c, i) => {
    const previous = sorted[i - 1];
    const tiesPrevious = previous !== undefined && compareRatios(ratio(previous), ratio(c)) === 0;
    const rankNumber = tiesPrevious ? entries[i - 1].rank : i + 1;
    entries.push(entryOf(c, rankNumber, bands));
  });
  for (const c of [...unrankable].sort((a, b) => compareVietnamese(a.agencyName, b.agencyName))) entries.push(entryOf(c, 0, bands));
  return entries;
}

function entryOf(c: RankingCandidate, rankNumber: number, bands: readonly RatingBand[]): RankingEntryData {
  const ratio = { achieved: c.totalPoints, maximum: c.maxPoints };
  return {
    rank: rankNumber,
    agencyCode: c.agencyCode,
    agencyName: c.agencyName,
    totalPoints: fromPoints(c.totalPoints),
    maxPoints: fromPoints(c.maxPoints),
    indexPercent: indexPercent(ratio),
    band: bandFor(ratio, bands)?.label ?? null,
  };
}
