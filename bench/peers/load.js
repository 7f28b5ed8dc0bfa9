'use strict';
// HTTP load for the GraphQL and mutation rows, in its own process so the load generator does not share the
// server's event loop. Usage: node load.js <spec.json>; prints one line of JSON: autocannon's result per run.
// spec: { runs: [run, …] } or one run: { url, connections, duration?, amount?, timeout?, requests: [{ body, headers }] }; a run's
// requests are sent round-robin, so each can carry its own token and input; runs go one after another.
const { readFileSync } = require('node:fs');
const autocannon = require('autocannon');

function run(spec) {
  let next = 0;
  return autocannon({
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
  });
}

async function main() {
  const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  if (!spec.runs) return process.stdout.write(`${JSON.stringify(await run(spec))}\n`); // one run, one result
  const results = [];
  for (const one of spec.runs) results.push(await run(one));
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
