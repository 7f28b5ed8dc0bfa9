import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { scopeOf } from '../auth/readScope';
import { DomainError } from '../domain/errors';
import { isOverdue } from '../domain/responsibility/overdue';
import { AgencyResponsibilities } from '../schema/responsibilityType';
import { INPUT_BOUNDS } from '../schema/inputBounds';
import { boundedArg } from '../schema/inputs/argBounds';
import type { RequestContext } from './context';

@Resolver()
export class ResponsibilityResolver {
  @Authorized('responsibilities')
  @Query(() => AgencyResponsibilities, {
    description: 'What an agency leads and owes: its self-assessments and the appraisals it does; without `year`, the years the reader may read.',
  })
  async responsibilities(
    @Ctx() ctx: RequestContext,
    @Arg('agencyCode', () => ID, boundedArg('agencyCode', INPUT_BOUNDS.codeChars)) agencyCode: string,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
  ) {
    const agency = await ctx.loaders.agency.load(agencyCode);
    if (!agency) throw new DomainError('NOT_FOUND', `agency ${agencyCode} is not registered`, 'agencyCode');
    const scope = scopeOf(ctx);
    if (year) await scope.check('responsibilities', year, agencyCode);
    const all = await ctx.read.responsibilities(agencyCode, year);
    const docs = await scope.filter('responsibilities', all, (d) => d);
    // Asked for an agency none of whose years the reader may read: say so rather than answer an empty list.
    if (docs.length === 0 && all.length > 0) await scope.check('responsibilities', all[0].year, agencyCode);
    const now = ctx.now();
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
