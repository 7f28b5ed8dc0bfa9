import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type * as Jose from 'jose' with { 'resolution-mode': 'import' };
import { signToken } from '../../src/auth/tokenSigner';
import { loadConfig } from '../../src/config';
import { startTestService, type TestService } from '../support/service';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const jose = require('jose') as typeof Jose;

const SECRET = 'tokens-test-secret-0123456789-abcdefghij';
const ISSUER = 'https://sso.quangnam.example/realms/par';
const AUDIENCE = 'par-ledger';
const QUERY = '{ agencies { code } }';
const claims = { sub: 'analyst.1', name: 'Phân tích viên', agency: null, roles: ['ANALYST'] };
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function ask(service: TestService, authorization?: string) {
  const res = await fetch(service.service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query: QUERY }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: res.status, body, wwwAuthenticate: res.headers.get('www-authenticate') };
}

async function expectAccepted(service: TestService, token: string) {
  const { status, body } = await ask(service, `Bearer ${token}`);
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
}

async function expectRefused(service: TestService, authorization: string | undefined, message: RegExp) {
  const { status, body, wwwAuthenticate } = await ask(service, authorization);
  expect(status).toBe(401);
  expect(wwwAuthenticate).toBe('Bearer');
  expect(body.data ?? null).toBeNull();
  expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  expect(body.errors?.[0].message).toMatch(message);
  // Neither the token nor the secret is echoed back.
  if (authorization) expect(JSON.stringify(body)).not.toContain(authorization.replace(/^Bearer /, ''));
  expect(JSON.stringify(body)).not.toContain(SECRET);
}

const hs256 = (payload: Record<string, unknown>, secret = SECRET) =>
  new jose.SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));

describe('HS256 tokens (PAR_JWT_SECRET)', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ PAR_JWT_SECRET: SECRET, PAR_JWT_ISSUER: ISSUER, PAR_JWT_AUDIENCE: AUDIENCE, PAR_TOKEN_MAX_HOURS: '12' });
  });
  afterAll(() => t.stop());

  const valid = (extra: Record<string, unknown> = {}) => ({ ...claims, iss: ISSUER, aud: AUDIENCE, exp: nowSeconds() + 3600, ...extra });

  it('accepts a token that expires within PAR_TOKEN_MAX_HOURS and names the issuer and audience', async () => {
    await expectAccepted(t, await hs256(valid()));
    await expectAccepted(t, signToken({ ...claims, roles: ['ANALYST'] }, SECRET, { issuer: ISSUER, audience: AUDIENCE, expiresInSeconds: 12 * 3600 }));
  });

  it('answers 401 UNAUTHENTICATED without a token, as with a bad one', async () => {
    await expectRefused(t, undefined, /token is required/);
    await expectRefused(t, 'Basic dXNlcjpwYXNz', /Bearer <JWT>/);
    await expectRefused(t, 'Bearer not-a-jwt', /not a well-formed/);
  });

  it('refuses a token that has expired, never expires, or expires too far ahead', async () => {
    await expectRefused(t, `Bearer ${await hs256(valid({ exp: nowSeconds() - 120 }))}`, /expired/);
    const { exp: _exp, ...withoutExp } = valid();
    await expectRefused(t, `Bearer ${await hs256(withoutExp)}`, /claim exp is missing/);
    await expectRefused(t, `Bearer ${await hs256(valid({ exp: nowSeconds() + 13 * 3600 }))}`, /more than 12 hours .*PAR_TOKEN_MAX_HOURS/);
    await expectRefused(t, `Bearer ${await hs256(valid({ exp: nowSeconds() + 3650 * 24 * 3600 }))}`, /more than 12 hours/);
  });

  it('refuses another issuer or audience, and a token without them', async () => {
    await expectRefused(t, `Bearer ${await hs256(valid({ iss: 'https://elsewhere.example' }))}`, /claim iss/);
    await expectRefused(t, `Bearer ${await hs256(valid({ aud: 'another-app' }))}`, /claim aud/);
    const { iss: _iss, ...withoutIss } = valid();
    await expectRefused(t, `Bearer ${await hs256(withoutIss)}`, /claim iss/);
  });

  it('refuses a tampered payload or signature, another secret, and alg none', async () => {
    const token = await hs256(valid());
    const [header, payload, signature] = token.split('.');
    const elevated = Buffer.from(JSON.stringify({ ...valid(), roles: ['ADMIN'] })).toString('base64url');
    await expectRefused(t, `Bearer ${header}.${elevated}.${signature}`, /signature does not verify/);
    const flipped = signature.slice(0, 5) + (signature[5] === 'A' ? 'B' : 'A') + signature.slice(6);
    await expectRefused(t, `Bearer ${header}.${payload}.${flipped}`, /signature does not verify/);
    await expectRefused(t, `Bearer ${await hs256(valid(), 'another-secret-of-sufficient-length-0123')}`, /signature does not verify/);
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    await expectRefused(t, `Bearer ${none}`, /algorithm is not accepted|not a well-formed/);
  });

  it('refuses a token whose claims do not name a known role', async () => {
    await expectRefused(t, `Bearer ${await hs256(valid({ roles: ['SUPERUSER'] }))}`, /claim roles/);
    await expectRefused(t, `Bearer ${await hs256(valid({ sub: undefined }))}`, /claim sub/);
  });
});

