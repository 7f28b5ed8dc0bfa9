import { fixedDirectory } from '../../src/projections/agencies/agencyDirectory';
import { CommandHandler } from '../../src/commands/commandHandler';
import { ParCommands } from '../../src/commands/parCommands';
import type { EventStore } from '../../src/events/store/eventStore';
import { allProjections } from '../../src/projections/allProjections';
import { defineProjection, type Projection } from '../../src/projections/projection';
import { ReadModels } from '../../src/projections/readModels';
import { ProjectionFailures } from '../../src/projections/runner/failures';
import { ProjectionRunner, ProjectionsBehindError } from '../../src/projections/runner/projectionRunner';
import { ADMIN, SteppingClock, openStores, tempDir, type StoreKind, type Stores, type TempDir } from './fixtures';
import { flush, ManualClock } from './manualClock';

const registerCommune = (events: EventStore, code: string) =>
  new ParCommands(new CommandHandler(events, new SteppingClock()), fixedDirectory([])).registerAgency(
    { actor: ADMIN },
    { code, name: `UBND Xã ${code}`, group: 'COMMUNE' },
  );

/** Watches a promise without awaiting it, so a test can let the clock run until it settles. */
function watch(promise: Promise<unknown>) {
  const state: { done: boolean; error: unknown } = { done: false, error: undefined };
  promise.then(
    () => (state.done = true),
    (error: unknown) => {
      state.done = true;
      state.error = error;
    },
  );
  return state;
}

/** A projection of registered agencies whose projector throws while `fails(code)` says so, counting its calls. */
function boom(fails: (code: string) => boolean) {
  const calls: string[] = [];
  const projection = defineProjection({
    name: 'boom',
    version: 1,
    collections: [{ name: 'boom', indexes: [] }],
    handles: ['AgencyRegistered'],
    reads: () => [],
    apply(event) {
      if (event.type !== 'AgencyRegistered') return [];
      calls.push(event.data.code);
      if (fails(event.data.code)) throw new Error(`kaboom on ${event.data.code}`);
      return [{ collection: 'boom', id: event.data.code, doc: { code: event.data.code } }];
    },
  });
  return { projection, attemptsOn: (code: string) => calls.filter((c) => c === code).length };
}

