import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { AGENCY_GROUPS, type AgencyGroup } from '../domain/enums';
import { DomainError } from '../domain/errors';
import { requireCalendarDate } from '../domain/calendarDate';
import { requireCode, requireText, requireYear } from '../domain/validation';
import { sendImport, ServiceRefusal, type ImportRequest } from '../import/importClient';
import { headersFor, parseRankingRows, type ParsedRanking, type RowProblem } from '../import/rankingRows';
import { readRankingSheet, RankingFileError, type RankingSheet } from '../import/rankingWorkbook';
import { CliRefusal, EXIT_FINDING, EXIT_REFUSED, parseFlags, runTool } from './cliSupport';

const DEFAULT_URL = 'http://localhost:4000/graphql';

const usage = `usage: npm run import -- rankings FILE.xlsx|FILE.csv --year YYYY --group GROUP --decision-number NO --decision-date YYYY-MM-DD
         --source TEXT [--jurisdiction CODE] [--dry-run] [--url ${DEFAULT_URL}] [--token T]
groups: ${AGENCY_GROUPS.join(', ')}
Records a ranking published outside PAR Ledger through the service's importPublishedRanking (ADMIN or COORDINATOR
token: --token or PAR_TOKEN). Columns by header, Vietnamese or English: Hạng/rank, Mã đơn vị/agencyCode,
Tên đơn vị/agencyName, Tổng điểm/totalPoints, Điểm tối đa/maxPoints, Chỉ số (%)/indexPercent, Xếp loại/band (optional).
Every problem row is listed (row, column, reason); if there is any, nothing is imported and the exit code is 1.
--dry-run checks the file and imports nothing.`;

function usageError(message: string): never {
  console.error(message);
  console.error(usage);
  process.exit(EXIT_REFUSED);
}

/** The input field each flag fills, where the names differ. */
const FLAG_OF: Record<string, string> = { decisionNumber: 'decision-number', decisionDate: 'decision-date' };

