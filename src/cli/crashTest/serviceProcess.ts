import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const PROJECT_ROOT = resolve(__dirname, '../../..');

/** Services this process started and that still run: a crash test stopped by a signal must not orphan them. */
const running = new Set<ChildProcess>();

export function killRunningServices(): void {
  for (const child of running) child.kill('SIGKILL');
}

export interface GraphQLAnswer<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  extensions?: { command?: { position?: unknown } } & Record<string, unknown>;
}

/** The service as its own process (the real entry point, src/main.ts), so that it can be killed with SIGKILL. */
export class ServiceProcess {
  private output = '';
  private readonly exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.stdout!.on('data', (chunk: Buffer) => this.keep(chunk));
    child.stderr!.on('data', (chunk: Buffer) => this.keep(chunk));
    running.add(child);
    this.exited = new Promise((r) =>
      child.once('exit', (code) => {
        running.delete(child);
        r(code);
      }),
    );
  }

  /** Starts it on a free port and resolves once /health answers 200. */
  static async start(env: Record<string, string>, timeoutMs = 120_000): Promise<ServiceProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const service = new ServiceProcess(child, `http://127.0.0.1:${port}/graphql`);
    const deadline = Date.now() + timeoutMs;
    let exitCode: number | null | undefined;
    void service.exited.then((code) => (exitCode = code));
    for (;;) {
      if (exitCode !== undefined) throw new Error(`the service exited with ${exitCode} before it was ready:\n${service.output}`);
      if (Date.now() > deadline) {
        await service.kill9();
        throw new Error(`the service was not ready within ${timeoutMs} ms:\n${service.output}`);
      }
      const healthy = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (healthy) return service;
      await sleep(100);
    }
  }

  async gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, token: string): Promise<GraphQLAnswer<T>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  }

  /** SIGKILL: no shutdown code runs, as in a power cut or an OOM kill. */
  async kill9(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, and SIGKILL if it has not stopped within 10 s. */
  async stop(): Promise<void> {
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }

  /** The last lines it printed, for a failure message. */
  tail(lines = 20): string {
    return this.output.split('\n').slice(-lines).join('\n');
  }

  private keep(chunk: Buffer): void {
    // Only the tail matters for a failure message; a long run must not grow without bound.
    this.output = (this.output + chunk.toString()).slice(-20_000);
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((r) => server.close(r));
  return port;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
