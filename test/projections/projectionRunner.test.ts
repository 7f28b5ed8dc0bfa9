import { fixedDirectory } from '../../src/projections/agencies/agencyDirectory';
import Database from 'better-sqlite3';
import { CommandHandler } from '../../src/commands/commandHandler';
import { ParCommands } from '../../src/commands/parCommands';
import type { EventStore } from '../../src/events/store/eventStore';
import { SqliteEventStore } from '../../src/events/store/sqlite/sqliteEventStore';
import { allProjections } from '../../src/projections/allProjections';
import { MemoryReadStore } from '../../src/projections/store/memory/memoryReadStore';
import { defineProjection, type Projection } from '../../src/projections/projection';
import { ProjectionRunner, type RebuildProgress } from '../../src/projections/runner/projectionRunner';
import { ReadModels } from '../../src/projections/readModels';
import type { ReadStore } from '../../src/projections/store/readStore';
import type { RankingDocument } from '../../src/projections/rankings/rankingsProjection';
import { rankingsProjection } from '../../src/projections/rankings/rankingsProjection';
import type { ResponsibilityDocument } from '../../src/projections/responsibilities/responsibilitiesProjection';
import { SqliteReadStore } from '../../src/projections/store/sqlite/sqliteReadStore';
import {
  ADMIN,
  YEAR,
  buildCycleLogOffline,
  countingReads,
  withOverrides,
  openStores,
  sleep,
  snapshot,
  SteppingClock,
  tempDir,
  type CycleLog,
  type Snapshot,
  type StoreKind,
  type Stores,
  type TempDir,
  AGENCIES_IN_LOG,
  FRAMEWORKS_IN_LOG,
} from './fixtures';

/** ParCommands for commands that need no agency directory (registering agencies). */
const plainCommands = (events: EventStore) =>
  new ParCommands(new CommandHandler(events, new SteppingClock(Date.parse('2025-02-01T00:00:00Z'))), fixedDirectory([]));

const registerCommune = (events: EventStore, code: string) =>
  plainCommands(events).registerAgency({ actor: ADMIN }, { code, name: `UBND Xã ${code}`, group: 'COMMUNE' });

/** Polls without calling waitFor (which wakes the runner itself), so only the runner's own wake-ups count. */
async function positionReaches(runner: ProjectionRunner, position: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (runner.position() >= position) return true;
    await sleep(5);
  }
  return runner.position() >= position;
}

/** A fresh runner over a fresh memory read store: what the documents of a log must be. */
async function referenceSnapshot(events: EventStore, projections: readonly Projection[] = allProjections): Promise<Snapshot> {
  const store = new MemoryReadStore();
  const runner = new ProjectionRunner(events, store, projections);
  await runner.start();
  await runner.stop();
  const result = await snapshot(runner, store);
  await store.close();
  return result;
}

function expectNoDoubleEffects(docs: Snapshot, log: CycleLog) {
  const responsibilities = docs['responsibilities/responsibilities'] as ResponsibilityDocument[];
  expect(responsibilities.length).toBeGreaterThan(0);
  for (const r of responsibilities) {
    const pending = r.pendingAppraisals.map((p) => `${p.agencyCode}/${p.criterionCode}`);
    const appraised = r.appraised.map((p) => `${p.agencyCode}/${p.criterionCode}`);
    expect(new Set(pending).size).toBe(pending.length);
    expect(new Set(appraised).size).toBe(appraised.length);
  }
  const rankings = docs['rankings/rankings'] as RankingDocument[];
  const district = rankings.find((r) => r.year === YEAR && r.group === 'DISTRICT')!;
  expect(district.provisionalEntries.map((e) => e.agencyCode).sort()).toEqual([...log.finalized.DISTRICT].sort());
  expect(district.publications).toHaveLength(3);
  expect(docs['auditTrail/auditTrail']).toHaveLength(log.head);
}

