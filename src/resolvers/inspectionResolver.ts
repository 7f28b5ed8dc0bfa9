import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { actsForProvince } from '../domain/inspection/inspectionCommands';
import type { InspectionDocument } from '../projections/inspections/inspectionDocument';
import { commandIdArg } from '../schema/inputs/argBounds';
import { IssueInspectionPlanInput, RecordInspectionInput, ReportInspectionFollowUpInput } from '../schema/inputs/inspectionInputs';
import { Inspection, InspectionPlan } from '../schema/inspectionTypes';
import type { CommandOutcome } from '../commands/commandHandler';
import type { RequestContext } from './context';
import { notFoundError } from './errors';

const presentInspection = (doc: InspectionDocument) => ({
  ...doc,
  conductedOn: doc.recorded?.conductedOn ?? null,
  findings: doc.recorded?.findings ?? [],
  recommendations: doc.recorded?.recommendations ?? null,
  followUpDueAt: doc.recorded?.followUpDueAt ?? null,
  followUpDone: doc.followUps.some((f) => f.done),
});

/** Inspection plans, inspections and their follow-up (Art. 5). */
@Resolver()
export class InspectionResolver {
  private async answer(ctx: RequestContext, outcome: Promise<CommandOutcome>, code: string) {
    await ctx.readYourWrites(await outcome);
    const doc = await ctx.read.inspections.inspection(code);
    return doc ? presentInspection(doc) : notFoundError('code', `inspection ${code}`);
  }

  @Authorized('inspections')
  @Query(() => [InspectionPlan], { description: 'The year’s inspection plans: SNV’s first, then each department’s.' })
  async inspectionPlans(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number) {
    return (await ctx.read.inspections.plans(year)).map((plan) => ({ ...plan, inspections: plan.inspections.map(presentInspection) }));
  }

  @Authorized('inspections')
  @Query(() => Inspection, { nullable: true })
  async inspection(@Ctx() ctx: RequestContext, @Arg('code', () => ID) code: string) {
    const doc = await ctx.read.inspections.inspection(code);
    return doc ? presentInspection(doc) : null;
  }

  @Mutation(() => InspectionPlan, {
    description: 'SNV’s plan (any lead), or a department’s plan of the inspections it leads; answers with the issuer’s plan of the year.',
  })
  async issueInspectionPlan(
    @Ctx() ctx: RequestContext,
    @Arg('input') input: IssueInspectionPlanInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    const outcome = await ctx.commands.inspections.issueInspectionPlan({ actor: ctx.actor, commandId }, input);
    await ctx.readYourWrites(outcome);
    const issuer = ctx.actor && actsForProvince(ctx.actor) ? 'SNV' : ctx.actor?.agency;
    const plan = (await ctx.read.inspections.plans(input.year)).find((p) => p.issuingAgencyCode === issuer);
    return plan ? { ...plan, inspections: plan.inspections.map(presentInspection) } : notFoundError('year', `the ${input.year} plan`);
  }

  @Mutation(() => Inspection, {
    description: 'The lead’s officer or SNV records the inspection’s findings; the inspected agency then owes a follow-up within 30 days.',
  })
  recordInspection(@Ctx() ctx: RequestContext, @Arg('input') input: RecordInspectionInput, @Arg('commandId', () => ID, commandIdArg) commandId?: string) {
    return this.answer(ctx, ctx.commands.inspections.recordInspection({ actor: ctx.actor, commandId }, input), input.code);
  }

  @Mutation(() => Inspection, { description: 'The inspected agency’s officer reports what it did about the findings; `done: true` closes its duty.' })
  reportInspectionFollowUp(
    @Ctx() ctx: RequestContext,
    @Arg('input') input: ReportInspectionFollowUpInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    return this.answer(ctx, ctx.commands.inspections.reportInspectionFollowUp({ actor: ctx.actor, commandId }, input), input.code);
  }
}