describe('RS256 and ES256 tokens from a key set (PAR_JWKS_URL)', () => {
  let jwksServer: Server;
  let jwksUrl: string;
  let es: Jose.GenerateKeyPairResult;
  let rs: Jose.GenerateKeyPairResult;
  let stranger: Jose.GenerateKeyPairResult;
  let jwksOnly: TestService;
  let both: TestService;

  beforeAll(async () => {
    [es, rs, stranger] = await Promise.all([jose.generateKeyPair('ES256'), jose.generateKeyPair('RS256'), jose.generateKeyPair('ES256')]);
    const keys = [
      { ...(await jose.exportJWK(es.publicKey)), kid: 'es-1', alg: 'ES256', use: 'sig' },
      { ...(await jose.exportJWK(rs.publicKey)), kid: 'rs-1', alg: 'RS256', use: 'sig' },
    ];
    jwksServer = createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys })));
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/realms/par/protocol/openid-connect/certs`;
    jwksOnly = await startTestService({ PAR_JWKS_URL: jwksUrl, PAR_JWT_ISSUER: ISSUER });
    both = await startTestService({ PAR_JWKS_URL: jwksUrl, PAR_JWT_SECRET: SECRET });
  });
  afterAll(async () => {
    await jwksOnly?.stop();
    await both?.stop();
    jwksServer?.close();
  });

  const signed = (alg: 'ES256' | 'RS256', key: Jose.CryptoKey, kid: string, extra: Record<string, unknown> = {}) =>
    new jose.SignJWT({ ...claims, iss: ISSUER, exp: nowSeconds() + 600, ...extra }).setProtectedHeader({ alg, kid }).sign(key);

  it('accepts ES256 and RS256 tokens signed by the key set', async () => {
    expect(jwksOnly.service.jwtSecret).toBeNull();
    await expectAccepted(jwksOnly, await signed('ES256', es.privateKey, 'es-1'));
    await expectAccepted(jwksOnly, await signed('RS256', rs.privateKey, 'rs-1'));
  });

  it('refuses a key the set does not hold, a tampered token, and the usual claim faults', async () => {
    await expectRefused(jwksOnly, `Bearer ${await signed('ES256', stranger.privateKey, 'es-1')}`, /signature does not verify/);
    await expectRefused(jwksOnly, `Bearer ${await signed('ES256', stranger.privateKey, 'unknown-kid')}`, /no key of the identity provider/);
    const [header, , signature] = (await signed('RS256', rs.privateKey, 'rs-1')).split('.');
    const elevated = Buffer.from(JSON.stringify({ ...claims, roles: ['ADMIN'], iss: ISSUER, exp: nowSeconds() + 600 })).toString('base64url');
    await expectRefused(jwksOnly, `Bearer ${header}.${elevated}.${signature}`, /signature does not verify/);
    await expectRefused(jwksOnly, `Bearer ${await signed('ES256', es.privateKey, 'es-1', { exp: nowSeconds() - 120 })}`, /expired/);
    await expectRefused(jwksOnly, `Bearer ${await signed('ES256', es.privateKey, 'es-1', { exp: nowSeconds() + 24 * 3600 })}`, /more than 12 hours/);
    await expectRefused(jwksOnly, `Bearer ${await signed('ES256', es.privateKey, 'es-1', { iss: 'https://other.example' })}`, /claim iss/);
  });

  it('refuses HS256 when only the key set is configured, including a token "signed" with a public key', async () => {
    await expectRefused(jwksOnly, `Bearer ${await hs256({ ...claims, iss: ISSUER, exp: nowSeconds() + 600 })}`, /algorithm is not accepted.*RS256, ES256/);
    const publicPem = await jose.exportSPKI(rs.publicKey);
    await expectRefused(jwksOnly, `Bearer ${await hs256({ ...claims, iss: ISSUER, exp: nowSeconds() + 600 }, publicPem)}`, /algorithm is not accepted/);
  });

  it('accepts both kinds when a secret is configured as well', async () => {
    await expectAccepted(both, await hs256({ ...claims, exp: nowSeconds() + 600 }));
    await expectAccepted(both, await signed('ES256', es.privateKey, 'es-1'));
  });
});

describe('token settings', () => {
  it('checks PAR_TOKEN_MAX_HOURS and PAR_JWKS_URL by name', () => {
    expect(() => loadConfig({ PAR_TOKEN_MAX_HOURS: '0' })).toThrow(/PAR_TOKEN_MAX_HOURS: must be more than 0/);
    expect(() => loadConfig({ PAR_TOKEN_MAX_HOURS: 'soon' })).toThrow(/PAR_TOKEN_MAX_HOURS: must be a number of hours/);
    expect(() => loadConfig({ PAR_JWKS_URL: 'http://sso.quangnam.example/certs' })).toThrow(/PAR_JWKS_URL: must be an https:\/\/ URL/);
    expect(() => loadConfig({ PAR_JWKS_URL: 'not a url' })).toThrow(/PAR_JWKS_URL: must be a URL/);
    expect(loadConfig({ PAR_JWKS_URL: 'https://sso.quangnam.example/certs' }).PAR_TOKEN_MAX_HOURS).toBe(12);
  });

  it('never shows the secret when it is refused', () => {
    const short = 'short-secret-xyz';
    let message = '';
    try {
      loadConfig({ PAR_JWT_SECRET: short });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/PAR_JWT_SECRET: must be at least 32 characters/);
    expect(message).not.toContain(short);
    expect(message).not.toContain('short-secret');
  });
});
