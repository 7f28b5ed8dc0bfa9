import type { RankingEntryData, RatingBand } from '../../events/parEvents';
import type { CommendationKind } from '../enums';

interface Suggestion {
  kind: CommendationKind;
  entry: RankingEntryData;
}

/**
 * What a published ranking suggests (Art. 16(6)): agencies in the group's top band for commendation, those in its
 * bottom band for accountability and a remedial plan. With fewer than two bands nothing is suggested: a single band
 * says nothing about who did best or worst. Entries keep the ranking's order.
 */
export function suggestionsFrom(entries: readonly RankingEntryData[], bands: readonly RatingBand[]): Suggestion[] {
  if (bands.length < 2) return [];
  const sorted = [...bands].sort((a, b) => b.minIndexPercent - a.minIndexPercent);
  const top = sorted[0].label;
  const bottom = sorted[sorted.length - 1].label;
  return entries.flatMap((entry): Suggestion[] => {
    if (entry.band === top) return [{ kind: 'COMMENDATION', entry }];
    if (entry.band === bottom) return [{ kind: 'ACCOUNTABILITY', entry }];
    return [];
  });
}
