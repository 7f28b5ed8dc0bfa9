import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { endOfVietnamDay, requireCalendarDate, vietnamDayOf } from '../domain/calendarDate';
import { dutiesAt, workloadOf, type DutyView } from '../domain/duty/dutyViews';
import { compareVietnamese } from '../domain/vietnameseOrder';
import { AgencyWorkload } from '../schema/dutyType';
import { CalendarDateScalar } from '../schema/scalars';
import type { RequestContext } from './context';

@Resolver()
export class WorkloadResolver {
  @Authorized('workload')
  @Query(() => [AgencyWorkload], {
    description:
      'For SNV: every agency’s duties under Decision 2824 on a day (today in Vietnam by default), counted as open, due, overdue and done, with what is outstanding; a unit merged away counts with the unit that carries its work then. Agencies with no duty are left out; Vietnamese name order.',
  })
  async workload(@Ctx() ctx: RequestContext, @Arg('on', () => CalendarDateScalar, { nullable: true }) on?: Date | null) {
    ctx.answerSources.untracked = true;
    const day = on ? requireCalendarDate('on', on) : vietnamDayOf(ctx.now());
    const [duties, carriers] = await Promise.all([ctx.read.duties.of(null), ctx.read.agencyHistory.carriersOn(day)]);
    const byAgency = new Map<string, DutyView[]>();
    for (const duty of dutiesAt(duties, endOfVietnamDay(day))) {
      const code = carriers.get(duty.agencyCode) ?? duty.agencyCode;
      byAgency.set(code, [...(byAgency.get(code) ?? []), duty]);
    }
    const rows = await Promise.all(
      [...byAgency].map(async ([code, list]) => ({
        agency: (await ctx.read.agencyHistory.row(code, day)) ?? { code, name: code, group: null },
        ...workloadOf(list),
      })),
    );
    return rows.sort((a, b) => compareVietnamese(a.agency.name, b.agency.name));
  }
}
