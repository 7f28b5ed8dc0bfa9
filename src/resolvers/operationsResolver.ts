import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { authorizeOperation } from '../auth/authorization';
import { DomainError } from '../domain/errors';
import { FullVerificationTooSoonError } from '../events/chainVerifier';
import { LogVerification, ProjectionStatus, ServiceInstance } from '../schema/operationsType';
import { INPUT_BOUNDS } from '../schema/inputBounds';
import { boundedArg } from '../schema/inputs/argBounds';
import { cost } from '../schema/queryCost';
import type { RequestContext } from './context';

@Resolver()
export class OperationsResolver {
  @Authorized('projections')
  @Query(() => [ProjectionStatus], {
    description: 'Each read model’s state, version, generation, checkpoint, rebuild progress and, when FAILED, the failing event and next retry.',
  })
  projections(@Ctx() ctx: RequestContext) {
    return ctx.projections.status();
  }

  @Mutation(() => ProjectionStatus, {
    description:
      'Starts replaying the log into a new generation of a read model; the live one serves until it is caught up. Follow progress with `projections`.',
  })
  rebuildProjection(@Ctx() ctx: RequestContext, @Arg('name', boundedArg('name', INPUT_BOUNDS.projectionNameChars)) name: string) {
    authorizeOperation(ctx.actor, 'RebuildProjection');
    const known = ctx.projections.status().find((s) => s.name === name);
    if (!known) throw new DomainError('NOT_FOUND', `name: no projection ${name}`, 'name');
    if (known.rebuilding) throw new DomainError('INVALID_STATE', `projection ${name} is already being rebuilt`, 'name');
    // Runs in the background: a rebuild of a long log outlives an HTTP request.
    ctx.projections.rebuild(name).catch((error) => console.error(`rebuild of ${name} failed: ${(error as Error).message}`));
    return ctx.projections.status().find((s) => s.name === name);
  }

  @Authorized('projections')
  @Query(() => ServiceInstance)
  serviceInstance(@Ctx() ctx: RequestContext) {
    return { id: ctx.projections.id, leader: ctx.projections.isLeader(), position: ctx.projections.position() };
  }

  @Authorized('logVerification')
  @Query(() => LogVerification, {
    complexity: cost.logVerification,
    description:
      'Checks the hash chain from the last verified event to the head (and that event itself again). `full: true` re-checks the whole log from the first event: at most once per PAR_FULL_VERIFY_INTERVAL_S per service.',
  })
  async logVerification(
    @Ctx() ctx: RequestContext,
    @Arg('full', { defaultValue: false, description: 'Re-check the whole log (rate-limited).' }) full: boolean,
  ) {
    try {
      const result = await ctx.verifyLog({ full });
      return { ...result, firstBreak: result.firstBreak && { position: result.firstBreak.globalPosition, reason: result.firstBreak.reason } };
    } catch (error) {
      if (error instanceof FullVerificationTooSoonError) {
        const retryAfterSeconds = Math.max(1, Math.ceil((error.allowedAt.getTime() - ctx.now().getTime()) / 1000));
        throw new DomainError('INVALID_STATE', `full: ${error.message}`, 'full', { allowedAt: error.allowedAt.toISOString(), retryAfterSeconds });
      }
      throw error;
    }
  }
}
