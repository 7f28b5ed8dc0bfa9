import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { CommandOutcome } from '../commands/commandHandler';
import { INPUT_BOUNDS } from '../schema/inputBounds';
import { boundedArg, commandIdArg } from '../schema/inputs/argBounds';
import {
  AdoptPlanInput,
  AmendPlanInput,
  DraftPlanInput,
  NotifyHigherLevelChangeInput,
  RequestPlanCommentsInput,
  SubmitPlanCommentInput,
} from '../schema/inputs/planInputs';
import { Plan } from '../schema/planTypes';
import type { RequestContext } from './context';
import { notFoundError } from './errors';
import { presentPlan } from './planView';

/** PAR plans and programmes (Art. 3): each mutation answers with the plan as it stands after it. */
@Resolver(() => Plan)
export class PlanResolver {
  private async answer(ctx: RequestContext, outcome: Promise<CommandOutcome>, code: string) {
    await ctx.readYourWrites(await outcome);
    const plan = await ctx.read.plans.one(code);
    return plan ? presentPlan(plan, ctx.now()) : notFoundError('planCode', `plan ${code}`);
  }

  @Authorized('plans')
  @Query(() => [Plan], { description: 'The plans and programmes of a year, by code; task status as of now.' })
  async plans(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number) {
    ctx.answerSources.untracked = true;
    const now = ctx.now();
    return (await ctx.read.plans.ofYear(year)).map((p) => presentPlan(p, now));
  }

  @Authorized('plans')
  @Query(() => Plan, { nullable: true, description: 'One plan with its tasks and their status, comments, notices, adoption and amendments.' })
  async plan(@Ctx() ctx: RequestContext, @Arg('code', () => ID, boundedArg('code', INPUT_BOUNDS.codeChars)) code: string) {
    ctx.answerSources.untracked = true;
    const plan = await ctx.read.plans.one(code);
    return plan ? presentPlan(plan, ctx.now()) : null;
  }

  @Mutation(() => Plan, { description: 'SNV drafts a plan or programme (COORDINATOR, ADMIN); SNV leads it until adopted.' })
  draftPlan(@Ctx() ctx: RequestContext, @Arg('input') input: DraftPlanInput, @Arg('commandId', () => ID, commandIdArg) commandId?: string) {
    return this.answer(ctx, ctx.commands.plans.draftPlan({ actor: ctx.actor, commandId }, input), input.code);
  }

  @Mutation(() => Plan, { description: 'SNV asks departments to comment on the draft by `dueAt` (COORDINATOR, ADMIN): each owes a comment.' })
  requestPlanComments(@Ctx() ctx: RequestContext, @Arg('input') input: RequestPlanCommentsInput, @Arg('commandId', () => ID, commandIdArg) commandId?: string) {
    return this.answer(ctx, ctx.commands.plans.requestPlanComments({ actor: ctx.actor, commandId }, input), input.planCode);
  }

  @Mutation(() => Plan, { description: 'An asked department comments on the draft (its AGENCY_OFFICER), until adoption.' })
  submitPlanComment(@Ctx() ctx: RequestContext, @Arg('input') input: SubmitPlanCommentInput, @Arg('commandId', () => ID, commandIdArg) commandId?: string) {
    return this.answer(ctx, ctx.commands.plans.submitPlanComment({ actor: ctx.actor, commandId }, input), input.planCode);
  }

  @Mutation(() => Plan, { description: 'A department (its AGENCY_OFFICER) notifies SNV of a higher-level change; SNV then owes a consideration.' })
  notifyHigherLevelChange(
    @Ctx() ctx: RequestContext,
    @Arg('input') input: NotifyHigherLevelChangeInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    return this.answer(ctx, ctx.commands.plans.notifyHigherLevelChange({ actor: ctx.actor, commandId }, input), input.planCode);
  }

  @Mutation(() => Plan, { description: 'The People’s Committee adopts the plan (PROVINCIAL_LEADER, ADMIN): its tasks become the agencies’ duties.' })
  adoptPlan(@Ctx() ctx: RequestContext, @Arg('input') input: AdoptPlanInput, @Arg('commandId', () => ID, commandIdArg) commandId?: string) {
    return this.answer(ctx, ctx.commands.plans.adoptPlan({ actor: ctx.actor, commandId }, input), input.planCode);
  }

  @Mutation(() => Plan, { description: 'SNV records an amendment of the adopted plan (COORDINATOR, ADMIN): tasks changed or added, by a decision.' })
  amendPlan(@Ctx() ctx: RequestContext, @Arg('input') input: AmendPlanInput, @Arg('commandId', () => ID, commandIdArg) commandId?: string) {
    return this.answer(ctx, ctx.commands.plans.amendPlan({ actor: ctx.actor, commandId }, input), input.planCode);
  }
}
