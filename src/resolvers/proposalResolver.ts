import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { CommandOutcome } from '../commands/commandHandler';
import { ProposalStatus } from '../schema/enums';
import { boundedArg, commandIdArg } from '../schema/inputs/argBounds';
import { INPUT_BOUNDS as B } from '../schema/inputBounds';
import {
  AppraiseProposalInput,
  DecideProposalInput,
  GiveProposalOpinionInput,
  RequestProposalOpinionsInput,
  SubmitReformProposalInput,
} from '../schema/inputs/proposalInputs';
import { ReformProposal } from '../schema/proposalTypes';
import { proposalView } from '../projections/proposals/proposalViews';
import type { RequestContext } from './context';
import { notFoundError } from './errors';

/** Reform proposals (Art. 6): each mutation answers with the proposal as it stands after it. */
@Resolver()
export class ProposalResolver {
  private async answer(ctx: RequestContext, outcome: Promise<CommandOutcome>, code: string) {
    await ctx.readYourWrites(await outcome);
    const doc = await ctx.read.proposals.proposal(code);
    return doc ? proposalView(doc, ctx.now()) : notFoundError('code', `reform proposal ${code}`);
  }

  @Authorized('proposals')
  @Query(() => [ReformProposal], { description: 'Reform proposals, oldest first; by status and the year they were submitted in.' })
  async reformProposals(
    @Ctx() ctx: RequestContext,
    @Arg('status', () => ProposalStatus, { nullable: true }) status?: ProposalStatus | null,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
  ) {
    ctx.answerSources.untracked = true;
    const now = ctx.now();
    return (await ctx.read.proposals.proposals(status ?? null, year ?? null)).map((p) => proposalView(p, now));
  }

  @Authorized('proposals')
  @Query(() => ReformProposal, { nullable: true, description: 'One proposal with its opinions (requested, given, missing), appraisal and decision.' })
  async reformProposal(@Ctx() ctx: RequestContext, @Arg('code', () => ID, boundedArg('code', B.codeChars)) code: string) {
    ctx.answerSources.untracked = true;
    const doc = await ctx.read.proposals.proposal(code);
    return doc && proposalView(doc, ctx.now());
  }

  @Mutation(() => ReformProposal, { description: 'The submitting agency’s officer sends its proposal to SNV for appraisal.' })
  submitReformProposal(
    @Ctx() ctx: RequestContext,
    @Arg('input') input: SubmitReformProposalInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    return this.answer(ctx, ctx.commands.proposals.submitReformProposal({ actor: ctx.actor, commandId }, input), input.code);
  }

  @Mutation(() => ReformProposal, { description: 'SNV asks agencies for their opinion by `dueAt`; each owes it until given or the appraisal.' })
  requestProposalOpinions(
    @Ctx() ctx: RequestContext,
    @Arg('input') input: RequestProposalOpinionsInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    return this.answer(ctx, ctx.commands.proposals.requestProposalOpinions({ actor: ctx.actor, commandId }, input), input.code);
  }

  @Mutation(() => ReformProposal, { description: 'An asked agency’s officer gives its opinion (late is accepted until SNV appraises).' })
  giveProposalOpinion(@Ctx() ctx: RequestContext, @Arg('input') input: GiveProposalOpinionInput, @Arg('commandId', () => ID, commandIdArg) commandId?: string) {
    return this.answer(ctx, ctx.commands.proposals.giveProposalOpinion({ actor: ctx.actor, commandId }, input), input.code);
  }

  @Mutation(() => ReformProposal, { description: 'SNV’s appraisal; opinions still missing are no longer asked for.' })
  appraiseProposal(@Ctx() ctx: RequestContext, @Arg('input') input: AppraiseProposalInput, @Arg('commandId', () => ID, commandIdArg) commandId?: string) {
    return this.answer(ctx, ctx.commands.proposals.appraiseProposal({ actor: ctx.actor, commandId }, input), input.code);
  }

  @Mutation(() => ReformProposal, { description: 'The People’s Committee’s decision on an appraised proposal.' })
  decideProposal(@Ctx() ctx: RequestContext, @Arg('input') input: DecideProposalInput, @Arg('commandId', () => ID, commandIdArg) commandId?: string) {
    return this.answer(ctx, ctx.commands.proposals.decideProposal({ actor: ctx.actor, commandId }, input), input.code);
  }
}
