import type { AuthCheckerFn } from 'type-graphql';
import { DomainError } from '../domain/errors';
import type { RequestContext } from '../resolvers/context';
import { readersOf, rulesFor, type ReadResource } from './readScopes';

/**
 * Role-level access for every `@Authorized(resource)` field: no token is UNAUTHENTICATED, a token none of whose
 * roles reads the resource (rule NONE in the read-scope table) is FORBIDDEN. Which documents of the resource the
 * reader sees is the scope rule's business (readScope.ts), once the field resolves.
 *
 * It throws rather than answering false so that clients get the DESIGN codes and a message naming the field and
 * the roles it needs (type-graphql's own errors say UNAUTHORIZED and name nothing).
 */
export const parAuthChecker: AuthCheckerFn<RequestContext, ReadResource> = ({ context, info }, resources) => {
  const actor = context.actor;
  if (!actor) throw new DomainError('UNAUTHENTICATED', `${info.fieldName} needs a token: send Authorization: Bearer <JWT>`);
  if (resources.length === 0) {
    if (rulesFor(actor.roles, 'agencies').length > 0) return true;
    throw new DomainError('FORBIDDEN', `${info.fieldName}: the token has no PAR Ledger role`);
  }
  if (resources.some((resource) => rulesFor(actor.roles, resource).some((rule) => rule !== 'NONE'))) return true;
  const needed = [...new Set(resources.flatMap(readersOf))];
  throw new DomainError('FORBIDDEN', `${info.fieldName} is readable by the roles ${needed.join(', ')}; the token has ${actor.roles.join(', ') || 'none'}`);
};
