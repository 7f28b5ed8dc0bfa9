import { z } from 'zod';
import { LOG_LEVELS } from './http/logger';
import { redactUrl } from './shared/redactUrl';

const flag = z.enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' }).transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z
  .object({
    PORT: z.coerce.number({ error: 'must be a port number' }).int('must be a whole number').min(0).max(65535, 'must be at most 65535').default(4000),
    HOST: z.string().min(1).optional(),
    PAR_DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
    PAR_SEED: flag.default(true),
    PAR_JWT_SECRET: z.string().min(32, 'must be at least 32 characters (HS256 needs a strong key)').optional(),
    /** RS256/ES256 tokens from an identity provider (e.g. the province's Keycloak) are verified against this key set. */
    PAR_JWKS_URL: z.string().optional(),
    /** When set, a token's `iss` / `aud` must be exactly this. */
    PAR_JWT_ISSUER: z.string().min(1).optional(),
    PAR_JWT_AUDIENCE: z.string().min(1).optional(),
    /**
     * The console's sign-in through the identity provider (authorization code with PKCE): its client id there. The
     * provider is PAR_JWT_ISSUER (its /.well-known/openid-configuration); the tokens it issues are verified with
     * PAR_JWKS_URL like any other.
     */
    PAR_OIDC_CLIENT_ID: z.string().min(1).optional(),
    PAR_OIDC_SCOPE: z.string().min(1).default('openid profile'),
    /** Where the built console is (npm run build:console); by default dist/console beside package.json. */
    PAR_CONSOLE_DIR: z.string().min(1).optional(),
    /** A token must expire, and no later than this many hours after it is presented. */
    PAR_TOKEN_MAX_HOURS: z.coerce.number({ error: 'must be a number of hours' }).positive('must be more than 0').default(12),
    /** Browser origins allowed to call the API (CORS), comma-separated; none by default. */
    PAR_CORS_ORIGINS: z.string().optional().transform(parseOrigins),
    LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    EVENT_STORE: z.enum(['sqlite', 'postgres', 'kurrentdb', 'memory'], { error: 'must be one of sqlite, postgres, kurrentdb, memory' }).default('sqlite'),
    EVENT_STORE_URL: z.string().optional(),
    READ_STORE: z.enum(['sqlite', 'mongodb', 'memory'], { error: 'must be one of sqlite, mongodb, memory' }).default('sqlite'),
    READ_STORE_URL: z.string().optional(),
    /** Names this process in projection leases and logs; defaults to host and pid. */
    PAR_INSTANCE_ID: z.string().min(1).optional(),
    /** How long an instance that died keeps the projection lease; another instance takes over after it. */
    PAR_PROJECTION_LEASE_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(500, 'must be at least 500').default(10_000),
    /** Least time between two full re-checks of the hash chain (`logVerification(full: true)`), per service. */
    PAR_FULL_VERIFY_INTERVAL_S: z.coerce
      .number({ error: 'must be a number of seconds' })
      .int('must be a whole number')
      .min(0, 'must be 0 or more')
      .default(300),
    /** Days after a ranking's publication during which agencies may complain about their result (lodgeComplaint). */
    PAR_COMPLAINT_DAYS: z.coerce.number({ error: 'must be a number of days' }).int('must be a whole number').min(1, 'must be at least 1').default(15),
    PAR_MAX_BODY: z
      .string()
      .regex(/^\d+(kb|mb)$/, 'must look like 512kb or 2mb')
      .default('1mb'),
    /** Largest cost of one GraphQL request (see src/schema/queryCost.ts); dearer requests are refused before they run. */
    PAR_MAX_QUERY_COST: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').default(1000),
    /** Most aliases in one GraphQL operation. */
    PAR_MAX_ALIASES: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 or more').default(15),
    /** Memory for whole answers kept while their documents are unchanged (src/http/answerCache.ts); 0 keeps none. */
    PAR_ANSWER_CACHE_MB: z.coerce.number({ error: 'must be a number of megabytes' }).min(0, 'must be 0 or more').default(32),
  })
  .superRefine((c, ctx) => {
    const urlSchemes: Record<string, string[]> = {
      postgres: ['postgres:', 'postgresql:'],
      kurrentdb: ['kurrentdb:', 'esdb:', 'kurrentdb+discover:', 'esdb+discover:'],
      mongodb: ['mongodb:', 'mongodb+srv:'],
    };
    const check = (variable: 'EVENT_STORE_URL' | 'READ_STORE_URL', kind: string, url: string | undefined) => {
      const schemes = urlSchemes[kind];
      if (!schemes) return;
      if (!url) {
        ctx.addIssue({
          code: 'custom',
          path: [variable],
          message: `is required when ${variable === 'EVENT_STORE_URL' ? 'EVENT_STORE' : 'READ_STORE'}=${kind} (e.g. ${schemes[0]}//127.0.0.1/…)`,
        });
        return;
      }
      let protocol = '';
      try {
        protocol = new URL(url).protocol;
      } catch {
        // reported below
      }
      if (!schemes.includes(protocol))
        ctx.addIssue({ code: 'custom', path: [variable], message: `must be a ${schemes.map((x) => `${x}//`).join(' or ')} URL for ${kind}` });
    };
    check('EVENT_STORE_URL', c.EVENT_STORE, c.EVENT_STORE_URL);
    check('READ_STORE_URL', c.READ_STORE, c.READ_STORE_URL);
    if (c.PAR_OIDC_CLIENT_ID !== undefined && (c.PAR_JWT_ISSUER === undefined || c.PAR_JWKS_URL === undefined))
      ctx.addIssue({ code: 'custom', path: ['PAR_OIDC_CLIENT_ID'], message: 'needs PAR_JWT_ISSUER (the provider) and PAR_JWKS_URL (its keys)' });
    if (c.PAR_JWKS_URL !== undefined) {
      const problem = jwksUrlProblem(c.PAR_JWKS_URL);
      if (problem) ctx.addIssue({ code: 'custom', path: ['PAR_JWKS_URL'], message: problem });
    }
  });

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the environment once at start; every mistake is reported by variable name, all at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const variable = String(issue.path[0]);
        return `${issue.path.join('.')}: ${issue.message} (got ${redact(variable, present[variable])})`;
      }),
    );
  }
  return parsed.data;
}

