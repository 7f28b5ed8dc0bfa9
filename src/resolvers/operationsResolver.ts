import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { authorizeOperation } from '../commands/authorization';
import { DomainError } from '../domain/errors';
import { LogVerification, ProjectionStatus, ServiceInstance } from '../schema/operationsType';
import type { RequestContext } from './context';

@Resolver()
export class OperationsResolver {
  @Query(() => [ProjectionStatus], { description: 'Each read model’s version, generation, checkpoint and rebuild progress.' })
  projections(@Ctx() ctx: RequestContext) {
    authorizeOperation(ctx.actor, 'ViewProjections');
    return ctx.projections.status();
  }

  @Mutation(() => ProjectionStatus, { description: 'Starts replaying the log into a new generation of a read model; the live one serves until it is caught up. Follow progress with `projections`.' })
  rebuildProjection(@Ctx() ctx: RequestContext, @Arg('name') name: string) {
    authorizeOperation(ctx.actor, 'RebuildProjection');
    const known = ctx.projections.status().find((s) => s.name === name);
    if (!known) throw new DomainError('NOT_FOUND', `name: no projection ${name}`, 'name');
    if (known.rebuilding) throw new DomainError('INVALID_STATE', `projection ${name} is already being rebuilt`, 'name');
    // Runs in the background: a rebuild of a long log outlives an HTTP request.
    ctx.projections.rebuild(name).catch((error) => console.error(`rebuild of ${name} failed: ${(error as Error).message}`));
    return ctx.projections.status().find((s) => s.name === name);
  }

  @Query(() => ServiceInstance)
  serviceInstance(@Ctx() ctx: RequestContext) {
    authorizeOperation(ctx.actor, 'ViewProjections');
    return { id: ctx.projections.id, leader: ctx.projections.isLeader(), position: ctx.projections.position() };
  }

  @Query(() => LogVerification, { description: 'Recomputes the hash chain of the whole log and reports the first broken link.' })
  async logVerification(@Ctx() ctx: RequestContext) {
    authorizeOperation(ctx.actor, 'VerifyLog');
    const result = await ctx.verifyLog();
    return { ...result, firstBreak: result.firstBreak && { position: result.firstBreak.globalPosition, reason: result.firstBreak.reason } };
  }
}
