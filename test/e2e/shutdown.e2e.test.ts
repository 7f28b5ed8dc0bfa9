import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/** Every process below `pid`, from /proc (Linux): what would be left serving if a signal stopped only the top. */
function descendantsOf(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  const visit = (parent: number) => {
    for (const [child, ppid] of parentOf) {
      if (ppid === parent) {
        found.push(child);
        visit(child);
      }
    }
  };
  visit(pid);
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((answer) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      answer(true);
    });
    socket.once('error', () => answer(false));
  });
}

describe('npm start and SIGTERM', () => {
  let dataDir: string;
  let npm: ChildProcess | null = null;
  let leftovers: number[] = [];

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'par-start-'));
  });
  afterAll(() => {
    // Whatever the outcome, nothing this test started keeps running.
    for (const pid of leftovers.filter(alive)) process.kill(pid, 'SIGKILL');
    if (npm?.exitCode === null) npm.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops the service that `npm start` started, leaving nothing on the port', async () => {
    // `npm start` builds first (prestart: tsc), as it does for an operator, so this needs no dist/ beforehand.
    npm = spawn('npm', ['start'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        PAR_DATA_DIR: dataDir,
        PAR_SEED: 'false',
        LOG_LEVEL: 'info',
        EVENT_STORE: 'sqlite',
        READ_STORE: 'sqlite',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    npm.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<void>((done) => npm!.once('exit', () => done()));

    const port = await new Promise<number>((ready, failed) => {
      npm!.stdout!.on('data', () => {
        const match = /ready at http:\/\/localhost:(\d+)\/graphql/.exec(output);
        if (match) ready(Number(match[1]));
      });
      void exited.then(() => failed(new Error(`npm start exited before the service was ready:\n${output}`)));
    });
    leftovers = descendantsOf(npm.pid!);
    expect(leftovers.length).toBeGreaterThan(0);
    expect(await portAnswers(port)).toBe(true);

    process.kill(npm.pid!, 'SIGTERM');
    await exited;

    expect(output).toMatch(/SIGTERM: stopping/);
    expect(output).toMatch(/"msg":"stopped"/);
    expect(leftovers.filter(alive)).toEqual([]);
    expect(await portAnswers(port)).toBe(false);
  }, 300_000);
});
