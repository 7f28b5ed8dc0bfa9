import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';

const SECRET_FILE = 'jwt-secret';
const MIN_SECRET_LENGTH = 32;

type SecretSettings = Pick<Config, 'PAR_JWT_SECRET' | 'PAR_JWKS_URL' | 'PAR_DATA_DIR'>;

/** A secret that cannot be used; the message names where it came from, never its value. */
export class JwtSecretError extends Error {
  override name = 'JwtSecretError';
}

/**
 * The service's HS256 key, or null when it accepts only identity-provider tokens (PAR_JWKS_URL without
 * PAR_JWT_SECRET). With neither, the embedded default generates one into the data folder on the first start.
 */
export function serviceJwtSecret(config: SecretSettings): string | null {
  if (config.PAR_JWT_SECRET) return config.PAR_JWT_SECRET;
  if (config.PAR_JWKS_URL) return null;
  const file = secretFile(config.PAR_DATA_DIR);
  if (existsSync(file)) return readSecretFile(file);
  mkdirSync(config.PAR_DATA_DIR, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}

/**
 * The key a token tool signs with: the same as the service's, but never generated, because a fresh secret in
 * the wrong folder signs tokens that no running service accepts.
 */
export function existingJwtSecret(config: SecretSettings): string {
  if (config.PAR_JWT_SECRET) return config.PAR_JWT_SECRET;
  if (config.PAR_JWKS_URL) {
    throw new JwtSecretError(
      'the service accepts only identity-provider tokens (PAR_JWKS_URL is set, PAR_JWT_SECRET is not): get a token from the identity provider',
    );
  }
  const file = secretFile(config.PAR_DATA_DIR);
  if (!existsSync(file)) {
    throw new JwtSecretError(`no secret: set PAR_JWT_SECRET, or point PAR_DATA_DIR at the service's data folder (${file} does not exist)`);
  }
  return readSecretFile(file);
}

function secretFile(dataDir: string): string {
  return join(dataDir, SECRET_FILE);
}

function readSecretFile(file: string): string {
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < MIN_SECRET_LENGTH) throw new JwtSecretError(`${file} holds fewer than ${MIN_SECRET_LENGTH} characters: not a usable HS256 key`);
  return secret;
}
