import { randomUUID } from 'node:crypto';
import { CommandHandler } from '../../src/commands/commandHandler';
import { DomainError } from '../../src/domain/errors';
import type { Decider } from '../../src/domain/decider';
import { GENESIS_HASH, type EventMetadata, type NewEvent, type RecordedEvent } from '../../src/events/envelope';
import { sealEvents, verifyChain } from '../../src/events/hashChain';
import { DuplicateCommandError, StreamVersionConflictError, type EventStore } from '../../src/events/store/eventStore';
import type { StoreUnderTest } from './eventStore.contract';

/**
 * A store whose log already holds `history` (sealed events written straight into it, bypassing append), like a
 * log written before commit times were kept monotonic. Adapters that cannot do this leave it out.
 */
export type CreateWithHistory = (history: RecordedEvent[]) => Promise<StoreUnderTest>;

function meta(recordedAt: string, commandId: string = randomUUID()): EventMetadata {
  return {
    actor: { sub: 'writer', name: 'Lê Thị Thu Hà', agency: 'SNV', roles: ['COORDINATOR'] },
    commandId,
    correlationId: commandId,
    causationId: commandId,
    recordedAt,
  };
}

const noted = (i: number): NewEvent => ({ type: 'Noted', schemaVersion: 1, data: { i } });

