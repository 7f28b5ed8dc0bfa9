import type { Role } from '../../src/auth/authorization';
import { signToken } from '../../src/auth/tokenSigner';
import { loadConfig } from '../../src/config';
import { startService, type RunningService, type ServiceOptions } from '../../src/server';
import { sqliteBackend, type Backend } from './backends';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; [k: string]: unknown } }[];
}

export interface TestService {
  service: RunningService;
  token(roles: Role[], agency?: string | null, sub?: string): string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<T>>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the real service in this process on a free port, over fresh stores of the given backend (SQLite by default). */
export async function startTestService(env: Record<string, string> = {}, options: ServiceOptions = {}, backend: Backend = sqliteBackend): Promise<TestService> {
  const stores = await backend.create();
  // Request logs stay out of test output unless asked for, like the service's messages.
  const config = () => loadConfig({ PORT: '0', PAR_SEED: 'false', LOG_LEVEL: process.env.PAR_TEST_LOG ? 'info' : 'silent', ...stores.env, ...env });
  const quiet = { log: process.env.PAR_TEST_LOG ? (m: string) => console.log(m) : () => {}, ...options };
  let service = await startService(config(), quiet);
  const harness: TestService = {
    get service() {
      return service;
    },
    token: (roles, agency = null, sub) =>
      signToken(
        { sub: sub ?? `${roles[0].toLowerCase()}.${agency ?? 'none'}`, name: `Test ${roles.join('+')} ${agency ?? ''}`.trim(), agency, roles },
        secretOf(service),
      ),
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
      await stores.cleanup();
    },
  };
  return harness;
}

function secretOf(service: RunningService): string {
  if (!service.jwtSecret) throw new Error('this test service accepts only JWKS tokens: sign them with the test key pair');
  return service.jwtSecret;
}

/** Fails with the GraphQL errors in the message, so a broken step says why. */
export function expectData<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL request failed (${response.status}): ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

/**
 * The token with one character in the middle of its signature changed. Not the last character: base64url's final
 * character of a 32-byte signature carries two padding bits, so changing only those leaves the signature valid.
 */
export function tamperSignature(token: string): string {
  const at = token.lastIndexOf('.') + 10;
  return token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
}
