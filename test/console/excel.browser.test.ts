import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { SELF_COLUMNS, SELF_SHEET } from '../../src/exports/templateLayout';
import { expectData, type TestService } from '../support/service';
import { describeInBrowser, keepScreenshot, signIn, startConsole, stopConsole } from './browser';
import { YEAR } from './consoleYear';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DRAFT = `query($year: Int!, $agencyCode: ID!) {
  assessment(year: $year, agencyCode: $agencyCode) { version status criteria { code draft { points evidence } } }
}`;

/** The officer's Excel round trip in the console: download the template, fill it in, upload it, see every problem. */
describeInBrowser('console: the self-assessment template in and out', () => {
  let t: TestService;
  let browser: Browser;
  let page: Page;
  const draft = async () => expectData(await t.gql(DRAFT, { year: YEAR, agencyCode: 'TAMKY' }, t.token(['COORDINATOR'], 'SNV'))).assessment;

  beforeAll(async () => {
    ({ t, browser } = await startConsole());
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await signIn(page, `http://localhost:${t.service.port}`, t.token(['AGENCY_OFFICER'], 'TAMKY', 'officer.tamky'));
    await page.getByRole('navigation', { name: 'Trang' }).getByRole('link', { name: 'Tự đánh giá' }).click();
  }, 120_000);
  afterAll(() => stopConsole({ t, browser }));

  /** The downloaded template with the given leaves' points and evidence typed in, as Excel would save it. */
  async function fillTemplate(path: string, values: Record<string, [ExcelJS.CellValue, string]>): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
    book.getWorksheet(SELF_SHEET)!.eachRow((row) => {
      const value = values[String(row.getCell(SELF_COLUMNS.code.index).value)];
      if (!value) return;
      row.getCell(SELF_COLUMNS.points.index).value = value[0];
      row.getCell(SELF_COLUMNS.evidence.index).value = value[1];
    });
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  it('downloads the template, lists every wrong row of an upload with nothing saved, then saves a corrected one as a draft', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải mẫu Excel' }).click()]);
    const template = await download.path();
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const before = await draft();

    const wrong = await fillTemplate(template, { '1.1': [9, 'KH số 15/KH-UBND'], '1.2.1': ['hai', 'BC số 20/BC-UBND'] });
    const upload = page.getByLabel('Tệp Excel đã điền');
    await upload.setInputFiles({ name: 'tu-danh-gia-sai.xlsx', mimeType: XLSX, buffer: wrong });
    await page.getByRole('button', { name: 'Tải lên' }).click();
    const problems = page.getByRole('table', { name: 'Lỗi trong tệp tải lên' });
    await problems.waitFor();
    await expect(problems.locator('tbody tr').count()).resolves.toBe(2);
    const text = await problems.innerText();
    expect(text).toContain('D'); // the points column, as Excel names it
    await keepScreenshot(page, '06-tai-len-mau-loi');
    expect((await draft()).version).toBe(before.version);

    const right = await fillTemplate(template, { '1.1': [3.5, 'KH số 15/KH-UBND'], '1.2.1': [2, 'BC số 20/BC-UBND'] });
    await upload.setInputFiles({ name: 'tu-danh-gia.xlsx', mimeType: XLSX, buffer: right });
    await page.getByRole('button', { name: 'Tải lên' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Đã lưu nháp 2 tiêu chí');
    const saved = await draft();
    expect(saved.status).toBe('DRAFT');
    expect(saved.criteria.find((c: { code: string }) => c.code === '1.1').draft).toMatchObject({ points: 3.5, evidence: ['KH số 15/KH-UBND'] });
  });
});