/** Variables whose value is never shown, not even in part: only its length is. */
const SECRET_VARIABLES = new Set(['PAR_JWT_SECRET']);

/** Values are echoed in errors to help, but a secret and a URL's password never are. */
function redact(variable: string, value: string | undefined): string {
  if (value === undefined) return 'nothing';
  if (SECRET_VARIABLES.has(variable)) return `a value of ${value.length} characters, not shown`;
  return JSON.stringify(value.includes('://') ? redactUrl(value) : value);
}

/** An allow-list of exact origins (scheme, host, port): a path, a wildcard or a typo is refused rather than guessed. */
function parseOrigins(value: string | undefined, ctx: z.RefinementCtx): string[] {
  if (value === undefined) return [];
  const origins = value
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  for (const origin of origins) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      ctx.addIssue({
        code: 'custom',
        message: `${JSON.stringify(origin)} is not an origin: write scheme://host[:port] without a path or trailing slash, e.g. https://par.quangnam.gov.vn`,
      });
    }
  }
  return origins;
}

/** Keys fetched over plain HTTP could be swapped on the way, so only a loopback key set may use it (tests, a sidecar). */
function jwksUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be a URL, e.g. https://sso.example.gov.vn/realms/par/protocol/openid-connect/certs';
  }
  if (url.protocol === 'https:') return null;
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol === 'http:' && loopback) return null;
  return 'must be an https:// URL (plain http:// only on localhost)';
}
