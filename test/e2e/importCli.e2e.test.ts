import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { expectData, startTestService, type TestService } from '../support/service';

const ROOT = resolve(__dirname, '../..');
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run import -- …` as a process, with only the variables given (no PAR_ one inherited). */
function runImport(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PAR_')));
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/cli/importRankings.ts', ...args], {
    cwd: ROOT,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

const VI_HEADER = ['Hạng', 'Mã đơn vị', 'Tên đơn vị', 'Tổng điểm', 'Điểm tối đa', 'Chỉ số (%)', 'Xếp loại'];
const EN_HEADER = ['rank', 'agencyCode', 'agencyName', 'totalPoints', 'maxPoints', 'indexPercent', 'band'];
type Row = (string | number | null)[];
const GOOD: Row[] = [
  [1, 'STP', 'Sở Tư pháp', 86.4, 100, 86.4, 'Tốt'],
  [2, 'STTTT', 'Sở Thông tin và Truyền thông', 81.25, 98.5, 82.49, 'Tốt'],
  [3, 'SKHDT', 'Sở Kế hoạch và Đầu tư', 70, 100, 70, null],
];

let dir: string;
let t: TestService;
let coordinator: string;

/** A workbook as a published table looks: a title line, a blank line, then the header and the rows. */
async function xlsx(name: string, rows: Row[], header = VI_HEADER): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Xếp hạng');
  sheet.addRow(['KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH']);
  sheet.addRow([]);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  const file = join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

async function csv(name: string, rows: Row[], header = EN_HEADER): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('ranking');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  const file = join(dir, name);
  await workbook.csv.writeFile(file);
  return file;
}

const flags = (year: number, extra: string[] = []) => [
  '--year',
  String(year),
  '--group',
  'DEPARTMENT',
  '--decision-number',
  '1012/QĐ-UBND',
  '--decision-date',
  '2020-03-27',
  '--source',
  'Công báo tỉnh Quảng Nam số 12',
  '--url',
  t.service.url,
  ...extra,
];

const RANKING =
  'query($year: Int!) { ranking(year: $year, group: DEPARTMENT) { imported source decisionNumber entries { rank agency { code name } band { label } } } }';
const rankingOf = async (year: number) => expectData(await t.gql(RANKING, { year }, coordinator)).ranking;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'par-import-'));
  t = await startTestService();
  coordinator = t.token(['COORDINATOR'], 'SNV', 'coordinator.snv');
});
afterAll(async () => {
  await t?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run import -- rankings', () => {
  it('imports a workbook with Vietnamese headers below a title, through the API with the token given', async () => {
    const file = await xlsx('2019.xlsx', GOOD);
    const result = await runImport(['rankings', file, ...flags(2019), '--token', coordinator]);
    expect(result.stderr).not.toMatch(/problem|refused|failed/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('imported the 2019 DEPARTMENT ranking: 3 entries');
    const ranking = await rankingOf(2019);
    expect(ranking).toMatchObject({ imported: true, source: 'Công báo tỉnh Quảng Nam số 12', decisionNumber: '1012/QĐ-UBND' });
    expect(
      ranking.entries.map((e: { rank: number; agency: { code: string }; band: { label: string } | null }) => [e.rank, e.agency.code, e.band?.label ?? null]),
    ).toEqual([
      [1, 'STP', 'Tốt'],
      [2, 'STTTT', 'Tốt'],
      [3, 'SKHDT', null],
    ]);
  });

  it('checks a CSV with English headers in a dry run, importing nothing; then imports it with PAR_TOKEN', async () => {
    const file = await csv('2018.csv', GOOD);
    const dry = await runImport(['rankings', file, ...flags(2018), '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('3 rows of the 2018 DEPARTMENT ranking, no problems (dry run: nothing imported)');
    // Asked before and after the import: the answer kept for the first must not be served for the second.
    expect(await rankingOf(2018)).toBeNull();
    const real = await runImport(['rankings', file, ...flags(2018)], { PAR_TOKEN: coordinator });
    expect(real.code).toBe(0);
    expect((await rankingOf(2018)).entries).toHaveLength(3);
  });

  it.each([
    ['xlsx', xlsx, VI_HEADER],
    ['csv', csv, EN_HEADER],
  ] as const)('lists every problem row of a %s file with its row and column, and imports nothing, dry run or not', async (kind, write, header) => {
    const rows: Row[] = [
      GOOD[0],
      [2, 'sở tt', 'Sở Thông tin và Truyền thông', 81.25, 98.5, 82.49, 'Tốt'], // invalid code
      [3, 'SKHDT', '', 'bảy mươi', 100, 70, null], // no name, points not a number
      [4, 'SNV', 'Sở Nội vụ', 60, 100, 65, null], // index off the points
      [0, 'SXD', 'Sở Xây dựng', 50, 100, 50, null], // rank 0
      [5, 'STP', 'Sở Tư pháp (trùng)', 40, 100, 40, null], // listed twice
    ];
    const file = await write(`wrong.${kind}`, rows);
    const first = kind === 'xlsx' ? 4 : 2; // the row number of GOOD[0] as the spreadsheet shows it
    const col = (field: number) => header[field];
    for (const extra of [['--dry-run'], ['--token', coordinator]]) {
      const result = await runImport(['rankings', file, ...flags(2017, extra)]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toMatch(STACK_FRAME);
      const lines = result.stderr.trim().split('\n');
      expect(lines[0]).toBe(`wrong.${kind}: 6 problems in 5 rows; nothing imported`);
      expect(lines.slice(1).map((l) => l.replace(/:.*$/, '').trim())).toEqual([
        `row ${first + 1}, ${col(1)}`,
        `row ${first + 2}, ${col(2)}`,
        `row ${first + 2}, ${col(3)}`,
        `row ${first + 3}, ${col(5)}`,
        `row ${first + 4}, ${col(0)}`,
        `row ${first + 5}, ${col(1)}`,
      ]);
      expect(result.stderr).toContain('"bảy mươi" is not a number');
      expect(result.stderr).toContain(`is listed twice (also row ${first})`);
    }
    expect(await rankingOf(2017)).toBeNull();
  });

  it('tells the service’s refusal (a year already imported) and needs a token to import', async () => {
    const file = await xlsx('again.xlsx', GOOD);
    const again = await runImport(['rankings', file, ...flags(2019, ['--token', coordinator]).map((f) => (f === '1012/QĐ-UBND' ? '2/QĐ-UBND' : f))]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/refused the import \(CONFLICT\): year: the 2019 DEPARTMENT ranking was already imported/);
    const noToken = await runImport(['rankings', file, ...flags(2016)]);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr.split('\n')[0]).toMatch(/a token is needed/);
    const badDate = await runImport(['rankings', file, ...flags(2016, ['--dry-run']).map((f) => (f === '2020-03-27' ? '2020-02-30' : f))]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr.split('\n')[0]).toMatch(/^--decision-date/);
    expect(await rankingOf(2016)).toBeNull();
  });
});
