import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, ID, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import { badInput } from '../domain/errors';
import { bandNamed } from '../domain/ranking/bands';
import { publicationChanges } from '../domain/ranking/changes';
import type { RankingEntryData } from '../events/parEvents';
import type { RankingDocument } from '../projections/rankings/rankingsProjection';
import { AgencyGroup, type RankingStatus } from '../schema/enums';
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

/** What the latest publication changed against the one before it; nothing before a republication. */
function changesOf(doc: RankingDocument) {
  const [before, after] = doc.publications.slice(-2);
  return before && after ? publicationChanges(before.entries, after.entries) : [];
}

/**
 * Presented once per document version: ReadModels.ranking hands every request the same frozen document while it
 * is current, and presenting a ranking of hundreds of agencies took a good part of each request.
 */
const presented = new WeakMap<RankingDocument, ReturnType<typeof presentOnce>>();

function presentRanking(doc: RankingDocument) {
  let view = presented.get(doc);
  if (view === undefined) {
    view = presentOnce(doc);
    if (Object.isFrozen(doc)) presented.set(doc, view);
  }
  return view;
}

/** The published entries once issued (as issued, even if an assessment changed since), else the proposed, else the provisional ones. */
function presentOnce(doc: RankingDocument) {
  const entries: RankingEntryData[] = doc.publication ? doc.publication.entries : (doc.proposal?.entries ?? doc.provisionalEntries);
  const status: RankingStatus = doc.publication ? 'PUBLISHED' : doc.proposal ? 'PROPOSED' : 'PROVISIONAL';
  return {
    year: doc.year,
    group: doc.group,
    imported: doc.imported,
    source: doc.source,
    jurisdiction: doc.jurisdiction,
    published: doc.publication !== null,
    status,
    proposedAt: doc.proposal?.proposedAt ?? null,
    publishedAt: doc.publication?.publishedAt ?? null,
    republishReason: doc.publication?.reason ?? null,
    decisionNumber: doc.publication?.decisionNumber ?? null,
    decisionDate: doc.publication?.decisionDate ?? null,
    publicationCount: doc.publications.length,
    entries: entries.map((e) => ({ ...e, band: bandNamed(e.band, doc.bands), agency: { code: e.agencyCode, name: e.agencyName, group: doc.group } })),
    changes: changesOf(doc).map((c) => ({ ...c, agency: { code: c.agencyCode, name: c.agencyName, group: doc.group } })),
    notRanked: doc.notRanked.map((n) => ({ agency: { code: n.agencyCode, name: n.agencyName, group: doc.group }, reason: n.reason })),
  };
}

/** The imported ranking asked for: of the jurisdiction given, else the one naming none, else the only one. */
function chooseImported(docs: RankingDocument[], jurisdiction: string | null): RankingDocument | null {
  if (jurisdiction) return docs.find((d) => d.jurisdiction === jurisdiction) ?? null;
  const plain = docs.find((d) => d.jurisdiction === null);
  if (plain || docs.length <= 1) return plain ?? docs[0] ?? null;
  throw badInput('jurisdiction', `rankings of ${docs.map((d) => d.jurisdiction).join(', ')} were imported for the year: name one`);
}

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
    const own = jurisdiction ? null : await ctx.read.ranking(year, group, onRead);
    if (own?.publication) return presentRanking(own);
    const imported = chooseImported(await ctx.read.importedRankings(year, group, onRead), jurisdiction ?? null);
    const doc = imported ?? own;
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
