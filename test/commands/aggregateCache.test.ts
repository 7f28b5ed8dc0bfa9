import { AggregateCache } from '../../src/commands/aggregateCache';
import { CommandHandler } from '../../src/commands/commandHandler';
import type { Decider } from '../../src/domain/decider';
import type { NewEvent } from '../../src/events/envelope';
import type { EventStore } from '../../src/events/store/eventStore';
import { MemoryEventStore } from '../../src/events/store/memory/memoryEventStore';

const actor = { sub: 'u-1', name: 'Trần Văn Bình', agency: 'SNV', roles: ['COORDINATOR'] };

/** The state lists what was noted, so a state that missed an event, or saw one twice, shows. */
interface Notes {
  notes: string[];
}

const notes: Decider<{ type: 'Note'; text: string }, NewEvent, Notes> = {
  initialState: () => ({ notes: [] }),
  evolve: (state, event) => ({ notes: [...state.notes, (event.data as { text: string }).text] }),
  decide: (command) => [{ type: 'SurveyScoresRecorded', schemaVersion: 1, data: { text: command.text } }],
};

/** A store that records every readStream call (stream and afterVersion) and can be pointed at another log. */
class SpyStore {
  readonly reads: [string, number][] = [];
  /** Runs once, just before the next append: another writer getting there first. */
  beforeAppend: (() => Promise<void>) | null = null;

  constructor(public target: EventStore) {}

  get store(): EventStore {
    return Object.assign(Object.create(this.target) as EventStore, {
      readStream: (streamId: string, afterVersion = 0) => {
        this.reads.push([streamId, afterVersion]);
        return this.target.readStream(streamId, afterVersion);
      },
      append: async (...args: Parameters<EventStore['append']>) => {
        const before = this.beforeAppend;
        this.beforeAppend = null;
        await before?.();
        return this.target.append(...args);
      },
    });
  }
}

function note(handler: CommandHandler, streamId: string, text: string) {
  return handler.handle({
    commandName: 'Note',
    input: { text },
    streamId,
    decider: notes,
    envelope: { actor },
    prepare: () => ({ type: 'Note' as const, text }),
  });
}

