import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireCalendarDate, vietnamDayOf } from '../domain/calendarDate';
import { Agency } from '../schema/agencyType';
import { AgencyGroup } from '../schema/enums';
import { RegisterAgencyInput } from '../schema/inputs/registerAgencyInput';
import { INPUT_BOUNDS } from '../schema/inputBounds';
import { boundedArg, commandIdArg } from '../schema/inputs/argBounds';
import { Jurisdiction } from '../schema/lineageTypes';
import { CalendarDateScalar } from '../schema/scalars';
import type { RequestContext } from './context';
import { checkAsOf, notFoundError } from './errors';
import { AsOfInput } from '../schema/inputs/asOfInput';
import { agencyRow } from '../projections/agencies/agencyView';

const dateArg = (field: string, date: Date | null | undefined) => (date ? requireCalendarDate(field, date) : null);

@Resolver(() => Agency)
export class AgencyResolver {
  @Authorized('agencies')
  @Query(() => [Agency], {
    description:
      'Agencies sorted by Vietnamese name. With `activeOn`, only those active that day, with the names, groups and jurisdictions valid then (a 2019 list reads as in 2019); without it, every agency ever registered, as it is or was last.',
  })
  agencies(
    @Ctx() ctx: RequestContext,
    @Arg('group', () => AgencyGroup, { nullable: true }) group?: AgencyGroup | null,
    @Arg('activeOn', () => CalendarDateScalar, { nullable: true }) activeOn?: Date | null,
    @Arg('jurisdiction', () => ID, { nullable: true, ...boundedArg('jurisdiction', INPUT_BOUNDS.codeChars) }) jurisdiction?: string | null,
  ) {
    ctx.answerSources.untracked = true;
    return ctx.read.agencyHistory.list({ activeOn: dateArg('activeOn', activeOn), jurisdiction, group });
  }

  @Authorized('agencies')
  @Query(() => Agency, {
    nullable: true,
    description:
      'The agency as it is (or was last), or with `on`, as it was that day. With `asOf`, as the register recorded it by a past position or time (its history as then known): what an inspector checks a past decision against.',
  })
  async agency(
    @Ctx() ctx: RequestContext,
    @Arg('code', () => ID, boundedArg('code', INPUT_BOUNDS.codeChars)) code: string,
    @Arg('on', () => CalendarDateScalar, { nullable: true }) on?: Date | null,
    @Arg('asOf', () => AsOfInput, { nullable: true }) asOf?: AsOfInput | null,
  ) {
    ctx.answerSources.untracked = true;
    if (!asOf) return ctx.read.agencyHistory.row(code, dateArg('on', on));
    checkAsOf(asOf);
    const found = await ctx.asOf.agency(code, asOf);
    if (!found) return null;
    const jurisdictions = new Map(found.jurisdictions.map((j) => [j.code, j]));
    return { ...agencyRow(found.doc, dateArg('on', on), jurisdictions, vietnamDayOf(ctx.now())), asOfDoc: found.doc };
  }

  @Authorized('agencies')
  @Query(() => [Jurisdiction], { description: 'Province-level jurisdictions, with `activeOn` only those in being that day.' })
  async jurisdictions(@Ctx() ctx: RequestContext, @Arg('activeOn', () => CalendarDateScalar, { nullable: true }) activeOn?: Date | null) {
    ctx.answerSources.untracked = true;
    const on = dateArg('activeOn', activeOn);
    const all = [...(await ctx.read.agencyHistory.jurisdictions()).values()];
    return all.filter((j) => on === null || ((j.activeFrom === null || j.activeFrom <= on) && (j.activeUntil === null || j.activeUntil >= on)));
  }

  @Mutation(() => Agency)
  async registerAgency(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RegisterAgencyInput) input: RegisterAgencyInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    const outcome = await ctx.commands.registerAgency({ actor: ctx.actor, commandId }, input);
    await ctx.readYourWrites(outcome);
    return (await ctx.read.agencyHistory.row(input.code, null)) ?? notFoundError('code', `agency ${input.code}`);
  }
}
