import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { assignmentCode } from '../domain/assignment/assignmentDecider';
import { requireCalendarDate } from '../domain/calendarDate';
import { ResponsibilityAssignment } from '../schema/assignmentType';
import { AssignResponsibilityInput } from '../schema/inputs/assignResponsibilityInput';
import { INPUT_BOUNDS } from '../schema/inputBounds';
import { boundedArg, commandIdArg } from '../schema/inputs/argBounds';
import { CalendarDateScalar } from '../schema/scalars';
import type { RequestContext } from './context';
import { notFoundError } from './errors';

@Resolver()
export class AssignmentResolver {
  @Authorized('assignments')
  @Query(() => [ResponsibilityAssignment], {
    description:
      'Decision 2824 as data: the standing responsibilities in force on `on` (all when omitted), of `agencyCode` as lead or coordinator when given. The seed records the regulation article by article.',
  })
  responsibilityAssignments(
    @Ctx() ctx: RequestContext,
    @Arg('on', () => CalendarDateScalar, { nullable: true }) on?: Date | null,
    @Arg('agencyCode', () => ID, { nullable: true, ...boundedArg('agencyCode', INPUT_BOUNDS.codeChars) }) agencyCode?: string | null,
  ) {
    ctx.answerSources.untracked = true;
    return ctx.read.assignments.list({ day: on ? requireCalendarDate('on', on) : null, agencyCode: agencyCode ?? null });
  }

  @Mutation(() => ResponsibilityAssignment, { description: 'Records who leads and who coordinates a kind of work, from a day, on a clause (COORDINATOR).' })
  async assignResponsibility(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AssignResponsibilityInput) input: AssignResponsibilityInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    const outcome = await ctx.commands.assignments.assignResponsibility({ actor: ctx.actor, commandId }, input);
    await ctx.readYourWrites(outcome);
    // The code the decider recorded: given, or made from the input the same way.
    const code = assignmentCode({ ...input, area: input.area?.trim() || null }, requireCalendarDate('effectiveFrom', input.effectiveFrom));
    return (await ctx.read.assignments.get(code)) ?? notFoundError('code', `assignment ${code}`);
  }
}
