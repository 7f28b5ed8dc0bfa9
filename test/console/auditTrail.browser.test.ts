import type { Browser } from 'playwright-core';
import { expectData, type TestService } from '../support/service';
import { SUBMIT } from '../e2e/operations';
import { describeInBrowser, keepScreenshot, signIn, startConsole, stopConsole } from './browser';
import { DONE, YEAR } from './consoleYear';

const SAVE_DRAFT = `mutation($input: SubmitSelfAssessmentInput!) { saveSelfAssessmentDraft(input: $input) { version } }`;
const VIEWER = `query { viewer { commands agencyCode reads { resource scope } } }`;
const DRAFTS = 55;

describeInBrowser('console: the audit trail', () => {
  let t: TestService;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ({ t, browser, base } = await startConsole());
    // Tam Kỳ saves its draft more often than one page of the trail holds, then sends it.
    const officer = t.token(['AGENCY_OFFICER'], 'TAMKY');
    for (let i = 0; i < DRAFTS; i++) {
      const scores = [{ criterionCode: '1.1', points: (i % 8) / 2, evidence: [`Bản nháp ${i + 1}`] }];
      expectData(await t.gql(SAVE_DRAFT, { input: { year: YEAR, agencyCode: 'TAMKY', scores } }, officer));
    }
    const scores = Object.entries(DONE.TAMKY.self).map(([criterionCode, points]) => ({ criterionCode, points, evidence: ['Báo cáo số 7/BC-UBND'] }));
    expectData(await t.gql(SUBMIT, { input: { year: YEAR, agencyCode: 'TAMKY', scores } }, officer));
  }, 120_000);
  afterAll(() => stopConsole({ t, browser }));

  it("lets an inspector filter Tam Kỳ's events, page through them and check the hash chain", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, base, t.token(['INSPECTOR'], null, 'inspector'));
    await page.getByRole('navigation', { name: 'Trang' }).getByRole('link', { name: 'Nhật ký' }).click();
    const rows = page.locator('table.audit tbody tr:has(td.num)');
    await rows.first().waitFor();
    const filters = page.getByRole('form', { name: 'Lọc nhật ký' });
    await filters.getByLabel('Đơn vị').selectOption('TAMKY');
    await filters.getByRole('button', { name: 'Lọc' }).click();
    // Registration, the drafts and the submission: more than one page of 50.
    const total = DRAFTS + 2;
    await page.getByText(`${total} sự kiện phù hợp, cũ nhất trước`).waitFor();
    await expect(rows.count()).resolves.toBe(50);
    const times = await rows.locator('td:first-child').allInnerTexts();
    expect(times.every((time) => /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/.test(time))).toBe(true);
    await expect(rows.nth(1).innerText()).resolves.toContain('Lưu nháp tự đánh giá');
    await page.getByRole('button', { name: 'Xem thêm' }).click();
    await rows.nth(total - 1).waitFor();
    await expect(rows.count()).resolves.toBe(total);
    await expect(page.getByRole('button', { name: 'Xem thêm' }).count()).resolves.toBe(0);
    await expect(rows.nth(total - 1).innerText()).resolves.toMatch(/Nộp tự đánh giá[\s\S]*Nộp tự đánh giá · TAMKY · năm 2026 · 4 tiêu chí/);
    // No other agency's events under the filter.
    await expect(rows.filter({ hasText: 'HOIAN' }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Kiểm tra chuỗi băm' }).click();
    const status = page.getByRole('status');
    await expect(status.innerText()).resolves.toMatch(/^Chuỗi băm toàn vẹn\. Đã kiểm tra \d+ sự kiện.*mã băm cuối: [0-9a-f]{64}$/s);
    await keepScreenshot(page, '13-nhat-ky');
    await page.setViewportSize({ width: 390, height: 844 });
    await keepScreenshot(page, '13-nhat-ky-dien-thoai');
    await page.close();
  });

  it("gives an agency officer's menu the pages its viewer answer allows, and no chain check without logVerification", async () => {
    const token = t.token(['AGENCY_OFFICER'], 'TAMKY', 'officer.tamky');
    const { viewer } = expectData<{ viewer: { commands: string[]; agencyCode: string | null; reads: { resource: string; scope: string }[] } }>(
      await t.gql(VIEWER, {}, token),
    );
    const reads = (resource: string) => viewer.reads.some((r) => r.resource === resource && r.scope !== 'NONE');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, base, token);
    const menu = await page.getByRole('navigation', { name: 'Trang' }).innerText();
    expect(menu.includes('Nhật ký')).toBe(reads('auditTrail'));
    expect(menu.includes('Nhiệm vụ')).toBe(reads('responsibilities'));
    expect(menu.includes('Thẩm định')).toBe(viewer.commands.includes('AppraiseCriteria') && viewer.agencyCode !== null);
    if (reads('auditTrail')) {
      await page.goto(`${base}/nhat-ky`);
      await page.locator('table.audit tbody tr:has(td.num)').first().waitFor();
      await expect(page.getByRole('button', { name: 'Kiểm tra chuỗi băm' }).count()).resolves.toBe(reads('logVerification') ? 1 : 0);
    }
    await page.close();
  });
});
