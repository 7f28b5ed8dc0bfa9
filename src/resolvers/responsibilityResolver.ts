import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { scopeOf } from '../auth/readScope';
import { DomainError } from '../domain/errors';
import { effectiveDeadline } from '../domain/cycle/schedule';
import { appraisalOverdue, extensionsConcerning, isOverdue } from '../domain/responsibility/overdue';
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
    const cycles = await Promise.all(docs.map(async (d) => ({ doc: d, cycle: await ctx.read.cycle(d.year) })));
    return {
      agency,
      cycles: cycles.map(({ doc: d, cycle }) => {
        // The year's deadlines as amended and the extensions granted live in the cycle; the document keeps the duties.
        const schedule = cycle ?? {
          selfAssessmentDeadline: d.selfAssessment?.deadline ?? d.appraisalDeadline,
          appraisalDeadline: d.appraisalDeadline,
          extensions: [],
        };
        const appraisedGroups = new Set(d.appraises.map((a) => a.group));
        const appraisedAgencies = new Set((cycle?.participants ?? []).filter((p) => appraisedGroups.has(p.group)).map((p) => p.code));
        const pendingAppraisals = d.pendingAppraisals.map((p) => ({
          ...p,
          deadline: effectiveDeadline(schedule, p.agencyCode, 'APPRAISAL'),
          overdue: appraisalOverdue(schedule, p.agencyCode, now),
        }));
        const selfDeadline = effectiveDeadline(schedule, agencyCode, 'SELF_ASSESSMENT');
        return {
          ...d,
          selfAssessment: d.selfAssessment && {
            ...d.selfAssessment,
            deadline: selfDeadline,
            // Closed either way: sent, or recorded as never sent (recordNonSubmission).
            overdue: isOverdue(selfDeadline, d.selfAssessment.submittedAt !== null || Boolean(d.selfAssessment.nonSubmission), now),
            nonSubmission: d.selfAssessment.nonSubmission ?? null,
          },
          appraisalDeadline: schedule.appraisalDeadline,
          pendingAppraisals,
          appraisalsOverdue: pendingAppraisals.some((p) => p.overdue),
          explanationsToAnswer: (d.explanationsToAnswer ?? []).map((e) => ({ ...e, dueAt: effectiveDeadline(schedule, agencyCode, 'EXPLANATION', e.dueAt) })),
          explanationsToDecide: d.explanationsToDecide ?? [],
          extensions: extensionsConcerning(schedule.extensions, agencyCode, appraisedAgencies).map((e) => ({
            ...e,
            agency: cycle?.participants.find((p) => p.code === e.agencyCode) ?? { code: e.agencyCode, name: e.agencyCode, group: null },
          })),
        };
      }),
    };
  }
}
