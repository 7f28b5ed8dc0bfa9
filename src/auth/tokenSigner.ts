import { createHmac } from 'node:crypto';
import type { Role } from './authorization';

interface TokenSubject {
  sub: string;
  name: string;
  agency: string | null;
  roles: Role[];
}

interface SigningOptions {
  expiresInSeconds?: number;
  issuer?: string;
  audience?: string;
  /** Milliseconds since the epoch; for tests that need a token issued at another time. */
  now?: number;
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * An HS256 JWT (RFC 7519) with `exp`, for `npm run token` and tests. Signing is synchronous on purpose (node's
 * HMAC), so callers need no await; verification uses jose (tokenVerifier.ts), which checks these tokens too.
 */
export function signToken(subject: TokenSubject, secret: string, options: SigningOptions = {}): string {
  const issuedAt = Math.floor((options.now ?? Date.now()) / 1000);
  const payload = {
    sub: subject.sub,
    name: subject.name,
    agency: subject.agency,
    roles: subject.roles,
    iat: issuedAt,
    exp: issuedAt + (options.expiresInSeconds ?? 8 * 3600),
    ...(options.issuer ? { iss: options.issuer } : {}),
    ...(options.audience ? { aud: options.audience } : {}),
  };
  const signingInput = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}
