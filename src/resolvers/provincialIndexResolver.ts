import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { CommandOutcome } from '../commands/commandHandler';
import { commandIdArg } from '../schema/inputs/argBounds';
import {
  CompileProvincialAssessmentInput,
  ProvideCriterionDataInput,
  RecordNationalResultInput,
  RequestCriterionDataInput,
} from '../schema/inputs/provincialIndexInputs';
import { ProvincialAssessment } from '../schema/provincialIndexType';
import type { RequestContext } from './context';
import { notFoundError } from './errors';

/** The provincial index (Art. 7): SNV asks, the departments provide, SNV compiles and records the ministry's result. */
@Resolver()
export class ProvincialIndexResolver {
  private async answer(ctx: RequestContext, outcome: Promise<CommandOutcome>, year: number) {
    await ctx.readYourWrites(await outcome);
    return (await ctx.read.provincialIndex.year(year)) ?? notFoundError('year', `provincial assessment ${year}`);
  }

  @Authorized('provincialIndex')
  @Query(() => ProvincialAssessment, { nullable: true })
  provincialAssessment(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number) {
    ctx.answerSources.untracked = true;
    return ctx.read.provincialIndex.year(year);
  }

  @Mutation(() => ProvincialAssessment, { description: 'SNV asks a department for the data of its criteria, by a deadline.' })
  requestCriterionData(
    @Ctx() ctx: RequestContext,
    @Arg('input') input: RequestCriterionDataInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    return this.answer(ctx, ctx.commands.provincialIndex.requestCriterionData({ actor: ctx.actor, commandId }, input), input.year);
  }

  @Mutation(() => ProvincialAssessment, { description: 'The department asked provides a criterion’s value and evidence (its own officer).' })
  provideCriterionData(
    @Ctx() ctx: RequestContext,
    @Arg('input') input: ProvideCriterionDataInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    return this.answer(ctx, ctx.commands.provincialIndex.provideCriterionData({ actor: ctx.actor, commandId }, input), input.year);
  }

  @Mutation(() => ProvincialAssessment, { description: 'SNV compiles the year’s data (what is missing is listed) to report to the ministry.' })
  compileProvincialAssessment(
    @Ctx() ctx: RequestContext,
    @Arg('input') input: CompileProvincialAssessmentInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    return this.answer(ctx, ctx.commands.provincialIndex.compileProvincialAssessment({ actor: ctx.actor, commandId }, input), input.year);
  }

  @Mutation(() => ProvincialAssessment, { description: 'What the Ministry of Home Affairs published for the province.' })
  recordNationalResult(
    @Ctx() ctx: RequestContext,
    @Arg('input') input: RecordNationalResultInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    return this.answer(ctx, ctx.commands.provincialIndex.recordNationalResult({ actor: ctx.actor, commandId }, input), input.year);
  }
}
