import { createHash, createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jose } from '../../src/auth/jose';

/** The person the provider signs in: no login form, the test decides who clicks the button. */
export interface IdentityProviderUser {
  sub: string;
  name: string;
  agency: string | null;
  roles: string[];
}

export interface IdentityProviderOptions {
  user: IdentityProviderUser;
  clientId: string;
  /** The access token's `aud` (PAR_JWT_AUDIENCE); none when unset. */
  audience?: string;
}

export interface TestIdentityProvider {
  /** Like a Keycloak realm: a path below the host, so the console must append the discovery path to it. */
  issuer: string;
  jwksUrl: string;
  /** What /authorize sends back instead of a code, once (an officer who cancels at the provider). */
  refuseNext: { error: string; description: string } | null;
  /** Every code exchanged at /token, to show the flow really went through the provider. */
  exchanges: { code: string; client_id: string; redirect_uri: string }[];
  /** An access token for anyone, as the provider would issue it (setting up a year over the API). */
  accessToken(user: IdentityProviderUser): string;
  stop(): Promise<void>;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string | undefined;
}

/** Tokens the provider issues are short-lived, as a province's would be. */
const TOKEN_SECONDS = 300;

/**
 * A small OpenID provider on 127.0.0.1 for the console's sign-in: discovery, keys, authorization code with PKCE
 * (S256 only, the verifier checked against the challenge, codes single-use) and RS256 tokens. Only what
 * oidc-client-ts asks for; CORS on everything the browser fetches, because the console calls it from its own origin.
 */
export async function startTestIdentityProvider(options: IdentityProviderOptions): Promise<TestIdentityProvider> {
  // node:crypto keys: the test signs its set-up tokens synchronously, as TestService.token does.
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...(await jose.exportJWK(keys.publicKey)), kid: 'test-idp-1', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, PendingCode>();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => json(res, 500, { error: 'server_error', error_description: error.message }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/quangnam`;
  const provider: TestIdentityProvider = {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    refuseNext: null,
    exchanges: [],
    accessToken: (user) => sign({ name: user.name, agency: user.agency, roles: user.roles, azp: options.clientId }, user.sub, options.audience),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', issuer);
    const path = url.pathname.startsWith(new URL(issuer).pathname) ? url.pathname.slice(new URL(issuer).pathname.length) : '';
    res.setHeader('access-control-allow-origin', '*');
    if (req.method === 'OPTIONS') {
      res.setHeader('access-control-allow-methods', 'GET, POST');
      res.setHeader('access-control-allow-headers', 'content-type, accept, authorization');
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'GET' && path === '/.well-known/openid-configuration') return json(res, 200, discovery(issuer));
    if (req.method === 'GET' && path === '/jwks') return json(res, 200, { keys: [jwk] });
    if (req.method === 'GET' && path === '/authorize') return authorize(url.searchParams, res);
    if (req.method === 'POST' && path === '/token') return token(new URLSearchParams(await body(req)), res);
    json(res, 404, { error: 'not_found' });
  }

  function authorize(query: URLSearchParams, res: ServerResponse): void {
    const redirectUri = query.get('redirect_uri');
    // Without a client and a redirect address the provider cannot send anyone back: it answers itself.
    if (query.get('client_id') !== options.clientId || !redirectUri) return json(res, 400, { error: 'invalid_client' });
    const back = new URL(redirectUri);
    const state = query.get('state');
    if (state) back.searchParams.set('state', state);
    const challenge = query.get('code_challenge');
    const problem =
      query.get('response_type') !== 'code'
        ? 'unsupported_response_type'
        : !state || !challenge || query.get('code_challenge_method') !== 'S256' || !query.get('scope')?.split(' ').includes('openid')
          ? 'invalid_request'
          : null;
    const refusal = provider.refuseNext ?? (problem ? { error: problem, description: 'PKCE (S256), state and the openid scope are required' } : null);
    provider.refuseNext = null;
    if (refusal) {
      back.searchParams.set('error', refusal.error);
      back.searchParams.set('error_description', refusal.description);
    } else {
      const code = randomBytes(24).toString('base64url');
      codes.set(code, { clientId: options.clientId, redirectUri, challenge: challenge!, nonce: query.get('nonce') ?? undefined });
      back.searchParams.set('code', code);
    }
    res.writeHead(302, { location: back.toString() }).end();
  }

  async function token(form: URLSearchParams, res: ServerResponse): Promise<void> {
    const code = form.get('code') ?? '';
    const pending = codes.get(code);
    codes.delete(code);
    if (form.get('grant_type') !== 'authorization_code') return json(res, 400, { error: 'unsupported_grant_type' });
    if (!pending || pending.clientId !== form.get('client_id') || pending.redirectUri !== form.get('redirect_uri')) {
      return json(res, 400, { error: 'invalid_grant', error_description: 'unknown or used code, or another client or redirect_uri' });
    }
    const verifier = form.get('code_verifier') ?? '';
    if (createHash('sha256').update(verifier).digest('base64url') !== pending.challenge) {
      return json(res, 400, { error: 'invalid_grant', error_description: 'code_verifier does not match code_challenge' });
    }
    provider.exchanges.push({ code, client_id: pending.clientId, redirect_uri: pending.redirectUri });
    const { user } = options;
    const accessToken = sign({ name: user.name, agency: user.agency, roles: user.roles, azp: options.clientId }, user.sub, options.audience);
    const idToken = sign({ name: user.name, ...(pending.nonce ? { nonce: pending.nonce } : {}) }, user.sub, options.clientId);
    json(res, 200, { access_token: accessToken, id_token: idToken, token_type: 'Bearer', expires_in: TOKEN_SECONDS, scope: 'openid profile' });
  }

  function sign(claims: Record<string, unknown>, subject: string, audience: string | undefined): string {
    const now = Math.floor(Date.now() / 1000);
    const payload = { ...claims, iss: issuer, sub: subject, ...(audience ? { aud: audience } : {}), iat: now, exp: now + TOKEN_SECONDS };
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const signingInput = `${encode({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' })}.${encode(payload)}`;
    return `${signingInput}.${createSign('RSA-SHA256').update(signingInput).sign(keys.privateKey, 'base64url')}`;
  }

  return provider;
}

function discovery(issuer: string): Record<string, unknown> {
  return {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none'],
    scopes_supported: ['openid', 'profile'],
  };
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(value));
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}
