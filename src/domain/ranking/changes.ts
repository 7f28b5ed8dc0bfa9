import type { RankingEntryData } from '../../events/parEvents';

/** How one agency's place moved from one publication of a ranking to the next (null: not in that publication). */
interface PublicationChange {
  agencyCode: string;
  agencyName: string;
  rankBefore: number | null;
  rankAfter: number | null;
  indexBefore: number | null;
  indexAfter: number | null;
  totalPointsBefore: number | null;
  totalPointsAfter: number | null;
}

/**
 * The agencies whose rank, index or total differ between two publications, in the order of the later one, then
 * those it no longer lists: what a republication after a correction changed, agency by agency.
 */
export function publicationChanges(before: readonly RankingEntryData[], after: readonly RankingEntryData[]): PublicationChange[] {
  const earlier = new Map(before.map((e) => [e.agencyCode, e]));
  const later = new Map(after.map((e) => [e.agencyCode, e]));
  const codes = [...after.map((e) => e.agencyCode), ...before.map((e) => e.agencyCode).filter((code) => !later.has(code))];
  return codes.flatMap((agencyCode): PublicationChange[] => {
    const [b, a] = [earlier.get(agencyCode), later.get(agencyCode)];
    if (b && a && b.rank === a.rank && b.indexPercent === a.indexPercent && b.totalPoints === a.totalPoints) return [];
    return [
      {
        agencyCode,
        agencyName: (a ?? b)?.agencyName ?? agencyCode,
        rankBefore: b?.rank ?? null,
        rankAfter: a?.rank ?? null,
        indexBefore: b?.indexPercent ?? null,
        indexAfter: a?.indexPercent ?? null,
        totalPointsBefore: b?.totalPoints ?? null,
        totalPointsAfter: a?.totalPoints ?? null,
      },
    ];
  });
}
