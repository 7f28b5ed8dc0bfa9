import { Ctx, Query, Resolver } from 'type-graphql';
import { commandsAllowed } from '../auth/authorization';
import { READ_RESOURCES, widestRule } from '../auth/readScopes';
import { DomainError } from '../domain/errors';
import { Viewer } from '../schema/viewerType';
import type { RequestContext } from './context';

@Resolver()
export class ViewerResolver {
  @Query(() => Viewer, { description: 'The token’s reader, roles, agency, and what the authorisation tables let them do. UNAUTHENTICATED without a token.' })
  viewer(@Ctx() ctx: RequestContext): Viewer {
    const actor = ctx.actor;
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'viewer needs a token: send Authorization: Bearer <JWT>');
    return {
      subject: actor.sub,
      name: actor.name,
      roles: actor.roles,
      agencyCode: actor.agency,
      commands: commandsAllowed(actor.roles),
      reads: READ_RESOURCES.map((resource) => ({ resource, scope: widestRule(actor.roles, resource) })),
    };
  }
}
