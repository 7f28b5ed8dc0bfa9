import type { RecordedEvent } from '../../events/envelope';
import type { EventStore } from '../../events/store/eventStore';

/** Enough for a burst of commands between two rounds; older ones are read back from the log if ever needed. */
const CAPACITY = 10_000;

/**
 * The events this process just appended, as its appends returned them (sealed, in the form they read back), so
 * following the log does not read back what is already in memory: on PostgreSQL that is a round trip in every
 * mutation's read-your-writes wait. Only a run that continues exactly after the position asked for is served from
 * here; when the next position is not held (another process appended it, or it was dropped) the log is read, so
 * the projections see the same events in the same order either way.
 */
export class AppendedTail {
  private readonly held = new Map<number, RecordedEvent>();
  /** The highest position ever offered. */
  private highest = 0;
  /** Whether the last read through following() filled its batch, so the next one need not wait for a wake-up. */
  lastReadFull = false;

  constructor(private readonly events: EventStore) {}

  get size(): number {
    return this.held.size;
  }

  /** Whether `position` was appended by this process (offered), so its commit already woke the runner. */
  offered(position: number): boolean {
    return position <= this.highest && position > 0;
  }

  offer(recorded: readonly RecordedEvent[]): void {
    for (const event of recorded) {
      this.held.set(event.globalPosition, event);
      this.highest = Math.max(this.highest, event.globalPosition);
    }
    // Map order is insertion order: the first keys are the oldest offers.
    for (const position of this.held.keys()) {
      if (this.held.size <= CAPACITY) break;
      this.held.delete(position);
    }
  }

  /** The event store to follow the log through: its readAll is this one's, everything else the store's. */
  following(): EventStore {
    return Object.assign(Object.create(this.events) as EventStore, {
      readAll: async (after: number, limit: number) => {
        const batch = await this.readAll(after, limit);
        this.lastReadFull = batch.length === limit;
        return batch;
      },
    });
  }

  /** EventStore.readAll, served from what is held when it continues `after`; what is at or before `after` is let go. */
  async readAll(after: number, limit: number): Promise<RecordedEvent[]> {
    for (const position of this.held.keys()) if (position <= after) this.held.delete(position);
    const run: RecordedEvent[] = [];
    for (let position = after + 1; run.length < limit; position++) {
      const event = this.held.get(position);
      if (!event) break;
      run.push(event);
    }
    return run.length > 0 ? run : this.events.readAll(after, limit);
  }
}
