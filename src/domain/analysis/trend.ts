import type { TrendRelation } from '../enums';
import { badInput } from '../errors';
import { compareFrameworks, type FrameworkComparison } from './frameworkComparison';
import { walkLineage, type LineageEdge } from './lineageWalk';

/** One unit's place in one year's ranking, as that ranking printed it (its name of that year). */
export interface RankedYear {
  year: number;
  agencyCode: string;
  agencyName: string;
  rank: number;
  indexPercent: number | null;
  /** The criteria set the year's group was scored on; null for an imported ranking (not known). */
  frameworkCode: string | null;
}

interface TrendPoint<Y extends RankedYear> {
  ranked: Y;
  relation: TrendRelation;
  /** From the unit to the agency asked about, both included; [agencyCode] for its own years. */
  lineagePath: string[];
  /** How the unit led to the next on the path; null for the agency's own years. */
  lineageKind: LineageEdge['kind'] | null;
}

interface Trend<Y extends RankedYear> extends FrameworkComparison {
  points: TrendPoint<Y>[];
}

/** The units whose years an agency's trend shows: itself, and with `followLineage` every predecessor, transitively. */
export function trendUnits(agencyCode: string, edges: readonly LineageEdge[], followLineage: boolean) {
  const self = { code: agencyCode, relation: 'SELF' as const, lineagePath: [agencyCode], lineageKind: null };
  if (!followLineage) return [self];
  const predecessors = walkLineage(agencyCode, edges, 'BACKWARDS').map((r) => ({
    code: r.code,
    relation: 'PREDECESSOR' as const,
    lineagePath: r.path,
    lineageKind: r.kind,
  }));
  return [self, ...predecessors];
}

export function checkYearRange(fromYear: number | null, toYear: number | null): void {
  if (fromYear !== null && toYear !== null && fromYear > toYear) throw badInput('fromYear', `${fromYear} is after toYear ${toYear}`);
}

/**
 * An agency's years, oldest first: the years of each unit (`units`, from trendUnits) within the range, its own
 * before its predecessors' in a year (then by code). Whether the years' criteria sets differ is said once for all.
 */
export function agencyTrend<Y extends RankedYear>(
  units: ReturnType<typeof trendUnits>,
  rankedYears: readonly Y[],
  range: { fromYear: number | null; toYear: number | null },
): Trend<Y> {
  checkYearRange(range.fromYear, range.toYear);
  const unitOf = new Map(units.map((u, order) => [u.code, { ...u, order }]));
  const inRange = (year: number) => (range.fromYear === null || year >= range.fromYear) && (range.toYear === null || year <= range.toYear);
  const points = rankedYears
    .filter((r) => unitOf.has(r.agencyCode) && inRange(r.year))
    .map((ranked) => {
      const unit = unitOf.get(ranked.agencyCode)!;
      return { ranked, relation: unit.relation, lineagePath: unit.lineagePath, lineageKind: unit.lineageKind, order: unit.order };
    })
    .sort((a, b) => a.ranked.year - b.ranked.year || a.order - b.order || a.ranked.agencyCode.localeCompare(b.ranked.agencyCode))
    .map(({ order: _order, ...point }) => point);
  return { points, ...compareFrameworks(points.map((p) => ({ year: p.ranked.year, frameworkCode: p.ranked.frameworkCode }))) };
}
