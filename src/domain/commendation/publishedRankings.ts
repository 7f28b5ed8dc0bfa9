import type { AgencyGroup, CycleEvent, RankingEntryData, RatingBand } from '../../events/parEvents';
import { bandsOf } from '../ranking/bands';

/**
 * What commendation and accountability rest on: the year's published rankings (latest publication per group, with the
 * group's bands), folded from the cycle stream. Only rankings PAR Ledger published count; imported years do not.
 */
export interface PublishedRankings {
  opened: boolean;
  groups: Partial<Record<AgencyGroup, { entries: RankingEntryData[]; bands: RatingBand[] }>>;
  /** Each group's bands as the cycle set them, for the publications to come. */
  bands: Partial<Record<AgencyGroup, RatingBand[]>>;
}

export const publishedRankingsFold = {
  initialState: (): PublishedRankings => ({ opened: false, groups: {}, bands: {} }),
  evolve(state: PublishedRankings, event: CycleEvent): PublishedRankings {
    switch (event.type) {
      case 'AssessmentCycleOpened': {
        const groups: AgencyGroup[] = ['DEPARTMENT', 'PROVINCIAL_BRANCH', 'DISTRICT', 'COMMUNE'];
        return { ...state, opened: true, bands: Object.fromEntries(groups.map((g) => [g, bandsOf(event.data, g)])) };
      }
      case 'RankingPublished':
      case 'RankingRepublished': {
        const { group, entries } = event.data;
        return { ...state, groups: { ...state.groups, [group]: { entries, bands: state.bands[group] ?? [] } } };
      }
      default:
        return state;
    }
  },
};

/** The entry of an agency in the year's published rankings, with its group; null when it is in none. */
export function publishedEntryOf(rankings: PublishedRankings, agencyCode: string): { group: AgencyGroup; entry: RankingEntryData } | null {
  for (const [group, ranking] of Object.entries(rankings.groups) as [AgencyGroup, { entries: RankingEntryData[] }][]) {
    const entry = ranking.entries.find((e) => e.agencyCode === agencyCode);
    if (entry) return { group, entry };
  }
  return null;
}
