import { rankingMoves } from '../../domain/analysis/rankingMoves';
import { agencyTrend, checkYearRange, trendUnits, type RankedYear } from '../../domain/analysis/trend';
import { compareFrameworks } from '../../domain/analysis/frameworkComparison';
import { frameworkCodeFor } from '../../domain/cycle/cycle';
import { AGENCY_GROUPS, type AgencyGroup } from '../../domain/enums';
import { DomainError } from '../../domain/errors';
import type { FrameworkDocument } from '../frameworks/frameworksProjection';
import type { ReadModels } from '../readModels';
import type { RankingDocument } from './rankingsProjection';
import { presentRanking, type RankingView } from './rankingView';
import { servedFor, servedRanking } from './servedRanking';

/** What a ranking compared in an analysis was: its status, where from, and the criteria set it was scored on. */
interface ComparedRanking {
  year: number;
  group: AgencyGroup;
  status: RankingView['status'];
  imported: boolean;
  source: string | null;
  jurisdiction: string | null;
  /** How many agencies it ranks. */
  groupSize: number;
  /** Null for an imported ranking: the criteria set it was scored on is not known. */
  frameworkCode: string | null;
  framework: FrameworkDocument | null;
}

/** One unit's year of a trend: its entry in the ranking served for it, and that ranking. */
interface TrendYear extends RankedYear {
  group: AgencyGroup;
  totalPoints: number;
  maxPoints: number;
  band: RankingView['entries'][number]['band'];
  ranking: ComparedRanking;
}

/** The criteria set each (year, group) was scored on, read once per analysis. */
async function describeRankings(read: ReadModels, docs: readonly RankingDocument[]): Promise<Map<RankingDocument, ComparedRanking>> {
  const years = [...new Set(docs.filter((d) => !d.imported).map((d) => d.year))];
  const cycles = new Map(await Promise.all(years.map(async (y) => [y, await read.cycle(y)] as const)));
  const codeOf = (d: RankingDocument) => {
    const cycle = d.imported ? null : cycles.get(d.year);
    return cycle ? frameworkCodeFor(cycle, d.group) : null;
  };
  const codes = [...new Set(docs.map(codeOf).filter((c) => c !== null))];
  const frameworks = new Map(codes.map((c, i) => [c, i]));
  const found = await read.frameworksByCodes(codes);
  return new Map(
    docs.map((d) => {
      const view = presentRanking(d);
      const frameworkCode = codeOf(d);
      const described: ComparedRanking = {
        year: d.year,
        group: d.group,
        status: view.status,
        imported: d.imported === true,
        source: d.source ?? null,
        jurisdiction: d.jurisdiction ?? null,
        groupSize: view.entries.length,
        frameworkCode,
        framework: frameworkCode === null ? null : (found[frameworks.get(frameworkCode)!] ?? null),
      };
      return [d, described];
    }),
  );
}

interface TrendQuery {
  agencyCode: string;
  fromYear: number | null;
  toYear: number | null;
  followLineage: boolean;
}

/**
 * An agency's trend (the query `agencyTrend` and trend.xlsx): per year, the unit's entry in the ranking served
 * for it (servedFor), for the agency and, following its lineage, every predecessor.
 */
export async function readAgencyTrend(read: ReadModels, query: TrendQuery) {
  checkYearRange(query.fromYear, query.toYear);
  const agency = await read.agencyHistory.row(query.agencyCode, null);
  if (!agency) throw new DomainError('NOT_FOUND', `agency ${query.agencyCode} was not found`, 'agencyCode');
  const units = trendUnits(query.agencyCode, query.followLineage ? await read.agencyHistory.edges() : [], query.followLineage);
  const inRange = (year: number) => (query.fromYear === null || year >= query.fromYear) && (query.toYear === null || year <= query.toYear);
  const histories = await Promise.all(AGENCY_GROUPS.map((g) => read.rankingHistory(g)));
  const byYearAndGroup = new Map<string, RankingDocument[]>();
  for (const doc of histories.flat().filter((d) => inRange(d.year))) {
    const key = `${doc.year}-${doc.group}`;
    byYearAndGroup.set(key, [...(byYearAndGroup.get(key) ?? []), doc]);
  }
  const served: { unit: string; doc: RankingDocument }[] = [];
  for (const docs of byYearAndGroup.values()) {
    for (const unit of units) {
      const doc = servedFor(docs, unit.code);
      if (doc) served.push({ unit: unit.code, doc });
    }
  }
  const described = await describeRankings(read, [...new Set(served.map((s) => s.doc))]);
  const years: TrendYear[] = served.flatMap(({ unit, doc }) => {
    const entry = presentRanking(doc).entries.find((e) => e.agencyCode === unit);
    if (!entry) return [];
    const ranking = described.get(doc)!;
    return [
      {
        year: doc.year,
        group: doc.group,
        agencyCode: entry.agencyCode,
        agencyName: entry.agencyName,
        rank: entry.rank,
        indexPercent: entry.indexPercent,
        totalPoints: entry.totalPoints,
        maxPoints: entry.maxPoints,
        band: entry.band,
        frameworkCode: ranking.frameworkCode,
        ranking,
      },
    ];
  });
  const trend = agencyTrend(units, years, query);
  // Flat, one row per year and unit: as the query's points and the workbook's rows read them.
  const points = trend.points.map(({ ranked: { ranking, ...entry }, ...label }) => ({
    ...entry,
    ...label,
    groupSize: ranking.groupSize,
    status: ranking.status,
    imported: ranking.imported,
    source: ranking.source,
    framework: ranking.framework,
  }));
  return { agency, ...query, points, frameworksDiffer: trend.frameworksDiffer, note: trend.note };
}

export type AgencyTrendResult = Awaited<ReturnType<typeof readAgencyTrend>>;

/**
 * The query `rankingChanges`: the served rankings of both years (NOT_FOUND naming the field of a year without
 * one), matched through lineage (rankingMoves).
 */
export async function readRankingChanges(read: ReadModels, query: { group: AgencyGroup; year: number; comparedToYear: number; jurisdiction: string | null }) {
  const servedOf = async (field: 'year' | 'comparedToYear') => {
    const year = query[field];
    const doc = await servedRanking(read, year, query.group, query.jurisdiction);
    if (!doc) throw new DomainError('NOT_FOUND', `no ${query.group} ranking in ${year}`, field);
    return doc;
  };
  const [current, compared] = [await servedOf('year'), await servedOf('comparedToYear')];
  const [edges, described] = await Promise.all([read.agencyHistory.edges(), describeRankings(read, [current, compared])]);
  const direction = query.comparedToYear <= query.year ? 'BACKWARDS' : 'FORWARDS';
  const moves = rankingMoves(presentRanking(current).entries, presentRanking(compared).entries, edges, direction);
  const ranking = described.get(current)!;
  const comparedRanking = described.get(compared)!;
  const frameworks = compareFrameworks([ranking, comparedRanking].map((r) => ({ year: r.year, frameworkCode: r.frameworkCode })));
  return { ...query, ranking, comparedRanking, ...moves, ...frameworks };
}
