import { z } from 'zod';
import { ROLES, type Role } from './authorization';
import { DomainError } from '../domain/errors';
import type { Actor } from '../events/envelope';
import { jose, type JWTPayload, type JWTVerifyGetKey } from './jose';
import { LruMap } from '../shared/lruMap';

interface TokenSettings {
  /** HS256 key; null when only identity-provider tokens are accepted. */
  secret: string | null;
  /** RS256/ES256 keys (e.g. Keycloak's `…/protocol/openid-connect/certs`). */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** The latest `exp` accepted, in hours from now. */
  maxHours: number;
  /** For problems that are the service's, not the caller's (an unreachable key set). */
  log?: (message: string) => void;
  now?: () => number;
}

/** Resolves the Authorization header to the actor, or rejects with UNAUTHENTICATED. */
export type TokenVerifier = (authorization: string | undefined) => Promise<Actor>;

/** Clocks of the identity provider and this host may differ a little. */
const CLOCK_TOLERANCE_SECONDS = 30;

const claims = z.object({
  sub: z.string().min(1),
  name: z.string().min(1),
  agency: z.string().min(1).nullable().optional(),
  roles: z.array(z.enum(ROLES as [Role, ...Role[]])).min(1),
});

const unauthenticated = (message: string) => new DomainError('UNAUTHENTICATED', message);

/** Verified tokens remembered at once (a client sends the same token with every request until it expires). */
const VERIFIED_TOKENS = 10_000;

/**
 * Accepts HS256 when a secret is configured and RS256/ES256 when a key set is; any other algorithm (including
 * `none`, and HS256 signed with a public key) is refused before a key is chosen. Every token must expire, and
 * not too far ahead, so a leaked token is not a permanent key.
 */
export function createTokenVerifier(settings: TokenSettings): TokenVerifier {
  const now = settings.now ?? Date.now;
  const hmacKey = settings.secret === null ? null : new TextEncoder().encode(settings.secret);
  const keySet = settings.jwksUrl ? jose.createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 }) : null;
  const algorithms = [...(hmacKey ? ['HS256'] : []), ...(keySet ? ['RS256', 'ES256'] : [])];
  if (algorithms.length === 0) throw new Error('no token key: configure PAR_JWT_SECRET or PAR_JWKS_URL');
  const key: JWTVerifyGetKey = (header, token) => (header.alg === 'HS256' ? hmacKey! : keySet!(header, token));

  /*
   * A token that verified once verifies again until it expires: every check made here either holds or becomes
   * more lenient as time passes (a future `nbf` or a too distant `exp` was refused, never remembered). Verifying the
   * signature again cost a third of a millisecond of every request, more than answering `{ __typename }`.
   */
  const verified = new LruMap<string, { actor: Actor; exp: number }>(VERIFIED_TOKENS);

  return async (authorization) => {
    if (!authorization) throw unauthenticated('a token is required: send Authorization: Bearer <JWT>');
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw unauthenticated('Authorization must be "Bearer <JWT>"');
    const known = verified.get(match[1]);
    // jose's own rule: expired once exp <= now - tolerance.
    if (known !== undefined && known.exp > now() / 1000 - CLOCK_TOLERANCE_SECONDS) return known.actor;
    if (known !== undefined) verified.delete(match[1]);
    let payload: JWTPayload;
    try {
      ({ payload } = await jose.jwtVerify(match[1], key, {
        algorithms,
        issuer: settings.issuer,
        audience: settings.audience,
        requiredClaims: ['exp'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(now()),
      }));
    } catch (error) {
      throw unauthenticated(`invalid token: ${describe(error, algorithms, settings.log)}`);
    }
    const latestExp = now() / 1000 + settings.maxHours * 3600 + CLOCK_TOLERANCE_SECONDS;
    if (payload.exp! > latestExp) {
      throw unauthenticated(`invalid token: it expires more than ${settings.maxHours} hours from now (PAR_TOKEN_MAX_HOURS); ask for a shorter-lived token`);
    }
    const parsed = claims.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw unauthenticated(`invalid token: claim ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    // Frozen: every request with this token shares it.
    const actor: Actor = Object.freeze({
      sub: parsed.data.sub,
      name: parsed.data.name,
      agency: parsed.data.agency ?? null,
      roles: Object.freeze([...parsed.data.roles]) as Role[],
    });
    verified.set(match[1], { actor, exp: payload.exp! });
    return actor;
  };
}

/** jose's reasons in the caller's words; never the token, a key or the key set's address. */
function describe(error: unknown, algorithms: string[], log?: (message: string) => void): string {
  const { code, claim, reason } = error as { code?: string; claim?: string; reason?: string };
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'it has expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (reason === 'missing') return `claim ${claim} is missing${claim === 'exp' ? ' (every token must expire)' : ''}`;
      if (claim === 'nbf' || claim === 'iat') return `claim ${claim}: it is not valid yet`;
      if (claim === 'iss' || claim === 'aud') return `claim ${claim} is not the one this service expects`;
      return `claim ${claim} is not valid`;
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return `its algorithm is not accepted here (accepted: ${algorithms.join(', ')})`;
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'the signature does not verify';
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return 'no key of the identity provider matches it';
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return 'it is not a well-formed signed JWT';
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
    default:
      // Not the caller's fault: the key set could not be fetched or read. Said in the log, kept vague outside.
      log?.(`token verification failed: ${code ?? (error as Error).name}: ${(error as Error).message}`);
      return 'it cannot be verified now';
  }
}
