import { join } from 'node:path';
import type { Config } from './config';
import type { EventStore } from './events/store/eventStore';
import type * as KurrentModule from './events/store/kurrentdb/kurrentEventStore';
import { MemoryEventStore } from './events/store/memory/memoryEventStore';
import { PostgresEventStore } from './events/store/postgres/postgresEventStore';
import { SqliteEventStore } from './events/store/sqlite/sqliteEventStore';
import { MemoryReadStore } from './projections/store/memory/memoryReadStore';
import { MongoReadStore } from './projections/store/mongodb/mongoReadStore';
import type { ReadStore } from './projections/store/readStore';
import { SqliteReadStore } from './projections/store/sqlite/sqliteReadStore';

/** A store that could not be opened, named by the variable that chose it. */
class StoreUnavailableError extends Error {
  constructor(variable: string, cause: Error) {
    super(`${variable}: ${cause.message}`);
    this.name = 'StoreUnavailableError';
  }
}

/** The SQLite event log's file name inside PAR_DATA_DIR. */
export const SQLITE_EVENTS_FILE = 'events.sqlite';

/** Only the event store, for tools that need no read models (opening a SQLite read store would create its file). */
export async function openEventStore(config: Config): Promise<EventStore> {
  switch (config.EVENT_STORE) {
    case 'memory':
      return new MemoryEventStore();
    case 'sqlite':
      return SqliteEventStore.open(join(config.PAR_DATA_DIR, SQLITE_EVENTS_FILE));
    case 'postgres':
      return PostgresEventStore.connect(config.EVENT_STORE_URL as string);
    case 'kurrentdb': {
      // Loaded only when chosen: the KurrentDB client loads a native addon at import.
      const { KurrentEventStore } = require('./events/store/kurrentdb/kurrentEventStore') as typeof KurrentModule;
      return KurrentEventStore.connect(config.EVENT_STORE_URL as string);
    }
  }
}

async function openReadStore(config: Config): Promise<ReadStore> {
  switch (config.READ_STORE) {
    case 'memory':
      return new MemoryReadStore();
    case 'sqlite':
      // Read models live beside the log in their own file: deleting it only costs a rebuild.
      return SqliteReadStore.open(join(config.PAR_DATA_DIR, 'read-models.sqlite'));
    case 'mongodb':
      return MongoReadStore.connect(config.READ_STORE_URL as string);
  }
}

/** Opens the configured event and read stores (the service and the command-line tools share this). */
export async function openStores(config: Config): Promise<{ events: EventStore; readStore: ReadStore }> {
  let events: EventStore;
  try {
    events = await openEventStore(config);
  } catch (error) {
    throw new StoreUnavailableError(config.EVENT_STORE === 'sqlite' ? 'PAR_DATA_DIR' : 'EVENT_STORE_URL', error as Error);
  }
  try {
    return { events, readStore: await openReadStore(config) };
  } catch (error) {
    await events.close();
    throw new StoreUnavailableError(config.READ_STORE === 'sqlite' ? 'PAR_DATA_DIR' : 'READ_STORE_URL', error as Error);
  }
}
