import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../commands/authorization';
import { resolveJwtSecret, signToken } from '../commands/identity';
import { ConfigError, loadConfig } from '../config';

const usage = `usage: npm run token -- --role ROLE [--role ROLE] [--agency CODE] [--sub ID] [--name NAME] [--hours N]
roles: ${ROLES.join(', ')}
Prints an HS256 token signed with PAR_JWT_SECRET, or with the secret the embedded service keeps in PAR_DATA_DIR.`;

function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      agency: { type: 'string' },
      sub: { type: 'string' },
      name: { type: 'string' },
      hours: { type: 'string', default: '8' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return console.log(usage);
  const roles = (values.role ?? []).map((r) => r.toUpperCase());
  const unknown = roles.filter((r) => !ROLES.includes(r as Role));
  if (roles.length === 0 || unknown.length > 0) {
    console.error(roles.length === 0 ? '--role is required' : `unknown role ${unknown.join(', ')}`);
    console.error(usage);
    process.exit(2);
  }
  const hours = Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0) {
    console.error('--hours must be a positive number');
    process.exit(2);
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const agency = values.agency ?? null;
  const sub = values.sub ?? `${roles[0].toLowerCase()}${agency ? `.${agency.toLowerCase()}` : ''}`;
  const name = values.name ?? `${roles.join('+')}${agency ? ` ${agency}` : ''}`;
  const secret = resolveJwtSecret(config.PAR_JWT_SECRET, config.PAR_DATA_DIR);
  console.log(signToken({ sub, name, agency, roles: roles as Role[] }, secret, Math.round(hours * 3600)));
}

main();
