import { parseArgs } from 'node:util';
import { runCrashTest, type CrashTestOptions } from './crashTest/crashRounds';
import { killRunningServices } from './crashTest/serviceProcess';

const usage = `usage: npm run crash-test -- --rounds N --store sqlite|postgres [--url URL] [--clients M] [--kill-after MIN-MAX] [--keep]
Starts the service, kills it with SIGKILL under concurrent mutations, restarts it, and checks that every
acknowledged command is in the log and the read models and that the hash chain verifies; N times.
  --rounds N          how many kill-and-restart rounds (1 or more)
  --store S           sqlite (a temporary data folder) or postgres (a scratch database, dropped afterwards)
  --url URL           PostgreSQL server for the scratch database (default: TEST_POSTGRES_URL, then EVENT_STORE_URL)
  --clients M         concurrent clients sending mutations (default 8)
  --kill-after A-B    kill after a random number of acknowledgements between A and B (default 5-40)
  --keep              keep the data folder and database afterwards, to look at them
Exit code: 0 when nothing was lost, 1 when something was, 2 for bad flags or stores that cannot be used.`;

export class UsageError extends Error {}

export function parseCrashTestArgs(args: string[], env: NodeJS.ProcessEnv = process.env): CrashTestOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        rounds: { type: 'string' },
        store: { type: 'string' },
        url: { type: 'string' },
        clients: { type: 'string' },
        'kill-after': { type: 'string' },
        keep: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) throw new UsageError('');
  const rounds = wholeNumber(values.rounds, '--rounds', 1);
  if (values.store !== 'sqlite' && values.store !== 'postgres')
    throw new UsageError(`--store must be sqlite or postgres${values.store ? `, got ${values.store}` : ''}`);
  const clients = values.clients === undefined ? 8 : wholeNumber(values.clients, '--clients', 1);
  const range = /^(\d+)-(\d+)$/.exec(values['kill-after'] ?? '5-40');
  if (!range || Number(range[1]) < 1 || Number(range[1]) > Number(range[2]))
    throw new UsageError('--kill-after must look like 5-40 (at least 1, low before high)');
  const url = values.store === 'postgres' ? (values.url ?? env.TEST_POSTGRES_URL ?? env.EVENT_STORE_URL ?? null) : null;
  if (values.store === 'postgres' && !url) throw new UsageError('--store postgres needs --url, TEST_POSTGRES_URL or EVENT_STORE_URL');
  return { rounds, store: values.store, url, clients, killAfter: [Number(range[1]), Number(range[2])], keep: values.keep ?? false };
}

function wholeNumber(text: string | undefined, flag: string, min: number): number {
  if (text === undefined) throw new UsageError(`${flag} is required`);
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || !Number.isSafeInteger(value))
    throw new UsageError(`${flag} must be a whole number of at least ${min}, got ${text}`);
  return value;
}

async function main() {
  let options: CrashTestOptions;
  try {
    options = parseCrashTestArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (!error.message) {
      console.log(usage);
      process.exit(0);
    }
    console.error(`${error.message}\n${usage}`);
    process.exit(2);
  }
  // Interrupted (Ctrl-C, a CI timeout): the service it started goes too, instead of serving on, orphaned.
  process.on('exit', killRunningServices);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      killRunningServices();
      process.exit(130);
    });
  }
  const summary = await runCrashTest(options, (line) => console.log(line));
  process.exit(summary.lost === 0 && summary.failedRounds === 0 ? 0 : 1);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`crash test failed: ${(error as Error).message}`);
    process.exit(2);
  });
}
