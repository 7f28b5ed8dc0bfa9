import { fixedDirectory } from '../../src/projections/agencies/agencyDirectory';
import { CommandHandler } from '../../src/commands/commandHandler';
import { ParCommands } from '../../src/commands/parCommands';
import type { EventStore } from '../../src/events/store/eventStore';
import { MemoryEventStore } from '../../src/events/store/memory/memoryEventStore';
import { allProjections } from '../../src/projections/allProjections';
import { foldProjection } from '../../src/projections/asOf';
import { defineProjection, type Projection } from '../../src/projections/projection';
import { ProjectionRunner, type RunnerOptions } from '../../src/projections/runner/projectionRunner';
import { MemoryReadStore } from '../../src/projections/store/memory/memoryReadStore';
import type { DocumentWrite, ReadStore } from '../../src/projections/store/readStore';
import { upcast } from '../../src/events/upcasters';
import type { RecordedParEvent } from '../../src/events/parEvents';
import { ADMIN, SteppingClock, countingReads, withOverrides } from './fixtures';

const COMMUNES = 23;

async function registerCommunes(events: EventStore) {
  const commands = new ParCommands(new CommandHandler(events, new SteppingClock()), fixedDirectory([]));
  for (let i = 0; i < COMMUNES; i++) await commands.registerAgency({ actor: ADMIN }, { code: `XA${i}`, name: `UBND Xã ${i}`, group: 'COMMUNE' });
}

/**
 * Counts registered agencies in one document. `apply` keeps only the count; `present` derives the served field
 * and counts its calls, so a test sees how often the runner derives served fields.
 */
function counter(options: { failPresentAt?: number } = {}) {
  const presented: number[] = [];
  const projection = defineProjection({
    name: 'counter',
    version: 1,
    collections: [{ name: 'counter', indexes: [['count']] }],
    handles: ['AgencyRegistered'],
    reads: () => [{ collection: 'counter', id: 'all' }],
    apply(_event, docs) {
      const current = docs<{ count: number }>('counter', 'all');
      return [{ collection: 'counter', id: 'all', doc: { count: (current?.count ?? 0) + 1, served: 'stale' } }];
    },
    present(_collection, doc) {
      const { count } = doc as { count: number };
      if (count === options.failPresentAt) throw new Error(`cannot present ${count}`);
      presented.push(count);
      return { count, served: `${count} agencies` };
    },
  });
  return { projection, presented };
}

/** A read store that records each write call (one per batch: documents and checkpoints in one transaction). */
function recordingWrites(inner: ReadStore) {
  const writes: { documents: DocumentWrite[]; checkpoints: { projection: string; position: number }[] }[] = [];
  const store = withOverrides<ReadStore>(inner, {
    write: async (documents, checkpoints) => {
      writes.push({ documents, checkpoints });
      return inner.write(documents, checkpoints);
    },
  });
  return { store, writes };
}