describe('CommandHandler aggregate cache', () => {
  it('misses on the first load (reads the whole stream), then reads only what came after the cached version', async () => {
    const spy = new SpyStore(new MemoryEventStore());
    const handler = new CommandHandler(spy.store);
    await note(handler, 's', 'một');
    await note(handler, 's', 'hai');
    expect(spy.reads).toEqual([
      ['s', 0],
      ['s', 1],
    ]);
    expect(await handler.load('s', notes)).toEqual({ state: { notes: ['một', 'hai'] }, version: 2 });
    expect(spy.reads[2]).toEqual(['s', 2]);
  });

  it('sees what another writer (another process or instance) appended since, on the next load', async () => {
    const shared = new MemoryEventStore();
    const spy = new SpyStore(shared);
    const mine = new CommandHandler(spy.store);
    const theirs = new CommandHandler(shared);
    await note(mine, 's', 'của tôi');
    await note(theirs, 's', 'của họ');
    expect(await mine.load('s', notes)).toEqual({ state: { notes: ['của tôi', 'của họ'] }, version: 2 });
    expect(spy.reads.at(-1)).toEqual(['s', 1]);
    await note(mine, 's', 'lại của tôi');
    expect((await theirs.load('s', notes)).state.notes).toEqual(['của tôi', 'của họ', 'lại của tôi']);
  });

  it('on a conflict drops the entry and decides again on the stream read afresh, counting the other writer', async () => {
    const shared = new MemoryEventStore();
    const spy = new SpyStore(shared);
    const mine = new CommandHandler(spy.store);
    const theirs = new CommandHandler(shared);
    await note(mine, 's', 'một');
    spy.beforeAppend = async () => {
      await note(theirs, 's', 'chen ngang');
    };
    const reads = spy.reads.length;
    await note(mine, 's', 'hai');
    // Attempt 1 read after version 1 and lost the race; attempt 2 read the stream from the start.
    expect(spy.reads.slice(reads)).toEqual([
      ['s', 1],
      ['s', 0],
    ]);
    expect((await new CommandHandler(shared).load('s', notes)).state.notes).toEqual(['một', 'chen ngang', 'hai']);
    expect((await mine.load('s', notes)).state.notes).toEqual(['một', 'chen ngang', 'hai']);
  });

  it('never trusts the cache over the store: a log that does not continue the entry is read afresh, and a stale one is caught by the append', async () => {
    const first = new MemoryEventStore();
    const spy = new SpyStore(first);
    const handler = new CommandHandler(spy.store);
    await note(handler, 's', 'a');
    await note(handler, 's', 'b');

    // The store now holds a shorter log (restored from a backup, say): nothing there comes after the cached version.
    const other = new MemoryEventStore();
    await note(new CommandHandler(other), 's', 'khác');
    spy.target = other;
    expect((await handler.load('s', notes)).version).toBe(2); // nothing after version 2 there: the entry is all it knows
    await note(handler, 's', 'c'); // appending at version 2 conflicts (the stream is at 1): read afresh, decided again
    expect((await new CommandHandler(other).load('s', notes)).state.notes).toEqual(['khác', 'c']);
  });

  it('reads afresh when what the store returns does not start right after the cached version', async () => {
    const shared = new MemoryEventStore();
    // An adapter that ignores afterVersion, as one written before the parameter would: it always returns everything.
    const ignoring: EventStore = Object.assign(Object.create(shared) as EventStore, { readStream: (streamId: string) => shared.readStream(streamId) });
    const handler = new CommandHandler(ignoring);
    await note(handler, 's', 'một');
    await note(new CommandHandler(shared), 's', 'hai');
    expect(await handler.load('s', notes)).toEqual({ state: { notes: ['một', 'hai'] }, version: 2 });
  });

  it('still reports a committed append when folding its own events fails, and reads the stream on the next load', async () => {
    const spy = new SpyStore(new MemoryEventStore());
    const handler = new CommandHandler(spy.store);
    await note(handler, 's', 'một');
    let folds = 0;
    const brittle: typeof notes = {
      ...notes,
      evolve: (state, event, at) => {
        // Folds while loading pass; the fold of the just-appended event throws.
        if (++folds === 2) throw new Error('evolve failed');
        return notes.evolve(state, event, at);
      },
    };
    const outcome = await handler.handle({
      commandName: 'Note',
      input: {},
      streamId: 's',
      decider: brittle,
      envelope: { actor },
      prepare: () => ({ type: 'Note' as const, text: 'hai' }),
    });
    expect(outcome).toMatchObject({ lastPosition: 2, replayed: false });
    expect((await handler.load('s', brittle)).state.notes).toEqual(['một', 'hai']);
    expect(spy.reads.at(-1)).toEqual(['s', 0]);
  });

  it('keeps at most the given number of streams, dropping the least recently used', async () => {
    const spy = new SpyStore(new MemoryEventStore());
    const handler = new CommandHandler(spy.store, undefined, { cachedStreams: 2 });
    for (const s of ['a', 'b']) await note(handler, s, s);
    await handler.load('a', notes); // a is now more recent than b
    await note(handler, 'c', 'c'); // drops b
    spy.reads.length = 0;
    await handler.load('a', notes);
    await handler.load('c', notes);
    await handler.load('b', notes);
    expect(spy.reads).toEqual([
      ['a', 1],
      ['c', 1],
      ['b', 0],
    ]);
  });

  it('does not share a stream between two folds: another decider on the same stream is a miss', async () => {
    const spy = new SpyStore(new MemoryEventStore());
    const handler = new CommandHandler(spy.store);
    await note(handler, 's', 'x');
    const counted = await handler.load('s', { initialState: () => 0, evolve: (n: number) => n + 1 });
    expect(counted).toEqual({ state: 1, version: 1 });
    expect(spy.reads.at(-1)).toEqual(['s', 0]);
  });

  it('freezes cached states in tests, so a decider that mutates its state fails instead of corrupting the next command', async () => {
    const handler = new CommandHandler(new MemoryEventStore());
    await note(handler, 's', 'x');
    const { state } = await handler.load('s', notes);
    expect(Object.isFrozen(state) && Object.isFrozen(state.notes)).toBe(true);
    const mutating: typeof notes = {
      ...notes,
      decide: (command, s) => {
        s.notes.push(command.text);
        return notes.decide(command, s);
      },
    };
    const attempt = handler.handle({
      commandName: 'Note',
      input: {},
      streamId: 's',
      decider: mutating,
      envelope: { actor },
      prepare: () => ({ type: 'Note' as const, text: 'y' }),
    });
    await expect(attempt).rejects.toThrow(TypeError);
    expect((await handler.load('s', notes)).state.notes).toEqual(['x']);
  });
});

describe('AggregateCache', () => {
  const fold = {};

  it('keeps the later of two states of a stream, whichever order the loads finish in', () => {
    const cache = new AggregateCache(10);
    cache.set('s', fold, { state: 'v2', version: 2 });
    cache.set('s', fold, { state: 'v1', version: 1 });
    expect(cache.get('s', fold)).toEqual({ state: 'v2', version: 2 });
  });

  it('caches nothing with capacity 0, and refuses a capacity that is not a count', () => {
    const cache = new AggregateCache(0);
    cache.set('s', fold, { state: 1, version: 1 });
    expect(cache.get('s', fold)).toBeNull();
    expect(cache.size).toBe(0);
    expect(() => new AggregateCache(-1)).toThrow(TypeError);
  });
});