describe.each<StoreKind>(['memory', 'sqlite'])('ProjectionRunner on %s stores', (kind) => {
  let dir: TempDir;
  let stores: Stores;
  let log: CycleLog;
  const runners: ProjectionRunner[] = [];
  const track = (runner: ProjectionRunner) => {
    runners.push(runner);
    return runner;
  };

  beforeEach(async () => {
    dir = tempDir();
    stores = openStores(kind, dir);
    log = await buildCycleLogOffline(stores.events);
  });

  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
    await stores.close();
    dir.remove();
  });

  it('catches every projection up with an existing log on start', async () => {
    const runner = track(new ProjectionRunner(stores.events, stores.readStore, allProjections));
    await runner.start();
    const head = await stores.events.headPosition();
    expect(head).toBe(log.head);
    expect(runner.position()).toBe(head);
    await expect(runner.waitFor(head, 100)).resolves.toBeUndefined();

    const read = new ReadModels(stores.readStore, runner);
    expect(await read.agencyHistory.list({})).toHaveLength(AGENCIES_IN_LOG);
    expect(await read.frameworks()).toHaveLength(FRAMEWORKS_IN_LOG);
    expect((await read.cycle(YEAR))?.year).toBe(YEAR);
    expect((await read.assessment(YEAR, 'TAMKY'))?.status).toBe('FINALIZED');
    expect((await read.ranking(YEAR, 'DISTRICT'))?.publications).toHaveLength(3);
    expect((await read.auditTrail({}, 1000, 0)).totalCount).toBe(head);
    expect(await read.responsibilities('SNV', YEAR)).toHaveLength(1);
  });

  it('rejects waitFor beyond the head after its timeout, naming the position', async () => {
    const runner = track(new ProjectionRunner(stores.events, stores.readStore, allProjections));
    await runner.start();
    const beyond = log.head + 5;
    const started = Date.now();
    await expect(runner.waitFor(beyond, 80)).rejects.toThrow(new RegExp(`\\bposition ${beyond}\\b`));
    expect(Date.now() - started).toBeGreaterThanOrEqual(70);
    // The runner is still healthy afterwards.
    await expect(runner.waitFor(log.head, 100)).resolves.toBeUndefined();
  });

  it('follows appends after start: an append wakes it, and waitFor(lastPosition) resolves', async () => {
    // Polling is effectively off: only the onAppend wake-up can bring the new event in quickly.
    const runner = track(new ProjectionRunner(stores.events, stores.readStore, allProjections, { pollMs: 60_000 }));
    await runner.start();
    await sleep(20); // let the follow loop reach its sleep
    const outcome = await registerCommune(stores.events, 'XAMOI');
    expect(outcome.lastPosition).toBe(log.head + 1);
    expect(await positionReaches(runner, outcome.lastPosition, 2000)).toBe(true);
    await expect(runner.waitFor(outcome.lastPosition, 1000)).resolves.toBeUndefined();

    // A waiter registered before the append resolves once the append is projected.
    const waiting = runner.waitFor(outcome.lastPosition + 1, 3000);
    const second = await registerCommune(stores.events, 'XAMOI2');
    await expect(waiting).resolves.toBeUndefined();
    const read = new ReadModels(stores.readStore, runner);
    expect(await read.agency('XAMOI')).toMatchObject({ code: 'XAMOI', group: 'COMMUNE' });
    expect(await read.agency('XAMOI2')).toMatchObject({ code: 'XAMOI2', group: 'COMMUNE' });
    expect((await read.auditEntry(second.lastPosition))?.type).toBe('AgencyRegistered');
  });

  // An append notified while the loop is busy (between a read that did not fill its batch and its sleep) must not
  // wait a whole poll.
  it('does not lose an append that lands while the follow loop is reading', async () => {
    let armed = false;
    const inner = stores.events;
    const racing = withOverrides<EventStore>(inner, {
      readAll: async (after, limit) => {
        const result = await inner.readAll(after, limit);
        if (armed) {
          armed = false;
          await registerCommune(inner, 'XARACE'); // committed (and notified) after the runner's read
        }
        return result;
      },
    });
    const runner = track(new ProjectionRunner(racing, stores.readStore, allProjections, { pollMs: 60_000 }));
    await runner.start();
    await sleep(20); // the follow loop has read nothing new and sleeps
    armed = true;
    // This append wakes the loop; it reads it, and then XARACE is appended before the loop goes back to sleep.
    await registerCommune(inner, 'XAFIRST');
    expect(await positionReaches(runner, log.head + 1, 1500)).toBe(true);
    expect(await stores.events.headPosition()).toBe(log.head + 2); // XARACE is in the log
    expect(await positionReaches(runner, log.head + 2, 1500)).toBe(true);
  });

  it('rebuilds a projection into a new generation, switching when caught up; reads keep working meanwhile', async () => {
    const runner = track(new ProjectionRunner(stores.events, stores.readStore, allProjections, { batchSize: 7 }));
    await runner.start();
    const read = new ReadModels(stores.readStore, runner);
    const head = await stores.events.headPosition();
    const namesOf = (projection: Projection) => projection.collections.map((c) => runner.collection(projection.name, c.name));

    for (const projection of allProjections) {
      const before = await snapshot(runner, stores.readStore, [projection]);
      const generations = [namesOf(projection)];
      // Twice: the current design keeps the previous generation one more round for queries in flight, so the
      // first generation must be gone after the second switch at the latest.
      for (let round = 0; round < 2; round++) {
        const oldNames = namesOf(projection);
        const progress: RebuildProgress[] = [];
        const namesDuring: string[] = [];
        const readsDuring: Promise<unknown>[] = [];
        await runner.rebuild(projection.name, (p) => {
          progress.push(p);
          namesDuring.push(runner.collection(projection.name, projection.collections[0].name));
          readsDuring.push(
            Promise.all([
              read.agencyHistory.list({}),
              read.auditTrail({}, 1000, 0),
              read.ranking(YEAR, 'DISTRICT'),
              read.assessment(YEAR, 'HOIAN'),
              read.responsibilities('SNV', YEAR),
              read.cycles(),
              read.frameworks(),
            ]),
          );
        });

        const newNames = namesOf(projection);
        newNames.forEach((name, i) => expect(name).not.toBe(oldNames[i]));
        generations.push(newNames);
        // The old generation served during the rebuild.
        expect(new Set(namesDuring)).toEqual(new Set([oldNames[0]]));
        expect(await snapshot(runner, stores.readStore, [projection])).toEqual(before);

        expect(progress.length).toBeGreaterThan(1);
        progress.forEach((p, i) => {
          expect(p.projection).toBe(projection.name);
          expect(p.head).toBe(head);
          if (i > 0) expect(p.position).toBeGreaterThan(progress[i - 1].position);
        });
        expect(progress[progress.length - 1].position).toBe(head);

        const results = (await Promise.all(readsDuring)) as [
          unknown[],
          { totalCount: number },
          RankingDocument | null,
          unknown,
          unknown[],
          unknown[],
          unknown[],
        ][];
        expect(results.length).toBe(progress.length);
        for (const [agencies, trail, ranking, assessment, duties, cycles, frameworks] of results) {
          expect(agencies).toHaveLength(AGENCIES_IN_LOG);
          expect(trail.totalCount).toBe(head);
          expect(ranking?.publications).toHaveLength(3);
          expect(assessment).not.toBeNull();
          expect(duties).toHaveLength(1);
          expect(cycles).toHaveLength(1);
          expect(frameworks).toHaveLength(FRAMEWORKS_IN_LOG);
        }
      }
      expect(new Set(generations.map((names) => names[0])).size).toBe(3);
      for (const old of generations[0]) {
        expect(await stores.readStore.find(old)).toEqual([]);
        expect(await stores.readStore.count(old)).toBe(0);
      }
    }
    expect(runner.position()).toBe(head);
    await expect(runner.rebuild('nope')).rejects.toThrow(/unknown projection nope/);
  });

  it('projects the same documents with batches of 3 as with batches of 500', async () => {
    const small = track(new ProjectionRunner(stores.events, stores.readStore, allProjections, { batchSize: 3 }));
    await small.start();
    const other = kind === 'memory' ? new MemoryReadStore() : SqliteReadStore.open(dir.file('read-500.db'));
    const large = track(new ProjectionRunner(stores.events, other, allProjections, { batchSize: 500 }));
    await large.start();
    const a = await snapshot(small, stores.readStore);
    const b = await snapshot(large, other);
    expect(Object.values(a).reduce((n, docs) => n + docs.length, 0)).toBeGreaterThan(log.head);
    expect(a).toEqual(b);
    expectNoDoubleEffects(a, log);

    // And when following appends one by one.
    await registerCommune(stores.events, 'XAMOI');
    await small.catchUp();
    await large.catchUp();
    expect(await snapshot(small, stores.readStore)).toEqual(await snapshot(large, other));
    await large.stop();
    await other.close();
  });

  // A projector that throws is isolated and retried: test/projections/projectorFailures.test.ts.
});