function oneTo(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

/**
 * A counter aggregate: every command appends the next number, so concurrent commands on it always contend. The
 * handler upcasts what it loads, so the events borrow a PAR type; the data is never projected here.
 */
const counter: Decider<{ type: 'Count' }, NewEvent, number> = {
  initialState: () => 0,
  evolve: (state) => state + 1,
  decide: (_command, state) => [{ type: 'SurveyScoresRecorded', schemaVersion: 1, data: { n: state + 1 } }],
};

/** A log sealed like the stores seal it, but with commit times that go back and forth (old logs can hold that). */
export function legacyHistory(times: string[]): RecordedEvent[] {
  const history: RecordedEvent[] = [];
  let after = { streamVersion: 0, globalPosition: 0, hash: GENESIS_HASH };
  times.forEach((recordedAt, i) => {
    const [event] = sealEvents('legacy', [noted(i)], meta(recordedAt), after);
    history.push(event);
    after = { streamVersion: event.streamVersion, globalPosition: event.globalPosition, hash: event.hash };
  });
  return history;
}

/**
 * Write-side rules every adapter must keep under load: one process with hundreds of appends in flight, commands
 * contending on one stream, and commit times that select a prefix of the log.
 */
export function eventStoreWritersContract(name: string, create: () => Promise<StoreUnderTest>, createWithHistory?: CreateWithHistory): void {
  describe(`EventStore contract, writers and commit time: ${name}`, () => {
    let store: EventStore;
    let cleanup: () => Promise<void> = async () => undefined;

    afterEach(async () => {
      await cleanup();
      cleanup = async () => undefined;
    });

    async function fresh(): Promise<EventStore> {
      ({ store, cleanup } = await create());
      return store;
    }

    describe('many appends in flight from one process', () => {
      it('lets 300 concurrent appends to different streams all succeed, with gapless positions and a valid chain', async () => {
        await fresh();
        const outcomes = await Promise.allSettled(
          Array.from({ length: 300 }, (_, i) => store.append(`writer-${i}`, [noted(i)], { expectedVersion: 0, metadata: meta(new Date().toISOString()) })),
        );
        const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(failed.map((o) => String(o.reason))).toEqual([]);
        const all = await store.readAll(0, 1000);
        expect(all.map((e) => e.globalPosition)).toEqual(oneTo(300));
        expect(new Set(all.map((e) => e.streamId)).size).toBe(300);
        expect(await verifyChain((after, limit) => store.readAll(after, limit), 64)).toMatchObject({ checked: 300, firstBreak: null });
      }, 60_000);

      it('settles each append of a burst on its own: a conflict or a duplicate does not fail the others', async () => {
        await fresh();
        const recorded = Array.from({ length: 10 }, () => randomUUID());
        for (const [i, commandId] of recorded.entries()) {
          await store.append('seeded', [noted(i)], {
            expectedVersion: i,
            metadata: meta(new Date().toISOString(), commandId),
            command: { commandId, fingerprint: 'f' },
          });
        }
        const burst = Array.from({ length: 40 }, (_, i) => {
          const at = new Date().toISOString();
          if (i % 4 === 1) return { kind: 'conflict', run: () => store.append('seeded', [noted(i)], { expectedVersion: 3, metadata: meta(at) }) };
          if (i % 4 === 3) {
            const commandId = recorded[(i - 3) / 4];
            return {
              kind: 'duplicate',
              run: () =>
                store.append(`other-${i}`, [noted(i)], { expectedVersion: 0, metadata: meta(at, commandId), command: { commandId, fingerprint: 'f' } }),
            };
          }
          const commandId = randomUUID();
          return {
            kind: 'ok',
            run: () =>
              store.append(`fresh-${i}`, [noted(i), noted(i)], { expectedVersion: 0, metadata: meta(at, commandId), command: { commandId, fingerprint: 'f' } }),
          };
        });
        const outcomes = await Promise.allSettled(burst.map((b) => b.run()));
        outcomes.forEach((outcome, i) => {
          const kind = burst[i].kind;
          if (kind === 'ok') expect(outcome.status).toBe('fulfilled');
          else expect(outcome.status === 'rejected' && outcome.reason).toBeInstanceOf(kind === 'conflict' ? StreamVersionConflictError : DuplicateCommandError);
        });
        expect(await store.headPosition()).toBe(10 + 20 * 2);
        expect((await store.readAll(0, 1000)).map((e) => e.globalPosition)).toEqual(oneTo(50));
        expect(await verifyChain((after, limit) => store.readAll(after, limit))).toMatchObject({ checked: 50, firstBreak: null });
      });

      it('gives each of 50 concurrent commands on one stream success or CONFLICT, never another error', async () => {
        await fresh();
        const handler = new CommandHandler(store);
        const outcomes = await Promise.allSettled(
          Array.from({ length: 50 }, () =>
            handler.handle({
              commandName: 'Count',
              input: {},
              streamId: 'counter',
              decider: counter,
              envelope: { actor: { sub: 'u', name: 'Phạm Văn Nam', agency: 'SNV', roles: ['COORDINATOR'] } },
              prepare: () => ({ type: 'Count' as const }),
            }),
          ),
        );
        const succeeded = outcomes.filter((o) => o.status === 'fulfilled');
        const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        for (const o of refused) {
          expect(o.reason).toBeInstanceOf(DomainError);
          expect((o.reason as DomainError).code).toBe('CONFLICT');
        }
        expect(succeeded.length).toBeGreaterThan(0);
        const stream = await store.readStream('counter');
        expect(stream.map((e) => (e.data as { n: number }).n)).toEqual(oneTo(succeeded.length));
        expect(await verifyChain((after, limit) => store.readAll(after, limit))).toMatchObject({ checked: succeeded.length, firstBreak: null });
      }, 60_000);
    });

    describe('commit time', () => {
      it('keeps commit times monotonic along the log when a writer’s clock goes backwards', async () => {
        await fresh();
        await store.append('a', [noted(1)], { expectedVersion: 0, metadata: meta('2026-03-01T10:00:00.000Z') });
        const behind = await store.append('b', [noted(2), noted(3)], { expectedVersion: 0, metadata: meta('2026-03-01T09:00:00.000Z') });
        const ahead = await store.append('c', [noted(4)], { expectedVersion: 0, metadata: meta('2026-03-01T11:00:00.000Z') });
        expect(behind.events.map((e) => e.metadata.recordedAt)).toEqual(['2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z']);
        expect(ahead.events[0].metadata.recordedAt).toBe('2026-03-01T11:00:00.000Z');
        const times = (await store.readAll(0, 10)).map((e) => e.metadata.recordedAt);
        expect(times).toEqual(['2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z', '2026-03-01T11:00:00.000Z']);
        expect(await verifyChain((after, limit) => store.readAll(after, limit))).toMatchObject({ checked: 4, firstBreak: null });
      });

      it('maps a time to the last position of the prefix committed by then', async () => {
        await fresh();
        expect(await store.positionAt(new Date('2026-01-01T00:00:00Z'))).toBe(0);
        await store.append('a', [noted(1), noted(2)], { expectedVersion: 0, metadata: meta('2026-03-01T10:00:00.000Z') });
        await store.append('b', [noted(3)], { expectedVersion: 0, metadata: meta('2026-03-01T09:00:00.000Z') }); // recorded at 10:00
        await store.append('c', [noted(4)], { expectedVersion: 0, metadata: meta('2026-03-02T10:00:00.000Z') });
        expect(await store.positionAt(new Date('2026-03-01T09:59:59.999Z'))).toBe(0);
        expect(await store.positionAt(new Date('2026-03-01T10:00:00.000Z'))).toBe(3);
        expect(await store.positionAt(new Date('2026-03-02T09:00:00.000Z'))).toBe(3);
        expect(await store.positionAt(new Date('2026-03-02T10:00:00.000Z'))).toBe(4);
        expect(await store.positionAt(new Date('2030-01-01T00:00:00Z'))).toBe(4);
        await expect(store.positionAt(new Date('not a date'))).rejects.toThrow(TypeError);
      });

      if (createWithHistory) {
        it('still maps a time to a prefix on an old log whose commit times are not monotonic', async () => {
          const times = [
            '2026-01-01T00:00:00.000Z',
            '2026-01-03T00:00:00.000Z',
            '2026-01-02T00:00:00.000Z',
            '2026-01-04T00:00:00.000Z',
            '2026-01-02T12:00:00.000Z',
          ];
          ({ store, cleanup } = await createWithHistory(legacyHistory(times)));
          expect(await store.positionAt(new Date('2025-12-31T00:00:00.000Z'))).toBe(0);
          expect(await store.positionAt(new Date('2026-01-01T00:00:00.000Z'))).toBe(1);
          // Position 3 was recorded on the 2nd, but position 2 (the 3rd) was not committed yet then.
          expect(await store.positionAt(new Date('2026-01-02T00:00:00.000Z'))).toBe(1);
          expect(await store.positionAt(new Date('2026-01-03T00:00:00.000Z'))).toBe(3);
          expect(await store.positionAt(new Date('2026-01-04T00:00:00.000Z'))).toBe(5);
          // New appends continue from the head's time, not from the greatest time seen.
          const next = await store.append('after-legacy', [noted(9)], { expectedVersion: 0, metadata: meta('2026-01-01T06:00:00.000Z') });
          expect(next.events[0]).toMatchObject({ globalPosition: 6, metadata: { recordedAt: '2026-01-02T12:00:00.000Z' } });
          expect(await store.positionAt(new Date('2026-01-04T00:00:00.000Z'))).toBe(6);
          expect(await verifyChain((after, limit) => store.readAll(after, limit))).toMatchObject({ checked: 6, firstBreak: null });
        });
      }
    });
  });
}
