import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, ID, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import { servedRanking } from '../projections/rankings/servedRanking';
import { presentRanking } from '../projections/rankings/rankingView';
import { AgencyGroup } from '../schema/enums';
import { AsOfInput } from '../schema/inputs/asOfInput';
import { ExcludeFromRankingInput } from '../schema/inputs/excludeFromRankingInput';
import { ImportPublishedRankingInput } from '../schema/inputs/importPublishedRankingInput';
import { ProposeRankingInput } from '../schema/inputs/proposeRankingInput';
import { PublishRankingInput } from '../schema/inputs/publishRankingInput';
import { Ranking } from '../schema/rankingType';
import { commandIdArg } from '../schema/inputs/argBounds';
import { cost } from '../schema/queryCost';
import type { RequestContext } from './context';
import { checkAsOf, notFoundError } from './errors';

@Resolver(() => Ranking)
export class RankingResolver {
  @Authorized('rankings')
  @Query(() => Ranking, {
    nullable: true,
    description:
      'Current, or as it stood at a past position or time (`asOf`). PAR Ledger’s own once published; otherwise one imported for the year (importPublishedRanking), the one of `jurisdiction` when several were; otherwise PAR Ledger’s own as it stands.',
    complexity: cost.ranking,
  })
  async ranking(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int) year: number,
    @Arg('group', () => AgencyGroup) group: AgencyGroup,
    @Info() info: GraphQLResolveInfo,
    @Arg('asOf', () => AsOfInput, { nullable: true }) asOf?: AsOfInput | null,
    @Arg('jurisdiction', () => ID, {
      nullable: true,
      description: 'Which imported ranking, when rankings of several jurisdictions were imported for the year.',
    })
    jurisdiction?: string | null,
  ) {
    if (asOf) checkAsOf(asOf);
    if (asOf) {
      const doc = await ctx.asOf.ranking(year, group, asOf, jurisdiction ?? null);
      return doc && presentRanking(doc);
    }
    // The current ranking depends on nothing but its documents (and the reader's role, checked by @Authorized).
    const onRead = ctx.answerSources.cacheable(info);
    const doc = await servedRanking(ctx.read, year, group, jurisdiction ?? null, onRead);
    return doc && presentRanking(doc);
  }

  @Authorized('rankings')
  @Query(() => [Ranking], { description: 'A group’s rankings across years, oldest first, each with the names valid that year.' })
  async rankingHistory(@Ctx() ctx: RequestContext, @Arg('group', () => AgencyGroup) group: AgencyGroup) {
    return (await ctx.read.rankingHistory(group)).map(presentRanking);
  }

  @Mutation(() => Ranking, {
    description: 'SNV (COORDINATOR) freezes the group’s ranking it proposes to the People’s Committee, once every participant is finalised or excluded.',
  })
  async proposeRanking(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ProposeRankingInput) input: ProposeRankingInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    const outcome = await ctx.commands.proposeRanking({ actor: ctx.actor, commandId }, input);
    await ctx.readYourWrites(outcome);
    const doc = (await ctx.read.ranking(input.year, input.group)) ?? notFoundError('group', `ranking ${input.year} ${input.group}`);
    return presentRanking(doc);
  }

  @Mutation(() => Ranking, {
    description:
      'The People’s Committee (PROVINCIAL_LEADER) approves the group’s ranking by a numbered decision: SNV’s proposal if one is pending (refused, listing the changes, when the ranking changed since).',
  })
  async publishRanking(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => PublishRankingInput) input: PublishRankingInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    const outcome = await ctx.commands.publishRanking({ actor: ctx.actor, commandId }, input);
    await ctx.readYourWrites(outcome);
    const doc = (await ctx.read.ranking(input.year, input.group)) ?? notFoundError('group', `ranking ${input.year} ${input.group}`);
    return presentRanking(doc);
  }

  @Mutation(() => Ranking, {
    description:
      'Records a year’s ranking run outside PAR Ledger as the People’s Committee published it (ADMIN, COORDINATOR): once per year, group and jurisdiction, never over a ranking PAR Ledger published; shown marked `imported` with its `source`.',
  })
  async importPublishedRanking(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ImportPublishedRankingInput) input: ImportPublishedRankingInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    const outcome = await ctx.commands.importPublishedRanking({ actor: ctx.actor, commandId }, input);
    await ctx.readYourWrites(outcome);
    const jurisdiction = input.jurisdiction || null;
    const doc =
      (await ctx.read.importedRankings(input.year, input.group)).find((d) => d.jurisdiction === jurisdiction) ??
      notFoundError('year', `imported ranking ${input.year} ${input.group}`);
    return presentRanking(doc);
  }

  @Mutation(() => Ranking, { description: 'Leaves one agency out of its group’s ranking of the year, with a reason (COORDINATOR); answers that ranking.' })
  async excludeFromRanking(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ExcludeFromRankingInput) input: ExcludeFromRankingInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    const outcome = await ctx.commands.excludeFromRanking({ actor: ctx.actor, commandId }, input);
    await ctx.readYourWrites(outcome);
    // The agency's group is the ranking that lists it as not ranked.
    for (const group of Object.values(AgencyGroup)) {
      const doc = await ctx.read.ranking(input.year, group);
      if (doc?.notRanked.some((n) => n.agencyCode === input.agencyCode)) return presentRanking(doc);
    }
    return notFoundError('agencyCode', `a ${input.year} ranking leaving out ${input.agencyCode}`);
  }
}
