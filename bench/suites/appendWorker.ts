/**
 * One of the three writer processes of append-pg-3proc: 10 appends in flight on its own streams for the given
 * time, then one line of JSON with what it did. Usage: appendWorker.ts <par|emmett> <url> <durationMs>
 */
import { join } from 'node:path';
import { PostgresEventStore } from '../../src/events/store/postgres/postgresEventStore';
import { nextRun, parAppend } from './append';
import { benchPayload, drive } from './drive';

async function main() {
  const [kind, url, durationMs] = process.argv.slice(2);
  const options = { inFlight: 10, durationMs: Number(durationMs) };
  if (kind === 'par') {
    const store = await PostgresEventStore.connect(url);
    const run = nextRun();
    const result = await drive(options, (lane, n) => parAppend(store, run, lane, n).then(() => undefined)).finally(() => store.close());
    process.stdout.write(`${JSON.stringify({ ...result, latencies: [] })}\n`);
    return;
  }
  const { openEmmettPostgres } = require(join(__dirname, '..', 'peers', 'emmett.js')) as {
    openEmmettPostgres(url: string): { append(s: string, v: number, d: unknown): Promise<void>; close(): Promise<void> };
  };
  const store = openEmmettPostgres(url);
  const prefix = `emmett-3proc-${process.pid}`;
  const result = await drive(options, (lane, n) => store.append(`${prefix}-${lane}`, n, benchPayload(lane, n))).finally(() => store.close());
  process.stdout.write(`${JSON.stringify({ ...result, latencies: [] })}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
