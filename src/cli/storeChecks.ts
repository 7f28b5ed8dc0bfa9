import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config';
import type { EventStore } from '../events/store/eventStore';
import { redactUrl } from '../shared/redactUrl';
import { SQLITE_EVENTS_FILE } from '../stores';
import { CliRefusal } from './cliSupport';

/** Which log the tool looks at, in the words an operator configured it with. */
export function describeEventStore(config: Config): string {
  if (config.EVENT_STORE === 'sqlite') return resolve(config.PAR_DATA_DIR, SQLITE_EVENTS_FILE);
  if (config.EVENT_STORE === 'memory') return 'the memory store';
  return `${config.EVENT_STORE} at ${redactUrl(config.EVENT_STORE_URL ?? '')}`;
}

/**
 * Refuses before anything is opened when the log cannot be there: opening a missing SQLite file would create an
 * empty one, and "intact: 0 events" about the wrong folder reassures nobody.
 */
export function refuseAbsentEventStore(config: Config): void {
  if (config.EVENT_STORE === 'memory')
    throw new CliRefusal('EVENT_STORE=memory: a memory log lives only inside a running service; point the tool at a stored one');
  if (config.EVENT_STORE !== 'sqlite') return;
  const file = join(config.PAR_DATA_DIR, SQLITE_EVENTS_FILE);
  if (!existsSync(file)) throw new CliRefusal(`no event log at ${resolve(file)}: check PAR_DATA_DIR (nothing was created)`);
}

/** An empty log is refused too: a server store may exist but hold nothing, e.g. the wrong database. */
export async function refuseEmptyEventStore(events: EventStore, config: Config): Promise<void> {
  if ((await events.headPosition()) === 0) throw new CliRefusal(`the event log (${describeEventStore(config)}) is empty: check PAR_DATA_DIR / EVENT_STORE_URL`);
}
