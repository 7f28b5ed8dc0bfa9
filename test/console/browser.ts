import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestService, type TestService } from '../support/service';
import { openConsoleYear, type ConsoleYear } from './consoleYear';

const ROOT = resolve(__dirname, '../..');
/** Where the screenshots go: CI keeps this folder as the test run's artefacts. */
export const SCREENSHOTS = join(ROOT, 'test-artifacts', 'console');

/** Debian's Chromium (apt-get install chromium), or the one PAR_CHROMIUM names; null when neither is there. */
export function chromiumPath(): string | null {
  if (process.env.PAR_CHROMIUM) return process.env.PAR_CHROMIUM;
  const found = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).stdout.trim();
  return found || null;
}

/** `describe`, or `describe.skip` with one line saying why, when there is no Chromium to drive. */
export function describeInBrowser(name: string, suite: () => void): void {
  if (chromiumPath()) return describe(name, suite);
  process.stderr.write(`skipped: ${name} (no chromium on the PATH: apt-get install chromium, or set PAR_CHROMIUM)\n`);
  // Skipped on purpose: this machine has no browser to drive (see the line written above); CI installs Chromium
  // (.ci/run), so there these suites run.
  describe.skip(name, suite);
}

/** The console as `npm run build:console` makes it; built here once when a bare `jest` run finds none. */
export function ensureConsoleBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'console', 'index.html'))) return;
  const built = spawnSync('npm', ['run', 'build:console'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build:console failed:\n${built.stdout}\n${built.stderr}`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath()!,
    headless: true,
    // As root in CI without a sandbox; no calls home (this machine's network is closed and they would only fail).
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A full-page screenshot kept as a test artefact; its path is printed so the run's output lists every page. */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  process.stdout.write(`screenshot: ${path}\n`);
  return path;
}

/** Signs in by pasting the token, as an officer would, and waits for the menu. */
export async function signIn(page: Page, baseUrl: string, token: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('Mã đăng nhập (token)').fill(token);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByRole('navigation', { name: 'Trang' }).waitFor();
}

export interface ConsoleRun {
  t: TestService;
  year: ConsoleYear;
  browser: Browser;
  /** The service's origin, where the console is served. */
  base: string;
}

/** What every browser suite starts from: the console built, a service with the console's year, and Chromium. */
export async function startConsole(env: Record<string, string> = {}): Promise<ConsoleRun> {
  ensureConsoleBuilt();
  const t = await startTestService(env);
  const year = await openConsoleYear(t);
  return { t, year, browser: await launchBrowser(), base: `http://localhost:${t.service.port}` };
}

export async function stopConsole(run: Partial<ConsoleRun>): Promise<void> {
  await run.browser?.close();
  await run.t?.stop();
}
