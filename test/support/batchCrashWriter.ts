/**
 * The writer the batch crash test kills: opens the event store named on the command line and keeps 100 appends of
 * three events each in flight until it is killed, each with its own command id. The id of every append whose
 * promise resolved (the caller was told "committed") goes to stdout, one a line, only after it resolved.
 * Usage: node -r @swc-node/register test/support/batchCrashWriter.ts <sqlite|postgres> <file-or-url> <run>
 */
import type { EventStore } from '../../src/events/store/eventStore';
import { PostgresEventStore } from '../../src/events/store/postgres/postgresEventStore';
import { SqliteEventStore } from '../../src/events/store/sqlite/sqliteEventStore';

const IN_FLIGHT = 100;
const EVENTS_PER_APPEND = 3;

async function open(kind: string, location: string): Promise<EventStore> {
  if (kind === 'sqlite') return SqliteEventStore.open(location);
  if (kind === 'postgres') return PostgresEventStore.connect(location);
  throw new Error(`unknown store kind ${kind}`);
}

/** The command id of a lane's n-th append: the test can name every id the writer may have sent. */
export const crashCommandId = (run: string, lane: number, n: number) => `${run}-${lane}-${n}`;

async function lane(store: EventStore, run: string, lane: number): Promise<never> {
  for (let n = 0; ; n++) {
    const commandId = crashCommandId(run, lane, n);
    const events = Array.from({ length: EVENTS_PER_APPEND }, (_, k) => ({ type: 'CrashNoted', schemaVersion: 1, data: { lane, n, k } }));
    await store.append(`crash-lane-${lane}`, events, {
      expectedVersion: n * EVENTS_PER_APPEND,
      metadata: {
        actor: { sub: 'crash', name: 'Nguyễn Văn Bình', agency: null, roles: [] },
        commandId,
        correlationId: commandId,
        causationId: commandId,
        recordedAt: new Date().toISOString(),
      },
      command: { commandId, fingerprint: 'crash' },
    });
    // Synchronous on a pipe: once written, the line is the parent's even if the process dies the next instant.
    process.stdout.write(`${commandId}\n`);
  }
}

async function main() {
  const [kind, location, run] = process.argv.slice(2);
  const store = await open(kind, location);
  process.stdout.write('ready\n');
  await Promise.all(Array.from({ length: IN_FLIGHT }, (_, i) => lane(store, run, i)));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