describe.each<StoreKind>(['memory', 'sqlite'])('a projector that throws, on %s stores', (kind) => {
  let dir: TempDir;
  let stores: Stores;
  let clock: ManualClock;
  let logs: string[];
  const runners: ProjectionRunner[] = [];

  const startRunner = async (projections: readonly Projection[]) => {
    const runner = new ProjectionRunner(stores.events, stores.readStore, projections, { clock, log: (m) => logs.push(m) });
    runners.push(runner);
    await runner.start();
    return runner;
  };
  const statusOf = (runner: ProjectionRunner, name: string) => runner.status().find((s) => s.name === name)!;

  beforeEach(async () => {
    dir = tempDir();
    stores = openStores(kind, dir);
    clock = new ManualClock();
    logs = [];
    for (const code of ['XAMOT', 'XAHAI', 'XABA']) await registerCommune(stores.events, code);
  });

  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
    await stores.close();
    dir.remove();
  });

  it('stops only its projection, before the failing event; the others reach the head and commands go on', async () => {
    const { projection } = boom((code) => code === 'XALOI');
    const runner = await startRunner([...allProjections, projection]);
    const bad = await registerCommune(stores.events, 'XALOI');
    const after = await registerCommune(stores.events, 'XASAU');
    const waited = watch(runner.waitFor(after.lastPosition, 1000));
    await flush();
    expect(waited).toEqual({ done: true, error: undefined });

    const failed = statusOf(runner, 'boom');
    expect(failed).toMatchObject({
      status: 'FAILED',
      checkpoint: bad.lastPosition - 1,
      failure: { position: bad.lastPosition, eventType: 'AgencyRegistered', message: 'kaboom on XALOI', attempts: 1 },
    });
    expect(failed.failure!.nextRetryAt.getTime() - failed.failure!.failedAt.getTime()).toBe(1000);
    for (const p of allProjections) expect(statusOf(runner, p.name)).toMatchObject({ status: 'RUNNING', checkpoint: after.lastPosition, failure: null });
    // Its checkpoint is stored there too, and it wrote nothing for the failing event or after it.
    expect(await stores.readStore.checkpoint(`boom@g${failed.generation}`)).toBe(bad.lastPosition - 1);
    expect(await stores.readStore.get(runner.collection('boom', 'boom'), 'XALOI')).toBeNull();
    expect(await stores.readStore.get(runner.collection('boom', 'boom'), 'XABA')).not.toBeNull();
    expect(runner.position()).toBe(bad.lastPosition - 1);
    // A mutation answering from the failed projection must not pretend its command is visible there.
    expect(runner.failedAtOrBefore('boom', bad.lastPosition - 1)).toBe(false);
    expect(runner.failedAtOrBefore('boom', after.lastPosition)).toBe(true);
    expect(runner.failedAtOrBefore('agencies', after.lastPosition)).toBe(false);

    const read = new ReadModels(stores.readStore, runner);
    expect(await read.agency('XASAU')).toMatchObject({ code: 'XASAU' });
    const later = await registerCommune(stores.events, 'XAMUON');
    const laterWait = watch(runner.waitFor(later.lastPosition, 1000));
    await flush();
    expect(laterWait).toEqual({ done: true, error: undefined });

    const loud = logs.filter((line) => /FAILED/.test(line));
    expect(loud).toHaveLength(1);
    expect(loud[0]).toContain(`boom at position ${bad.lastPosition} (AgencyRegistered): kaboom on XALOI`);
  });

  it('retries with exponential back-off on the runner clock and recovers once the fault is gone', async () => {
    let faults = 3;
    const { projection, attemptsOn } = boom((code) => code === 'XALOI' && faults-- > 0);
    const runner = await startRunner([...allProjections, projection]);
    const bad = await registerCommune(stores.events, 'XALOI');
    await flush();
    expect(attemptsOn('XALOI')).toBe(1);

    for (const [attempt, delay] of [
      [1, 1000],
      [2, 2000],
      [3, 4000],
    ]) {
      const failure = statusOf(runner, 'boom').failure!;
      expect(failure.attempts).toBe(attempt);
      expect(failure.nextRetryAt.getTime() - failure.failedAt.getTime()).toBe(delay);
      await clock.advance(delay - 1);
      expect(attemptsOn('XALOI')).toBe(attempt); // not before its time
      await clock.advance(1);
      expect(attemptsOn('XALOI')).toBe(attempt + 1);
    }
    expect(statusOf(runner, 'boom')).toMatchObject({ status: 'RUNNING', failure: null, checkpoint: bad.lastPosition });
    expect((await stores.readStore.get(runner.collection('boom', 'boom'), 'XALOI'))?.doc).toEqual({ code: 'XALOI' });
    expect(runner.position()).toBe(bad.lastPosition);
    expect(logs.filter((line) => /FAILED/.test(line))).toHaveLength(3);
    expect(logs.join('\n')).toMatch(/projection boom recovered/);
  });

  it('waitFor rejects with ProjectionsBehindError at its timeout, naming the position, what is behind and what failed', async () => {
    const { projection } = boom((code) => code === 'XALOI');
    const runner = await startRunner([...allProjections, projection]);
    const bad = await registerCommune(stores.events, 'XALOI');
    const beyond = bad.lastPosition + 2;
    const waited = watch(runner.waitFor(beyond, 1000));
    await clock.advance(999);
    expect(waited.done).toBe(false);
    await clock.advance(1);
    expect(waited.error).toBeInstanceOf(ProjectionsBehindError);
    const error = waited.error as ProjectionsBehindError;
    expect(error.position).toBe(beyond);
    expect(error.failed).toEqual([{ projection: 'boom', position: bad.lastPosition, message: 'kaboom on XALOI' }]);
    expect(error.behind.map((b) => b.projection).sort()).toEqual(allProjections.map((p) => p.name).sort());
    expect(error.message).toMatch(new RegExp(`position ${beyond} within 1000 ms .*boom FAILED at position ${bad.lastPosition}: kaboom on XALOI`));
  });

  it('when every projection has failed, waitFor does not pretend the position is visible', async () => {
    const { projection } = boom((code) => code === 'XALOI');
    const runner = await startRunner([projection]);
    const bad = await registerCommune(stores.events, 'XALOI');
    const waited = watch(runner.waitFor(bad.lastPosition, 1000));
    await clock.advance(1000);
    expect(waited.error).toBeInstanceOf(ProjectionsBehindError);
  });

  it('a wait naming projections waits for those only: the failed one alone times out, a healthy one resolves', async () => {
    const { projection } = boom((code) => code === 'XALOI');
    const runner = await startRunner([...allProjections, projection]);
    const bad = await registerCommune(stores.events, 'XALOI');
    const onlyFailed = watch(runner.waitFor(bad.lastPosition, 1000, ['boom']));
    const healthy = watch(runner.waitFor(bad.lastPosition, 1000, ['agencies']));
    const both = watch(runner.waitFor(bad.lastPosition, 1000, ['agencies', 'boom']));
    await flush();
    expect(healthy).toEqual({ done: true, error: undefined });
    // As with every projection: a failed one is not waited for while another named one is healthy.
    expect(both).toEqual({ done: true, error: undefined });
    expect(onlyFailed.done).toBe(false);
    await clock.advance(1000);
    expect(onlyFailed.error).toBeInstanceOf(ProjectionsBehindError);
    const error = onlyFailed.error as ProjectionsBehindError;
    // The error names only what the caller waited for.
    expect(error.failed).toEqual([{ projection: 'boom', position: bad.lastPosition, message: 'kaboom on XALOI' }]);
    expect(error.behind).toEqual([]);

    const beyond = bad.lastPosition + 1;
    const late = watch(runner.waitFor(beyond, 1000, ['agencies', 'cycles']));
    await clock.advance(1000);
    expect((late.error as ProjectionsBehindError).behind.map((b) => b.projection).sort()).toEqual(['agencies', 'cycles']);
    expect((late.error as ProjectionsBehindError).failed).toEqual([]);
    await expect(runner.waitFor(0, 1000, ['agencie'])).rejects.toThrow(/unknown projection agencie/);
  });

  it('does not stop the start when a new projection fails on its first build', async () => {
    const bad = await registerCommune(stores.events, 'XALOI');
    await registerCommune(stores.events, 'XASAU');
    const { projection } = boom((code) => code === 'XALOI');
    const runner = await startRunner([...allProjections, projection]);
    expect(statusOf(runner, 'boom')).toMatchObject({ status: 'FAILED', checkpoint: bad.lastPosition - 1, failure: { position: bad.lastPosition } });
    await expect(runner.catchUp()).resolves.toBeUndefined();
    expect(runner.position()).toBe(bad.lastPosition - 1);
    for (const p of allProjections) expect(statusOf(runner, p.name).checkpoint).toBe(bad.lastPosition + 1);
  });

  it('fails a rebuild whose projector throws, and the live generation keeps serving', async () => {
    let failing = false;
    const { projection } = boom((code) => failing && code === 'XAHAI');
    const runner = await startRunner([...allProjections, projection]);
    const live = runner.collection('boom', 'boom');
    failing = true;
    await expect(runner.rebuild('boom')).rejects.toThrow(/projection boom failed on AgencyRegistered at position 2: kaboom on XAHAI/);
    expect(runner.collection('boom', 'boom')).toBe(live);
    expect(statusOf(runner, 'boom')).toMatchObject({ status: 'RUNNING', rebuilding: null, failure: null });
  });

  it('an instance that follows reports the holder’s failure and does not wait for the failed projection', async () => {
    const { projection } = boom((code) => code === 'XALOI');
    const leader = await startRunner([...allProjections, projection]);
    const follower = await startRunner([...allProjections, projection]);
    expect([leader.isLeader(), follower.isLeader()]).toEqual([true, false]);
    const bad = await registerCommune(stores.events, 'XALOI');
    const waited = watch(follower.waitFor(bad.lastPosition, 5000));
    expect(await clock.until(() => waited.done, 1000)).toBe(true);
    expect(waited.error).toBeUndefined();
    expect(statusOf(follower, 'boom')).toMatchObject({ status: 'FAILED', failure: { position: bad.lastPosition, message: 'kaboom on XALOI' } });
    expect(statusOf(follower, 'agencies')).toMatchObject({ status: 'FOLLOWING', checkpoint: bad.lastPosition });
  });
  it('a new lease holder retries what the old one left FAILED, and clears it for everyone once it recovers', async () => {
    let fault = true;
    const { projection } = boom((code) => fault && code === 'XALOI');
    const first = await startRunner([...allProjections, projection]);
    const second = await startRunner([...allProjections, projection]);
    const bad = await registerCommune(stores.events, 'XALOI');
    expect(await clock.until(() => statusOf(second, 'boom').status === 'FAILED', 1000)).toBe(true);

    fault = false;
    await first.stop();
    expect(await clock.until(() => second.isLeader() && statusOf(second, 'boom').status === 'RUNNING', 1000)).toBe(true);
    expect(statusOf(second, 'boom')).toMatchObject({ checkpoint: bad.lastPosition, failure: null });
    const third = await startRunner([...allProjections, projection]);
    expect(await clock.until(() => third.status().every((s) => s.status === 'FOLLOWING'), 1000)).toBe(true);
  });
});

describe('ProjectionFailures back-off', () => {
  it('doubles from 1 s per failure on the same event, caps at 60 s, and starts again for a new event', () => {
    const clock = new ManualClock();
    const lines: string[] = [];
    const failures = new ProjectionFailures(clock, (m) => lines.push(m));
    const delays = Array.from({ length: 9 }, () => {
      const f = failures.record('boom', { position: 7, eventType: 'AgencyRegistered', message: 'kaboom' });
      return f.nextRetryAt - f.failedAt;
    });
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60].map((s) => s * 1000));
    expect(failures.runnable('boom')).toBe(false);
    expect(failures.runnable('other')).toBe(true);
    expect(failures.untilNextRetry()).toBe(60_000);
    const next = failures.record('boom', { position: 8, eventType: 'AgencyRegistered', message: 'kaboom' });
    expect(next.nextRetryAt - next.failedAt).toBe(1000);
    expect(lines).toHaveLength(10);
    failures.recovered('boom', 8);
    expect(failures.untilNextRetry()).toBeNull();
  });
});