describe('ProjectionRunner persistence on SQLite', () => {
  let dir: TempDir;
  let events: SqliteEventStore;
  let log: CycleLog;
  const readFile = () => dir.file('read.db');

  beforeEach(async () => {
    dir = tempDir();
    events = SqliteEventStore.open(dir.file('events.db'));
    log = await buildCycleLogOffline(events);
  });

  afterEach(async () => {
    await events.close();
    dir.remove();
  });

  /** Runs a runner to the head on the read store file, returns its documents, and closes everything. */
  async function runOnce(projections: readonly Projection[] = allProjections, source: EventStore = events) {
    const store = SqliteReadStore.open(readFile());
    const runner = new ProjectionRunner(source, store, projections);
    await runner.start();
    await runner.catchUp();
    const docs = await snapshot(runner, store);
    const names = Object.fromEntries(projections.flatMap((p) => p.collections.map((c) => [`${p.name}/${c.name}`, runner.collection(p.name, c.name)])));
    await runner.stop();
    await store.close();
    return { docs, names };
  }

  function documentRows(): { collection: string; id: string; position: number; doc: string }[] {
    const db = new Database(readFile(), { readonly: true });
    try {
      return db.prepare('SELECT collection, id, position, doc FROM documents ORDER BY collection, id').all() as never;
    } finally {
      db.close();
    }
  }

  it('resumes from its checkpoints after a restart instead of re-reading the log', async () => {
    const first = await runOnce();
    expect(first.docs['auditTrail/auditTrail']).toHaveLength(log.head);

    // Nothing new: the second runner reads nothing.
    const idle = countingReads(events);
    const again = await runOnce(allProjections, idle.events);
    expect(idle.read()).toBe(0);
    expect(idle.calls().every((c) => c.after === log.head)).toBe(true);
    expect(again.docs).toEqual(first.docs);
    expect(again.names).toEqual(first.names);

    // Two new events: the next runner reads exactly those.
    await registerCommune(events, 'XAMOI');
    await registerCommune(events, 'XAMOI2');
    const counting = countingReads(events);
    const resumed = await runOnce(allProjections, counting.events);
    expect(counting.read()).toBe(2);
    expect(Math.min(...counting.calls().map((c) => c.after))).toBe(log.head);
    expect(resumed.docs['agencies/agencies'].map((a) => (a as { code: string }).code)).toEqual(expect.arrayContaining(['XAMOI', 'XAMOI2']));
    expect(resumed.docs).toEqual(await referenceSnapshot(events));
  });

  it.each([
    ['to 0', () => 0],
    ['half-way', (head: number) => Math.floor(head / 2)],
  ])('replays idempotently when checkpoints are set back %s but documents are kept', async (_label, target) => {
    const first = await runOnce();
    const rowsBefore = documentRows();
    expectNoDoubleEffects(first.docs, log);

    // A crash between the document write and the checkpoint write, simulated on the file.
    const reset = target(log.head);
    const db = new Database(readFile());
    const changed = db.prepare('UPDATE checkpoints SET position = ?').run(reset).changes;
    db.close();
    expect(changed).toBeGreaterThanOrEqual(allProjections.length);

    const counting = countingReads(events);
    const second = await runOnce(allProjections, counting.events);
    expect(counting.read()).toBe(log.head - reset); // it did replay
    expect(second.names).toEqual(first.names);
    expect(second.docs).toEqual(first.docs);
    expect(documentRows()).toEqual(rowsBefore); // positions too: nothing was rewritten
    expectNoDoubleEffects(second.docs, log);
  });

  it('replays idempotently after writes that stored documents but failed before their checkpoints', async () => {
    // Follows the log as it grows, on a store whose every third write keeps the documents and then fails.
    const source = SqliteEventStore.open(dir.file('source.db'));
    const target = SqliteEventStore.open(dir.file('target.db'));
    try {
      await buildCycleLogOffline(source);
      let writes = 0;
      let crashes = 0;
      const inner = SqliteReadStore.open(readFile());
      const crashAfterDocuments = withOverrides<ReadStore>(inner, {
        write: async (documents, checkpoints) => {
          writes++;
          if (writes % 3 === 0 && documents.length > 0) {
            crashes++;
            await inner.write(documents, []);
            throw new Error('simulated crash after the documents were written');
          }
          return inner.write(documents, checkpoints);
        },
      });
      const runner = new ProjectionRunner(target, crashAfterDocuments, allProjections, { batchSize: 5, pollMs: 2 });
      await runner.start(); // empty log
      const all = await source.readAll(0, 10_000);
      for (const e of all) {
        await target.append(e.streamId, [{ type: e.type, schemaVersion: e.schemaVersion, data: e.data }], {
          expectedVersion: e.streamVersion - 1,
          metadata: e.metadata,
        });
      }
      expect(await positionReaches(runner, all.length, 20_000)).toBe(true);
      await runner.stop();
      expect(crashes).toBeGreaterThan(3);
      const docs = await snapshot(runner, inner);
      await inner.close();
      expect(docs).toEqual(await referenceSnapshot(target));
      expectNoDoubleEffects(docs, log);
    } finally {
      await source.close();
      await target.close();
    }
  });

  it('rebuilds a projection whose version was bumped, on start, into a new generation', async () => {
    const first = await runOnce();
    const bump = (by: number) => allProjections.map((p) => (p.name === 'rankings' ? { ...p, version: p.version + by } : p));
    const logs: string[] = [];
    const store = SqliteReadStore.open(readFile());
    const counting = countingReads(events);
    const runner = new ProjectionRunner(counting.events, store, bump(1), { log: (m) => logs.push(m) });
    await runner.start();
    const rankingsNow = runner.collection('rankings', 'rankings');
    expect(rankingsNow).not.toBe(first.names['rankings/rankings']);
    expect(counting.read()).toBe(log.head); // the whole log, once, for the rebuilt projection only
    for (const p of allProjections.filter((p) => p.name !== 'rankings')) {
      for (const c of p.collections) expect(runner.collection(p.name, c.name)).toBe(first.names[`${p.name}/${c.name}`]);
    }
    expect(await snapshot(runner, store)).toEqual(first.docs);
    expect(logs.join('\n')).toMatch(/rankings/);
    await runner.stop();
    await store.close();

    // Started again with the same version: no second rebuild.
    const idle = countingReads(events);
    const again = await runOnce(bump(1), idle.events);
    expect(again.names['rankings/rankings']).toBe(rankingsNow);
    expect(idle.read()).toBe(0);
    expect(again.docs).toEqual(first.docs);

    // Another bump: a third generation, and the first one is gone by now.
    const third = await runOnce(bump(2));
    expect(new Set([first.names['rankings/rankings'], rankingsNow, third.names['rankings/rankings']]).size).toBe(3);
    expect(third.docs).toEqual(first.docs);
    const check = SqliteReadStore.open(readFile());
    expect(await check.count(first.names['rankings/rankings'])).toBe(0);
    await check.close();
  });

  // The generation is recorded before the version, so a crash between the two writes means a rebuild, not a lost bump.
  it('does not lose a version bump when the process dies while switching generations', async () => {
    await runOnce();
    const v2 = defineProjection({
      ...rankingsProjection,
      version: rankingsProjection.version + 1,
      handles: [...rankingsProjection.handles],
      apply: (event, docs) => rankingsProjection.apply(event, docs).map((c) => ({ ...c, doc: { ...(c.doc as object), builtBy: 'v2' } })),
    });
    const withV2 = allProjections.map((p) => (p.name === 'rankings' ? v2 : p));

    let metaWrites = 0;
    const store = SqliteReadStore.open(readFile());
    const diesAfterFirstMetaWrite = withOverrides<ReadStore>(store, {
      setMeta: async (key, value) => {
        if (++metaWrites > 1) throw new Error('simulated crash');
        return store.setMeta(key, value);
      },
    });
    // A short lease: the "dead" runner never releases it, and the next one takes over when it expires.
    const crashing = new ProjectionRunner(events, diesAfterFirstMetaWrite, withV2, { leaseTtlMs: 100 });
    await expect(crashing.start()).rejects.toThrow(/simulated crash/);
    await store.close();

    const { docs } = await runOnce(withV2);
    const rankings = docs['rankings/rankings'] as (RankingDocument & { builtBy?: string })[];
    expect(rankings.length).toBeGreaterThan(0);
    expect(rankings.every((r) => r.builtBy === 'v2')).toBe(true);
  });
});
