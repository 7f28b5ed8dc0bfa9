'use strict';
// The Emmett peer for the append rows, in plain JS so the root type check never needs bench/peers installed.
const { getPostgreSQLEventStore } = require('@event-driven-io/emmett-postgresql');

/** One append = one event on the caller's stream at the version it expects, as PAR Ledger's rows do. */
function openEmmettPostgres(url) {
  const store = getPostgreSQLEventStore(url);
  return {
    async append(streamId, expectedVersion, data) {
      await store.appendToStream(streamId, [{ type: 'BenchAppended', data }], { expectedStreamVersion: BigInt(expectedVersion) });
    },
    close: () => store.close(),
  };
}

module.exports = { openEmmettPostgres };
