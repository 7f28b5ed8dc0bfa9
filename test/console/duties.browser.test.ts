import type { Browser } from 'playwright-core';
import { expectData, type TestService } from '../support/service';
import { describeInBrowser, keepScreenshot, signIn, startConsole, stopConsole } from './browser';
import { YEAR, type ConsoleYear } from './consoleYear';

const DAY = 24 * 3600 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const vietnamDay = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
const ddMMyyyy = (day: string) => day.split('-').reverse().join('/');

const PLAN = 'KH-CCHC-2026';
const plan = (name: string) => `mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { code } }`;

describeInBrowser('console: duties', () => {
  let t: TestService;
  let year: ConsoleYear;
  let browser: Browser;
  let base: string;
  const commentsDue = inDays(5);

  beforeAll(async () => {
    ({ t, browser, base, year } = await startConsole());
    // SNV asks Tam Kỳ and Hội An to comment on its draft plan within 5 days; Hội An does, Tam Kỳ does not.
    const task = { code: 'NV-01', title: 'Rà soát, đơn giản hóa thủ tục hành chính', lead: 'SNV', coordinators: [], dueAt: inDays(200) };
    const draft = { code: PLAN, kind: 'YEARLY', year: YEAR, title: 'Kế hoạch cải cách hành chính năm 2026', tasks: [task] };
    expectData(await t.gql(plan('draftPlan'), { input: draft }, year.coordinator));
    expectData(await t.gql(plan('requestPlanComments'), { input: { planCode: PLAN, agencyCodes: ['TAMKY', 'HOIAN'], dueAt: commentsDue } }, year.coordinator));
    expectData(
      await t.gql(plan('submitPlanComment'), { input: { planCode: PLAN, agencyCode: 'HOIAN', text: 'Thống nhất' } }, t.token(['AGENCY_OFFICER'], 'HOIAN')),
    );
  }, 120_000);
  afterAll(() => stopConsole({ t, browser }));

  it("lists a Tam Kỳ officer's duties: the comment due soon, then overdue and first once its day has passed", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, base, t.token(['AGENCY_OFFICER'], 'TAMKY', 'officer.tamky'));
    await page.getByRole('navigation', { name: 'Trang' }).getByRole('link', { name: 'Nhiệm vụ' }).click();
    const rows = page.locator('table.duties tbody tr');
    await rows.first().waitFor();
    // Its own agency only: no agency to choose, and no province-wide table.
    await expect(page.getByLabel('Đơn vị', { exact: true }).count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { name: 'Nhiệm vụ của các đơn vị' }).count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Nhiệm vụ của UBND Thành phố Tam Kỳ');
    await expect(rows.nth(0).innerText()).resolves.toMatch(new RegExp(`^Sắp đến hạn\\s+Góp ý kế hoạch.*\\s+${ddMMyyyy(vietnamDay(commentsDue))}`));
    await expect(rows.filter({ hasText: 'Tự đánh giá Chỉ số CCHC năm 2026' }).innerText()).resolves.toMatch(/^Chưa đến hạn/);

    await page.getByLabel('Tính đến ngày').fill(vietnamDay(inDays(10)));
    await page.getByText(`Tính đến ngày ${ddMMyyyy(vietnamDay(inDays(10)))}`).waitFor();
    await expect(rows.nth(0).innerText()).resolves.toMatch(/^Quá hạn\s+Góp ý kế hoạch/);
    await expect(rows.nth(0).getAttribute('class')).resolves.toBe('status-overdue');
    await expect(page.locator('.status-line').innerText()).resolves.toContain('1 nhiệm vụ quá hạn');
    await keepScreenshot(page, '11-nhiem-vu');
    await page.setViewportSize({ width: 390, height: 844 });
    await keepScreenshot(page, '11-nhiem-vu-dien-thoai');
    await page.close();
  });

  it("shows SNV every agency's counts, the agencies with overdue work first, and lets it pick another agency", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, base, year.coordinator);
    await page.goto(`${base}/nhiem-vu?nam=${YEAR}&ngay=${vietnamDay(inDays(10))}`);
    const workload = page.locator('table.workload tbody tr');
    await workload.first().waitFor();
    await expect(workload.nth(0).innerText()).resolves.toMatch(/^UBND Thành phố Tam Kỳ\s+1\s+0\s+0\s+0$/);
    await expect(workload.filter({ hasText: 'Hội An' }).innerText()).resolves.toMatch(/\s+0\s+0\s+0\s+1$/);
    await page.getByLabel('Đơn vị', { exact: true }).selectOption('HOIAN');
    await page.getByRole('heading', { name: 'Nhiệm vụ của UBND Thành phố Hội An' }).waitFor();
    await expect(page.locator('table.duties tbody tr').filter({ hasText: 'Góp ý kế hoạch' }).innerText()).resolves.toMatch(/^Đã hoàn thành/);
    await keepScreenshot(page, '12-nhiem-vu-snv');
    await page.close();
  });
});
