import { fixedDirectory } from '../../src/projections/agencies/agencyDirectory';
import { CommandHandler } from '../../src/commands/commandHandler';
import { ParCommands } from '../../src/commands/parCommands';
import type { EventStore } from '../../src/events/store/eventStore';
import { MemoryEventStore } from '../../src/events/store/memory/memoryEventStore';
import { allProjections } from '../../src/projections/allProjections';
import { ProjectionRunner } from '../../src/projections/runner/projectionRunner';
import { MemoryReadStore } from '../../src/projections/store/memory/memoryReadStore';
import type { ReadStore } from '../../src/projections/store/readStore';
import { ADMIN, SteppingClock } from './fixtures';
import { ManualClock } from './manualClock';

const TTL = 10_000;

const registerCommune = (events: EventStore, code: string) =>
  new ParCommands(new CommandHandler(events, new SteppingClock()), fixedDirectory([])).registerAgency(
    { actor: ADMIN },
    { code, name: `UBND Xã ${code}`, group: 'COMMUNE' },
  );

/** A read store that can be cut off, as the stores look to an instance that hangs or loses its network. */
function severable(inner: ReadStore) {
  const state = { cut: false, leaseCalls: 0 };
  const store = new Proxy(inner, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (prop === 'acquireLease') state.leaseCalls++;
        if (state.cut) return Promise.reject(new Error('connection lost'));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store, state };
}

/**
 * Two instances on shared stores, all on one manual clock: the read store's (which decides lease expiry) and the
 * runners' (which pace renewals and polling). Nothing here sleeps.
 */
describe('projection lease between instances', () => {
  let clock: ManualClock;
  let events: MemoryEventStore;
  let shared: MemoryReadStore;
  const runners: ProjectionRunner[] = [];

  const instance = async (instanceId: string, store: ReadStore = shared) => {
    const runner = new ProjectionRunner(events, store, allProjections, { clock, instanceId, leaseTtlMs: TTL, pollMs: 500 });
    runners.push(runner);
    await runner.start();
    return runner;
  };

  beforeEach(async () => {
    clock = new ManualClock();
    events = new MemoryEventStore();
    shared = new MemoryReadStore({ clock });
    await registerCommune(events, 'XAMOT');
  });

  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
    await shared.close();
    await events.close();
  });

  it('one instance advances the projections and the other follows; a clean stop hands over at once', async () => {
    const first = await instance('first');
    const second = await instance('second');
    expect([first.isLeader(), second.isLeader()]).toEqual([true, false]);
    expect(second.status().every((s) => s.status === 'FOLLOWING')).toBe(true);

    const appended = await registerCommune(events, 'XAHAI');
    expect(await clock.until(() => second.position() === appended.lastPosition, 1000)).toBe(true);
    expect(second.status().every((s) => s.appliedSinceStart === 0)).toBe(true); // it read the leader's checkpoints

    await first.stop();
    // Well within the lease's term: the stop released it.
    expect(await clock.until(() => second.isLeader(), TTL / 2)).toBe(true);
    const next = await registerCommune(events, 'XABA');
    expect(await clock.until(() => second.position() === next.lastPosition, 1000)).toBe(true);
    expect(second.status().find((s) => s.name === 'agencies')).toMatchObject({ status: 'RUNNING', appliedSinceStart: 1 });
  });

  it('after the holder goes silent, the other takes over when the lease expires, not before; the old holder then follows', async () => {
    const severed = severable(shared);
    const first = await instance('first', severed.store);
    const second = await instance('second');
    await clock.advance(3 * TTL); // the holder renews meanwhile
    expect([first.isLeader(), second.isLeader()]).toEqual([true, false]);

    severed.state.cut = true;
    const appended = await registerCommune(events, 'XAHAI');
    // The last renewal was at most a fifth of the term ago, so the lease is still valid for most of it.
    await clock.advance((TTL * 4) / 5 - 1);
    expect(second.isLeader()).toBe(false);
    expect(second.position()).toBe(appended.lastPosition - 1);
    expect(await clock.until(() => second.isLeader(), TTL / 5 + 1000)).toBe(true);
    expect(await clock.until(() => second.position() === appended.lastPosition, 1000)).toBe(true);

    severed.state.cut = false;
    expect(await clock.until(() => !first.isLeader(), TTL)).toBe(true);
    expect(second.isLeader()).toBe(true);
    expect(await clock.until(() => first.position() === appended.lastPosition, 1000)).toBe(true);
  });

  it('the holder asks the store to renew at most every fifth of the term', async () => {
    const counted = severable(shared);
    const runner = await instance('only', counted.store);
    const before = counted.state.leaseCalls;
    await clock.advance(10 * TTL);
    expect(runner.isLeader()).toBe(true);
    const renewals = counted.state.leaseCalls - before;
    expect(renewals).toBeGreaterThanOrEqual(45);
    expect(renewals).toBeLessThanOrEqual(50);
  });
});
