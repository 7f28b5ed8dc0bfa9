import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Agency } from '../schema/agencyType';
import { commandIdArg } from '../schema/inputs/argBounds';
import {
  DissolveAgencyInput,
  MergeAgenciesInput,
  MergeJurisdictionsInput,
  MoveAgencyInput,
  RegisterJurisdictionInput,
  RenameAgencyInput,
  SplitAgencyInput,
} from '../schema/inputs/lineageInputs';
import { Jurisdiction } from '../schema/lineageTypes';
import type { CommandOutcome } from '../commands/commandHandler';
import type { RequestContext } from './context';
import { notFoundError } from './errors';

/** Reorganisations (COORDINATOR, ADMIN): each answers with the units as they stand after the change. */
@Resolver()
export class LineageResolver {
  private async agencies(ctx: RequestContext, outcome: Promise<CommandOutcome>, codes: string[]) {
    await ctx.readYourWrites(await outcome);
    return Promise.all(codes.map(async (code) => (await ctx.read.agencyHistory.row(code, null)) ?? notFoundError('code', `agency ${code}`)));
  }

  private async jurisdiction(ctx: RequestContext, outcome: Promise<CommandOutcome>, code: string) {
    await ctx.readYourWrites(await outcome);
    return (await ctx.read.agencyHistory.jurisdictions()).get(code) ?? notFoundError('code', `jurisdiction ${code}`);
  }

  @Mutation(() => Agency, { description: 'A new official name from `effectiveFrom`; earlier years keep the old one.' })
  async renameAgency(@Ctx() ctx: RequestContext, @Arg('input') input: RenameAgencyInput, @Arg('commandId', () => ID, commandIdArg) commandId?: string) {
    const [agency] = await this.agencies(ctx, ctx.commands.lineage.renameAgency({ actor: ctx.actor, commandId }, input), [input.code]);
    return agency;
  }

  @Mutation(() => Agency, { description: 'The source units end the day before `effectiveFrom`; answers with the unit they merged into.' })
  async mergeAgencies(@Ctx() ctx: RequestContext, @Arg('input') input: MergeAgenciesInput, @Arg('commandId', () => ID, commandIdArg) commandId?: string) {
    const [agency] = await this.agencies(ctx, ctx.commands.lineage.mergeAgencies({ actor: ctx.actor, commandId }, input), [input.into.code]);
    return agency;
  }

  @Mutation(() => [Agency], { description: 'The source unit ends the day before `effectiveFrom`; answers with the units it was split into.' })
  splitAgency(@Ctx() ctx: RequestContext, @Arg('input') input: SplitAgencyInput, @Arg('commandId', () => ID, commandIdArg) commandId?: string) {
    return this.agencies(
      ctx,
      ctx.commands.lineage.splitAgency({ actor: ctx.actor, commandId }, input),
      input.into.map((t) => t.code),
    );
  }

  @Mutation(() => Agency, { description: 'The unit ends the day before `effectiveFrom`, with no successor.' })
  async dissolveAgency(@Ctx() ctx: RequestContext, @Arg('input') input: DissolveAgencyInput, @Arg('commandId', () => ID, commandIdArg) commandId?: string) {
    const [agency] = await this.agencies(ctx, ctx.commands.lineage.dissolveAgency({ actor: ctx.actor, commandId }, input), [input.code]);
    return agency;
  }

  @Mutation(() => Agency, { description: 'To another ranking group or jurisdiction from `effectiveFrom`.' })
  async moveAgency(@Ctx() ctx: RequestContext, @Arg('input') input: MoveAgencyInput, @Arg('commandId', () => ID, commandIdArg) commandId?: string) {
    const [agency] = await this.agencies(ctx, ctx.commands.lineage.moveAgency({ actor: ctx.actor, commandId }, input), [input.code]);
    return agency;
  }

  @Mutation(() => Jurisdiction)
  registerJurisdiction(
    @Ctx() ctx: RequestContext,
    @Arg('input') input: RegisterJurisdictionInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    return this.jurisdiction(ctx, ctx.commands.lineage.registerJurisdiction({ actor: ctx.actor, commandId }, input), input.code);
  }

  @Mutation(() => Jurisdiction, { description: 'The source jurisdictions end the day before; their agencies carry on in the one merged into.' })
  mergeJurisdictions(@Ctx() ctx: RequestContext, @Arg('input') input: MergeJurisdictionsInput, @Arg('commandId', () => ID, commandIdArg) commandId?: string) {
    return this.jurisdiction(ctx, ctx.commands.lineage.mergeJurisdictions({ actor: ctx.actor, commandId }, input), input.into.code);
  }
}
