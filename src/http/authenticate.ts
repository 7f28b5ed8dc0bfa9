import type { ServerResponse } from 'node:http';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { TokenVerifier } from '../auth/tokenVerifier';
import { DomainError } from '../domain/errors';
import type { Actor } from '../events/envelope';
import { noteActor, noteErrorCodes } from './requestLog';

/**
 * Every GraphQL request needs a valid token: a missing one and an invalid one both answer HTTP 401 with
 * UNAUTHENTICATED (thrown while Apollo builds the context, before anything runs).
 */
export async function authenticate(verify: TokenVerifier, authorization: string | undefined, res: ServerResponse): Promise<Actor> {
  try {
    return await verifyRequestToken(verify, authorization, res);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new GraphQLError(error.message, {
      extensions: { code: error.code, http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer']]) } },
    });
  }
}

/**
 * The token of any request (GraphQL or an export), noted in the request log: the actor, or a DomainError
 * UNAUTHENTICATED for a missing or invalid token.
 */
export async function verifyRequestToken(verify: TokenVerifier, authorization: string | undefined, res: ServerResponse): Promise<Actor> {
  try {
    const actor = await verify(authorization);
    noteActor(res, actor.sub);
    return actor;
  } catch (error) {
    if (error instanceof DomainError) noteErrorCodes(res, [error.code]);
    throw error;
  }
}
