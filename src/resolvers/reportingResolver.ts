import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { endOfVietnamDay, requireCalendarDate, vietnamDayOf } from '../domain/calendarDate';
import { submissionStatusAt } from '../domain/reporting/reporting';
import { roundOf } from '../domain/reporting/reportingRound';
import type { RegulationIssueDocument, ReportingDocument } from '../projections/reporting/reportingDocuments';
import { commandIdArg } from '../schema/inputs/argBounds';
import { CompileProvincialReportInput, ReportRegulationIssueInput, ScheduleReportingInput, SubmitProgressReportInput } from '../schema/inputs/reportingInputs';
import { RegulationIssue, Reporting } from '../schema/reportingTypes';
import { CalendarDateScalar } from '../schema/scalars';
import type { CommandOutcome } from '../commands/commandHandler';
import type { RequestContext } from './context';
import { notFoundError } from './errors';

function presentRound(doc: ReportingDocument, day: string) {
  const at = endOfVietnamDay(day);
  return {
    ...doc,
    id: doc.reportingId,
    on: day,
    submissions: doc.submissions.map((s) => ({ ...s, submittedAt: s.firstSubmittedAt, status: submissionStatusAt(s.firstSubmittedAt, doc.dueAt, at) })),
  };
}

const presentIssue = (doc: RegulationIssueDocument) => ({ ...doc, id: doc.issueId });

/** Reporting rounds (Art. 4) and issues with the regulation (Art. 17(3)). */
@Resolver()
export class ReportingResolver {
  private day(ctx: RequestContext, on?: Date | null) {
    ctx.answerSources.untracked = true;
    return on ? requireCalendarDate('on', on) : vietnamDayOf(ctx.now());
  }

  private async round(ctx: RequestContext, outcome: Promise<CommandOutcome>, reportingId: string) {
    await ctx.readYourWrites(await outcome);
    const doc = await ctx.read.reporting.round(reportingId);
    return doc ? presentRound(doc, this.day(ctx)) : notFoundError('reportingId', `reporting round ${reportingId}`);
  }

  @Authorized('reportings')
  @Query(() => [Reporting], { description: 'The year’s reporting rounds by deadline, each agency’s report status on `on` (today by default).' })
  async reportings(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int) year: number,
    @Arg('on', () => CalendarDateScalar, { nullable: true }) on?: Date | null,
  ) {
    const day = this.day(ctx, on);
    return (await ctx.read.reporting.rounds(year)).map((doc) => presentRound(doc, day));
  }

  @Authorized('reportings')
  @Query(() => Reporting, {
    nullable: true,
    description: 'One round with each agency’s report (ON_TIME, LATE, PENDING, MISSING on `on`) and the compiled report.',
  })
  async reporting(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('on', () => CalendarDateScalar, { nullable: true }) on?: Date | null) {
    const doc = await ctx.read.reporting.round(id);
    return doc ? presentRound(doc, this.day(ctx, on)) : null;
  }

  @Authorized('regulationIssues')
  @Query(() => [RegulationIssue], { description: 'Every difficulty with the regulation agencies raised, in the order raised.' })
  async regulationIssues(@Ctx() ctx: RequestContext) {
    return (await ctx.read.reporting.issues()).map(presentIssue);
  }

  @Mutation(() => Reporting, {
    description: 'SNV asks agencies for a progress report by `dueAt`; each then owes it (REPORT, PROGRESS_REPORT) and SNV the compiled report.',
  })
  async scheduleReporting(
    @Ctx() ctx: RequestContext,
    @Arg('input') input: ScheduleReportingInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    const outcome = await ctx.commands.reporting.scheduleReporting({ actor: ctx.actor, commandId }, input);
    // Named only once the command accepted the period, year and quarter the id is made of.
    return this.round(ctx, Promise.resolve(outcome), roundOf(input).reportingId);
  }

  @Mutation(() => Reporting, {
    description: 'An agency’s report (its own officer): after the deadline it is accepted and recorded late; another one revises it.',
  })
  submitProgressReport(
    @Ctx() ctx: RequestContext,
    @Arg('input') input: SubmitProgressReportInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    return this.round(ctx, ctx.commands.reporting.submitProgressReport({ actor: ctx.actor, commandId }, input), input.reportingId);
  }

  @Mutation(() => Reporting, { description: 'SNV compiles the round for UBND, listing who reported on time, late, or not at all; closes the round.' })
  compileProvincialReport(
    @Ctx() ctx: RequestContext,
    @Arg('input') input: CompileProvincialReportInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    return this.round(ctx, ctx.commands.reporting.compileProvincialReport({ actor: ctx.actor, commandId }, input), input.reportingId);
  }

  @Mutation(() => RegulationIssue, { description: 'An agency officer raises a difficulty with the regulation for SNV to consider (Art. 17(3)).' })
  async reportRegulationIssue(
    @Ctx() ctx: RequestContext,
    @Arg('input') input: ReportRegulationIssueInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    const outcome = await ctx.commands.reporting.reportRegulationIssue({ actor: ctx.actor, commandId }, input);
    await ctx.readYourWrites(outcome);
    const raised = (await ctx.read.reporting.issues()).find((i) => i.position === outcome.lastPosition);
    return raised ? presentIssue(raised) : notFoundError('text', 'the issue raised');
  }
}
