import type { Browser } from 'playwright-core';
import { expectData, type TestService } from '../support/service';
import { DECISION, PUBLISH_RANKING } from '../e2e/operations';
import { describeInBrowser, keepScreenshot, signIn, startConsole, stopConsole } from './browser';
import { finaliseThroughApi, YEAR, type ConsoleYear } from './consoleYear';

describeInBrowser('console: sign-in and the ranking page', () => {
  let t: TestService;
  let year: ConsoleYear;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ({ t, browser, base, year } = await startConsole());
  }, 120_000);
  afterAll(() => stopConsole({ t, browser }));

  it('serves a Vietnamese page and refuses a bad token on the sign-in page, saying why', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await keepScreenshot(page, '01-dang-nhap');
    await page.getByLabel('Mã đăng nhập (token)').fill('not-a-token');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Mã đăng nhập không hợp lệ');
    await page.close();
  });

  it('updates the provisional ranking by itself when an assessment is finalised (rankingChanged over graphql-ws)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, base, t.token(['COORDINATOR'], 'SNV', 'coordinator.snv'));
    await page.goto(`${base}/xep-hang?nam=${YEAR}&nhom=DISTRICT`);
    const rows = page.locator('table.data tbody tr');
    await page.getByTestId('live').getByText('Đang cập nhật trực tiếp').waitFor();
    await expect(page.getByTestId('ranking-status').textContent()).resolves.toBe('Tạm tính');
    await expect(rows.count()).resolves.toBe(2);
    await finaliseThroughApi(t, year.coordinator, 'TAMKY');
    // No reload: the third row arrives with the subscription's next message.
    await rows.nth(2).waitFor();
    await expect(rows.filter({ hasText: 'Tam Kỳ' }).innerText()).resolves.toMatch(/15 \/ 20\s+75%/);
    await page.close();
  });

  it('shows an analyst the published ranking: ranks, decimal commas, bands, the decision dated dd/MM/yyyy', async () => {
    // Every district is finalised now (Tam Kỳ by the test above): the People's Committee publishes.
    expectData(await t.gql(PUBLISH_RANKING, { input: { year: YEAR, group: 'DISTRICT', ...DECISION } }, year.leader));
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, base, t.token(['ANALYST'], null, 'analyst'));
    await page.goto(`${base}/xep-hang?nam=${YEAR}&nhom=DISTRICT`);
    const rows = page.locator('table.data tbody tr');
    await rows.first().waitFor();
    await expect(page.getByTestId('ranking-status').textContent()).resolves.toBe('Đã công bố');
    await expect(rows.nth(0).innerText()).resolves.toContain('UBND huyện Đại Lộc');
    // 15,5 of 20 points: a decimal comma in both.
    await expect(rows.filter({ hasText: 'Hội An' }).innerText()).resolves.toMatch(/15,5 \/ 20\s+77,5%\s+Khá/);
    await expect(rows.nth(0).innerText()).resolves.toContain('Xuất sắc');
    await expect(page.locator('.status-line').innerText()).resolves.toContain(`ngày 01/03/2027`);
    // The analyst's menu has no self-assessment or appraisal pages.
    const menu = await page.getByRole('navigation', { name: 'Trang' }).innerText();
    expect(menu).toContain('Xếp hạng');
    expect(menu).not.toContain('Tự đánh giá');
    await keepScreenshot(page, '02-xep-hang');
    // From the keyboard: the first Tab reaches the skip link, which leads past the menu to the page itself.
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus').textContent()).resolves.toBe('Bỏ qua thanh điều hướng');
    await page.keyboard.press('Enter');
    await expect(page.locator(':focus').getAttribute('id')).resolves.toBe('noi-dung');
    await page.setViewportSize({ width: 390, height: 844 });
    await keepScreenshot(page, '02-xep-hang-dien-thoai');
    await page.close();
  });
});
