import type { Browser, Page } from 'playwright-core';
import { expectData, type TestService } from '../support/service';
import { ASSESSMENT, SUBMIT } from '../e2e/operations';
import { describeInBrowser, keepScreenshot, signIn, startConsole, stopConsole } from './browser';
import { DONE, YEAR } from './consoleYear';

const EXPLANATIONS = `query($year: Int!, $agencyCode: ID!) {
  assessment(year: $year, agencyCode: $agencyCode) { criteria { code explanationRequests { question dueAt } } }
}`;

describeInBrowser('console: the appraiser queue', () => {
  let t: TestService;
  let browser: Browser;
  let base: string;

  const leafPoints = async (agencyCode: string) => {
    const { assessment } = expectData<{ assessment: { criteria: { code: string; appraisedPoints: number | null }[] } }>(
      await t.gql(ASSESSMENT, { year: YEAR, agencyCode }, t.token(['COORDINATOR'], 'SNV')),
    );
    return Object.fromEntries(assessment.criteria.map((c) => [c.code, c.appraisedPoints]));
  };
  const leaf = (page: Page, code: string) => page.getByRole('group', { name: new RegExp(`^${code.replace(/\./g, '\\.')} `) });

  beforeAll(async () => {
    ({ t, browser, base } = await startConsole());
    // Tam Kỳ sends its self-assessment over the API, as the officer's page would.
    const scores = Object.entries(DONE.TAMKY.self).map(([criterionCode, points]) => ({
      criterionCode,
      points,
      evidence: [`Báo cáo số 7/BC-UBND, mục ${criterionCode}`],
    }));
    expectData(await t.gql(SUBMIT, { input: { year: YEAR, agencyCode: 'TAMKY', scores } }, t.token(['AGENCY_OFFICER'], 'TAMKY')));
  }, 120_000);
  afterAll(() => stopConsole({ t, browser }));

  it("shows an STP appraiser only Tam Kỳ's leaf 2.1, the one STP appraises", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, base, t.token(['APPRAISER'], 'STP', 'appraiser.stp'));
    await page.getByRole('navigation', { name: 'Trang' }).getByRole('link', { name: 'Thẩm định' }).click();
    await leaf(page, '2.1').waitFor();
    const section = page.getByRole('region', { name: /UBND Thành phố Tam Kỳ/ });
    await expect(section.getByRole('group').count()).resolves.toBe(1);
    await expect(page.getByRole('group', { name: /^1\.1 / }).count()).resolves.toBe(0);
    await page.close();
  });

  it('lets an SNV appraiser appraise three leaves in one bulk command, refusing a value above the maximum inline first', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, base, t.token(['APPRAISER'], 'SNV', 'appraiser.snv'));
    await page.goto(`${base}/tham-dinh?nam=${YEAR}`);
    const section = page.getByRole('region', { name: /UBND Thành phố Tam Kỳ/ });
    await leaf(page, '1.1').waitFor();
    await expect(section.getByRole('group').count()).resolves.toBe(3);
    await expect(page.getByRole('group', { name: /^2\.1 / }).count()).resolves.toBe(0);
    // What the appraiser reads before deciding: the agency's points with a decimal comma and its evidence.
    await expect(leaf(page, '1.1').innerText()).resolves.toMatch(/Điểm tự đánh giá\s+3,5/);
    await expect(leaf(page, '1.1').innerText()).resolves.toContain('Báo cáo số 7/BC-UBND, mục 1.1');

    await leaf(page, '1.1').getByLabel('Điểm thẩm định', { exact: true }).fill('2,5');
    await leaf(page, '1.1').getByLabel('Nhận xét').fill('Thiếu kế hoạch kiểm tra năm');
    await leaf(page, '1.2.1').getByLabel('Điểm thẩm định', { exact: true }).fill('2,5');
    await leaf(page, '1.2.2').getByLabel('Điểm thẩm định', { exact: true }).fill('3');
    await expect(leaf(page, '1.2.2').getByRole('alert').innerText()).resolves.toBe('Tiêu chí 1.2.2: điểm thẩm định 3 vượt quá điểm tối đa 1,5');
    await keepScreenshot(page, '10-tham-dinh-loi');
    await section.getByRole('button', { name: 'Thẩm định các tiêu chí đã nhập' }).click();
    await expect(section.getByText(/^Chưa gửi: Tiêu chí 1\.2\.2/).isVisible()).resolves.toBe(true);
    expect(await leafPoints('TAMKY')).toMatchObject({ '1.1': null, '1.2.1': null, '1.2.2': null });

    await leaf(page, '1.2.2').getByLabel('Điểm thẩm định', { exact: true }).fill('1,5');
    await expect(leaf(page, '1.2.2').getByRole('alert').count()).resolves.toBe(0);
    await expect(section.getByText(/^Chưa gửi/).count()).resolves.toBe(0);
    await keepScreenshot(page, '10-tham-dinh');
    await page.setViewportSize({ width: 390, height: 844 });
    await keepScreenshot(page, '10-tham-dinh-dien-thoai');
    await page.setViewportSize({ width: 1280, height: 800 });
    await section.getByRole('button', { name: 'Thẩm định các tiêu chí đã nhập' }).click();
    await expect(page.getByRole('status').innerText()).resolves.toBe('Đã thẩm định vòng 1 3 tiêu chí của UBND Thành phố Tam Kỳ');
    await page.getByText('Không còn tiêu chí nào chờ thẩm định.').waitFor();
    expect(await leafPoints('TAMKY')).toMatchObject({ '1.1': 2.5, '1.2.1': 2.5, '1.2.2': 1.5, '2.1': null });
    // Round 1 given: each leaf may now be questioned before round 2.
    await expect(page.getByRole('heading', { name: 'Yêu cầu giải trình sau vòng 1' }).isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('lets the SNV appraiser ask Tam Kỳ to explain 1.1 until the end of a Vietnam day', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, base, t.token(['APPRAISER'], 'SNV', 'appraiser.snv'));
    await page.goto(`${base}/tham-dinh?nam=${YEAR}`);
    const request = page.locator('details', { hasText: 'UBND Thành phố Tam Kỳ: 1.1 ' });
    await request.locator('summary').click();
    await request.getByRole('button', { name: 'Yêu cầu giải trình' }).click();
    await expect(request.getByRole('alert').innerText()).resolves.toBe('Tiêu chí 1.1: hãy nhập nội dung cần giải trình');
    const due = new Date(Date.now() + (7 * 3600 + 5 * 86400) * 1000).toISOString().slice(0, 10);
    await request.getByLabel('Nội dung cần giải trình').fill('Đề nghị bổ sung kế hoạch kiểm tra năm 2026');
    await request.getByLabel('Hạn giải trình').fill(due);
    await request.getByRole('button', { name: 'Yêu cầu giải trình' }).click();
    await expect(page.getByRole('status').innerText()).resolves.toBe('Đã yêu cầu UBND Thành phố Tam Kỳ giải trình tiêu chí 1.1');
    const { assessment } = expectData<{ assessment: { criteria: { code: string; explanationRequests: { question: string; dueAt: string }[] }[] } }>(
      await t.gql(EXPLANATIONS, { year: YEAR, agencyCode: 'TAMKY' }, t.token(['COORDINATOR'], 'SNV')),
    );
    // 23:59:59.999 in Vietnam is 16:59:59.999 UTC.
    expect(assessment.criteria.find((c) => c.code === '1.1')?.explanationRequests).toEqual([
      { question: 'Đề nghị bổ sung kế hoạch kiểm tra năm 2026', dueAt: `${due}T16:59:59.999Z` },
    ]);
    // An open request takes the leaf off the list of leaves to question.
    await expect(page.locator('details', { hasText: 'UBND Thành phố Tam Kỳ: 1.1 ' }).count()).resolves.toBe(0);
    await page.close();
  });
});
