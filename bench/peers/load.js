'use strict';
// HTTP load for the GraphQL and mutation rows, in its own process so the load generator does not share the
// server's event loop. Usage: node load.js <spec.json>; prints autocannon's result as one line of JSON.
// spec: { url, connections, duration?, amount?, timeout?, requests: [{ body, headers }] } — requests are sent
// round-robin, so each can carry its own token and input.
const { readFileSync } = require('node:fs');
const autocannon = require('autocannon');

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let next = 0;
const instance = autocannon(
  {
    url: spec.url,
    connections: spec.connections,
    ...(spec.amount ? { amount: spec.amount } : { duration: spec.duration }),
    timeout: spec.timeout ?? 10,
    method: 'POST',
    requests: [
      {
        setupRequest(request) {
          const r = spec.requests[next++ % spec.requests.length];
          return { ...request, method: 'POST', body: r.body, headers: { 'content-type': 'application/json', ...r.headers } };
        },
      },
    ],
  },
  (error, result) => {
    if (error) {
      console.error(error);
      process.exit(1);
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
  },
);
process.once('SIGINT', () => instance.stop());
