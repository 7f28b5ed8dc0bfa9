import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  PORT: z.coerce.number({ error: 'must be a port number' }).int('must be a whole number').min(0).max(65535, 'must be at most 65535').default(4000),
  HOST: z.string().min(1).optional(),
  PAR_DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  PAR_SEED: flag.default(true),
  PAR_JWT_SECRET: z.string().min(32, 'must be at least 32 characters (HS256 needs a strong key)').optional(),
  EVENT_STORE: z.enum(['sqlite', 'memory'], { error: 'must be one of sqlite, memory' }).default('sqlite'),
  READ_STORE: z.enum(['sqlite', 'memory'], { error: 'must be one of sqlite, memory' }).default('sqlite'),
  PAR_MAX_BODY: z.string().regex(/^\d+(kb|mb)$/, 'must look like 512kb or 2mb').default('1mb'),
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
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(present[String(issue.path[0])])})`));
  }
  return parsed.data;
}
