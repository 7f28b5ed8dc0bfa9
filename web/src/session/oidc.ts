import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';

/** What the service tells the console about the province's identity provider (GET /console-config.json). */
interface ConsoleConfig {
  oidc: { authority: string; clientId: string; scope: string } | null;
}

/** Where the provider sends the officer back; registered at the provider as the client's redirect URI. */
const CALLBACK_PATH = '/dang-nhap';

let config: Promise<ConsoleConfig> | null = null;

function consoleConfig(): Promise<ConsoleConfig> {
  config ??= fetch('/console-config.json')
    .then((response) => (response.ok ? (response.json() as Promise<ConsoleConfig>) : { oidc: null }))
    .catch(() => ({ oidc: null }));
  return config;
}

async function userManager(): Promise<UserManager | null> {
  const { oidc } = await consoleConfig();
  if (!oidc) return null;
  return new UserManager({
    authority: oidc.authority,
    client_id: oidc.clientId,
    scope: oidc.scope,
    redirect_uri: `${location.origin}${CALLBACK_PATH}`,
    response_type: 'code',
    // The pending sign-in (state, PKCE verifier) lives with the tab, like the token (token.ts).
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
    // The console keeps only the access token (storeToken); the provider's id and refresh tokens are not kept.
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    // No silent renewal: an expired token sends the officer back to the sign-in page, which says why.
    automaticSilentRenew: false,
  });
}

export async function oidcConfigured(): Promise<boolean> {
  return (await consoleConfig()).oidc !== null;
}

/**
 * The authorization-code flow with PKCE (oidc-client-ts): the provider sends the officer back to /dang-nhap, and
 * the console then opens `returnTo`, the page asked for before signing in.
 */
export async function startOidcSignIn(returnTo: string): Promise<void> {
  const manager = await userManager();
  if (!manager) throw new Error('no identity provider is configured');
  await manager.signinRedirect({ state: returnTo });
}

/** Whether this page is the provider's answer: a code, or an error (the officer cancelled, the client is unknown). */
export function isOidcReturn(): boolean {
  const query = new URLSearchParams(location.search);
  return location.pathname === CALLBACK_PATH && query.has('state') && (query.has('code') || query.has('error'));
}

let finishing: Promise<{ token: string; returnTo: string } | null> | null = null;

/**
 * On /dang-nhap after the provider's redirect: the access token, which the service verifies against PAR_JWKS_URL
 * like any other, and the page to open. Null when this page was not reached from the provider. Once per page
 * load: a code and its state can be redeemed only once (React may run an effect twice).
 */
export function finishOidcSignIn(): Promise<{ token: string; returnTo: string } | null> {
  finishing ??= (async () => {
    if (!isOidcReturn()) return null;
    const manager = await userManager();
    if (!manager) return null;
    const user = await manager.signinRedirectCallback();
    return { token: user.access_token, returnTo: localPath(user.state) };
  })();
  return finishing;
}

/** Only a path of this console, never another site's address, whatever the stored state holds. */
function localPath(state: unknown): string {
  return typeof state === 'string' && state.startsWith('/') && !state.startsWith('//') && !state.startsWith(CALLBACK_PATH) ? state : '/';
}
