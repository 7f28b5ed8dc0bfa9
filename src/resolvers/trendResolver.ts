import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { requireCode, requireYear } from '../domain/validation';
import { readAgencyTrend, readRankingChanges } from '../projections/rankings/trendReads';
import { AgencyGroup } from '../schema/enums';
import { AgencyTrend, RankingChanges } from '../schema/trendTypes';
import type { RequestContext } from './context';

const optionalYear = (field: string, year: number | null | undefined) => (year === null || year === undefined ? null : requireYear(field, year));

/** Analysts’ questions across years: the matching and the arithmetic are the domain’s (src/domain/analysis). */
@Resolver()
export class TrendResolver {
  @Authorized('agencyTrend')
  @Query(() => AgencyTrend, {
    description:
      'An agency’s index, rank, group size, band and criteria set year by year, following its predecessors (merged or split into it) with followLineage. NOT_FOUND on agencyCode for an unknown agency; BAD_USER_INPUT when fromYear is after toYear.',
  })
  async agencyTrend(
    @Ctx() ctx: RequestContext,
    @Arg('agencyCode', () => ID) agencyCode: string,
    @Arg('fromYear', () => Int, { nullable: true }) fromYear?: number | null,
    @Arg('toYear', () => Int, { nullable: true }) toYear?: number | null,
    @Arg('followLineage', () => Boolean, { defaultValue: true, description: 'Also the years of the units merged or split into it, transitively.' })
    followLineage = true,
  ) {
    return readAgencyTrend(ctx.read, {
      agencyCode: requireCode('agencyCode', agencyCode),
      fromYear: optionalYear('fromYear', fromYear),
      toYear: optionalYear('toYear', toYear),
      followLineage,
    });
  }

  @Authorized('rankingChanges')
  @Query(() => RankingChanges, {
    description:
      'Rank and index moves between two years’ rankings of a group (each as the query `ranking` serves it), matched through lineage; units that appeared or disappeared listed as such. NOT_FOUND naming `year` or `comparedToYear` when that year has no ranking.',
  })
  async rankingChanges(
    @Ctx() ctx: RequestContext,
    @Arg('group', () => AgencyGroup) group: AgencyGroup,
    @Arg('year', () => Int) year: number,
    @Arg('comparedToYear', () => Int) comparedToYear: number,
    @Arg('jurisdiction', () => ID, { nullable: true, description: 'Which imported rankings, when rankings of several jurisdictions were imported for a year.' })
    jurisdiction?: string | null,
  ) {
    return readRankingChanges(ctx.read, {
      group,
      year: requireYear('year', year),
      comparedToYear: requireYear('comparedToYear', comparedToYear),
      jurisdiction: jurisdiction || null,
    });
  }
}
