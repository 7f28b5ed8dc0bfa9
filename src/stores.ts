import { join } from 'node:path';
import type { Config } from './config';
import type { EventStore } from './events/eventStore';
import { MemoryEventStore } from './events/memoryEventStore';
import { SqliteEventStore } from './events/sqliteEventStore';
import { MemoryReadStore } from './projections/memoryReadStore';
import type { ReadStore } from './projections/readStore';
import { SqliteReadStore } from './projections/sqliteReadStore';

/** Opens the configured event and read stores (the service and the command-line tools share this). */
export async function openStores(config: Config): Promise<{ events: EventStore; readStore: ReadStore }> {
  const events = config.EVENT_STORE === 'memory' ? new MemoryEventStore() : SqliteEventStore.open(join(config.PAR_DATA_DIR, 'events.sqlite'));
  // Read models live beside the log in their own file: deleting it only costs a rebuild.
  const readStore = config.READ_STORE === 'memory' ? new MemoryReadStore() : SqliteReadStore.open(join(config.PAR_DATA_DIR, 'read-models.sqlite'));
  return { events, readStore };
}

