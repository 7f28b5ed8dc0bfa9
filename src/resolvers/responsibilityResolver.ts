import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { authorizeRead } from '../commands/authorization';
import { DomainError } from '../domain/errors';
import { isOverdue } from '../domain/responsibility/overdue';
import { AgencyResponsibilities } from '../schema/responsibilityType';
import { INPUT_BOUNDS } from '../schema/inputBounds';
import { boundedArg } from '../schema/inputs/argBounds';
import type { RequestContext } from './context';

@Resolver()
export class ResponsibilityResolver {
  @Query(() => AgencyResponsibilities, { description: 'What an agency leads and owes: its self-assessments and the appraisals it does.' })
  async responsibilities(
    @Ctx() ctx: RequestContext,
    @Arg('agencyCode', () => ID, boundedArg('agencyCode', INPUT_BOUNDS.codeChars)) agencyCode: string,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
  ) {
    authorizeRead(ctx.actor);
    const agency = await ctx.loaders.agency.load(agencyCode);
    if (!agency) throw new DomainError('NOT_FOUND', `agency ${agencyCode} is not registered`, 'agencyCode');
    const now = ctx.now();
    const docs = await ctx.read.responsibilities(agencyCode, year);
    return {
      agency,
      cycles: docs.map((d) => ({
        ...d,
        selfAssessment: d.selfAssessment && { ...d.selfAssessment, overdue: isOverdue(d.selfAssessment.deadline, d.selfAssessment.submittedAt !== null, now) },
        appraisalsOverdue: isOverdue(d.appraisalDeadline, d.pendingAppraisals.length === 0, now),
      })),
    };
  }
}
