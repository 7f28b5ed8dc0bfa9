import { CommandHandler } from '../../src/commands/commandHandler';
import { ParCommands } from '../../src/commands/parCommands';
import type { EventStore } from '../../src/events/store/eventStore';
import { MemoryEventStore } from '../../src/events/store/memory/memoryEventStore';
import { allProjections } from '../../src/projections/allProjections';
import { foldProjection } from '../../src/projections/asOf';
import { defineProjection, type Projection } from '../../src/projections/projection';
import { ProjectionRunner } from '../../src/projections/runner/projectionRunner';
import { MemoryReadStore } from '../../src/projections/store/memory/memoryReadStore';
import type { DocumentWrite, ReadStore } from '../../src/projections/store/readStore';
import { upcast } from '../../src/events/upcasters';
import type { RecordedParEvent } from '../../src/events/parEvents';
import { ADMIN, SteppingClock, countingReads, withOverrides } from './fixtures';

const COMMUNES = 23;

async function registerCommunes(events: EventStore) {
  const commands = new ParCommands(new CommandHandler(events, new SteppingClock()), {
    agenciesInGroups: async () => {
      throw new Error('not needed here');
    },
  });
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
  const start = async (eventStore: EventStore, readStore: ReadStore, projections: readonly Projection[], buildBatchSize = 5) => {
    const runner = new ProjectionRunner(eventStore, readStore, projections, { buildBatchSize, pollMs: 5 });
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

  it('bounds each batch: at most buildBatchSize events read, and one write per batch with its checkpoints', async () => {
    const counting = countingReads(events);
    const { store, writes } = recordingWrites(new MemoryReadStore());
    const { projection } = counter();
    await start(counting.events, store, [projection], 5);
    const batches = Math.ceil(head / 5);
    expect(counting.calls().filter((c) => c.returned > 0)).toHaveLength(batches);
    expect(counting.calls().every((c) => c.limit === 5)).toBe(true);
    // One write per batch: the document changed five times in a batch is written once, with the checkpoint.
    expect(writes).toHaveLength(batches);
    for (const w of writes) {
      expect(w.documents).toHaveLength(1);
      expect(w.checkpoints).toEqual([{ projection: 'counter@g1', position: w.documents[0].position }]);
    }
  });

  it('derives served fields once per changed document per batch, giving what deriving after every event gives', async () => {
    const { projection, presented } = counter();
    const readStore = new MemoryReadStore();
    const runner = await start(events, readStore, [projection], 5);
    expect(presented).toEqual([5, 10, 15, 20, 23]);
    expect(await readStore.find(runner.collection('counter', 'counter'))).toEqual([{ count: COMMUNES, served: `${COMMUNES} agencies` }]);
    // Followed one event at a time, the same document.
    const oneByOne = new MemoryReadStore();
    const one = await start(events, oneByOne, [projection], 1);
    expect(presented.length).toBe(5 + COMMUNES);
    expect(await oneByOne.find(one.collection('counter', 'counter'))).toEqual(await readStore.find(runner.collection('counter', 'counter')));
    // An as-of fold derives once, at the end.
    const all = (await events.readAll(0, 1000)).map((e) => upcast(e)) as RecordedParEvent[];
    expect(foldProjection(projection, all).get('counter/all')).toEqual({ count: COMMUNES, served: `${COMMUNES} agencies` });
    expect(presented.length).toBe(5 + COMMUNES + 1);
  });

  it('stops a projection whose present throws before its first change of the batch, writing none of that batch', async () => {
    const { projection } = counter({ failPresentAt: 10 });
    const { store, writes } = recordingWrites(new MemoryReadStore());
    const runner = await start(events, store, [projection, ...allProjections.filter((p) => p.name === 'agencies')], 5);
    const counterStatus = runner.status().find((s) => s.name === 'counter')!;
    // The second batch (events 6–10) changed the document first at 6: the counter stays at 5, as stored.
    expect(counterStatus).toMatchObject({ status: 'FAILED', checkpoint: 5, failure: { position: 6, message: 'cannot present 10' } });
    expect(await store.find(runner.collection('counter', 'counter'))).toEqual([{ count: 5, served: '5 agencies' }]);
    expect(writes.flatMap((w) => w.documents).filter((d) => d.collection.startsWith('counter') && d.position > 5)).toEqual([]);
    // The other projection of the same batches went on to the head.
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
