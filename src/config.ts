import { z } from 'zod';
import { redactUrl } from './shared/redactUrl';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z
  .object({
  PORT: z.coerce.number({ error: 'must be a port number' }).int('must be a whole number').min(0).max(65535, 'must be at most 65535').default(4000),
  HOST: z.string().min(1).optional(),
  PAR_DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  PAR_SEED: flag.default(true),
  PAR_JWT_SECRET: z.string().min(32, 'must be at least 32 characters (HS256 needs a strong key)').optional(),
  EVENT_STORE: z.enum(['sqlite', 'postgres', 'kurrentdb', 'memory'], { error: 'must be one of sqlite, postgres, kurrentdb, memory' }).default('sqlite'),
  EVENT_STORE_URL: z.string().optional(),
  READ_STORE: z.enum(['sqlite', 'mongodb', 'memory'], { error: 'must be one of sqlite, mongodb, memory' }).default('sqlite'),
  READ_STORE_URL: z.string().optional(),
  /** Names this process in projection leases and logs; defaults to host and pid. */
  PAR_INSTANCE_ID: z.string().min(1).optional(),
  /** How long an instance that died keeps the projection lease; another instance takes over after it. */
  PAR_PROJECTION_LEASE_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(500, 'must be at least 500').default(10_000),
  /** Least time between two full re-checks of the hash chain (`logVerification(full: true)`), per service. */
  PAR_FULL_VERIFY_INTERVAL_S: z.coerce.number({ error: 'must be a number of seconds' }).int('must be a whole number').min(0, 'must be 0 or more').default(300),
  PAR_MAX_BODY: z.string().regex(/^\d+(kb|mb)$/, 'must look like 512kb or 2mb').default('1mb'),
  /** Largest cost of one GraphQL request (see src/schema/queryCost.ts); dearer requests are refused before they run. */
  PAR_MAX_QUERY_COST: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').default(1000),
  /** Most aliases in one GraphQL operation. */
  PAR_MAX_ALIASES: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 or more').default(15),
})
  .superRefine((c, ctx) => {
    const urlSchemes: Record<string, string[]> = { postgres: ['postgres:', 'postgresql:'], kurrentdb: ['kurrentdb:', 'esdb:', 'kurrentdb+discover:', 'esdb+discover:'], mongodb: ['mongodb:', 'mongodb+srv:'] };
    const check = (variable: 'EVENT_STORE_URL' | 'READ_STORE_URL', kind: string, url: string | undefined) => {
      const schemes = urlSchemes[kind];
      if (!schemes) return;
      if (!url) {
        ctx.addIssue({ code: 'custom', path: [variable], message: `is required when ${variable === 'EVENT_STORE_URL' ? 'EVENT_STORE' : 'READ_STORE'}=${kind} (e.g. ${schemes[0]}//127.0.0.1/…)` });
        return;
      }
      let protocol = '';
      try {
        protocol = new URL(url).protocol;
      } catch {
        // reported below
      }
      if (!schemes.includes(protocol)) ctx.addIssue({ code: 'custom', path: [variable], message: `must be a ${schemes.map((x) => `${x}//`).join(' or ')} URL for ${kind}` });
    };
    check('EVENT_STORE_URL', c.EVENT_STORE, c.EVENT_STORE_URL);
    check('READ_STORE_URL', c.READ_STORE, c.READ_STORE_URL);
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
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message} (got ${redact(present[String(issue.path[0])])})`));
  }
  return parsed.data;
}

/** Values are echoed in errors, but a URL's password never is. */
function redact(value: string | undefined): string {
  if (value === undefined) return 'nothing';
  return JSON.stringify(value.includes('://') ? redactUrl(value) : value);
}