describe('building projections in batches', () => {
  let events: MemoryEventStore;
  let head: number;
  const runners: ProjectionRunner[] = [];
  const start = async (eventStore: EventStore, readStore: ReadStore, projections: readonly Projection[], buildBatchSize = 5, options: RunnerOptions = {}) => {
    const runner = new ProjectionRunner(eventStore, readStore, projections, { buildBatchSize, pollMs: 5, ...options });
    runners.push(runner);
    await runner.start();
    return runner;
  };

  beforeAll(async () => {
    events = new MemoryEventStore();
    await registerCommunes(events);
    head = await events.headPosition();
  });

  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
  });

  it('reads the log once for every projection a first start builds, and once for a rebuild of them all', async () => {
    const counting = countingReads(events);
    const runner = await start(counting.events, new MemoryReadStore(), allProjections);
    expect(runner.position()).toBe(head);
    // Eight projections, one pass: each event handed out once, not once per projection.
    expect(counting.read()).toBe(head);
    const before = counting.read();
    const report = await runner.rebuildMany(allProjections.map((p) => p.name));
    expect(counting.read() - before).toBe(head);
    expect(report.events).toBe(head);
    expect(Object.keys(report.projectorMs).sort()).toEqual(allProjections.map((p) => p.name).sort());
  });

  it('bounds each batch: at most buildBatchSize events read; a build writes its documents once, with the checkpoints at the end', async () => {
    const counting = countingReads(events);
    const { store, writes } = recordingWrites(new MemoryReadStore());
    const { projection } = counter();
    await start(counting.events, store, [projection], 5);
    const batches = Math.ceil(head / 5);
    expect(counting.calls().filter((c) => c.returned > 0)).toHaveLength(batches);
    expect(counting.calls().every((c) => c.limit === 5)).toBe(true);
    // The document changed in every batch is held in memory and written once, with the checkpoint.
    expect(writes).toEqual([
      { documents: [expect.objectContaining({ collection: 'counter_g1', position: head })], checkpoints: [{ projection: 'counter@g1', position: head }] },
    ]);
  });

  it('writes the documents a build no longer uses before its end, holding at most buildWorkingSet of them', async () => {
    const { store, writes } = recordingWrites(new MemoryReadStore());
    const agencies = allProjections.filter((p) => p.name === 'agencies');
    const runner = await start(events, store, agencies, 5, { buildWorkingSet: 7 });
    const documents = writes.flatMap((w) => w.documents);
    // One document per agency, each written once: the oldest go when more than 7 are held, the rest at the end.
    expect(documents.map((d) => d.id).sort()).toEqual(Array.from({ length: COMMUNES }, (_, i) => `XA${i}`).sort());
    expect(writes.length).toBeGreaterThan(1);
    expect(writes[writes.length - 1].documents).toHaveLength(7);
    // Only the last write, once every document is stored, records how far the build got.
    expect(writes.slice(0, -1).every((w) => w.checkpoints.length === 0)).toBe(true);
    expect(writes[writes.length - 1].checkpoints).toEqual([{ projection: 'agencies@g1', position: head }]);
    expect(await store.find(runner.collection('agencies', 'agencies'))).toHaveLength(COMMUNES);
  });

  it('derives served fields once per document write, giving what deriving after every event gives', async () => {
    const { projection, presented } = counter();
    const readStore = new MemoryReadStore();
    const runner = await start(events, readStore, [projection], 5);
    // A build writes the document once, so presents it once.
    expect(presented).toEqual([COMMUNES]);
    expect(await readStore.find(runner.collection('counter', 'counter'))).toEqual([{ count: COMMUNES, served: `${COMMUNES} agencies` }]);
    // Followed one event at a time (each batch written at its end), the same document, presented after each.
    const following = new MemoryEventStore();
    const oneByOne = new MemoryReadStore();
    const one = await start(following, oneByOne, [projection], 5, { batchSize: 1 });
    await registerCommunes(following);
    await one.catchUp();
    expect(presented).toEqual([COMMUNES, ...Array.from({ length: COMMUNES }, (_, i) => i + 1)]);
    expect(await oneByOne.find(one.collection('counter', 'counter'))).toEqual(await readStore.find(runner.collection('counter', 'counter')));
    // An as-of fold derives once, at the end.
    const all = (await events.readAll(0, 1000)).map((e) => upcast(e)) as RecordedParEvent[];
    expect(foldProjection(projection, all).get('counter/all')).toEqual({ count: COMMUNES, served: `${COMMUNES} agencies` });
    expect(presented.length).toBe(1 + COMMUNES + 1);
  });

  it('stops a projection whose present throws before its earliest change not yet written, writing none of them', async () => {
    const { projection } = counter({ failPresentAt: 10 });
    const { store, writes } = recordingWrites(new MemoryReadStore());
    // Holding no document between batches, the build writes the counter after each batch of 5.
    const runner = await start(events, store, [projection, ...allProjections.filter((p) => p.name === 'agencies')], 5, { buildWorkingSet: 0 });
    const counterStatus = runner.status().find((s) => s.name === 'counter')!;
    // The second batch (events 6–10) changed the document first at 6: the counter stays at 5, as stored.
    expect(counterStatus).toMatchObject({ status: 'FAILED', checkpoint: 5, failure: { position: 6, message: 'cannot present 10' } });
    expect(await store.find(runner.collection('counter', 'counter'))).toEqual([{ count: 5, served: '5 agencies' }]);
    expect(writes.flatMap((w) => w.documents).filter((d) => d.collection.startsWith('counter') && d.position > 5)).toEqual([]);
    // The other projection of the same batches went on to the head.
    expect(runner.status().find((s) => s.name === 'agencies')!.checkpoint).toBe(head);
  });

  it('when present throws at the end of a build, the projection stops before its first change held since last written', async () => {
    const { projection } = counter({ failPresentAt: COMMUNES });
    const { store, writes } = recordingWrites(new MemoryReadStore());
    const runner = await start(events, store, [projection, ...allProjections.filter((p) => p.name === 'agencies')], 5);
    // Held since the first event and never written: the counter stops before it, with nothing stored.
    expect(runner.status().find((s) => s.name === 'counter')!).toMatchObject({
      status: 'FAILED',
      checkpoint: 0,
      failure: { position: 1, message: `cannot present ${COMMUNES}` },
    });
    expect(writes.flatMap((w) => w.documents).filter((d) => d.collection.startsWith('counter'))).toEqual([]);
    expect(runner.status().find((s) => s.name === 'agencies')!.checkpoint).toBe(head);
  });

  it('switches the projections a rebuild built and keeps the live generation of one whose projector fails', async () => {
    let failing = false;
    const { projection } = counter();
    const flaky = defineProjection({
      ...projection,
      handles: [...projection.handles],
      name: 'flaky',
      apply: (event, docs) => {
        if (failing) throw new Error('flaky projector');
        return projection.apply(event, docs);
      },
    });
    const runner = await start(events, new MemoryReadStore(), [flaky, ...allProjections.filter((p) => p.name === 'agencies')]);
    const live = { flaky: runner.collection('flaky', 'counter'), agencies: runner.collection('agencies', 'agencies') };
    failing = true;
    await expect(runner.rebuildMany(['flaky', 'agencies'])).rejects.toThrow(/projection flaky failed on AgencyRegistered at position 1: flaky projector/);
    expect(runner.collection('flaky', 'counter')).toBe(live.flaky);
    expect(runner.collection('agencies', 'agencies')).not.toBe(live.agencies);
    expect(runner.status().map((s) => [s.name, s.status, s.rebuilding])).toEqual([
      ['flaky', 'RUNNING', null],
      ['agencies', 'RUNNING', null],
    ]);
  });
});
