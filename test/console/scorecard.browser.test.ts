import type { Browser } from 'playwright-core';
import { compareVietnamese } from '../../src/domain/vietnameseOrder';
import { expectData, type TestService } from '../support/service';
import { describeInBrowser, keepScreenshot, signIn, startConsole, stopConsole } from './browser';
import { YEAR } from './consoleYear';

const SAVE_DRAFT = `mutation($input: SubmitSelfAssessmentInput!) { saveSelfAssessmentDraft(input: $input) { status } }`;
const IMPORT = `mutation($input: ImportPublishedRankingInput!) { importPublishedRanking(input: $input) { year } }`;
const SOURCE = 'Quyết định số 456/QĐ-UBND ngày 20/3/2026 của UBND tỉnh Quảng Nam';

/** An agency's scorecard and its trend across years, as officers of different agencies read them. */
describeInBrowser('console: the scorecard and the trend', () => {
  let t: TestService;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    const run = await startConsole();
    ({ t, browser, base } = run);
    const { coordinator } = run.year;
    // Tam Kỳ has a draft: its own officers read it, no other agency's do.
    const draft = { year: YEAR, agencyCode: 'TAMKY', scores: [{ criterionCode: '1.1', points: 2.5, evidence: ['Dự thảo kế hoạch'] }] };
    expectData(await t.gql(SAVE_DRAFT, { input: draft }, t.token(['AGENCY_OFFICER'], 'TAMKY')));
    // A year before PAR Ledger, as published, so that Hội An's trend has two points.
    const entries = [
      { rank: 1, agencyCode: 'DAILOC', agencyName: 'UBND huyện Đại Lộc', totalPoints: 82.25, maxPoints: 100, indexPercent: 82.25, band: 'Tốt' },
      { rank: 2, agencyCode: 'HOIAN', agencyName: 'UBND thành phố Hội An', totalPoints: 70.5, maxPoints: 100, indexPercent: 70.5, band: 'Khá' },
    ];
    const input = { year: 2025, group: 'DISTRICT', decisionNumber: '456/QĐ-UBND', decisionDate: '2026-03-20', source: SOURCE, entries };
    expectData(await t.gql(IMPORT, { input }, coordinator));
  }, 120_000);
  afterAll(() => stopConsole({ t, browser }));

  it('shows Hội An’s finalised scorecard to an officer of Tam Kỳ: the tree with decimal commas, the evidence, the area chart', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, base, t.token(['AGENCY_OFFICER'], 'TAMKY', 'officer.tamky'));
    await page.goto(`${base}/bang-diem?nam=${YEAR}`);
    const agency = page.getByLabel('Đơn vị');
    // Its own agency first (the token's), and in the list only what `assessments` lets it read, by Vietnamese name.
    await expect(page.getByTestId('assessment-status').textContent()).resolves.toBe('Bản nháp');
    await expect(agency.inputValue()).resolves.toBe('TAMKY');
    const options = await agency.locator('option').allTextContents();
    expect(options).toEqual(['UBND huyện Đại Lộc', 'UBND Thành phố Hội An', 'UBND Thành phố Tam Kỳ']);

    await agency.selectOption('HOIAN');
    // playwright-core has no retrying expect: wait for the page to show the choice, then read it.
    await page.getByRole('heading', { level: 1, name: `Bảng điểm UBND Thành phố Hội An năm ${YEAR}` }).waitFor();
    await expect(page.getByTestId('assessment-status').textContent()).resolves.toBe('Đã hoàn thành');
    await expect(page.getByTestId('assessment-total').textContent()).resolves.toBe('15,5 / 20');
    await expect(page.getByTestId('assessment-index').textContent()).resolves.toBe('77,5%');
    expect(new URL(page.url()).searchParams.get('donvi')).toBe('HOIAN');

    const row = (code: string) => page.locator(`table.criteria tbody tr[data-code="${code}"]`);
    const cells = async (code: string) => (await row(code).locator('td').allInnerTexts()).join(' | ');
    // Maximum | self | appraised | survey | final
    expect(await cells('1')).toBe('8 | 6 | 6 |  | 6');
    expect(await cells('1.2.1')).toBe('2,5 | 2 | 2 | — | 2');
    expect(await cells('2.1')).toBe('2 | 1,5 | 1,5 | — | 1,5');
    expect(await cells('3.1')).toBe('10 | — | — | 8 | 8');
    await expect(row('1').getAttribute('class')).resolves.toBe('area-row');
    await row('1.1').getByText('Hồ sơ, giải trình và thẩm định').click();
    const details = await row('1.1').locator('details').innerText();
    expect(details).toContain('Kế hoạch số 12/KH-UBND, mục 1.1');
    expect(details).toMatch(/Vòng 1 \(\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}, Sở Nội vụ\): 3 điểm — Đã kiểm tra hồ sơ/);

    const chart = page.getByRole('img', { name: 'Chỉ số thành phần theo lĩnh vực' });
    const drawn = await chart.locator('svg').textContent();
    // Long area titles are cut short on the axis; the table beside it has them whole.
    expect(drawn).toContain('1. Công tác chỉ đạo');
    expect(drawn).toContain('3. Tác động của CCHC');
    expect(drawn).toContain('75');
    expect(drawn).toContain('80');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải Excel' }).click()]);
    expect(file.suggestedFilename()).toBe(`đánh-giá-${YEAR}-HOIAN.xlsx`);
    await keepScreenshot(page, '03-bang-diem');
    await page.setViewportSize({ width: 390, height: 844 });
    await keepScreenshot(page, '03-bang-diem-dien-thoai');
    await page.close();
  });

  it('does not offer Tam Kỳ’s draft to an officer of Hội An, and names the refusal when it is asked for by address', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, base, t.token(['AGENCY_OFFICER'], 'HOIAN', 'officer.hoian'));
    await page.goto(`${base}/bang-diem?nam=${YEAR}`);
    await expect(page.getByTestId('assessment-status').textContent()).resolves.toBe('Đã hoàn thành');
    const options = await page.getByLabel('Đơn vị').locator('option').allTextContents();
    expect(options).toEqual(['UBND huyện Đại Lộc', 'UBND Thành phố Hội An']);
    await page.goto(`${base}/bang-diem?nam=${YEAR}&donvi=TAMKY`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Tài khoản này không có quyền xem');
    await expect(page.locator('table.criteria').count()).resolves.toBe(0);
    await page.close();
  });

  it('draws Hội An’s index across two years, the imported year labelled with its source', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, base, t.token(['ANALYST'], null, 'analyst'));
    await page.getByRole('navigation', { name: 'Trang' }).getByRole('link', { name: 'Xu hướng' }).click();
    const agency = page.getByLabel('Đơn vị', { exact: true });
    await agency.selectOption('HOIAN');
    const rows = page.locator('table.data tbody tr');
    await rows.nth(1).waitFor();
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-year')))).toEqual(['2025', String(YEAR)]);
    const imported = await rows.nth(0).innerText();
    expect(imported).toContain('UBND thành phố Hội An');
    expect(imported).toContain(SOURCE);
    expect(imported).toMatch(/2\/2\s+70,5 \/ 100\s+70,5%\s+Khá/);
    // This year: the provisional ranking over the finalised assessments (Đại Lộc 95%, Hội An 77,5%).
    expect(await rows.nth(1).innerText()).toMatch(/2\/2\s+15,5 \/ 20\s+77,5%/);
    const drawn = await page.getByRole('img', { name: 'Chỉ số CCHC theo năm' }).locator('svg').textContent();
    expect(drawn).toContain('70,5');
    expect(drawn).toContain('77,5');
    // Every agency in the picker, by Vietnamese name.
    const names = await agency.locator('option').allTextContents();
    expect(names).toEqual([...names].sort(compareVietnamese));
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải Excel' }).click()]);
    expect(file.suggestedFilename()).toBe('xu-hướng-HOIAN.xlsx');
    await keepScreenshot(page, '05-xu-huong');
    await page.setViewportSize({ width: 390, height: 844 });
    await keepScreenshot(page, '05-xu-huong-dien-thoai');
    await page.close();
  });
});
