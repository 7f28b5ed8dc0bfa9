import { UserManager, WebStorageStateStore } from 'oidc-client-ts';

/** What the service tells the console about the province's identity provider (GET /console-config.json). */
interface ConsoleConfig {
  oidc: { authority: string; clientId: string; scope: string } | null;
}

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
    redirect_uri: `${location.origin}/dang-nhap`,
    response_type: 'code',
    userStore: new WebStorageStateStore({ store: sessionStorage }),
  });
}

export async function oidcConfigured(): Promise<boolean> {
  return (await consoleConfig()).oidc !== null;
}

/** The authorization-code flow with PKCE (oidc-client-ts): the provider sends the officer back to /dang-nhap. */
export async function startOidcSignIn(): Promise<void> {
  await (await userManager())?.signinRedirect();
}

/**
 * On /dang-nhap after the provider's redirect: the access token, which the service verifies against PAR_JWKS_URL
 * like any other. Null when this page was not reached from the provider.
 */
export async function finishOidcSignIn(): Promise<string | null> {
  if (!new URLSearchParams(location.search).has('code')) return null;
  const manager = await userManager();
  if (!manager) return null;
  const user = await manager.signinRedirectCallback();
  history.replaceState(null, '', '/');
  return user.access_token;
}
