// `npm run test:unit`: the domain and other pure code (deciders, events and upcasters, seed data, read scopes, the
// schema file, the projection runner with an injected clock): no database server, no service process, a few
// seconds. Contract suites (test/contract), end-to-end suites over HTTP (test/e2e) and the slower whole-log suites
// stay in `npm test`, which runs everything with jest.config.js.
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: [
    '<rootDir>/test/{domain,events,seed,shared,auth,schema,commands,resolvers,bench,exports,subscriptions}/**/*.test.ts',
    '<rootDir>/test/projections/{projectorFailures,runnerLease,responsibilitiesProjection,responsibilityLists,batchedBuild,importedRankingProjection,plansProjection}.test.ts',
  ],
  // The tamper suite runs `npm run verify` as a process against SQLite and PostgreSQL logs.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/events/tamper\\.test\\.ts$'],
};
