import type { NewEvent } from '../envelope';
import type { AgencyGroup } from '../../domain/enums';
import type { RankingEntryData } from './cycleEvents';

// The ranking-import-<year>-<group>[-<jurisdiction>] stream's events; their schema versions and the `event()`
// helper are in ../parEvents.ts.

/**
 * A year's ranking that was run outside PAR Ledger (before it, or by another province), recorded as the People's
 * Committee published it: the entries are copied as printed, never recomputed, and `source` says where they come
 * from so every view can mark them imported.
 */
type PublishedRankingImported = NewEvent<
  'PublishedRankingImported',
  {
    year: number;
    group: AgencyGroup;
    /** The province-level jurisdiction whose ranking it is (e.g. "QNA"); null when the ranking names none. */
    jurisdiction: string | null;
    decisionNumber: string;
    /** The decision's calendar date, YYYY-MM-DD. */
    decisionDate: string;
    /** Where the figures come from: a URL, a gazette or document reference. */
    source: string;
    entries: RankingEntryData[];
  }
>;

export type ImportedRankingEvent = PublishedRankingImported;
