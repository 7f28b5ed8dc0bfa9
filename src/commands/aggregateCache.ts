import { deepFreeze } from '../shared/deepFreeze';
import { LruMap } from '../shared/lruMap';

/** A stream's folded state and the version of the last event folded into it. */
export interface VersionedState<State> {
  state: State;
  version: number;
}

interface Entry {
  /** The decider's evolve that folded it: a stream loaded with another fold is a miss, never a wrong state. */
  fold: object;
  state: unknown;
  version: number;
}

/** About the assessments of a large province's year, with room for its cycles, frameworks and agencies. */
const DEFAULT_CAPACITY = 4096;

/**
 * The last folded state of recently used streams, least recently used dropped first. It is only a starting point:
 * the handler still reads what the store has after the cached version on every load, and a conflict on append
 * drops the entry. Cached states are shared between commands, so they must never be mutated (deciders are pure);
 * with `freeze` every state is deep-frozen as it enters, so a mutation fails loudly instead of corrupting the next
 * decision.
 */
export class AggregateCache {
  private readonly entries: LruMap<string, Entry>;

  constructor(
    private readonly capacity = DEFAULT_CAPACITY,
    private readonly freeze = false,
  ) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new TypeError(`capacity must be a non-negative integer, got ${capacity}`);
    this.entries = new LruMap(capacity);
  }

  get size(): number {
    return this.entries.size;
  }

  get<State>(streamId: string, fold: object): VersionedState<State> | null {
    const entry = this.entries.get(streamId);
    if (!entry || entry.fold !== fold) return null;
    return { state: entry.state as State, version: entry.version };
  }

  /** Keeps the state unless one at a later version of the same stream is already there (loads may finish out of order). */
  set<State>(streamId: string, fold: object, loaded: VersionedState<State>): void {
    if (this.capacity === 0) return;
    const existing = this.entries.get(streamId);
    if (existing && existing.fold === fold && existing.version >= loaded.version) return;
    this.entries.set(streamId, { fold, state: this.freeze ? deepFreeze(loaded.state) : loaded.state, version: loaded.version });
  }

  forget(streamId: string): void {
    this.entries.delete(streamId);
  }
}
