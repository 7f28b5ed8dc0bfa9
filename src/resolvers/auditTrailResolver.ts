import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { scopeOf } from '../auth/readScope';
import { DomainError } from '../domain/errors';
import type { AuditEntry } from '../projections/auditTrail/auditTrailProjection';
import { AuditEventConnection } from '../schema/auditType';
import { AuditTrailFilter } from '../schema/inputs/auditTrailFilter';
import { INPUT_BOUNDS } from '../schema/inputBounds';
import { boundedArg } from '../schema/inputs/argBounds';
import { cost } from '../schema/queryCost';
import type { RequestContext } from './context';
import { selectsField } from './selectedFields';

const MAX_PAGE = 500;

/** Opaque to clients; a position in the log underneath. */
export const encodeCursor = (position: number) => Buffer.from(`position:${position}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^position:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new DomainError('BAD_USER_INPUT', 'after: not a cursor returned by auditTrail', 'after');
  return Number(match[1]);
}

const node = (e: AuditEntry) => ({ ...e, time: e.recordedAt, stream: e.streamId });

@Resolver()
export class AuditTrailResolver {
  @Authorized('auditTrail')
  @Query(() => AuditEventConnection, {
    description: 'Every recorded event the reader may read, oldest first, filtered and paged.',
    complexity: cost.auditTrail,
  })
  async auditTrail(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => AuditTrailFilter, { nullable: true }) filter?: AuditTrailFilter | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
    @Arg('after', () => String, boundedArg('after', INPUT_BOUNDS.cursorChars, { nullable: true })) after?: string | null,
  ) {
    if (first < 1 || first > MAX_PAGE) throw new DomainError('BAD_USER_INPUT', `first: must be between 1 and ${MAX_PAGE}, got ${first}`, 'first');
    const afterPosition = after ? decodeCursor(after) : 0;
    const scope = scopeOf(ctx);
    const visibility = await scope.auditVisibility();
    if (filter?.streamId) await scope.checkAuditStream(filter.streamId, visibility);
    // Counting every match costs a pass over the whole trail: only when the query asks for it.
    const count = selectsField(info, 'totalCount');
    const page = await ctx.read.auditTrail(filter ?? {}, first, afterPosition, visibility, { count });
    const edges = page.entries.map((e) => ({ cursor: encodeCursor(e.position), node: node(e) }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
      totalCount: page.totalCount,
    };
  }
}
