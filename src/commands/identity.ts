import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { DomainError } from '../domain/errors';
import type { Actor } from '../events/envelope';
import { ROLES, type Role } from './authorization';

const claims = z.object({
  sub: z.string().min(1),
  name: z.string().min(1),
  agency: z.string().min(1).nullable().optional(),
  roles: z.array(z.enum(ROLES as [Role, ...Role[]])).min(1),
});

const SECRET_FILE = 'jwt-secret';

/** The HS256 key: PAR_JWT_SECRET, or for the embedded default one generated once into the data folder. */
export function resolveJwtSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = join(dataDir, SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}

/** Null without a token; UNAUTHENTICATED for a token that is expired, forged or lacks the claims. */
export function actorFromAuthorization(header: string | undefined, secret: string): Actor | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new DomainError('UNAUTHENTICATED', 'Authorization must be "Bearer <JWT>"');
  let payload: unknown;
  try {
    payload = jwt.verify(match[1], secret, { algorithms: ['HS256'] });
  } catch (error) {
    throw new DomainError('UNAUTHENTICATED', `invalid token: ${(error as Error).message}`);
  }
  const parsed = claims.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError('UNAUTHENTICATED', `invalid token: claim ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return { sub: parsed.data.sub, name: parsed.data.name, agency: parsed.data.agency ?? null, roles: parsed.data.roles };
}

export function signToken(actor: { sub: string; name: string; agency: string | null; roles: Role[] }, secret: string, expiresInSeconds = 8 * 3600): string {
  return jwt.sign({ name: actor.name, agency: actor.agency, roles: actor.roles }, secret, { algorithm: 'HS256', subject: actor.sub, expiresIn: expiresInSeconds });
}
