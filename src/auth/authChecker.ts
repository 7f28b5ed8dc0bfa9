import type { AuthCheckerFn } from 'type-graphql';
import { DomainError } from '../domain/errors';
import type { Actor } from '../events/envelope';
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
  checkRoleReads(context.actor, resources, info.fieldName);
  return true;
};

/**
 * The role-level check itself, for GraphQL fields and the HTTP exports alike (`what` names the field or path in
 * messages): UNAUTHENTICATED without a token, FORBIDDEN when no role of the token reads any of `resources`.
 */
export function checkRoleReads(actor: Actor | null, resources: readonly ReadResource[], what: string): void {
  if (!actor) throw new DomainError('UNAUTHENTICATED', `${what} needs a token: send Authorization: Bearer <JWT>`);
  if (resources.length === 0) {
    if (rulesFor(actor.roles, 'agencies').length > 0) return;
    throw new DomainError('FORBIDDEN', `${what}: the token has no PAR Ledger role`);
  }
  if (resources.some((resource) => rulesFor(actor.roles, resource).some((rule) => rule !== 'NONE'))) return;
  const needed = [...new Set(resources.flatMap(readersOf))];
  throw new DomainError('FORBIDDEN', `${what} is readable by the roles ${needed.join(', ')}; the token has ${actor.roles.join(', ') || 'none'}`);
}
