import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { AgencyGroup } from '../schema/enums';
import { Framework } from '../schema/frameworkType';
import { PublishFrameworkInput } from '../schema/inputs/publishFrameworkInput';
import { INPUT_BOUNDS } from '../schema/inputBounds';
import { boundedArg, commandIdArg } from '../schema/inputs/argBounds';
import type { RequestContext } from './context';
import { notFoundError } from './errors';

@Resolver(() => Framework)
export class FrameworkResolver {
  @Authorized('frameworks')
  @Query(() => Framework, { nullable: true })
  framework(@Ctx() ctx: RequestContext, @Arg('code', () => ID, boundedArg('code', INPUT_BOUNDS.codeChars)) code: string) {
    return ctx.read.framework(code);
  }

  @Authorized('frameworks')
  @Query(() => [Framework])
  frameworks(@Ctx() ctx: RequestContext, @Arg('group', () => AgencyGroup, { nullable: true }) group?: AgencyGroup | null) {
    return ctx.read.frameworks(group);
  }

  @Mutation(() => Framework)
  async publishFramework(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => PublishFrameworkInput) input: PublishFrameworkInput,
    @Arg('commandId', () => ID, commandIdArg) commandId?: string,
  ) {
    const outcome = await ctx.commands.publishFramework({ actor: ctx.actor, commandId }, input);
    await ctx.readYourWrites(outcome);
    return (await ctx.read.framework(input.code)) ?? notFoundError('code', `framework ${input.code}`);
  }
}
