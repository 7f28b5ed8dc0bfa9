import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { startTestService, type TestService } from '../support/service';
import { describeInBrowser, ensureConsoleBuilt, keepScreenshot, launchBrowser } from './browser';
import { openConsoleYear, YEAR } from './consoleYear';
import { startTestIdentityProvider, type TestIdentityProvider } from './testIdentityProvider';

const CLIENT_ID = 'par-console';
const AUDIENCE = 'par-ledger';
const OFFICER = { sub: 'f3a1c2d4-tamky-officer', name: 'Nguyễn Thị Thu Hà', agency: 'TAMKY', roles: ['AGENCY_OFFICER'] };
const PROVIDER_BUTTON = 'Đăng nhập bằng tài khoản của tỉnh';

/** The test service, its set-up tokens issued by the provider (the service holds no HS256 secret). */
function withProviderTokens(t: TestService, idp: TestIdentityProvider): TestService {
  return {
    service: t.service,
    gql: t.gql,
    restart: t.restart,
    stop: t.stop,
    token: (roles, agency = null, sub) =>
      idp.accessToken({ sub: sub ?? `${roles[0].toLowerCase()}.${agency ?? 'none'}`, name: `Test ${roles.join('+')}`, agency, roles }),
  };
}

/** The console's sign-in through the province's identity provider: authorization code with PKCE, in Chromium. */
describeInBrowser('console: sign-in through the identity provider (OIDC)', () => {
  let idp: TestIdentityProvider;
  let t: TestService;
  let plain: TestService;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ensureConsoleBuilt();
    idp = await startTestIdentityProvider({ user: OFFICER, clientId: CLIENT_ID, audience: AUDIENCE });
    // Only the provider's tokens, as in the province: the year is opened over the API with tokens it signs.
    t = await startTestService({
      PAR_JWKS_URL: idp.jwksUrl,
      PAR_JWT_ISSUER: idp.issuer,
      PAR_JWT_AUDIENCE: AUDIENCE,
      PAR_OIDC_CLIENT_ID: CLIENT_ID,
    });
    plain = await startTestService();
    await openConsoleYear(withProviderTokens(t, idp));
    base = `http://localhost:${t.service.port}`;
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await plain?.stop();
    await idp?.stop();
  });

  /** The sign-in page once /console-config.json has answered (the provider's button depends on it). */
  async function openSignIn(page: Page, url: string): Promise<void> {
    const config = page.waitForResponse((r) => r.url().endsWith('/console-config.json'));
    await page.goto(url);
    await config;
    await page.getByLabel('Mã đăng nhập (token)').waitFor();
    // Two frames: React has rendered whatever the answer said.
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  }

  it('tells the console about the provider only when PAR_OIDC_CLIENT_ID is set', async () => {
    await expect((await fetch(`${base}/console-config.json`)).json()).resolves.toEqual({
      oidc: { authority: idp.issuer, clientId: CLIENT_ID, scope: 'openid profile' },
    });
    const plainBase = `http://localhost:${plain.service.port}`;
    await expect((await fetch(`${plainBase}/console-config.json`)).json()).resolves.toEqual({ oidc: null });
    const page = await browser.newPage();
    await openSignIn(page, plainBase);
    await expect(page.getByRole('button', { name: PROVIDER_BUTTON }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Đăng nhập', exact: true }).count()).resolves.toBe(1);
    await page.close();
  });

  it('signs the officer in at the provider and back on the page asked for, with the provider’s access token', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const visited: string[] = [];
    // Navigation requests, redirects included: /authorize answers with a redirect and never shows a page.
    page.on('request', (request) => {
      if (request.isNavigationRequest()) visited.push(request.url());
    });
    // A bookmark of the self-assessment page, opened before signing in.
    await openSignIn(page, `${base}/tu-danh-gia?nam=${YEAR}`);
    await keepScreenshot(page, '00-dang-nhap-oidc');
    await page.getByRole('button', { name: PROVIDER_BUTTON }).click();
    await page.getByRole('navigation', { name: 'Trang' }).waitFor();

    // Through the provider's /authorize (PKCE S256) and back to /dang-nhap with a code, which was exchanged once.
    const authorize = new URL(visited.find((u) => u.startsWith(`${idp.issuer}/authorize`))!);
    expect(authorize.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${base}/dang-nhap`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    const callback = new URL(visited.find((u) => u.startsWith(`${base}/dang-nhap?`))!);
    expect(idp.exchanges).toEqual([{ code: callback.searchParams.get('code'), client_id: CLIENT_ID, redirect_uri: `${base}/dang-nhap` }]);

    // Signed in as the provider's officer, on the page the bookmark named, the code gone from the address bar.
    await expect(page.getByTestId('viewer-name').textContent()).resolves.toBe(OFFICER.name);
    const menu = page.getByRole('navigation', { name: 'Trang' });
    await expect(menu.getByRole('link', { name: 'Tự đánh giá' }).count()).resolves.toBe(1);
    await page.getByRole('heading', { name: `Tự đánh giá UBND Thành phố Tam Kỳ năm ${YEAR}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/tu-danh-gia');
    await page.getByLabel('Điểm tiêu chí 1.1').waitFor();

    // The console keeps the provider's access token for the tab, and the service accepts it on its own.
    const token = await page.evaluate<string | null>("sessionStorage.getItem('par-ledger.token')");
    const viewer = await t.gql('{ viewer { subject name agencyCode roles } }', {}, token);
    expect(viewer.data.viewer).toEqual({ subject: OFFICER.sub, name: OFFICER.name, agencyCode: 'TAMKY', roles: ['AGENCY_OFFICER'] });
    await keepScreenshot(page, '00-dang-nhap-oidc-xong');

    // A reload stays signed in and does not replay the code.
    await page.reload();
    await page.getByLabel('Điểm tiêu chí 1.1').waitFor();
    expect(idp.exchanges).toHaveLength(1);
    await page.close();
  });

  it('says why when the provider sends the officer back without a code', async () => {
    const page = await browser.newPage();
    idp.refuseNext = { error: 'access_denied', description: 'The user cancelled the sign-in' };
    await openSignIn(page, base);
    await page.getByRole('button', { name: PROVIDER_BUTTON }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Đăng nhập qua nhà cung cấp định danh không thành công: The user cancelled the sign-in');
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.getByRole('button', { name: PROVIDER_BUTTON }).count()).resolves.toBe(1);
    await page.close();
  });

  it('says so when the provider cannot be reached, the form to paste a token still there', async () => {
    // Port 9 (discard) on loopback: nothing answers there.
    const away = await startTestService({
      PAR_JWKS_URL: 'http://127.0.0.1:9/jwks',
      PAR_JWT_ISSUER: 'http://127.0.0.1:9/realms/quangnam',
      PAR_OIDC_CLIENT_ID: CLIENT_ID,
    });
    try {
      const page = await browser.newPage();
      await openSignIn(page, `http://localhost:${away.service.port}`);
      await page.getByRole('button', { name: PROVIDER_BUTTON }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toMatch(/^Không kết nối được nhà cung cấp định danh: ./);
      await expect(page.getByLabel('Mã đăng nhập (token)').isEditable()).resolves.toBe(true);
      await page.close();
    } finally {
      await away.stop();
    }
  });

  // What makes the browser test mean something: a code is redeemed only with the verifier of its challenge, once.
  it('has the provider refuse a wrong code_verifier and a code used twice', async () => {
    const verifier = 'a-verifier-of-at-least-forty-three-characters-0123456789';
    const redirectUri = `${base}/dang-nhap`;
    const query = new URLSearchParams({
      client_id: CLIENT_ID,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid',
      state: 's1',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
    const code = async () => {
      const answer = await fetch(`${idp.issuer}/authorize?${query}`, { redirect: 'manual' });
      return new URL(answer.headers.get('location')!).searchParams.get('code')!;
    };
    const exchange = (c: string, codeVerifier: string) =>
      fetch(`${idp.issuer}/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'authorization_code', code: c, code_verifier: codeVerifier, client_id: CLIENT_ID, redirect_uri: redirectUri }),
      });
    const wrong = await exchange(await code(), `${verifier}x`);
    expect(wrong.status).toBe(400);
    await expect(wrong.json()).resolves.toMatchObject({ error: 'invalid_grant', error_description: 'code_verifier does not match code_challenge' });
    const good = await code();
    expect((await exchange(good, verifier)).status).toBe(200);
    expect((await exchange(good, verifier)).status).toBe(400);
  });
});
