import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Agency } from '../schema/agencyType';
import { AgencyGroup } from '../schema/enums';
import { RegisterAgencyInput } from '../schema/inputs/registerAgencyInput';
import { INPUT_BOUNDS } from '../schema/inputBounds';
import { boundedArg, commandIdArg } from '../schema/inputs/argBounds';
import type { RequestContext } from './context';
import { notFoundError } from './errors';

@Resolver(() => Agency)
export class AgencyResolver {
  @Authorized('agencies')
  @Query(() => [Agency], { description: 'Registered agencies, sorted by Vietnamese name.' })
  agencies(@Ctx() ctx: RequestContext, @Arg('group', () => AgencyGroup, { nullable: true }) group?: AgencyGroup | null) {
    return ctx.read.agencies(group);
  }

  @Authorized('agencies')
  @Query(() => Agency, { nullable: true })
  agency(@Ctx() ctx: RequestContext, @Arg('code', () => ID, boundedArg('code', INPUT_BOUNDS.codeChars)) code: string) {
    return ctx.loaders.agency.load(code);
  }

  @Mutation(() => Agency)
  async registerAgency(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RegisterAgencyInput) input: RegisterAgencyInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    const outcome = await ctx.commands.registerAgency({ actor: ctx.actor, commandId }, input);
    await ctx.readYourWrites(outcome);
    return (await ctx.read.agency(input.code)) ?? notFoundError('code', `agency ${input.code}`);
  }
}
