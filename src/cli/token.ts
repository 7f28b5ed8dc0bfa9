import { ROLES, type Role } from '../auth/authorization';
import { existingJwtSecret, JwtSecretError } from '../auth/jwtSecret';
import { signToken } from '../auth/tokenSigner';
import { CliRefusal, configOrExit, EXIT_REFUSED, parseFlags, runTool } from './cliSupport';

const DEFAULT_HOURS = 8;
/** Roles whose rights depend on their own agency. */
const AGENCY_ROLES: readonly Role[] = ['AGENCY_OFFICER', 'APPRAISER'];

const usage = `usage: npm run token -- --role ROLE [--role ROLE] [--agency CODE] [--sub ID] [--name NAME] [--hours N]
roles: ${ROLES.join(', ')}
Prints an HS256 token signed with PAR_JWT_SECRET, or with the secret the service keeps in PAR_DATA_DIR/jwt-secret
(it never creates one). --hours: lifetime, more than 0 and at most PAR_TOKEN_MAX_HOURS (default ${DEFAULT_HOURS}, or the maximum if lower).`;

function usageError(message: string): never {
  console.error(message);
  console.error(usage);
  process.exit(EXIT_REFUSED);
}

runTool('npm run token', () => {
  const { values } = parseFlags(
    {
      options: {
        role: { type: 'string', multiple: true },
        agency: { type: 'string' },
        sub: { type: 'string' },
        name: { type: 'string' },
        hours: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    usage,
  );
  if (values.help) return console.log(usage);
  const roles = (values.role ?? []).map((r) => r.toUpperCase());
  const unknown = roles.filter((r) => !ROLES.includes(r as Role));
  if (roles.length === 0) usageError('--role is required');
  if (unknown.length > 0) usageError(`unknown role ${unknown.join(', ')}`);
  const agency = values.agency?.trim() || null;
  const needsAgency = roles.find((r) => AGENCY_ROLES.includes(r as Role));
  if (needsAgency && !agency) usageError(`--agency is required for ${needsAgency}`);

  const config = configOrExit();
  const maxHours = config.PAR_TOKEN_MAX_HOURS;
  const hours = values.hours === undefined ? Math.min(DEFAULT_HOURS, maxHours) : Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > maxHours) {
    usageError(`--hours must be a number more than 0 and at most ${maxHours} (PAR_TOKEN_MAX_HOURS); got ${JSON.stringify(values.hours)}`);
  }

  let secret: string;
  try {
    secret = existingJwtSecret(config);
  } catch (error) {
    if (error instanceof JwtSecretError) throw new CliRefusal(error.message);
    throw error;
  }
  const sub = values.sub ?? `${roles[0].toLowerCase()}${agency ? `.${agency.toLowerCase()}` : ''}`;
  const name = values.name ?? `${roles.join('+')}${agency ? ` ${agency}` : ''}`;
  const token = signToken({ sub, name, agency, roles: roles as Role[] }, secret, {
    expiresInSeconds: Math.round(hours * 3600),
    issuer: config.PAR_JWT_ISSUER,
    audience: config.PAR_JWT_AUDIENCE,
  });
  console.log(token);
});
