import { randomUUID } from 'node:crypto';
import { GENESIS_HASH, type EventMetadata, type NewEvent, type RecordedEvent } from '../../src/events/envelope';
import {
  DuplicateCommandError,
  StreamVersionConflictError,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
} from '../../src/events/store/eventStore';
import { verifyChain } from '../../src/events/hashChain';
import { eventStoreWritersContract, type CreateWithHistory } from './eventStoreWriters.contract';

export interface StoreUnderTest {
  store: EventStore;
  cleanup: () => Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const SHA256_HEX = /^[0-9a-f]{64}$/;

export function metadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    actor: { sub: 'user-1', name: 'Nguyễn Thị Hồng Nhung', agency: 'SNV', roles: ['COORDINATOR', 'APPRAISER'] },
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    recordedAt: '2024-12-31T09:30:00.000Z',
    ...overrides,
  };
}

export function newEvent(type: string, data: unknown = { n: 1 }, schemaVersion = 1): NewEvent {
  return { type, schemaVersion, data };
}

function events(count: number, type = 'Noted'): NewEvent[] {
  return Array.from({ length: count }, (_, i) => newEvent(type, { i }));
}

function options(expectedVersion: ExpectedVersion, extra: Partial<AppendOptions> = {}): AppendOptions {
  return { expectedVersion, metadata: metadata(), ...extra };
}

/** The error a promise rejects with; fails the test when it resolves instead. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

function positions(list: RecordedEvent[]): number[] {
  return list.map((e) => e.globalPosition);
}

function oneTo(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

async function readEverything(store: EventStore): Promise<RecordedEvent[]> {
  return store.readAll(0, 1_000_000);
}

/**
 * The behaviour every EventStore adapter must show. `create` gives a fresh, empty store per test;
 * `createWithHistory`, where an adapter can offer it, a store whose log was written before this build.
 * Adapter-specific behaviour (files, processes, servers) is tested beside the adapter, not here.
 */
