import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { CommandOutcome } from '../commands/commandHandler';
import { suggestionsFrom } from '../domain/commendation/suggestions';
import { AgencyGroup } from '../schema/enums';
import { commandIdArg } from '../schema/inputs/argBounds';
import { ProposeAccountabilityInput, ProposeCommendationInput, SubmitRemedialPlanInput } from '../schema/inputs/commendationInputs';
import { Commendation, CommendationSuggestion } from '../schema/proposalTypes';
import { commendationView } from '../projections/proposals/proposalViews';
import type { RequestContext } from './context';
import { notFoundError } from './errors';

/** Commendation and accountability after a published ranking, and remedial plans (Art. 16(6)). */
@Resolver()
export class CommendationResolver {
  private async answer(ctx: RequestContext, outcome: Promise<CommandOutcome>, year: number, agencyCode: string) {
    await ctx.readYourWrites(await outcome);
    const found = (await ctx.read.proposals.commendations(year)).find((c) => c.agencyCode === agencyCode);
    return found ? commendationView(found) : notFoundError('agencyCode', `commendation of ${agencyCode} in ${year}`);
  }

  @Authorized('commendations')
  @Query(() => [CommendationSuggestion], {
    description:
      'For a published ranking: agencies in the top band (suggest commendation) and in the bottom band (suggest accountability and a remedial plan), in ranking order; empty until the ranking is published.',
  })
  async commendationSuggestions(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number, @Arg('group', () => AgencyGroup) group: AgencyGroup) {
    ctx.answerSources.untracked = true;
    const [ranking, proposed] = await Promise.all([ctx.read.ranking(year, group), ctx.read.proposals.commendations(year)]);
    // Nothing to suggest before publication: proposals are refused until then (INVALID_STATE).
    if (!ranking?.publication) return [];
    const kinds = new Map(proposed.map((c) => [c.agencyCode, c.kind]));
    return suggestionsFrom(ranking.publication.entries, ranking.bands).map(({ kind, entry }) => ({
      kind,
      agencyCode: entry.agencyCode,
      agencyName: entry.agencyName,
      rank: entry.rank,
      indexPercent: entry.indexPercent,
      band: entry.band,
      proposed: kinds.get(entry.agencyCode) ?? null,
    }));
  }

  @Authorized('commendations')
  @Query(() => [Commendation], { description: 'The year’s commendation and accountability proposals, by rank, each with its remedial plan.' })
  async commendations(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number) {
    ctx.answerSources.untracked = true;
    const docs = await ctx.read.proposals.commendations(year);
    return docs.sort((a, b) => (a.group === b.group ? a.rank - b.rank : a.group < b.group ? -1 : 1)).map(commendationView);
  }

  @Mutation(() => Commendation, { description: 'SNV proposes commending an agency ranked in the year’s published ranking.' })
  proposeCommendation(@Ctx() ctx: RequestContext, @Arg('input') input: ProposeCommendationInput, @Arg('commandId', () => ID, commandIdArg) commandId?: string) {
    return this.answer(ctx, ctx.commands.commendations.proposeCommendation({ actor: ctx.actor, commandId }, input), input.year, input.agencyCode);
  }

  @Mutation(() => Commendation, { description: 'SNV proposes holding an agency accountable; it then owes a remedial plan within 30 days.' })
  proposeAccountability(
    @Ctx() ctx: RequestContext,
    @Arg('input') input: ProposeAccountabilityInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    return this.answer(ctx, ctx.commands.commendations.proposeAccountability({ actor: ctx.actor, commandId }, input), input.year, input.agencyCode);
  }

  @Mutation(() => Commendation, { description: 'The agency held accountable sends its remedial plan (its officer, own agency).' })
  submitRemedialPlan(@Ctx() ctx: RequestContext, @Arg('input') input: SubmitRemedialPlanInput, @Arg('commandId', () => ID, commandIdArg) commandId?: string) {
    return this.answer(ctx, ctx.commands.commendations.submitRemedialPlan({ actor: ctx.actor, commandId }, input), input.year, input.agencyCode);
  }
}
