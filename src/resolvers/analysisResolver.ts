import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { compareAreas } from '../domain/analysis/areaComparison';
import { frameworkCodeFor } from '../domain/cycle/cycle';
import { AreaComparison } from '../schema/areaComparisonType';
import { AgencyGroup } from '../schema/enums';
import type { RequestContext } from './context';
import { notFoundError } from './errors';

/** Questions analysts ask across a group's results; the arithmetic is the domain's (src/domain/analysis). */
@Resolver()
export class AnalysisResolver {
  @Authorized('areaComparison')
  @Query(() => AreaComparison, {
    nullable: true,
    description:
      'Every compared agency’s sub-index per area in the year’s group, and per area the mean, median, min, max and standard deviation. Only finalised assessments of participants not excluded from the ranking count; null without a cycle that year.',
  })
  async areaComparison(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number, @Arg('group', () => AgencyGroup) group: AgencyGroup) {
    const cycle = await ctx.read.cycle(year);
    if (!cycle) return null;
    const frameworkCode = frameworkCodeFor(cycle, group) ?? notFoundError('group', `a framework for ${group} in the ${year} cycle`);
    const [framework, assessments] = await Promise.all([ctx.read.framework(frameworkCode), ctx.read.assessments(year, group)]);
    const areas = framework?.areas ?? [];
    const participants = cycle.participants.filter((p) => p.group === group);
    const excluded = new Set(cycle.excluded.map((x) => x.agencyCode));
    const comparison = compareAreas(areas, participants, assessments, excluded);
    const agency = (code: string, name: string) => ({ code, name, group });
    return {
      year,
      group,
      frameworkCode,
      framework,
      areas: comparison.areas,
      rows: comparison.rows.map((row) => ({
        agency: agency(row.agencyCode, row.agencyName),
        status: row.status,
        indexPercent: row.indexPercent,
        areas: row.areas.map((a) => ({ areaCode: a.code, points: a.points, maxPoints: a.maxPoints, indexPercent: a.indexPercent })),
      })),
      notCounted: comparison.notCounted.map((n) => ({ agency: agency(n.agencyCode, n.agencyName), status: n.status, reason: n.reason })),
    };
  }
}