export function eventStoreContract(name: string, create: () => Promise<StoreUnderTest>, createWithHistory?: CreateWithHistory): void {
  eventStoreWritersContract(name, create, createWithHistory);
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await create());
    });

    afterEach(async () => {
      await cleanup();
    });

    describe('append and read', () => {
      it('appends to a new stream with expectedVersion 0 and reads back the full envelope', async () => {
        const nfd = 'Quảng Nam'.normalize('NFD');
        const selfAssessment = {
          agencyCode: 'STP',
          agencyName: 'Sở Tư pháp tỉnh Quảng Nam',
          note: 'Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2024: đạt yêu cầu; “ghi chú” — ổn',
          nfd,
          scores: { '1.1': { score: 14.5, max: 15 }, '1.2': { score: 0.1234, max: 1 }, tiny: 0.1 + 0.2, big: 1e21, negative: -2.75, zero: 0 },
          evidence: [{ file: 'Báo cáo số 123/BC-STP.pdf', pages: [1, 2, 3] }, null, true, false],
        };
        const meta = metadata({ actor: { sub: 'u-42', name: 'Trần Văn Đức', agency: null, roles: ['ADMIN'] } });
        const result = await store.append(
          'assessment-2024-STP',
          [newEvent('SelfAssessmentSubmitted', selfAssessment, 2), newEvent('EvidenceAttached', { count: 1 })],
          { expectedVersion: 0, metadata: meta },
        );

        expect(result).toMatchObject({ streamId: 'assessment-2024-STP', streamVersion: 2, firstPosition: 1, lastPosition: 2 });
        const read = await store.readStream('assessment-2024-STP');
        expect(read).toEqual(result.events);
        expect(read).toHaveLength(2);

        const [first, second] = read;
        expect(first.eventId).toMatch(UUID);
        expect(second.eventId).toMatch(UUID);
        expect(first.eventId).not.toBe(second.eventId);
        expect(read.map((e) => e.streamId)).toEqual(['assessment-2024-STP', 'assessment-2024-STP']);
        expect(read.map((e) => e.streamVersion)).toEqual([1, 2]);
        expect(positions(read)).toEqual([1, 2]);
        expect(read.map((e) => [e.type, e.schemaVersion])).toEqual([
          ['SelfAssessmentSubmitted', 2],
          ['EvidenceAttached', 1],
        ]);
        expect(first.metadata).toEqual(meta);
        expect(second.metadata).toEqual(meta);
        expect(first.data).toEqual(selfAssessment);
        expect(second.data).toEqual({ count: 1 });

        // Exact, not "close to": a score must come back bit for bit, text byte for byte (no Unicode normalisation).
        const data = first.data as typeof selfAssessment;
        expect(data.scores['1.1'].score).toBe(14.5);
        expect(data.scores['1.2'].score).toBe(0.1234);
        expect(data.scores.tiny).toBe(0.30000000000000004);
        expect(data.scores.big).toBe(1e21);
        expect(data.agencyName).toBe('Sở Tư pháp tỉnh Quảng Nam');
        expect(data.nfd).toBe(nfd);
        expect(data.nfd).not.toBe('Quảng Nam'.normalize('NFC'));
        expect(first.hash).toMatch(SHA256_HEX);
        expect(await store.readAll(0, 10)).toEqual(read);
      });

      it('numbers stream versions per stream and global positions across streams', async () => {
        await store.append('agency-STP', events(1), options(0));
        await store.append('agency-SNV', events(2), options(0));
        await store.append('agency-STP', events(1), options(1));

        const stp = await store.readStream('agency-STP');
        const snv = await store.readStream('agency-SNV');
        expect(stp.map((e) => [e.streamVersion, e.globalPosition])).toEqual([
          [1, 1],
          [2, 4],
        ]);
        expect(snv.map((e) => [e.streamVersion, e.globalPosition])).toEqual([
          [1, 2],
          [2, 3],
        ]);
      });

      it('returns [] for a stream that does not exist', async () => {
        expect(await store.readStream('cycle-2024')).toEqual([]);
        await store.append('cycle-2023', events(1), options(0));
        expect(await store.readStream('cycle-2024')).toEqual([]);
        expect(await store.readStream('cycle-202')).toEqual([]); // no prefix matching
      });

      it('reads a stream after a version: only the later events, in order, whatever other streams did meanwhile', async () => {
        await store.append('assessment-2024-STP', events(2), options(0));
        await store.append('assessment-2024-SNV', events(1), options(0));
        await store.append('assessment-2024-STP', events(3), options(2));

        const all = await store.readStream('assessment-2024-STP');
        expect(all.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5]);
        expect(await store.readStream('assessment-2024-STP', 0)).toEqual(all);
        const after2 = await store.readStream('assessment-2024-STP', 2);
        expect(after2.map((e) => [e.streamVersion, e.globalPosition])).toEqual([
          [3, 4],
          [4, 5],
          [5, 6],
        ]);
        expect(after2).toEqual(all.slice(2));
        expect(await store.readStream('assessment-2024-STP', 4)).toEqual(all.slice(4));
        expect(await store.readStream('assessment-2024-STP', 5)).toEqual([]);
        expect(await store.readStream('assessment-2024-STP', 99)).toEqual([]);
        expect(await store.readStream('assessment-2024-HOIAN', 1)).toEqual([]);
      });

      it('reads the events of some types from many streams up to a position, in global order, and nothing else', async () => {
        await store.append('assessment-2024-STP', [newEvent('Scored', { n: 1 }), newEvent('Finalized', { n: 2 })], options(0));
        await store.append('assessment-2024-SNV', [newEvent('Finalized', { n: 3 })], options(0));
        await store.append('assessment-2024-HOIAN', [newEvent('Finalized', { n: 4 })], options(0));
        await store.append('assessment-2024-STP', [newEvent('Reopened', { n: 5 }), newEvent('Finalized', { n: 6 })], options(2));

        const read = (ids: string[], types: string[], upTo: number) =>
          store.readStreamsOfTypes(ids, types, upTo).then((es) => es.map((e) => [e.streamId, e.type, e.globalPosition]));
        const streams = ['assessment-2024-STP', 'assessment-2024-SNV', 'assessment-2024-STP', 'assessment-2024-DAILOC'];
        expect(await read(streams, ['Finalized', 'Reopened'], 99)).toEqual([
          ['assessment-2024-STP', 'Finalized', 2],
          ['assessment-2024-SNV', 'Finalized', 3],
          ['assessment-2024-STP', 'Reopened', 5],
          ['assessment-2024-STP', 'Finalized', 6],
        ]);
        expect(await read(streams, ['Finalized'], 5)).toEqual([
          ['assessment-2024-STP', 'Finalized', 2],
          ['assessment-2024-SNV', 'Finalized', 3],
        ]);
        const full = (await store.readStream('assessment-2024-STP')).filter((e) => e.type === 'Finalized');
        expect(await store.readStreamsOfTypes(['assessment-2024-STP'], ['Finalized'], 99)).toEqual(full);
        expect(await read([], ['Finalized'], 99)).toEqual([]);
        expect(await read(streams, [], 99)).toEqual([]);
      });

      it('refuses an afterVersion a loader could silently misuse (negative, fractional, not a number)', async () => {
        await store.append('s', events(1), options(0));
        for (const bad of [-1, 1.5, Number.NaN, '1' as unknown as number]) {
          await expect(store.readStream('s', bad)).rejects.toThrow(TypeError);
        }
      });

      it('keeps the log apart from the caller: mutating input or output objects changes nothing stored', async () => {
        const data = { score: 10, nested: { list: [1, 2] } };
        await store.append('s', [newEvent('Scored', data)], options(0));
        data.score = 99;
        data.nested.list.push(3);

        const [read] = await store.readStream('s');
        try {
          const readData = read.data as { score: number; nested: { list: number[] } };
          readData.score = 77; // a frozen event throws here, which is fine too
          readData.nested.list.push(4);
        } catch {
          // frozen
        }
        const [again] = await store.readStream('s');
        expect(again.data).toEqual({ score: 10, nested: { list: [1, 2] } });
      });

      it('drops undefined fields like JSON does, and the chain still verifies', async () => {
        await store.append('s', [newEvent('Noted', { kept: 1, dropped: undefined })], options(0));
        const [read] = await store.readStream('s');
        expect(read.data).toEqual({ kept: 1 });
        expect(Object.keys(read.data as object)).toEqual(['kept']);
        expect((await verifyChain((a, l) => store.readAll(a, l))).firstBreak).toBeNull();
      });
    });

    describe('argument checks', () => {
      it('refuses an empty event list with a TypeError and appends nothing', async () => {
        await expect(store.append('s', [], options(0))).rejects.toThrow(TypeError);
        expect(await store.headPosition()).toBe(0);
      });

      it.each([-1, 1.5, Number.NaN])('refuses expectedVersion %p with a TypeError', async (expectedVersion) => {
        await expect(store.append('s', events(1), options(expectedVersion))).rejects.toThrow(TypeError);
        expect(await store.headPosition()).toBe(0);
      });

      it('refuses an empty stream id and a bad event type or schemaVersion', async () => {
        await expect(store.append('', events(1), options(0))).rejects.toThrow(TypeError);
        await expect(store.append('s', [newEvent('', {})], options(0))).rejects.toThrow(TypeError);
        await expect(store.append('s', [newEvent('T', {}, 0)], options(0))).rejects.toThrow(TypeError);
        expect(await store.headPosition()).toBe(0);
      });

      it('refuses readAll arguments a reader loop could silently misuse', async () => {
        await expect(store.readAll(0, 0)).rejects.toThrow(TypeError);
        await expect(store.readAll(-1, 10)).rejects.toThrow(TypeError);
        await expect(store.readAll(0.5, 10)).rejects.toThrow(TypeError);
      });
    });

    describe('optimistic concurrency', () => {
      it('rejects a stale expectedVersion with a conflict that says where the stream is, and appends nothing', async () => {
        await store.append('cycle-2024', events(2), options(0));

        const error = await rejectionOf(store.append('cycle-2024', events(3), options(1)));
        expect(error).toBeInstanceOf(StreamVersionConflictError);
        expect(error).toMatchObject({ streamId: 'cycle-2024', expectedVersion: 1, actualVersion: 2 });

        const ahead = await rejectionOf(store.append('cycle-2024', events(1), options(5)));
        expect(ahead).toMatchObject({ name: 'StreamVersionConflictError', expectedVersion: 5, actualVersion: 2 });

        expect(await store.readStream('cycle-2024')).toHaveLength(2);
        expect(await store.headPosition()).toBe(2);
      });

      it('rejects expectedVersion 0 on a stream that exists', async () => {
        await store.append('agency-STP', events(1), options(0));
        const error = await rejectionOf(store.append('agency-STP', events(1), options(0)));
        expect(error).toBeInstanceOf(StreamVersionConflictError);
        expect(error).toMatchObject({ streamId: 'agency-STP', expectedVersion: 0, actualVersion: 1 });
        expect(await store.headPosition()).toBe(1);
      });

      it('rejects expectedVersion n on a stream that does not exist', async () => {
        const error = await rejectionOf(store.append('agency-STP', events(1), options(1)));
        expect(error).toMatchObject({ streamId: 'agency-STP', expectedVersion: 1, actualVersion: 0 });
      });

      it("accepts the current version and 'any'", async () => {
        const a = await store.append('s', events(1), options('any'));
        const b = await store.append('s', events(2), options(1));
        const c = await store.append('s', events(1), options('any'));
        expect([a.streamVersion, b.streamVersion, c.streamVersion]).toEqual([1, 3, 4]);
        expect((await store.readStream('s')).map((e) => e.streamVersion)).toEqual([1, 2, 3, 4]);
      });

      it('lets exactly one of two concurrent appends with the same expectedVersion win', async () => {
        await store.append('assessment-2024-STP', events(1), options(0));
        const outcomes = await Promise.allSettled([
          store.append('assessment-2024-STP', [newEvent('AppraisalRecorded', { by: 'STP' })], options(1)),
          store.append('assessment-2024-STP', [newEvent('AppraisalRecorded', { by: 'SNV' })], options(1)),
        ]);
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0].reason).toBeInstanceOf(StreamVersionConflictError);
        expect(lost[0].reason).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
        expect(await store.readStream('assessment-2024-STP')).toHaveLength(2);
      });

      it('lets exactly one of several concurrent creators of a stream win', async () => {
        const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => store.append('cycle-2025', events(2), options(0))));
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        expect(outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof StreamVersionConflictError)).toHaveLength(4);
        expect(await store.headPosition()).toBe(2);
      });
    });

    describe('global order', () => {
      async function interleave(): Promise<AppendResult[]> {
        return [
          await store.append('a', events(2, 'A'), options(0)),
          await store.append('b', events(1, 'B'), options(0)),
          await store.append('c', events(1, 'C'), options(0)),
          await store.append('a', events(1, 'A'), options(2)),
          await store.append('b', events(2, 'B'), options(1)),
        ];
      }

      it('reads everything in global order across interleaved streams', async () => {
        await interleave();
        const all = await store.readAll(0, 100);
        expect(positions(all)).toEqual(oneTo(7));
        expect(all.map((e) => e.streamId)).toEqual(['a', 'a', 'b', 'c', 'a', 'b', 'b']);
        expect(all.map((e) => e.streamVersion)).toEqual([1, 2, 1, 1, 3, 2, 3]);
      });

      it('pages with after and limit', async () => {
        await interleave();
        expect(positions(await store.readAll(0, 3))).toEqual([1, 2, 3]);
        expect(positions(await store.readAll(3, 3))).toEqual([4, 5, 6]);
        expect(positions(await store.readAll(6, 3))).toEqual([7]);
        expect(await store.readAll(7, 3)).toEqual([]);
        expect(await store.readAll(100, 3)).toEqual([]);
        expect(positions(await store.readAll(2, 1))).toEqual([3]);

        const paged: RecordedEvent[] = [];
        for (let batch = await store.readAll(0, 2); batch.length > 0; batch = await store.readAll(paged[paged.length - 1].globalPosition, 2)) {
          expect(batch.length).toBeLessThanOrEqual(2);
          paged.push(...batch);
        }
        expect(paged).toEqual(await store.readAll(0, 100));
      });

      it('reports the head position, 0 when empty', async () => {
        expect(await store.headPosition()).toBe(0);
        const results = await interleave();
        expect(await store.headPosition()).toBe(7);
        expect(results.map((r) => [r.firstPosition, r.lastPosition])).toEqual([
          [1, 2],
          [3, 3],
          [4, 4],
          [5, 5],
          [6, 7],
        ]);
      });
    });

    describe('idempotency', () => {
      it('appends a commandId once; a repeat gets DuplicateCommandError with the first record, even to another stream', async () => {
        const command = { commandId: 'cmd-submit-STP-2024', fingerprint: 'fp-1' };
        await store.append('other', events(1), options(0));
        const first = await store.append('assessment-2024-STP', events(2), options(0, { command }));
        const record = { commandId: 'cmd-submit-STP-2024', fingerprint: 'fp-1', streamId: 'assessment-2024-STP', firstPosition: 2, lastPosition: 3 };
        expect(first).toMatchObject({ firstPosition: 2, lastPosition: 3 });

        const retry = await rejectionOf(store.append('assessment-2024-STP', events(2), options('any', { command })));
        expect(retry).toBeInstanceOf(DuplicateCommandError);
        expect((retry as DuplicateCommandError).existing).toEqual(record);

        const elsewhere = await rejectionOf(
          store.append('assessment-2024-SNV', events(1), options(0, { command: { commandId: command.commandId, fingerprint: 'fp-other' } })),
        );
        expect(elsewhere).toBeInstanceOf(DuplicateCommandError);
        expect((elsewhere as DuplicateCommandError).existing).toEqual(record);

        expect(await store.readStream('assessment-2024-SNV')).toEqual([]);
        expect(await store.readStream('assessment-2024-STP')).toHaveLength(2);
        expect(await store.headPosition()).toBe(3);
      });

      it('reports a retried command as a duplicate, not as a conflict, although its expectedVersion is now stale', async () => {
        const command = { commandId: 'cmd-1', fingerprint: 'fp' };
        await store.append('s', events(1), options(0, { command }));
        const retry = await rejectionOf(store.append('s', events(1), options(0, { command })));
        expect(retry).toBeInstanceOf(DuplicateCommandError);
      });

      it('finds recorded commands, and only those', async () => {
        expect(await store.findCommand('cmd-1')).toBeNull();
        const meta = metadata({ commandId: 'cmd-without-record' });
        await store.append('s', events(1), { expectedVersion: 0, metadata: meta });
        await store.append('s', events(3), options(1, { command: { commandId: 'cmd-1', fingerprint: 'abc' } }));
        expect(await store.findCommand('cmd-1')).toEqual({ commandId: 'cmd-1', fingerprint: 'abc', streamId: 's', firstPosition: 2, lastPosition: 4 });
        expect(await store.findCommand('cmd-without-record')).toBeNull();
        expect(await store.findCommand('cmd-2')).toBeNull();
      });

      it('does not record the command of a rejected append, so the handler can retry it', async () => {
        const command = { commandId: 'cmd-retry', fingerprint: 'fp' };
        await store.append('s', events(1), options(0));
        await expect(store.append('s', events(1), options(0, { command }))).rejects.toBeInstanceOf(StreamVersionConflictError);
        expect(await store.findCommand('cmd-retry')).toBeNull();

        const retried = await store.append('s', events(1), options(1, { command }));
        expect(retried.lastPosition).toBe(2);
        expect(await store.findCommand('cmd-retry')).toMatchObject({ firstPosition: 2, lastPosition: 2 });
      });

      it('lets exactly one of several concurrent appends with the same commandId through', async () => {
        const command = { commandId: 'cmd-double-click', fingerprint: 'fp' };
        const outcomes = await Promise.allSettled(['s1', 's2', 's3', 's1'].map((stream) => store.append(stream, events(1), options('any', { command }))));
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        expect(outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof DuplicateCommandError)).toHaveLength(3);
        expect(await store.headPosition()).toBe(1);
      });
    });

    describe('atomicity', () => {
      it('appends none of the events when one of them cannot be stored', async () => {
        await store.append('s', events(1), options(0));
        const command = { commandId: 'cmd-atomic', fingerprint: 'fp' };
        const batch = [newEvent('Scored', { score: 1 }), newEvent('Scored', { score: 2 }), newEvent('Scored', { score: Number.NaN })];
        await expect(store.append('s', batch, options(1, { command }))).rejects.toThrow(TypeError);
        await expect(store.append('s', [newEvent('Scored', { score: 1 }), newEvent('Scored', { big: BigInt(1) })], options(1))).rejects.toThrow(TypeError);

        expect(await store.readStream('s')).toHaveLength(1);
        expect(await store.headPosition()).toBe(1);
        expect(await store.findCommand('cmd-atomic')).toBeNull();

        const next = await store.append('s', events(2), options(1, { command }));
        expect([next.firstPosition, next.lastPosition, next.streamVersion]).toEqual([2, 3, 3]);
        expect((await verifyChain((a, l) => store.readAll(a, l))).firstBreak).toBeNull();
      });
    });

    describe('hash chain', () => {
      it('links every event to the previous one in global order, across appends and streams', async () => {
        const results = [
          await store.append('a', events(3), options(0)),
          await store.append('b', events(1), options(0)),
          await store.append('a', events(2), options(3)),
        ];
        const all = await readEverything(store);
        expect(all).toHaveLength(6);
        expect(all[0].prevHash).toBe(GENESIS_HASH);
        all.forEach((event, i) => {
          expect(event.hash).toMatch(SHA256_HEX);
          if (i > 0) expect(event.prevHash).toBe(all[i - 1].hash);
        });
        expect(new Set(all.map((e) => e.hash)).size).toBe(6);
        expect(results.flatMap((r) => r.events)).toEqual(all);

        for (const batchSize of [1, 4, 1000]) {
          const verification = await verifyChain((after, limit) => store.readAll(after, limit), batchSize);
          expect(verification).toEqual({ checked: 6, headHash: all[5].hash, firstBreak: null });
        }
      });

      it('verifies an empty log', async () => {
        expect(await verifyChain((a, l) => store.readAll(a, l))).toEqual({ checked: 0, headHash: GENESIS_HASH, firstBreak: null });
      });
    });

    describe('onAppend', () => {
      it('calls listeners after the append is committed, and stops after unsubscribing', async () => {
        const seenHeads: Array<Promise<number>> = [];
        const other = jest.fn();
        const stop = store.onAppend(() => {
          seenHeads.push(store.headPosition()); // what a follower woken by the hint would read
        });
        store.onAppend(other);

        const first = await store.append('s', events(2), options(0));
        expect(seenHeads).toHaveLength(1);
        expect(await seenHeads[0]).toBe(first.lastPosition);
        expect(other).toHaveBeenCalledTimes(1);

        await expect(store.append('s', events(1), options(0))).rejects.toBeInstanceOf(StreamVersionConflictError);
        expect(seenHeads).toHaveLength(1);
        expect(other).toHaveBeenCalledTimes(1);

        stop();
        stop(); // idempotent
        await store.append('s', events(1), options(2));
        expect(seenHeads).toHaveLength(1);
        expect(other).toHaveBeenCalledTimes(2);
      });

      it('still resolves the append when a listener throws (the events are committed)', async () => {
        const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
        try {
          const after = jest.fn();
          store.onAppend(() => {
            throw new Error('listener bug');
          });
          store.onAppend(after);
          const result = await store.append('s', events(1), options(0));
          expect(result.lastPosition).toBe(1);
          expect(after).toHaveBeenCalledTimes(1);
          expect(await store.headPosition()).toBe(1);
        } finally {
          warn.mockRestore();
        }
      });
    });

    describe('concurrent appends', () => {
      it('gives gapless global positions and a valid chain to 20 concurrent appends across 3 streams', async () => {
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.append(`stream-${i % 3}`, events(1 + (i % 2), `E${i}`), options('any'))));
        const total = results.reduce((n, r) => n + r.events.length, 0);
        expect(total).toBe(30);

        const fromResults = results.flatMap((r) => positions(r.events)).sort((x, y) => x - y);
        expect(fromResults).toEqual(oneTo(total));
        const all = await readEverything(store);
        expect(positions(all)).toEqual(oneTo(total));
        for (const stream of ['stream-0', 'stream-1', 'stream-2']) {
          const read = await store.readStream(stream);
          expect(read.map((e) => e.streamVersion)).toEqual(oneTo(read.length));
        }
        expect(await verifyChain((a, l) => store.readAll(a, l), 7)).toMatchObject({ checked: total, firstBreak: null });
      });
    });

    describe('close', () => {
      it('is idempotent and refuses work afterwards', async () => {
        await store.append('s', events(1), options(0));
        await store.close();
        await store.close();
        await expect(store.append('s', events(1), options('any'))).rejects.toThrow();
        await expect(store.readAll(0, 10)).rejects.toThrow();
      });
    });
  });
}
