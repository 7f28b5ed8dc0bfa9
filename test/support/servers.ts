/**
 * Suites that need a server run only where one is configured; elsewhere they are skipped with a one-line
 * reason. CI (.ci/run) starts PostgreSQL and FerretDB and sets these variables, so there they run.
 */
export const servers = {
  /** A PostgreSQL database the tests may create and drop databases in (user needs CREATEDB). */
  postgres: process.env.TEST_POSTGRES_URL ?? null,
  /** A MongoDB-protocol server (MongoDB or FerretDB); each suite uses its own database and drops it. */
  mongodb: process.env.TEST_MONGODB_URL ?? null,
  /** A KurrentDB (EventStoreDB) server, e.g. kurrentdb://127.0.0.1:2113?tls=false */
  kurrentdb: process.env.KURRENTDB_URL ?? null,
};

const announced = new Set<string>();

/** `describe` when `url` is set; otherwise a skipped describe and one line on stderr saying why. */
export function describeWithServer(name: string, url: string | null, variable: string, body: (url: string) => void): void {
  if (url) {
    describe(name, () => body(url));
    return;
  }
  if (!announced.has(name)) {
    announced.add(name);
    process.stderr.write(`skipped: ${name} (set ${variable} to run it against a real server)\n`);
  }
  // Skipped on purpose: the server this suite needs is not configured here (see the line written above).
  describe.skip(name, () => body(''));
}
