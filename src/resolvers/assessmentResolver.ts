import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authorizeRead } from '../commands/authorization';
import type { CommandOutcome } from '../commands/commandHandler';
import type { AssessmentDocument } from '../projections/assessments/assessmentDocument';
import { Agency } from '../schema/agencyType';
import { Assessment } from '../schema/assessmentType';
import { AgencyGroup } from '../schema/enums';
import { AppraiseCriterionInput } from '../schema/inputs/appraiseCriterionInput';
import { AsOfInput } from '../schema/inputs/asOfInput';
import { FinalizeAssessmentInput } from '../schema/inputs/finalizeAssessmentInput';
import { RecordSurveyScoresInput } from '../schema/inputs/recordSurveyScoresInput';
import { SubmitSelfAssessmentInput } from '../schema/inputs/submitSelfAssessmentInput';
import { INPUT_BOUNDS } from '../schema/inputBounds';
import { boundedArg, commandIdArg } from '../schema/inputs/argBounds';
import { cost } from '../schema/queryCost';
import type { RequestContext } from './context';
import { checkAsOf, notFoundError } from './errors';

async function afterCommand(ctx: RequestContext, outcome: Promise<CommandOutcome>, year: number, agencyCode: string) {
  await ctx.readYourWrites(await outcome);
  return (await ctx.read.assessment(year, agencyCode)) ?? notFoundError('agencyCode', `assessment ${year} of ${agencyCode}`);
}

@Resolver(() => Assessment)
export class AssessmentResolver {
  @Query(() => Assessment, { nullable: true, description: 'Current, or as it stood at a past position or time (`asOf`).', complexity: cost.assessment })
  assessment(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int) year: number,
    @Arg('agencyCode', () => ID, boundedArg('agencyCode', INPUT_BOUNDS.codeChars)) agencyCode: string,
    @Arg('asOf', () => AsOfInput, { nullable: true }) asOf?: AsOfInput | null,
  ) {
    authorizeRead(ctx.actor);
    if (!asOf) return ctx.read.assessment(year, agencyCode);
    checkAsOf(asOf);
    return ctx.asOf.assessment(year, agencyCode, asOf);
  }

  @Query(() => [Assessment], { description: 'All assessments of a year (optionally one group), by Vietnamese name.' })
  assessments(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number, @Arg('group', () => AgencyGroup, { nullable: true }) group?: AgencyGroup | null) {
    authorizeRead(ctx.actor);
    return ctx.read.assessments(year, group);
  }

  @FieldResolver(() => Agency, { description: 'With the name valid in the assessment’s year.' })
  agency(@Root() doc: AssessmentDocument) {
    return { code: doc.agencyCode, name: doc.agencyName, group: doc.group };
  }

  @Mutation(() => Assessment)
  submitSelfAssessment(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SubmitSelfAssessmentInput) input: SubmitSelfAssessmentInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return afterCommand(ctx, ctx.commands.submitSelfAssessment({ actor: ctx.actor, commandId, expectedVersion }, input), input.year, input.agencyCode);
  }

  @Mutation(() => Assessment)
  appraiseCriterion(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AppraiseCriterionInput) input: AppraiseCriterionInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return afterCommand(ctx, ctx.commands.appraiseCriterion({ actor: ctx.actor, commandId, expectedVersion }, input), input.year, input.agencyCode);
  }

  @Mutation(() => Assessment)
  recordSurveyScores(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordSurveyScoresInput) input: RecordSurveyScoresInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return afterCommand(ctx, ctx.commands.recordSurveyScores({ actor: ctx.actor, commandId, expectedVersion }, input), input.year, input.agencyCode);
  }

  @Mutation(() => Assessment)
  finalizeAssessment(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => FinalizeAssessmentInput) input: FinalizeAssessmentInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return afterCommand(ctx, ctx.commands.finalizeAssessment({ actor: ctx.actor, commandId, expectedVersion }, input), input.year, input.agencyCode);
  }
}
