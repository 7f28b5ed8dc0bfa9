import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { SurveysDocument } from '../projections/surveys/surveysProjection';
import { RecordSurveyInput } from '../schema/inputs/recordSurveyInput';
import { commandIdArg } from '../schema/inputs/argBounds';
import { Survey } from '../schema/surveyType';
import type { RequestContext } from './context';
import { notFoundError } from './errors';

function presentSurveys(doc: SurveysDocument) {
  return doc.surveys.map((survey) => ({
    ...survey,
    year: doc.year,
    scores: survey.scores.map((score) => {
      const agency = doc.agencies[score.agencyCode];
      return { ...score, agency: { code: score.agencyCode, name: agency?.name ?? score.agencyCode, group: agency?.group ?? survey.group } };
    }),
  }));
}

@Resolver(() => Survey)
export class SurveyResolver {
  @Authorized('surveys')
  @Query(() => [Survey], { description: 'The year’s sociological surveys, by code, each with the survey scores citing it.' })
  async surveys(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number) {
    const doc = await ctx.read.surveys(year);
    return doc ? presentSurveys(doc) : [];
  }

  @Mutation(() => Survey, { description: 'Describes a survey of the year for one group, so that survey scores can cite it (COORDINATOR).' })
  async recordSurvey(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordSurveyInput) input: RecordSurveyInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    const outcome = await ctx.commands.recordSurvey({ actor: ctx.actor, commandId }, input);
    await ctx.readYourWrites(outcome);
    const doc = await ctx.read.surveys(input.year);
    return (doc && presentSurveys(doc).find((s) => s.code === input.code)) ?? notFoundError('code', `survey ${input.code} of ${input.year}`);
  }
}
