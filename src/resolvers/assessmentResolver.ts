import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { scopeOf } from '../auth/readScope';
import { rulesFor } from '../auth/readScopes';
import type { CommandOutcome } from '../commands/commandHandler';
import type { AssessmentDocument } from '../projections/assessments/assessmentDocument';
import { assessmentTreeOf } from '../projections/assessments/assessmentTreeView';
import { Agency } from '../schema/agencyType';
import { AssessmentNode } from '../schema/assessmentNodeType';
import { Assessment } from '../schema/assessmentType';
import { AgencyGroup } from '../schema/enums';
import { Framework } from '../schema/frameworkType';
import { AppraiseCriteriaInput } from '../schema/inputs/appraiseCriteriaInput';
import { AppraiseCriterionInput } from '../schema/inputs/appraiseCriterionInput';
import { AsOfInput } from '../schema/inputs/asOfInput';
import { AssignAppraiserInput } from '../schema/inputs/assignAppraiserInput';
import { FinalizeAssessmentInput } from '../schema/inputs/finalizeAssessmentInput';
import { DecideAdjustmentInput } from '../schema/inputs/decideAdjustmentInput';
import { ProposeAdjustmentInput } from '../schema/inputs/proposeAdjustmentInput';
import { LodgeComplaintInput } from '../schema/inputs/lodgeComplaintInput';
import { RecordNonSubmissionInput } from '../schema/inputs/recordNonSubmissionInput';
import { ReopenAssessmentInput } from '../schema/inputs/reopenAssessmentInput';
import { ResolveComplaintInput } from '../schema/inputs/resolveComplaintInput';
import { RecordSurveyScoresInput } from '../schema/inputs/recordSurveyScoresInput';
import { RequestExplanationInput } from '../schema/inputs/requestExplanationInput';
import { SubmitExplanationInput } from '../schema/inputs/submitExplanationInput';
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
  @Authorized('assessments')
  @Query(() => Assessment, { nullable: true, description: 'Current, or as it stood at a past position or time (`asOf`).', complexity: cost.assessment })
  async assessment(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int) year: number,
    @Arg('agencyCode', () => ID, boundedArg('agencyCode', INPUT_BOUNDS.codeChars)) agencyCode: string,
    @Info() info: GraphQLResolveInfo,
    @Arg('asOf', () => AsOfInput, { nullable: true }) asOf?: AsOfInput | null,
  ) {
    if (asOf) checkAsOf(asOf);
    // Decided on the assessment as it stands now, before any (costly) rebuild of a past state: once it is
    // finalised or published its history is public too, as its audit events are.
    await scopeOf(ctx).check('assessments', year, agencyCode);
    if (asOf) return ctx.asOf.assessment(year, agencyCode, asOf);
    // A reader whose roles read every assessment gets an answer that depends on the document alone (AnswerCache).
    const byRolesAlone = rulesFor(ctx.actor?.roles ?? [], 'assessments').includes('ALL');
    return ctx.read.assessment(year, agencyCode, byRolesAlone ? ctx.answerSources.cacheable(info) : undefined);
  }

  @Authorized('assessments')
  @Query(() => [Assessment], { description: 'All assessments of a year (optionally one group), by Vietnamese name, as far as the reader may read them.' })
  async assessments(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int) year: number,
    @Arg('group', () => AgencyGroup, { nullable: true }) group?: AgencyGroup | null,
  ) {
    return scopeOf(ctx).filter('assessments', await ctx.read.assessments(year, group), (doc) => doc);
  }

  @FieldResolver(() => Agency, { description: 'With the name valid in the assessment’s year.' })
  agency(@Root() doc: AssessmentDocument) {
    return { code: doc.agencyCode, name: doc.agencyName, group: doc.group };
  }

  @FieldResolver(() => [AssessmentNode], {
    description:
      'The criteria as the framework nests them, area → criterion → sub-criteria → leaf, with sub-totals at every level (the leaves are those of `criteria`).',
  })
  tree(@Root() doc: AssessmentDocument) {
    return assessmentTreeOf(doc);
  }

  @FieldResolver(() => Framework, { nullable: true, description: 'The criteria set the assessment follows (frameworkCode).', complexity: cost.loaded })
  framework(@Root() doc: AssessmentDocument, @Ctx() ctx: RequestContext) {
    return ctx.loaders.framework.load(doc.frameworkCode);
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

  @Mutation(() => Assessment, { description: 'Stores self scores without sending them (status DRAFT); submitSelfAssessment sends them.' })
  saveSelfAssessmentDraft(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SubmitSelfAssessmentInput) input: SubmitSelfAssessmentInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return afterCommand(ctx, ctx.commands.saveSelfAssessmentDraft({ actor: ctx.actor, commandId, expectedVersion }, input), input.year, input.agencyCode);
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

  @Mutation(() => Assessment, {
    description: 'Appraises many leaves of one agency in one round, all or nothing (one append); a refused item refuses the whole command, naming items[i].',
  })
  appraiseCriteria(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AppraiseCriteriaInput) input: AppraiseCriteriaInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return afterCommand(ctx, ctx.commands.appraiseCriteria({ actor: ctx.actor, commandId, expectedVersion }, input), input.year, input.agencyCode);
  }

  @Mutation(() => Assessment, { description: 'The leaf’s appraiser asks the agency to explain, after round 1; round 2 waits for the answer or dueAt.' })
  requestExplanation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RequestExplanationInput) input: RequestExplanationInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return afterCommand(ctx, ctx.commands.requestExplanation({ actor: ctx.actor, commandId, expectedVersion }, input), input.year, input.agencyCode);
  }

  @Mutation(() => Assessment, { description: 'The agency answers the open explanation request on a leaf, until its dueAt (or EXPLANATION extension).' })
  submitExplanation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SubmitExplanationInput) input: SubmitExplanationInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return afterCommand(ctx, ctx.commands.submitExplanation({ actor: ctx.actor, commandId, expectedVersion }, input), input.year, input.agencyCode);
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

  @Mutation(() => Assessment, {
    description:
      'Proposes bonus points (the agency’s officer, until its self-assessment deadline) or penalty points (COORDINATOR or an APPRAISER, until finalisation) within the framework’s cap; listed in Assessment.adjustments.',
  })
  proposeAdjustment(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ProposeAdjustmentInput) input: ProposeAdjustmentInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return afterCommand(ctx, ctx.commands.proposeAdjustment({ actor: ctx.actor, commandId, expectedVersion }, input), input.year, input.agencyCode);
  }

  @Mutation(() => Assessment, { description: 'Decides a bonus or penalty proposal (COORDINATOR), before finalisation: 0 rejects it.' })
  decideAdjustment(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DecideAdjustmentInput) input: DecideAdjustmentInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return afterCommand(ctx, ctx.commands.decideAdjustment({ actor: ctx.actor, commandId, expectedVersion }, input), input.year, input.agencyCode);
  }

  @Mutation(() => Assessment, {
    description: 'The agency’s officer complains about a criterion’s published result, within PAR_COMPLAINT_DAYS of the publication.',
  })
  lodgeComplaint(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => LodgeComplaintInput) input: LodgeComplaintInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return afterCommand(ctx, ctx.commands.lodgeComplaint({ actor: ctx.actor, commandId, expectedVersion }, input), input.year, input.agencyCode);
  }

  @Mutation(() => Assessment, { description: 'The coordinator upholds or rejects a complaint (COORDINATOR).' })
  resolveComplaint(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ResolveComplaintInput) input: ResolveComplaintInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return afterCommand(ctx, ctx.commands.resolveComplaint({ actor: ctx.actor, commandId, expectedVersion }, input), input.year, input.agencyCode);
  }

  @Mutation(() => Assessment, {
    description:
      'Reopens a finalised assessment for a correction (COORDINATOR): appraisals may be corrected past the deadline until it is finalised again; the ranking is then published again with a reason.',
  })
  reopenAssessment(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ReopenAssessmentInput) input: ReopenAssessmentInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return afterCommand(ctx, ctx.commands.reopenAssessment({ actor: ctx.actor, commandId, expectedVersion }, input), input.year, input.agencyCode);
  }

  @Mutation(() => Assessment, {
    description: 'Records that the agency sent no self-assessment by its effective deadline (COORDINATOR): self-assessed criteria score 0.',
  })
  recordNonSubmission(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordNonSubmissionInput) input: RecordNonSubmissionInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return afterCommand(ctx, ctx.commands.recordNonSubmission({ actor: ctx.actor, commandId, expectedVersion }, input), input.year, input.agencyCode);
  }

  @Mutation(() => Assessment, {
    description:
      'Names another appraiser for some of an agency’s criteria (COORDINATOR): an agency never appraises its own self-assessment; from then on only the named appraiser appraises them.',
  })
  assignAppraiser(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AssignAppraiserInput) input: AssignAppraiserInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return afterCommand(ctx, ctx.commands.assignAppraiser({ actor: ctx.actor, commandId, expectedVersion }, input), input.year, input.agencyCode);
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
