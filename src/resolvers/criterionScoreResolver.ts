import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CriterionView } from '../projections/assessments/assessmentDocument';
import { Agency } from '../schema/agencyType';
import { Appraisal, CriterionScore } from '../schema/assessmentType';
import { cost } from '../schema/queryCost';
import type { RequestContext } from './context';

@Resolver(() => CriterionScore)
export class CriterionScoreResolver {
  @FieldResolver(() => Agency, {
    nullable: true,
    description: 'The agency that appraises this leaf: the one named by assignAppraiser, else the framework’s (appraiserCode); null on survey leaves.',
    complexity: cost.loaded,
  })
  appraiser(@Root() criterion: CriterionView, @Ctx() ctx: RequestContext) {
    return criterion.appraiserCode ? ctx.loaders.agency.load(criterion.appraiserCode) : null;
  }
}

@Resolver(() => Appraisal)
export class AppraisalResolver {
  @FieldResolver(() => Agency, { nullable: true, description: 'The agency that appraised this round (appraiserCode).', complexity: cost.loaded })
  appraiser(@Root() appraisal: CriterionView['appraisals'][number], @Ctx() ctx: RequestContext) {
    return ctx.loaders.agency.load(appraisal.appraiserCode);
  }

  @FieldResolver(() => Agency, {
    nullable: true,
    description: 'The agency that acted for the appraiser of record (actingAgencyCode).',
    complexity: cost.loaded,
  })
  actingAgency(@Root() appraisal: CriterionView['appraisals'][number], @Ctx() ctx: RequestContext) {
    return ctx.loaders.agency.load(appraisal.actingAgencyCode);
  }
}
