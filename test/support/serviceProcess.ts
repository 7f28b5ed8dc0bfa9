import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { Role } from '../../src/auth/authorization';
import { signToken } from '../../src/auth/tokenSigner';
import type { GraphQLResponse } from './service';

const PROJECT_ROOT = resolve(__dirname, '../..');
export const TEST_JWT_SECRET = 'test-secret-for-service-processes-0123456789';

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<T>>;
  /** SIGKILL: no shutdown code runs, as in a power cut or an OOM kill. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<number | null>;
}

export function token(roles: Role[], agency: string | null = null, sub = `${roles[0].toLowerCase()}.${agency ?? 'none'}`): string {
  return signToken({ sub, name: `Test ${roles.join('+')}`, agency, roles }, TEST_JWT_SECRET);
}

/** Starts `src/main.ts` as its own process (the real entry point) and resolves once it says it is ready. */
export async function startServiceProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: '0', PAR_SEED: 'false', PAR_JWT_SECRET: TEST_JWT_SECRET, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const check = () => {
      const match = /ready at (http:\/\/\S+\/graphql)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${code} before it was ready:\n${out}`));
    });
  });

  return {
    url,
    child,
    output: () => out,
    async gql(query, variables = {}, bearer = null) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
