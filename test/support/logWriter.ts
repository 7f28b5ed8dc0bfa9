/**
 * A writer process for the concurrency tests: opens the event store named on the command line, waits for "go"
 * on stdin so that every writer starts together, then appends to its own stream, to a shared stream with
 * 'any', and to a contended stream with read-decide-append-retry (what the command handler does).
 * Usage: node -r @swc-node/register test/support/logWriter.ts <sqlite|postgres> <file-or-url> <name> <count>
 */
import type { EventStore } from '../../src/events/store/eventStore';
import { PostgresEventStore } from '../../src/events/store/postgres/postgresEventStore';
import { SqliteEventStore } from '../../src/events/store/sqlite/sqliteEventStore';

async function open(kind: string, location: string): Promise<EventStore> {
  if (kind === 'sqlite') return SqliteEventStore.open(location);
  if (kind === 'postgres') return PostgresEventStore.connect(location, { poolSize: 2 });
  throw new Error(`unknown store kind ${kind}`);
}

async function main() {
  const [kind, location, name, count] = process.argv.slice(2);
  const metadata = {
    actor: { sub: name, name, agency: null, roles: [] },
    commandId: name,
    correlationId: name,
    causationId: name,
    recordedAt: new Date().toISOString(),
  };
  const store = await open(kind, location);
  process.stdout.write('ready\n');
  await new Promise((go) => process.stdin.once('data', go));
  let conflicts = 0;
  for (let i = 0; i < Number(count); i++) {
    await store.append(`writer-${name}`, [{ type: 'Own', schemaVersion: 1, data: { name, i } }], { expectedVersion: i, metadata });
    await store.append(
      'shared-any',
      [
        { type: 'Any', schemaVersion: 1, data: { name, i } },
        { type: 'Any', schemaVersion: 1, data: { name, i, b: 1 } },
      ],
      { expectedVersion: 'any', metadata },
    );
    for (;;) {
      const version = (await store.readStream('contended')).length;
      await new Promise((decided) => setTimeout(decided, Math.random() * 2)); // deciding takes a moment
      try {
        await store.append('contended', [{ type: 'Counted', schemaVersion: 1, data: { name, i } }], { expectedVersion: version, metadata });
        break;
      } catch (error) {
        // A conflict on the stream, or (rarely) the other writers keeping the log busy: read, decide, try again.
        if ((error as Error).name !== 'StreamVersionConflictError' && (error as Error).name !== 'StoreContentionError') throw error;
        conflicts++;
      }
    }
  }
  await store.close();
  process.stdout.write(`${JSON.stringify({ conflicts })}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
