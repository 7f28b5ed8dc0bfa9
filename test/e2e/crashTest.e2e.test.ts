import { parseCrashTestArgs, UsageError } from '../../src/cli/crashTest';
import { runCrashTest } from '../../src/cli/crashTest/crashRounds';
import { servers } from '../support/servers';

/** `npm run crash-test` runs this same function; CI runs a few rounds, the closing note gives 100. */
describe('npm run crash-test', () => {
  const stores = [['sqlite', null] as const, ...(servers.postgres ? [['postgres', servers.postgres] as const] : [])];
  if (!servers.postgres) process.stderr.write('skipped: crash-test rounds on PostgreSQL (set TEST_POSTGRES_URL to run them)\n');

  it.each(stores)(
    'loses no acknowledged command over 2 kill -9 rounds on %s',
    async (store, url) => {
      const lines: string[] = [];
      const summary = await runCrashTest({ rounds: 2, store, url, clients: 6, killAfter: [5, 20], keep: false }, (line) => lines.push(line));
      expect(summary.rounds).toHaveLength(2);
      for (const round of summary.rounds) {
        expect(round).toMatchObject({ lostInLog: [], lostInReadModel: [], unexpected: [], chainBreak: null });
        expect(round.acknowledged).toBeGreaterThanOrEqual(5);
      }
      expect(summary).toMatchObject({ lost: 0, failedRounds: 0 });
      expect(lines.filter((line) => /^ok +round [12]\/2/.test(line))).toHaveLength(2);
      expect(lines[lines.length - 1]).toMatch(/^PASSED: 2 rounds, \d+ acknowledged commands, 0 lost/);
    },
    180_000,
  );

  it('reads its flags, and refuses bad ones with a usage error naming the flag', () => {
    expect(parseCrashTestArgs(['--rounds', '3', '--store', 'sqlite'], {})).toEqual({
      rounds: 3,
      store: 'sqlite',
      url: null,
      clients: 8,
      killAfter: [5, 40],
      keep: false,
    });
    expect(parseCrashTestArgs(['--rounds', '1', '--store', 'postgres'], { TEST_POSTGRES_URL: 'postgres://a@h/db' })).toMatchObject({
      url: 'postgres://a@h/db',
    });
    expect(
      parseCrashTestArgs(['--rounds', '1', '--store', 'postgres', '--url', 'postgres://b@h/db', '--kill-after', '2-3'], {
        EVENT_STORE_URL: 'postgres://c@h/db',
      }),
    ).toMatchObject({ url: 'postgres://b@h/db', killAfter: [2, 3] });
    const refusals: [string[], RegExp][] = [
      [['--store', 'sqlite'], /--rounds is required/],
      [['--rounds', '0', '--store', 'sqlite'], /--rounds must be a whole number of at least 1/],
      [['--rounds', '2.5', '--store', 'sqlite'], /--rounds/],
      [['--rounds', '2', '--store', 'mysql'], /--store must be sqlite or postgres, got mysql/],
      [['--rounds', '2', '--store', 'postgres'], /needs --url, TEST_POSTGRES_URL or EVENT_STORE_URL/],
      [['--rounds', '2', '--store', 'sqlite', '--kill-after', '9-3'], /--kill-after/],
      [['--rounds', '2', '--store', 'sqlite', '--bogus'], /Unknown option '--bogus'/],
    ];
    for (const [args, message] of refusals) {
      const attempt = () => parseCrashTestArgs(args, {});
      expect(attempt).toThrow(UsageError);
      expect(attempt).toThrow(message);
    }
  });
});
