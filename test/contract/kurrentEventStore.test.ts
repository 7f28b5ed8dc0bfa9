import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '../../src/events/envelope';
import { StreamVersionConflictError } from '../../src/events/store/eventStore';
import { verifyChain } from '../../src/events/hashChain';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { KurrentEventStore } from '../../src/events/store/kurrentdb/kurrentEventStore';
import { derivedUuid, expectedState, toEventData } from '../../src/events/store/kurrentdb/kurrentEnvelope';
import { describeWithServer, servers } from '../support/servers';
import { eventStoreContract, metadata, newEvent } from './eventStore.contract';

// Runs only where KURRENTDB_URL points at a KurrentDB 25.1+ node (`docker compose up -d kurrentdb`, then
// KURRENTDB_URL=kurrentdb://127.0.0.1:2113?tls=false). The contract expects an empty store per test, and
// KurrentDB streams cannot be dropped cheaply, so each store gets its own namespace: every stream name it uses
// (aggregates, the log, command records) starts with a prefix unique to this run and test. Nothing is deleted.
describeWithServer('EventStore contract: kurrentdb', servers.kurrentdb, 'KURRENTDB_URL', (url) => {
  const run = randomUUID().slice(0, 8);
  let count = 0;
  const freshNamespace = () => `par-test-${run}-${++count}-`;

  eventStoreContract(
    'kurrentdb',
    async () => {
      const store = await KurrentEventStore.connect(url, { namespace: freshNamespace() });
      return { store, cleanup: () => store.close() };
    },
    async (history) => {
      // Written the way the adapter writes (aggregate copy and log copy in one append), but sealed by the test.
      const namespace = freshNamespace();
      const client = KurrentDBClient.connectionString(url);
      try {
        for (const event of history) {
          await client.multiStreamAppend([
            {
              streamName: `${namespace}par-ledger-log`,
              expectedState: expectedState(event.globalPosition - 1),
              events: [toEventData(event, derivedUuid(`log:${event.eventId}`))],
            },
            { streamName: `${namespace}${event.streamId}`, expectedState: expectedState(event.streamVersion - 1), events: [toEventData(event, event.eventId)] },
          ]);
        }
      } finally {
        await client.dispose();
      }
      const store = await KurrentEventStore.connect(url, { namespace });
      return { store, cleanup: () => store.close() };
    },
  );

  describe('KurrentEventStore on a real server', () => {
    const opened: KurrentEventStore[] = [];
    async function open(namespace: string): Promise<KurrentEventStore> {
      const store = await KurrentEventStore.connect(url, { namespace });
      opened.push(store);
      return store;
    }
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    it('keeps a follower gapless while three connections append concurrently (conflicts on the log are retried)', async () => {
      const namespace = freshNamespace();
      const writers = await Promise.all([open(namespace), open(namespace), open(namespace)]);
      const follower = await open(namespace);
      const perWriter = 15;
      let conflicts = 0;
      const writing = Promise.all(
        writers.map(async (store, w) => {
          for (let i = 0; i < perWriter; i++) {
            await store.append(`writer-${w}`, [newEvent('Own', { w, i })], { expectedVersion: i, metadata: metadata() });
            await store.append('shared-any', [newEvent('Any', { w, i }), newEvent('Any', { w, i, b: 1 })], { expectedVersion: 'any', metadata: metadata() });
            for (;;) {
              const version = (await store.readStream('contended')).length;
              await new Promise((decided) => setTimeout(decided, Math.random() * 3)); // deciding takes a moment
              try {
                await store.append('contended', [newEvent('Counted', { w, i })], { expectedVersion: version, metadata: metadata() });
                break;
              } catch (error) {
                if (!(error instanceof StreamVersionConflictError)) throw error;
                conflicts++;
              }
            }
          }
        }),
      );
      let done = false;
      void writing.then(
        () => (done = true),
        () => (done = true),
      );
      const seen: RecordedEvent[] = [];
      for (;;) {
        const finished = done;
        const batch = await follower.readAll(seen.length, 20);
        batch.forEach((event, i) => expect(event.globalPosition).toBe(seen.length + i + 1));
        seen.push(...batch);
        if (batch.length === 0) {
          if (finished) break;
          await new Promise((r) => setTimeout(r, 10));
        }
      }
      await writing;

      const total = writers.length * perWriter * 4;
      expect(seen).toHaveLength(total);
      expect(new Set(seen.map((e) => e.eventId)).size).toBe(total);
      const lastVersion = new Map<string, number>();
      for (const event of seen) {
        expect(event.streamVersion).toBe((lastVersion.get(event.streamId) ?? 0) + 1);
        lastVersion.set(event.streamId, event.streamVersion);
      }
      expect(lastVersion.get('contended')).toBe(writers.length * perWriter);
      expect(conflicts).toBeGreaterThan(0);
      expect(await verifyChain((after, limit) => follower.readAll(after, limit), 16)).toMatchObject({ checked: total, firstBreak: null });
    }, 120_000);

    it('subscribes from a saved position, delivers each PAR event once in order, and stops', async () => {
      const store = await open(freshNamespace());
      for (let i = 1; i <= 4; i++) {
        await store.append(`agency-A${i}`, [newEvent('AgencyRegistered', { code: `A${i}`, name: `A${i}`, group: 'DEPARTMENT' })], {
          expectedVersion: 0,
          metadata: metadata(),
        });
      }
      await store.append('notes', [newEvent('Noted', {})], { expectedVersion: 0, metadata: metadata() }); // not a PAR event type

      const seen: number[] = [];
      let sawSix!: () => void;
      const six = new Promise<void>((resolve) => (sawSix = resolve));
      const subscription = store.subscribe(2, (event) => {
        seen.push(event.globalPosition);
        if (event.globalPosition === 6) sawSix();
      });
      await store.append('agency-A5', [newEvent('AgencyRegistered', { code: 'A5', name: 'A5', group: 'DEPARTMENT' })], {
        expectedVersion: 0,
        metadata: metadata(),
      });
      await six;
      expect(seen).toEqual([3, 4, 6]); // 5 is 'Noted': filtered out on the server
      await subscription.stop();
      await expect(subscription.done).resolves.toBeUndefined();
    }, 60_000);

    it('refuses stream names it reserves', async () => {
      const store = await open(freshNamespace());
      await expect(store.append('par-ledger-log', [newEvent('A')], { expectedVersion: 'any', metadata: metadata() })).rejects.toThrow(TypeError);
      await expect(store.append('$all', [newEvent('A')], { expectedVersion: 'any', metadata: metadata() })).rejects.toThrow(TypeError);
      expect(await store.headPosition()).toBe(0);
    });

    it('says which server it could not reach, without the password', async () => {
      await expect(KurrentEventStore.connect('kurrentdb://someone:secret@127.0.0.1:1?tls=false')).rejects.toThrow(
        /cannot use KurrentDB at kurrentdb:\/\/someone@127\.0\.0\.1:1/,
      );
    }, 60_000);
  });
});
