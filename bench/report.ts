import { PRESET_NAMES, type PresetName } from './generate/presets';

/** One measurement: PAR Ledger's figure beside the baseline measured in the same run. */
export interface Row {
  id: string;
  what: string;
  project: number | null;
  baseline: number | null;
  baselineName: string | null;
  /** project ÷ baseline. */
  ratio: number | null;
  unit: string;
  /** Requests or appends that failed (errors, non-2xx, timeouts). */
  failed: number | null;
  p99Ms: number | null;
  /** project p99 ÷ baseline p99. */
  p99Ratio: number | null;
  /** Why the row has no figure (a missing server, a peer that does not install). */
  skipped?: string;
}

export interface Report {
  preset: PresetName;
  cores: number;
  loadAverage: number[];
  date: string;
  commit: string | null;
  rows: Row[];
}

export interface Figures {
  what: string;
  unit: string;
  project: number | null;
  baseline?: number | null;
  baselineName?: string | null;
  failed?: number | null;
  p99Ms?: number | null;
  baselineP99Ms?: number | null;
}

const divide = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null || b === 0 ? null : a / b);

export function row(id: string, f: Figures): Row {
  return {
    id,
    what: f.what,
    project: f.project,
    baseline: f.baseline ?? null,
    baselineName: f.baselineName ?? null,
    ratio: divide(f.project, f.baseline),
    unit: f.unit,
    failed: f.failed ?? null,
    p99Ms: f.p99Ms ?? null,
    p99Ratio: divide(f.p99Ms, f.baselineP99Ms),
  };
}

export function skippedRow(id: string, what: string, unit: string, why: string): Row {
  return { ...row(id, { what, unit, project: null }), skipped: why };
}

/** The JSON the issue fixes: preset, cores, and per row its figures (plus the context of the run). */
export function toJson(report: Report): object {
  return {
    preset: report.preset,
    cores: report.cores,
    loadAverage: report.loadAverage,
    date: report.date,
    commit: report.commit,
    rows: report.rows.map((r) => ({
      id: r.id,
      what: r.what,
      project: r.project,
      baseline: r.baseline,
      baselineName: r.baselineName,
      ratio: r.ratio,
      unit: r.unit,
      failed: r.failed,
      p99Ms: r.p99Ms,
      p99Ratio: r.p99Ratio,
      ...(r.skipped ? { skipped: r.skipped } : {}),
    })),
  };
}

/** A figure as people read it: three significant digits, thousands as k. */
export function formatNumber(value: number | null): string {
  if (value == null || !Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs >= 10_000) return `${(value / 1000).toPrecision(3)}k`;
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toPrecision(3);
}

const ratioText = (r: number | null) => (r == null ? '–' : `${r.toFixed(2)}×`);

/** The table as Markdown, so the terminal output can be pasted into BENCHMARKS.md as it is. */
export function formatTable(report: Report): string {
  const header = ['id', 'what', 'PAR Ledger', 'baseline', 'baseline name', 'ratio', 'unit', 'failed', 'p99 ms', 'p99 ratio'];
  const lines = report.rows.map((r) =>
    r.skipped
      ? [r.id, r.what, 'skipped', '', r.skipped, '', r.unit, '', '', '']
      : [
          r.id,
          r.what,
          formatNumber(r.project),
          formatNumber(r.baseline),
          r.baselineName ?? '–',
          ratioText(r.ratio),
          r.unit,
          r.failed == null ? '–' : String(r.failed),
          formatNumber(r.p99Ms),
          ratioText(r.p99Ratio),
        ],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const context = `preset ${report.preset}, ${report.cores} cores, load average ${report.loadAverage.map((l) => l.toFixed(2)).join(' ')}, ${report.date}${report.commit ? `, commit ${report.commit}` : ''}`;
  return [context, '', line(header), line(widths.map((w) => '-'.repeat(w))), ...lines.map(line)].join('\n');
}

export interface BenchArgs {
  preset: PresetName;
  /** Row id prefixes; empty means every row. */
  only: string[];
  json: string | null;
  /** Only write a generated log of this preset (no measurement). */
  generate: PresetName | null;
  help: boolean;
}

export const USAGE = `usage: npm run bench -- [--preset quick|standard|national] [--only <id>[,<id>…]] [--json <file>] [--generate <preset>]
  --preset    quick (seconds, CI), standard (default, minutes), national (the 10-year country log)
  --only      rows whose id starts with one of these (e.g. append-pg, graphql-ranking)
  --json      also write the results as JSON to this file
  --generate  write the generated log of a preset into bench/.data and stop`;

function presetOf(flag: string, value: string | undefined): PresetName {
  if (!value || !(PRESET_NAMES as readonly string[]).includes(value))
    throw new Error(`${flag} must be one of ${PRESET_NAMES.join(', ')}, got ${value ?? 'nothing'}`);
  return value as PresetName;
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { preset: 'standard', only: [], json: null, generate: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--preset':
        args.preset = presetOf(flag, value());
        break;
      case '--only': {
        const ids = (value() ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        if (ids.length === 0) throw new Error('--only needs at least one row id');
        args.only.push(...ids);
        break;
      }
      case '--json': {
        const file = value();
        if (!file) throw new Error('--json needs a file name');
        args.json = file;
        break;
      }
      case '--generate':
        args.generate = presetOf(flag, value());
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  return args;
}

/** Whether a row is asked for: `--only` names rows by id prefix. */
export function wanted(only: readonly string[], id: string): boolean {
  return only.length === 0 || only.some((prefix) => id.startsWith(prefix));
}

/** Whether any row whose id starts with `group` is asked for (to skip a whole suite's set-up). */
export function wantedAny(only: readonly string[], group: string): boolean {
  return only.length === 0 || only.some((prefix) => prefix.startsWith(group) || group.startsWith(prefix));
}