/** The flags' values checked by the domain's own rules, each mistake named by its flag. */
function requestHead(values: Record<string, string | boolean | undefined>): Omit<ImportRequest, 'entries'> {
  const text = (flag: string) => (typeof values[flag] === 'string' ? (values[flag] as string) : '');
  const required = ['year', 'group', 'decision-number', 'decision-date', 'source'].filter((f) => text(f).trim() === '');
  if (required.length > 0) usageError(`missing ${required.map((f) => `--${f}`).join(', ')}`);
  const group = text('group').toUpperCase();
  if (!AGENCY_GROUPS.includes(group as AgencyGroup)) usageError(`--group: ${text('group')} is not one of ${AGENCY_GROUPS.join(', ')}`);
  try {
    const date = text('decision-date');
    // A date that does not come back as written (2020-02-30 becomes 2020-03-01) is no calendar date.
    const parsed = new Date(`${date}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date)
      usageError(`--decision-date: "${text('decision-date')}" is not YYYY-MM-DD`);
    return {
      year: requireYear('year', Number(text('year'))),
      group: group as AgencyGroup,
      jurisdiction: text('jurisdiction').trim() ? requireCode('jurisdiction', text('jurisdiction').trim()) : null,
      decisionNumber: requireText('decisionNumber', text('decision-number'), 100),
      decisionDate: requireCalendarDate('decisionDate', parsed),
      source: requireText('source', text('source'), 2000),
    };
  } catch (error) {
    if (error instanceof DomainError && error.field) usageError(`--${FLAG_OF[error.field] ?? error.field}${error.message.slice(error.field.length)}`);
    throw error;
  }
}

/** Checks every row, with a progress bar on the terminal. */
function checkRows(file: string, sheet: RankingSheet): ParsedRanking {
  if (sheet.map.missing.length > 0) {
    throw new CliRefusal(
      `${file}: the header row (row ${sheet.headerRow}) has no column for ${sheet.map.missing.map((f) => `${f} (${headersFor(f)})`).join(', ')}`,
    );
  }
  const bar = new SingleBar({ format: 'checking rows [{bar}] {value}/{total}', stream: process.stderr, clearOnComplete: true }, Presets.shades_classic);
  bar.start(sheet.rows.length, 0);
  try {
    return parseRankingRows(sheet.map, sheet.rows, () => bar.increment());
  } finally {
    bar.stop();
  }
}

function printProblems(file: string, problems: readonly RowProblem[]): void {
  const rows = new Set(problems.map((p) => p.row)).size;
  console.error(`${basename(file)}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${rows} row${rows === 1 ? '' : 's'}; nothing imported`);
  for (const p of problems) console.error(`  row ${p.row}, ${p.column}: ${p.reason}`);
}

/** The service's problems, `entries[i].field`, told as the file's row and column. */
function problemsInFile(parsed: ParsedRanking, refusal: ServiceRefusal, header: (field: string) => string): RowProblem[] {
  return refusal.problems.flatMap((p) => {
    const at = /^entries\[(\d+)\]\.(\w+)$/.exec(p.field);
    return at ? [{ row: parsed.rows[Number(at[1])], column: header(at[2]), reason: p.reason }] : [];
  });
}

runTool('npm run import', async () => {
  const { values, positionals } = parseFlags(
    {
      allowPositionals: true,
      options: {
        year: { type: 'string' },
        group: { type: 'string' },
        jurisdiction: { type: 'string' },
        'decision-number': { type: 'string' },
        'decision-date': { type: 'string' },
        source: { type: 'string' },
        'dry-run': { type: 'boolean' },
        url: { type: 'string' },
        token: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    usage,
  );
  if (values.help) return console.log(usage);
  const [what, file, ...rest] = positionals;
  if (what !== 'rankings') usageError(what ? `unknown import "${what}": only rankings can be imported` : 'say what to import: rankings');
  if (!file || rest.length > 0) usageError('give exactly one file');
  const head = requestHead(values);
  const dryRun = values['dry-run'] === true;
  const token = values.token ?? process.env.PAR_TOKEN ?? '';
  if (!dryRun && token.trim() === '') usageError('a token is needed to import: --token or PAR_TOKEN (an ADMIN or COORDINATOR token: npm run token)');

  const sheet = await readRankingSheet(file).catch((error: Error) => {
    throw error instanceof RankingFileError ? new CliRefusal(error.message) : error;
  });
  const parsed = checkRows(file, sheet);
  if (parsed.problems.length > 0) {
    printProblems(file, parsed.problems);
    return EXIT_FINDING;
  }
  if (parsed.entries.length === 0) throw new CliRefusal(`${file}: no rows below the header (row ${sheet.headerRow})`);
  const where = `${head.year} ${head.group}${head.jurisdiction ? ` ${head.jurisdiction}` : ''}`;
  if (dryRun) {
    console.log(`${basename(file)}: ${parsed.entries.length} rows of the ${where} ranking, no problems (dry run: nothing imported)`);
    return;
  }

  const request: ImportRequest = { ...head, entries: parsed.entries };
  const commandId = `import-rankings:${createHash('sha256').update(JSON.stringify(request)).digest('hex').slice(0, 40)}`;
  const url = values.url ?? DEFAULT_URL;
  try {
    const { entries } = await sendImport(url, token.trim(), request, commandId);
    console.log(`imported the ${where} ranking: ${entries} entries, decision ${head.decisionNumber} of ${head.decisionDate}`);
  } catch (error) {
    if (!(error instanceof ServiceRefusal)) throw error;
    const header = (field: string) => sheet.map.columns.get(field as never)?.header ?? field;
    const inFile = problemsInFile(parsed, error, header);
    if (inFile.length > 0) printProblems(file, inFile);
    else console.error(`the service refused the import (${error.code}): ${error.message}`);
    return error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN' ? EXIT_REFUSED : EXIT_FINDING;
  }
});
