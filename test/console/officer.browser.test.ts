import type { Browser, Page } from 'playwright-core';
import { formatDateTime } from '../../web/src/format/vietnamese';
import { expectData, type TestService } from '../support/service';
import { APPRAISE } from '../e2e/operations';
import { describeInBrowser, keepScreenshot, signIn, startConsole, stopConsole } from './browser';
import { YEAR } from './consoleYear';

const STATE = `query($year: Int!, $agencyCode: ID!) {
  assessment(year: $year, agencyCode: $agencyCode) {
    version status
    criteria { code selfPoints evidence explanation draft { points evidence explanation } explanationRequests { question text answeredAt } }
  }
}`;
const DEADLINE = `query($year: Int!) { cycle(year: $year) { selfAssessmentDeadline } }`;
const REQUEST = `mutation($input: RequestExplanationInput!) { requestExplanation(input: $input) { status } }`;

/** An officer of Tam Kỳ fills, checks, saves and sends the self-assessment in the console, then answers a question. */
describeInBrowser('console: the officer’s self-assessment', () => {
  let t: TestService;
  let browser: Browser;
  let base: string;
  let page: Page;
  const state = async () => expectData(await t.gql(STATE, { year: YEAR, agencyCode: 'TAMKY' }, t.token(['COORDINATOR'], 'SNV'))).assessment;
  const leaf = async (code: string) => (await state()).criteria.find((c: { code: string }) => c.code === code);
  const fill = async (code: string, points: string, evidence: string) => {
    await page.getByLabel(`Điểm tiêu chí ${code}`).fill(points);
    await page.getByLabel(`Tài liệu kiểm chứng tiêu chí ${code}`).fill(evidence);
  };

  beforeAll(async () => {
    ({ t, browser, base } = await startConsole());
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, base, t.token(['AGENCY_OFFICER'], 'TAMKY', 'officer.tamky'));
  }, 120_000);
  afterAll(() => stopConsole({ t, browser }));

  it('lists the self-assessed leaves (not the survey one) with the deadline, and saves a draft typed with a decimal comma', async () => {
    await page.getByRole('navigation', { name: 'Trang' }).getByRole('link', { name: 'Tự đánh giá' }).click();
    await page.getByLabel('Điểm tiêu chí 1.1').waitFor();
    const codes = await page.locator('form.self-form tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    expect(codes).toEqual(['1.1', '1.2.1', '1.2.2', '2.1']);
    const { selfAssessmentDeadline } = expectData(await t.gql(DEADLINE, { year: YEAR }, t.token(['COORDINATOR'], 'SNV'))).cycle;
    await expect(page.getByTestId('deadline').textContent()).resolves.toBe(formatDateTime(selfAssessmentDeadline));
    await expect(page.getByTestId('assessment-status').textContent()).resolves.toBe('Chưa nộp');

    await fill('1.1', '3,5', 'Kế hoạch số 15/KH-UBND ngày 10/01/2026');
    await page.getByLabel('Giải trình tiêu chí 1.1').fill('Kế hoạch ban hành đúng hạn, đủ nội dung');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toBe('Đã lưu nháp 1 tiêu chí.');

    const saved = await state();
    expect(saved.status).toBe('DRAFT');
    expect(saved.criteria.find((c: { code: string }) => c.code === '1.1').draft).toEqual({
      points: 3.5,
      evidence: ['Kế hoạch số 15/KH-UBND ngày 10/01/2026'],
      explanation: 'Kế hoạch ban hành đúng hạn, đủ nội dung',
    });
    // The form is filled again from the draft, written the Vietnamese way.
    // playwright-core has no retrying expect: wait for the page to show the refetched state.
    await page.getByTestId('assessment-status').filter({ hasText: 'Bản nháp' }).waitFor();
    await expect(page.getByLabel('Điểm tiêu chí 1.1').inputValue()).resolves.toBe('3,5');
  });

  it('shows the service’s refusal naming the field, and names a criterion typed above its maximum or not as a number beside it, sending nothing', async () => {
    const before = (await state()).version;
    // What only the service checks comes back from it, in Vietnamese, naming the field.
    const explanation = page.getByLabel('Giải trình tiêu chí 1.1');
    const typed = await explanation.inputValue();
    await explanation.fill('x'.repeat(2001));
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/^Dữ liệu chưa hợp lệ \(scores\[0\]\.explanation\): /);
    expect((await state()).version).toBe(before);
    await explanation.fill(typed);

    await fill('1.2.1', '3', 'Báo cáo số 20/BC-UBND');
    await fill('1.2.2', 'một', 'Báo cáo số 21/BC-UBND');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    const alert = page.getByRole('alert');
    await expect(alert.innerText()).resolves.toContain('Tiêu chí 1.2.1: 3 điểm vượt điểm tối đa 2,5');
    await expect(alert.innerText()).resolves.toContain('Tiêu chí 1.2.2: "một" không phải là số');
    await expect(page.getByLabel('Điểm tiêu chí 1.2.1').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#loi-1\\.2\\.1').textContent()).resolves.toContain('vượt điểm tối đa 2,5');
    expect((await state()).version).toBe(before);
    expect((await leaf('1.2.1')).draft).toBeNull();
    await keepScreenshot(page, '04-tu-danh-gia-loi');
  });

  it('sends the self-assessment after a confirmation given from the keyboard; the form is then read-only', async () => {
    await fill('1.2.1', '2', 'Báo cáo số 20/BC-UBND');
    await fill('1.2.2', '1,5', 'Báo cáo số 21/BC-UBND');
    await fill('2.1', '1', 'Báo cáo rà soát số 7/BC-UBND');
    await page.getByRole('button', { name: 'Gửi tự đánh giá' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gửi tự đánh giá?' });
    await dialog.waitFor();
    // Nothing is sent before the confirmation.
    expect((await state()).status).toBe('DRAFT');
    await expect(page.locator(':focus').textContent()).resolves.toBe('Xác nhận gửi');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').textContent()).resolves.toBe('Đã gửi tự đánh giá (4 tiêu chí).');

    const sent = await state();
    expect(sent.status).toBe('SUBMITTED');
    expect(Object.fromEntries(sent.criteria.map((c: { code: string; selfPoints: number | null }) => [c.code, c.selfPoints]))).toEqual({
      '1.1': 3.5,
      '1.2.1': 2,
      '1.2.2': 1.5,
      '2.1': 1,
      '3.1': null,
    });
    await page.getByTestId('read-only').waitFor();
    await expect(page.getByLabel('Điểm tiêu chí 1.1').isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Gửi tự đánh giá' }).count()).resolves.toBe(0);
  });

  it('shows the appraiser’s question and sends the officer’s answer', async () => {
    const appraiser = t.token(['APPRAISER'], 'SNV', 'appraiser.snv');
    const round1 = { year: YEAR, agencyCode: 'TAMKY', criterionCode: '1.1', round: 1, points: 3, comment: 'Thiếu phụ lục' };
    expectData(await t.gql(APPRAISE, { input: round1 }, appraiser));
    const dueAt = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
    const question = 'Đề nghị bổ sung phụ lục kinh phí của kế hoạch';
    expectData(await t.gql(REQUEST, { input: { year: YEAR, agencyCode: 'TAMKY', criterionCode: '1.1', question, dueAt } }, appraiser));

    await page.reload();
    const section = page.getByRole('region', { name: 'Yêu cầu giải trình' });
    await expect(section.innerText()).resolves.toContain(question);
    await expect(section.innerText()).resolves.toContain(`Hạn trả lời: ${formatDateTime(dueAt)}`);
    await page.getByLabel('Trả lời giải trình tiêu chí 1.1').fill('Đã bổ sung phụ lục kinh phí tại Kế hoạch số 15/KH-UBND');
    await page.getByLabel('Tài liệu bổ sung tiêu chí 1.1 (mỗi dòng một văn bản)').fill('Phụ lục 2 kèm Kế hoạch số 15/KH-UBND');
    await page.getByRole('button', { name: 'Gửi giải trình tiêu chí 1.1' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toBe('Đã gửi giải trình tiêu chí 1.1.');

    const [request] = (await leaf('1.1')).explanationRequests;
    expect(request).toMatchObject({ question, text: 'Đã bổ sung phụ lục kinh phí tại Kế hoạch số 15/KH-UBND' });
    expect(request.answeredAt).toEqual(expect.any(String));
    await section.getByText('Không có yêu cầu giải trình nào đang chờ trả lời.').waitFor();
    await keepScreenshot(page, '04-tu-danh-gia');

    // The scorecard of its own agency shows the question and the answer under the leaf.
    await page.getByRole('navigation', { name: 'Trang' }).getByRole('link', { name: 'Bảng điểm' }).click();
    const leaf11 = page.locator('table.criteria tbody tr[data-code="1.1"]');
    await leaf11.getByText('Hồ sơ, giải trình và thẩm định').click();
    const details = await leaf11.locator('details').innerText();
    expect(details).toContain(question);
    expect(details).toContain('Đã bổ sung phụ lục kinh phí tại Kế hoạch số 15/KH-UBND — Phụ lục 2 kèm Kế hoạch số 15/KH-UBND');
    await page.goBack();
    await section.waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await keepScreenshot(page, '04-tu-danh-gia-dien-thoai');
  });
});
