import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type * as Jose from 'jose' with { 'resolution-mode': 'import' };
import { loadConfig } from '../../src/config';
import { SqliteEventStore } from '../../src/events/store/sqlite/sqliteEventStore';
import { startService } from '../../src/server';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const jose = require('jose') as typeof Jose;

const ROOT = resolve(__dirname, '../..');
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a tool as `npm run <tool>` does, with only the variables given (none inherited from this shell). */
const SCRIPTS = { token: 'src/cli/token.ts', verifyLog: 'src/cli/verifyLog.ts', rebuild: 'src/cli/rebuild.ts', service: 'src/main.ts' };

function run(tool: keyof typeof SCRIPTS, args: string[], env: Record<string, string>): Promise<Run> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(PAR_|EVENT_STORE|READ_STORE|LOG_LEVEL|PORT|HOST)/.test(k)));
  const child = spawn(process.execPath, ['-r', '@swc-node/register', SCRIPTS[tool], ...args], {
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

/** A refusal: a non-zero exit, a clear first line, and no stack trace. */
function expectRefusal(result: Run, line: RegExp, code = 2) {
  expect(result.code).toBe(code);
  expect(result.stderr.split('\n')[0]).toMatch(line);
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stdout).toBe('');
}

let base: string;
let populated: string;
let emptyDir: string;
beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'par-cli-'));
  populated = join(base, 'populated');
  emptyDir = join(base, 'empty');
  // A real data folder: the service seeds its log and generates its secret.
  const service = await startService(loadConfig({ PORT: '0', PAR_DATA_DIR: populated, PAR_SEED: 'true', LOG_LEVEL: 'silent' }), { log: () => {} });
  await service.stop();
  // A log file that exists but holds nothing (e.g. a service that was pointed here and stopped at once).
  mkdirSync(join(base, 'empty-log-dir'));
  await (await SqliteEventStore.open(join(base, 'empty-log-dir', 'events.sqlite'))).close();
}, 120_000);
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('npm run token', () => {
  it('signs with the data folder secret a token that expires within the limit', async () => {
    const result = await run('token', ['--role', 'AGENCY_OFFICER', '--agency', 'TAMKY', '--hours', '2'], {
      PAR_DATA_DIR: populated,
      PAR_JWT_ISSUER: 'par-test',
      PAR_JWT_AUDIENCE: 'par',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const secret = new TextEncoder().encode(readFileSync(join(populated, 'jwt-secret'), 'utf8').trim());
    const { payload, protectedHeader } = await jose.jwtVerify(result.stdout.trim(), secret, { issuer: 'par-test', audience: 'par' });
    expect(protectedHeader.alg).toBe('HS256');
    expect(payload).toMatchObject({ sub: 'agency_officer.tamky', agency: 'TAMKY', roles: ['AGENCY_OFFICER'] });
    expect(payload.exp! - payload.iat!).toBe(2 * 3600);
  });

  it('refuses a folder without a secret and creates none', async () => {
    const result = await run('token', ['--role', 'ANALYST'], { PAR_DATA_DIR: emptyDir });
    expectRefusal(result, /^npm run token: no secret: set PAR_JWT_SECRET, or point PAR_DATA_DIR/);
    expect(existsSync(emptyDir)).toBe(false);
  });

  it('refuses when only identity-provider tokens are accepted', async () => {
    const result = await run('token', ['--role', 'ANALYST'], { PAR_DATA_DIR: populated, PAR_JWKS_URL: 'https://sso.quangnam.example/certs' });
    expectRefusal(result, /PAR_JWKS_URL is set, PAR_JWT_SECRET is not/);
  });

  it('refuses a lifetime that is not positive or beyond PAR_TOKEN_MAX_HOURS, with the usage', async () => {
    const lifetimes = [['--hours', '-1'], ['--hours=-1'], ['--hours', '0'], ['--hours', 'soon'], ['--hours', '13']];
    const results = await Promise.all(lifetimes.map((args) => run('token', ['--role', 'ANALYST', ...args], { PAR_DATA_DIR: populated })));
    for (const result of results) {
      expectRefusal(result, /--hours/);
      expect(result.stderr).toContain('usage: npm run token');
    }
    const longer = await run('token', ['--role', 'ANALYST', '--hours', '20'], { PAR_DATA_DIR: populated, PAR_TOKEN_MAX_HOURS: '24' });
    expect(longer.code).toBe(0);
  });

  it('answers bad flags with the usage, not a stack trace', async () => {
    const cases = [
      [['--rol', 'ANALYST'], /Unknown option '--rol'/],
      [['--role'], /argument missing/],
      [[], /--role is required/],
      [['--role', 'KING'], /unknown role KING/],
      [['--role', 'APPRAISER'], /--agency is required for APPRAISER/],
      [['--role', 'ANALYST', 'extra'], /Unexpected argument 'extra'/],
    ] as const;
    const results = await Promise.all(cases.map(([args]) => run('token', [...args], { PAR_DATA_DIR: populated })));
    for (const [i, result] of results.entries()) {
      expectRefusal(result, cases[i][1]);
      expect(result.stderr).toContain('usage: npm run token');
    }
  });

  it('never shows a too-short secret, here or when the service starts', async () => {
    const secret = 'too-short-secret-4711';
    const token = await run('token', ['--role', 'ANALYST'], { PAR_JWT_SECRET: secret });
    expect(token.code).toBe(2);
    expect(token.stderr).toMatch(/PAR_JWT_SECRET: must be at least 32 characters/);
    const service = await run('service', [], { PAR_JWT_SECRET: secret, PAR_DATA_DIR: emptyDir, PORT: '0' });
    expect(service.code).toBe(2);
    expect(service.stderr).toMatch(/PAR Ledger cannot start: .*\n.*PAR_JWT_SECRET: must be at least 32 characters/);
    for (const output of [token.stdout, token.stderr, service.stdout, service.stderr]) expect(output).not.toContain('4711');
  });
});

describe('npm run verify', () => {
  it('verifies a stored log and exits 0', async () => {
    const digest = join(base, 'digest.json');
    const result = await run('verifyLog', ['--export', digest], { PAR_DATA_DIR: populated });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/intact: \d+ events/);
    const compared = await run('verifyLog', ['--compare', digest], { PAR_DATA_DIR: populated });
    expect(compared.code).toBe(0);
    expect(compared.stdout).toMatch(/matches/);
  });

  it('refuses a data folder without a log and creates nothing', async () => {
    const missing = join(base, 'nowhere');
    expectRefusal(await run('verifyLog', [], { PAR_DATA_DIR: missing }), /^npm run verify: no event log at .*nowhere.*events\.sqlite: check PAR_DATA_DIR/);
    expect(existsSync(missing)).toBe(false);
    const folderWithoutLog = mkdtempSync(join(base, 'folder-'));
    expectRefusal(await run('verifyLog', [], { PAR_DATA_DIR: folderWithoutLog }), /no event log/);
    expect(readdirSync(folderWithoutLog)).toEqual([]);
  });

  it('refuses an empty log and the memory store', async () => {
    expectRefusal(await run('verifyLog', [], { PAR_DATA_DIR: join(base, 'empty-log-dir') }), /^npm run verify: the event log .* is empty/);
    expectRefusal(await run('verifyLog', [], { EVENT_STORE: 'memory', READ_STORE: 'memory' }), /EVENT_STORE=memory/);
  });

  it('answers bad flags and unreadable digests in one line', async () => {
    const unknown = await run('verifyLog', ['--expor', 'x'], { PAR_DATA_DIR: populated });
    expectRefusal(unknown, /Unknown option '--expor'/);
    expect(unknown.stderr).toContain('usage: npm run verify');
    expectRefusal(await run('verifyLog', ['--compare', join(base, 'no-digest.json')], { PAR_DATA_DIR: populated }), /cannot read the digest .*no-digest\.json/);
    const notDigest = join(base, 'not-digest.json');
    writeFileSync(notDigest, '{"hello": 1}');
    expectRefusal(await run('verifyLog', ['--compare', notDigest], { PAR_DATA_DIR: populated }), /is not a digest written by --export/);
  });
});

describe('npm run rebuild', () => {
  it('refuses a missing or empty log, unknown projections and bad flags', async () => {
    const missing = join(base, 'nowhere-rebuild');
    expectRefusal(await run('rebuild', [], { PAR_DATA_DIR: missing }), /^npm run rebuild: no event log/);
    expect(existsSync(missing)).toBe(false);
    expectRefusal(await run('rebuild', [], { PAR_DATA_DIR: join(base, 'empty-log-dir') }), /is empty/);
    const unknown = await run('rebuild', ['nonsense'], { PAR_DATA_DIR: populated });
    expectRefusal(unknown, /unknown projection nonsense/);
    expect(unknown.stderr).toContain('usage: npm run rebuild');
    expectRefusal(await run('rebuild', ['--fast'], { PAR_DATA_DIR: populated }), /Unknown option '--fast'/);
  });

  it('builds a read store it lacks once, on start, instead of building it and then rebuilding it', async () => {
    const fresh = join(base, 'rebuild-fresh');
    mkdirSync(fresh);
    copyFileSync(join(populated, 'events.sqlite'), join(fresh, 'events.sqlite'));
    const result = await run('rebuild', [], { PAR_DATA_DIR: fresh });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^built agencies, frameworks, .*, surveys(, \w+)* on start: \d+ events in \d+\.\d s \(\d+ events\/s\)$/m);
    expect(result.stdout).not.toMatch(/projection\(s\) over/);
    // Run again, the read store exists: a rebuild into the next generation.
    const again = await run('rebuild', ['surveys'], { PAR_DATA_DIR: fresh });
    expect(again.stdout).toMatch(/^ {2}surveys +\d+\.\d s {2}generation 2 at position \d+$/m);
  });

  it('rebuilds the named projections in one pass and reports the rate, each projector’s time and the store’s', async () => {
    const result = await run('rebuild', ['assessments', 'auditTrail'], { PAR_DATA_DIR: populated });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^2 projection\(s\) over \d+ events in \d+\.\d s \(\d+ events\/s\)$/m);
    expect(result.stdout).toMatch(/^ {2}assessments +\d+\.\d s {2}generation 2 at position \d+$/m);
    expect(result.stdout).toMatch(/^ {2}auditTrail +\d+\.\d s {2}generation 2 at position \d+$/m);
    expect(result.stdout).not.toMatch(/^ {2}rankings/m);
    for (const part of ['reading the log', 'loading documents', 'writing documents'])
      expect(result.stdout).toMatch(new RegExp(`^  ${part} +\\d+\\.\\d s$`, 'm'));
  });
});
