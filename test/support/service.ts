import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../src/commands/authorization';
import { signToken } from '../../src/commands/identity';
import { loadConfig } from '../../src/config';
import { startService, type RunningService, type ServiceOptions } from '../../src/server';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; [k: string]: unknown } }[];
}

export interface TestService {
  service: RunningService;
  dataDir: string;
  token(roles: Role[], agency?: string | null, sub?: string): string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<T>>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the real service on a free port over a temporary data folder, with the embedded SQLite stores. */
export async function startTestService(env: Record<string, string> = {}, options: ServiceOptions = {}): Promise<TestService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'par-ledger-e2e-'));
  const config = () => loadConfig({ PORT: '0', PAR_DATA_DIR: dataDir, PAR_SEED: 'false', ...env });
  const quiet = { log: () => {}, ...options };
  let service = await startService(config(), quiet);
  const harness: TestService = {
    get service() {
      return service;
    },
    dataDir,
    token: (roles, agency = null, sub) =>
      signToken({ sub: sub ?? `${roles[0].toLowerCase()}.${agency ?? 'none'}`, name: `Test ${roles.join('+')} ${agency ?? ''}`.trim(), agency, roles }, service.jwtSecret),
    async gql(query, variables = {}, token = null) {
      const res = await fetch(service.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
    async restart() {
      await service.stop();
      service = await startService(config(), quiet);
    },
    async stop() {
      await service.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Fails with the GraphQL errors in the message, so a broken step says why. */
export function expectData<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL request failed (${response.status}): ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}
