import type { RecordedEvent } from '../../src/events/envelope';
import { MemoryEventStore } from '../../src/events/store/memory/memoryEventStore';
import { allProjections } from '../../src/projections/allProjections';
import { AppendedTail } from '../../src/projections/runner/appendedTail';
import { ProjectionRunner } from '../../src/projections/runner/projectionRunner';
import { MemoryReadStore } from '../../src/projections/store/memory/memoryReadStore';
import { ADMIN, countingReads, openStores, snapshot, startLive, tempDir, type StoreKind } from './fixtures';

const metadata = { actor: ADMIN, commandId: 'c', correlationId: 'c', causationId: 'c', recordedAt: '2025-02-01T00:00:00.000Z' };

async function appendAgency(store: MemoryEventStore, code: string): Promise<RecordedEvent[]> {
  const result = await store.append(
    `agency-${code}`,
    [{ type: 'AgencyRegistered', schemaVersion: 1, data: { code, name: `UBND Xã ${code}`, group: 'COMMUNE' } }],
    { expectedVersion: 0, metadata },
  );
  return result.events;
}

describe('AppendedTail', () => {
  it('serves only a run that continues the position asked for, and reads the log otherwise', async () => {
    const store = new MemoryEventStore();
    const counted = countingReads(store);
    const tail = new AppendedTail(counted.events);
    const first = await appendAgency(store, 'XAMOT');
    const second = await appendAgency(store, 'XAHAI'); // never offered: another process, say
    const third = await appendAgency(store, 'XABA');
    tail.offer(third);
    tail.offer(first);

    expect(await tail.readAll(0, 10)).toEqual(first); // stops before the position it does not hold
    expect(counted.calls()).toEqual([]);
    expect(await tail.readAll(1, 10)).toEqual([...second, ...third]); // position 2 is not held: the log answers
    expect(counted.calls()).toEqual([{ after: 1, limit: 10, returned: 2 }]);
    expect(await tail.readAll(2, 1)).toEqual(third);
    expect(await tail.readAll(3, 10)).toEqual([]);
    expect(tail.size).toBe(0); // what was at or before a position asked for is let go
  });
});

describe.each<StoreKind>(['memory', 'sqlite'])('the runner following what commands appended, on %s stores', (kind) => {
  it('applies them without reading them back, and reads back what another writer appended in between', async () => {
    const dir = tempDir();
    const stores = openStores(kind, dir);
    const counted = countingReads(stores.events);
    const live = await startLive(counted.events, stores.readStore);
    try {
      const register = (code: string) => live.commands.registerAgency({ actor: ADMIN }, { code, name: `UBND Xã ${code}`, group: 'COMMUNE' });
      const before = counted.read();
      // Its append settles before the runner's next round reads (both continue in the same turn): held, not read.
      const first = await register('XAMOT');
      await live.runner.waitFor(first.lastPosition, 5000);
      expect(counted.read()).toBe(before);

      // Appended past the handler (another process, say): not offered, so the runner reads it from the log.
      const other = await stores.events.append(
        'agency-XAHAI',
        [{ type: 'AgencyRegistered', schemaVersion: 1, data: { code: 'XAHAI', name: 'UBND Xã XAHAI', group: 'COMMUNE' } }],
        { expectedVersion: 0, metadata },
      );
      const third = await register('XABA');
      await live.runner.waitFor(third.lastPosition, 5000);
      expect(counted.read()).toBeGreaterThan(before);
      expect(counted.calls().some((c) => c.after < other.lastPosition && c.returned > 0)).toBe(true);

      // The same documents as a runner that read every event from the log.
      const referenceStore = new MemoryReadStore();
      const reference = new ProjectionRunner(stores.events, referenceStore, allProjections);
      await reference.start();
      await reference.stop();
      const expected = await snapshot(reference, referenceStore);
      expect(await snapshot(live.runner, stores.readStore)).toEqual(expected);
      expect(((await live.read.agency('XAHAI')) as { code: string }).code).toBe('XAHAI');
    } finally {
      await live.runner.stop();
      await stores.close();
      dir.remove();
    }
  });
});
