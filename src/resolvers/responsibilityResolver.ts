import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { scopeOf } from '../auth/readScope';
import { endOfVietnamDay, requireCalendarDate, vietnamDayOf } from '../domain/calendarDate';
import { byRole, dutiesAt } from '../domain/duty/dutyViews';
import { DomainError } from '../domain/errors';
import { AsOfInput } from '../schema/inputs/asOfInput';
import { CalendarDateScalar } from '../schema/scalars';
import { CoordinatorDuties } from '../schema/coordinatorDutiesType';
import { AgencyResponsibilities } from '../schema/responsibilityType';
import { INPUT_BOUNDS } from '../schema/inputBounds';
import { boundedArg } from '../schema/inputs/argBounds';
import type { RequestContext } from './context';
import { checkAsOf } from './errors';
import { presentCoordinatorDuties, presentResponsibility } from './responsibilityView';

@Resolver()
export class ResponsibilityResolver {
  @Authorized('responsibilities')
  @Query(() => AgencyResponsibilities, {
    description:
      'What an agency leads and owes: its self-assessment, the appraisals and explanations it owes, its complaints and proposals, the extended deadlines that concern it; without `year`, the years the reader may read. The coordinating role’s list is `coordinatorDuties`.',
  })
  async responsibilities(
    @Ctx() ctx: RequestContext,
    @Arg('agencyCode', () => ID, boundedArg('agencyCode', INPUT_BOUNDS.codeChars)) agencyCode: string,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
    @Arg('on', () => CalendarDateScalar, {
      nullable: true,
      description: 'The day the coordination duties (leads, coordinates, reportsDue, …) stand on; today in Vietnam by default.',
    })
    on?: Date | null,
    @Arg('asOf', () => AsOfInput, {
      nullable: true,
      description: 'The coordination duties as recorded by a past position or time (what the register knew then), instead of now.',
    })
    asOf?: AsOfInput | null,
  ) {
    if (asOf) checkAsOf(asOf);
    const agency = await ctx.loaders.agency.load(agencyCode);
    if (!agency) throw new DomainError('NOT_FOUND', `agency ${agencyCode} is not registered`, 'agencyCode');
    const scope = scopeOf(ctx);
    if (year) await scope.check('responsibilities', year, agencyCode);
    const all = await ctx.read.responsibilities(agencyCode, year);
    const docs = await scope.filter('responsibilities', all, (d) => d);
    // Asked for an agency none of whose years the reader may read: say so rather than answer an empty list.
    if (docs.length === 0 && all.length > 0) await scope.check('responsibilities', all[0].year, agencyCode);
    const now = ctx.now();
    const present = (list: typeof docs) => Promise.all(list.map(async (d) => presentResponsibility(d, await ctx.read.cycle(d.year), now)));
    const carried = await Promise.all(
      (await ctx.read.agencyHistory.mergedInto(agencyCode, vietnamDayOf(now))).map(async (code) => {
        // What a merged unit owed is its successor's now: readable by whoever reads the successor's duties.
        const owed = await scope.filter('responsibilities', await ctx.read.responsibilities(code, year), (d) => ({ year: d.year, agencyCode }));
        return { agency: await ctx.loaders.agency.load(code), cycles: await present(owed), carried: [] };
      }),
    );
    return {
      agency,
      cycles: await present(docs),
      carried: carried.filter((c) => c.cycles.length > 0),
      ...(await this.coordinationDuties(ctx, agencyCode, on ? requireCalendarDate('on', on) : vietnamDayOf(now), asOf ?? null)),
    };
  }

  /** The agency's duties under Decision 2824 on `day`, with those of the units merged into it by then. */
  private async coordinationDuties(ctx: RequestContext, agencyCode: string, day: string, asOf: AsOfInput | null) {
    const at = endOfVietnamDay(day);
    const decision = await scopeOf(ctx).decide('responsibilities', Number(day.slice(0, 4)), agencyCode);
    // Outside the reader's scope the lists are empty, as a list query would answer.
    const codes = decision.allowed ? [agencyCode, ...(await ctx.read.agencyHistory.mergedInto(agencyCode, day))] : [];
    const recorded = codes.length === 0 ? [] : asOf ? await ctx.asOf.duties(codes, asOf) : await ctx.read.duties.of(codes);
    return { on: day, ...byRole(dutiesAt(recorded, at)) };
  }

  @Authorized('coordinatorDuties')
  @Query(() => CoordinatorDuties, {
    description:
      'What the coordinating role still has to do in a year: complaints to resolve, bonus and penalty proposals to decide, assessments to finalise (reopened ones included). Served per year rather than on SNV’s `responsibilities`, because it is a role’s work, not one agency’s: COORDINATOR, ADMIN, PROVINCIAL_LEADER and INSPECTOR read it. NOT_FOUND when no cycle of that year is open.',
  })
  async coordinatorDuties(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number) {
    const [doc, cycle] = await Promise.all([ctx.read.coordinatorDuties(year), ctx.read.cycle(year)]);
    if (!doc) throw new DomainError('NOT_FOUND', `no ${year} cycle is open`, 'year');
    return presentCoordinatorDuties(doc, cycle);
  }
}
