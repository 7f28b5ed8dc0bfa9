import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../src/events/store/sqlite/sqliteEventStore';
import { generateLog } from './generate/generator';
import { LOG_SHAPES, type LogShape, type PresetName } from './generate/presets';
import { wanted, wantedAny } from './report';

/** How long each kind of row runs, per preset. */
export interface RunSettings {
  shape: LogShape;
  /** Each append row. */
  appendMs: number;
  /** Each autocannon row (GraphQL, mutations). */
  httpMs: number;
  /** In-process command row. */
  commandsMs: number;
  /** Repetitions of each as-of read (the median is reported). */
  asOfRuns: number;
}

export const RUN_SETTINGS: Record<PresetName, RunSettings> = {
  quick: { shape: LOG_SHAPES.quick, appendMs: 400, httpMs: 700, commandsMs: 700, asOfRuns: 3 },
  standard: { shape: LOG_SHAPES.standard, appendMs: 4000, httpMs: 5000, commandsMs: 5000, asOfRuns: 10 },
  national: { shape: LOG_SHAPES.national, appendMs: 8000, httpMs: 10_000, commandsMs: 10_000, asOfRuns: 10 },
};

export const BENCH_DIR = __dirname;
const DATA_DIR = join(BENCH_DIR, '.data');
const PEERS_DIR = join(BENCH_DIR, 'peers');

/** What every suite gets: the settings, row selection, scratch space, the generated log and the peers. */
export class BenchContext {
  private readonly scratchRoot = mkdtempSync(join(tmpdir(), 'par-bench-'));

  constructor(
    readonly presetName: PresetName,
    readonly preset: RunSettings,
    private readonly only: readonly string[],
    readonly say: (line: string) => void,
  ) {}

  wants(id: string): boolean {
    return wanted(this.only, id);
  }

  wantsAny(group: string): boolean {
    return wantedAny(this.only, group);
  }

  /** A fresh directory under this run's scratch space, removed at the end. */
  scratch(name: string): string {
    const dir = join(this.scratchRoot, name);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  cleanup(): void {
    rmSync(this.scratchRoot, { recursive: true, force: true });
  }

  /** A copy of the preset's generated log in a new data directory (the service's PAR_DATA_DIR layout). */
  async dataDirWithLog(name: string): Promise<string> {
    const source = await ensureGeneratedLog(this.preset.shape, this.say);
    const dir = this.scratch(name);
    copyFileSync(source, join(dir, 'events.sqlite'));
    return dir;
  }

  /** The Emmett adapter module of bench/peers, installing the peers on first use. */
  peers(): unknown {
    ensurePeers(this.say);
    return require(join(PEERS_DIR, 'emmett.js'));
  }

  /** autocannon from bench/peers. */
  autocannon(): unknown {
    ensurePeers(this.say);
    return require(join(PEERS_DIR, 'node_modules', 'autocannon'));
  }
}

export function ensurePeers(say: (line: string) => void): void {
  if (existsSync(join(PEERS_DIR, 'node_modules', '.package-lock.json'))) return;
  say('installing the bench peers (Emmett, autocannon) into bench/peers/node_modules: npm ci --prefix bench/peers');
  execFileSync('npm', ['ci', '--prefix', PEERS_DIR, '--no-audit', '--no-fund', '--loglevel=error'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Bump when the generator changes what it writes, so cached logs are made again. */
const GENERATOR_VERSION = 1;

export function generatedLogFile(shape: LogShape): string {
  return join(DATA_DIR, `${shape.name}-seed${shape.seed}-v${GENERATOR_VERSION}.sqlite`);
}

/** The preset's log, generated once into bench/.data and reused by later runs (delete the file to remake it). */
export async function ensureGeneratedLog(shape: LogShape, say: (line: string) => void): Promise<string> {
  const file = generatedLogFile(shape);
  if (existsSync(file)) return file;
  mkdirSync(DATA_DIR, { recursive: true });
  const partial = `${file}.partial`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  say(`generating the ${shape.name} log (once; kept in ${file})`);
  const store = SqliteEventStore.open(partial);
  const started = Date.now();
  let events: number;
  try {
    events = await generateLog(store, shape, { progress: true });
  } finally {
    await store.close(); // closing checkpoints the WAL into the file
  }
  renameSync(partial, file);
  for (const suffix of ['-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  say(`generated ${events} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return file;
}
