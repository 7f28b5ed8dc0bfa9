import { walkLineage, type Direction, type LineageEdge } from './lineageWalk';

/** An agency's place in one year's ranking, as printed (its name of that year). */
export interface Placed {
  agencyCode: string;
  agencyName: string;
  /** 1 is first; 0 when nothing applied to it (no place). */
  rank: number;
  indexPercent: number | null;
}

interface RankingMove extends Placed {
  previousAgencyCode: string;
  previousAgencyName: string;
  previousRank: number;
  previousIndexPercent: number | null;
  /** previousRank − rank: positive when the agency moved up; null when either has no place (rank 0). */
  rankChange: number | null;
  indexChange: number | null;
  /** The compared year's units it was matched with through lineage, best-ranked first; empty when by its own code. */
  matchedThrough: string[];
}

interface RankingMoves {
  moves: RankingMove[];
  /** In the year's ranking with no match in the compared year's. */
  appeared: Placed[];
  /** In the compared year's ranking, matched by nobody; `continuedBy`: the year's units its lineage leads to. */
  disappeared: (Placed & { continuedBy: string[] })[];
}

/** Placed first by rank (no place last), then by code: the order of a ranking. */
const byPlace = (a: Placed, b: Placed) => (a.rank || Infinity) - (b.rank || Infinity) || a.agencyCode.localeCompare(b.agencyCode);

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/**
 * The moves between a year's ranking (`current`) and a compared year's (`compared`), matched through lineage. An
 * entry matches the compared entry of its own code; else the nearest units its lineage leads to that are in the
 * compared ranking: its predecessors when the compared year is earlier (`BACKWARDS`), its successors when later
 * (`FORWARDS`), transitively, not beyond a unit matched. A unit formed by merging several matches them all: its
 * previous figures are the best-ranked one's, and all are listed in `matchedThrough`. The units of a split each
 * match the unit split.
 */
export function rankingMoves(current: readonly Placed[], compared: readonly Placed[], edges: readonly LineageEdge[], direction: Direction): RankingMoves {
  const before = new Map(compared.map((p) => [p.agencyCode, p]));
  const matched = new Set<string>();
  const moves: RankingMove[] = [];
  const appeared: Placed[] = [];
  for (const entry of [...current].sort(byPlace)) {
    const same = before.get(entry.agencyCode);
    const through = same ? [] : walkLineage(entry.agencyCode, edges, direction, (c) => before.has(c)).filter((r) => before.has(r.code));
    const matches = same ? [same] : through.map((r) => before.get(r.code)!).sort(byPlace);
    if (matches.length === 0) {
      appeared.push(entry);
      continue;
    }
    for (const m of matches) matched.add(m.agencyCode);
    const previous = matches[0];
    moves.push({
      ...entry,
      previousAgencyCode: previous.agencyCode,
      previousAgencyName: previous.agencyName,
      previousRank: previous.rank,
      previousIndexPercent: previous.indexPercent,
      rankChange: entry.rank > 0 && previous.rank > 0 ? previous.rank - entry.rank : null,
      indexChange: minus(entry.indexPercent, previous.indexPercent),
      matchedThrough: same ? [] : matches.map((m) => m.agencyCode),
    });
  }
  const now = new Set(current.map((p) => p.agencyCode));
  const reverse: Direction = direction === 'BACKWARDS' ? 'FORWARDS' : 'BACKWARDS';
  const disappeared = [...compared]
    .filter((p) => !matched.has(p.agencyCode))
    .sort(byPlace)
    .map((p) => ({
      ...p,
      continuedBy: walkLineage(p.agencyCode, edges, reverse, (c) => now.has(c))
        .filter((r) => now.has(r.code))
        .map((r) => r.code),
    }));
  return { moves, appeared, disappeared };
}
