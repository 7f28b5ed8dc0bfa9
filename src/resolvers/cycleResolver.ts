import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { CycleDocument } from '../projections/cycles/cyclesProjection';
import { Cycle } from '../schema/cycleType';
import { AmendCycleScheduleInput } from '../schema/inputs/amendCycleScheduleInput';
import { GrantExtensionInput } from '../schema/inputs/grantExtensionInput';
import { OpenAssessmentCycleInput } from '../schema/inputs/openAssessmentCycleInput';
import { WaiveSurveyInput } from '../schema/inputs/waiveSurveyInput';
import { commandIdArg } from '../schema/inputs/argBounds';
import type { RequestContext } from './context';
import { notFoundError } from './errors';

function presentCycle(doc: CycleDocument) {
  return {
    ...doc,
    frameworks: doc.frameworks.map((f) => ({ ...f, rankingPublished: doc.published[f.group] !== undefined })),
    extensions: doc.extensions.map((e) => ({ ...e, agency: doc.participants.find((p) => p.code === e.agencyCode) })),
    endedDuringYear: (doc.endedDuringYear ?? []).map((e) => ({ ...e, excluded: doc.excluded.some((x) => x.agencyCode === e.agencyCode) })),
  };
}

@Resolver(() => Cycle)
export class CycleResolver {
  @Authorized('cycles')
  @Query(() => Cycle, { nullable: true })
  async cycle(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number) {
    const doc = await ctx.read.cycle(year);
    return doc && presentCycle(doc);
  }

  @Authorized('cycles')
  @Query(() => [Cycle], { description: 'Newest first.' })
  async cycles(@Ctx() ctx: RequestContext) {
    return (await ctx.read.cycles()).map(presentCycle);
  }

  @Mutation(() => Cycle)
  async openAssessmentCycle(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => OpenAssessmentCycleInput) input: OpenAssessmentCycleInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    const outcome = await ctx.commands.openAssessmentCycle({ actor: ctx.actor, commandId }, input);
    await ctx.readYourWrites(outcome);
    const doc = (await ctx.read.cycle(input.year)) ?? notFoundError('year', `cycle ${input.year}`);
    return presentCycle(doc);
  }

  @Mutation(() => Cycle, { description: 'Moves the year’s deadlines for every agency, with a reason (COORDINATOR).' })
  async amendCycleSchedule(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AmendCycleScheduleInput) input: AmendCycleScheduleInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    const outcome = await ctx.commands.amendCycleSchedule({ actor: ctx.actor, commandId }, input);
    await ctx.readYourWrites(outcome);
    const doc = (await ctx.read.cycle(input.year)) ?? notFoundError('year', `cycle ${input.year}`);
    return presentCycle(doc);
  }

  @Mutation(() => Cycle, { description: 'More time for one agency in one phase, with a reason (COORDINATOR).' })
  async grantExtension(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => GrantExtensionInput) input: GrantExtensionInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    const outcome = await ctx.commands.grantExtension({ actor: ctx.actor, commandId }, input);
    await ctx.readYourWrites(outcome);
    const doc = (await ctx.read.cycle(input.year)) ?? notFoundError('year', `cycle ${input.year}`);
    return presentCycle(doc);
  }

  @Mutation(() => Cycle, {
    description:
      'Waives the group’s survey for the year (COORDINATOR): its survey criteria are not applicable for every agency of the group; refused once one of them is finalised or the ranking published.',
  })
  async waiveSurvey(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => WaiveSurveyInput) input: WaiveSurveyInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    const outcome = await ctx.commands.waiveSurvey({ actor: ctx.actor, commandId }, input);
    await ctx.readYourWrites(outcome);
    const doc = (await ctx.read.cycle(input.year)) ?? notFoundError('year', `cycle ${input.year}`);
    return presentCycle(doc);
  }
}
