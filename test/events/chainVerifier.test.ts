import { ChainVerifier, FullVerificationTooSoonError } from '../../src/events/chainVerifier';
import { GENESIS_HASH, type EventMetadata, type RecordedEvent } from '../../src/events/envelope';
import { sealEvents, verifyChain } from '../../src/events/hashChain';
import { CorruptEventError, rememberStoredText } from '../../src/events/storedEvent';

const metadata: EventMetadata = {
  actor: { sub: 'u-1', name: 'Lê Thị Thu Hà', agency: 'SNV', roles: ['INSPECTOR'] },
  commandId: 'cmd-1',
  correlationId: 'corr-1',
  causationId: 'cmd-1',
  recordedAt: '2024-06-30T08:00:00.000Z',
};

/** An append-only log in an array, whose reads are counted the way a store's rows would be. */
class CountingLog {
  readonly events: RecordedEvent[] = [];
  rowsRead = 0;
  /** Positions whose row "cannot be decoded", as a damaged SQL row would. */
  readonly corrupt = new Set<number>();

  append(count: number): void {
    for (let i = 0; i < count; i++) {
      const head = this.events[this.events.length - 1];
      const n = this.events.length;
      this.events.push(
        ...sealEvents(`s-${n % 3}`, [{ type: 'T', schemaVersion: 1, data: { n } }], metadata, {
          streamVersion: Math.floor(n / 3),
          globalPosition: head?.globalPosition ?? 0,
          hash: head?.hash ?? GENESIS_HASH,
        }),
      );
    }
  }

  readonly readAll = async (after: number, limit: number): Promise<RecordedEvent[]> => {
    const batch = this.events.filter((e) => e.globalPosition > after).slice(0, limit);
    for (const event of batch) if (this.corrupt.has(event.globalPosition)) throw new CorruptEventError(event.globalPosition, 'data is not valid JSON');
    this.rowsRead += batch.length;
    return batch;
  };

  /** Changes an event's data in place, as someone with write access to the database could. */
  tamper(position: number, data: unknown): void {
    const index = position - 1;
    this.events[index] = { ...this.events[index], data };
  }
}

function memoryMeta() {
  const values = new Map<string, string>();
  return { getMeta: async (key: string) => values.get(key) ?? null, setMeta: async (key: string, value: string) => void values.set(key, value) };
}

function setup(intervalSeconds = 300) {
  const log = new CountingLog();
  let now = new Date('2026-01-10T08:00:00Z');
  const clock = { advance: (seconds: number) => (now = new Date(now.getTime() + seconds * 1000)) };
  const verifier = new ChainVerifier(log.readAll, memoryMeta(), { fullIntervalMs: intervalSeconds * 1000, now: () => now, batchSize: 4 });
  return { log, clock, verifier };
}

describe('ChainVerifier', () => {
  it('checks the whole log the first time, then only what was appended since (and the kept head again)', async () => {
    const { log, verifier } = setup();
    log.append(10);
    const first = await verifier.verify({ full: false });
    expect(first).toMatchObject({ checked: 10, headHash: log.events[9].hash, firstBreak: null, incremental: false, checkedFrom: 1 });
    expect(log.rowsRead).toBe(10);

    log.rowsRead = 0;
    log.append(3);
    const second = await verifier.verify({ full: false });
    expect(second).toMatchObject({ checked: 13, headHash: log.events[12].hash, firstBreak: null, incremental: true, checkedFrom: 10 });
    expect(log.rowsRead).toBe(1 + 3); // the kept head and the three new events

    log.rowsRead = 0;
    expect(await verifier.verify({ full: false })).toMatchObject({ checked: 13, firstBreak: null, checkedFrom: 13 });
    expect(log.rowsRead).toBe(1);
  });

  it('misses tampering below the kept head until a full re-check, which finds it', async () => {
    const { log, verifier } = setup();
    log.append(8);
    await verifier.verify({ full: false });
    log.tamper(3, { n: 99 });

    expect((await verifier.verify({ full: false })).firstBreak).toBeNull();
    const full = await verifier.verify({ full: true });
    expect(full).toMatchObject({
      checked: 2,
      headHash: log.events[1].hash,
      incremental: false,
      checkedFrom: 1,
      firstBreak: { globalPosition: 3, reason: expect.stringMatching(/content/) },
    });
    // The kept head moved back below the break, so ordinary checks keep reporting it.
    expect((await verifier.verify({ full: false })).firstBreak).toMatchObject({ globalPosition: 3 });
  });

  it('reports a rewritten kept head at its position, even when the rewrite was re-hashed and re-linked', async () => {
    const { log, verifier } = setup();
    log.append(6);
    await verifier.verify({ full: false });
    // Rewrite events 1..6 with a consistent new chain: only the kept hash tells.
    const forged = new CountingLog();
    forged.append(5);
    forged.events.push(
      ...sealEvents('s-2', [{ type: 'T', schemaVersion: 1, data: { n: 'forged' } }], metadata, {
        streamVersion: 1,
        globalPosition: 5,
        hash: forged.events[4].hash,
      }),
    );
    log.events.splice(0, 6, ...forged.events);
    expect(await verifyChain(log.readAll)).toMatchObject({ firstBreak: null });

    const result = await verifier.verify({ full: false });
    expect(result).toMatchObject({
      checked: 5,
      incremental: true,
      checkedFrom: 6,
      firstBreak: { globalPosition: 6, reason: expect.stringMatching(/no longer matches.*full: true/) },
    });
  });

  it('reports a kept head that disappeared or cannot be decoded', async () => {
    const { log, verifier } = setup();
    log.append(5);
    await verifier.verify({ full: false });
    log.corrupt.add(5);
    expect((await verifier.verify({ full: false })).firstBreak).toMatchObject({ globalPosition: 5, reason: expect.stringMatching(/cannot be decoded/) });
    log.corrupt.clear();
    log.events.pop();
    expect((await verifier.verify({ full: false })).firstBreak).toMatchObject({ globalPosition: 5, reason: expect.stringMatching(/missing/) });
  });

  it('allows one full check per interval and says when the next is allowed', async () => {
    const { log, clock, verifier } = setup(300);
    log.append(4);
    expect(await verifier.verify({ full: true })).toMatchObject({ checked: 4, incremental: false, checkedFrom: 1 });

    clock.advance(299);
    const refused = await verifier.verify({ full: true }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FullVerificationTooSoonError);
    expect((refused as FullVerificationTooSoonError).allowedAt).toEqual(new Date('2026-01-10T08:05:00Z'));
    // An ordinary check is never refused.
    expect(await verifier.verify({ full: false })).toMatchObject({ checked: 4, incremental: true });

    clock.advance(1);
    expect(await verifier.verify({ full: true })).toMatchObject({ checked: 4, checkedFrom: 1 });
  });

  it('lets concurrent checks share one run instead of each reading the log', async () => {
    const { log, verifier } = setup();
    log.append(20);
    const results = await Promise.all(Array.from({ length: 50 }, () => verifier.verify({ full: false })));
    expect(new Set(results.map((r) => r.checked))).toEqual(new Set([20]));
    expect(log.rowsRead).toBe(20);
  });

  it('starts from the genesis again when the kept head is unreadable', async () => {
    const log = new CountingLog();
    log.append(3);
    const meta = memoryMeta();
    await meta.setMeta('log-verification:head', 'not json');
    const verifier = new ChainVerifier(log.readAll, meta, { fullIntervalMs: 0 });
    expect(await verifier.verify({ full: false })).toMatchObject({ checked: 3, incremental: false, checkedFrom: 1 });
  });
});

describe('verifyChain on rows that cannot be decoded', () => {
  it('reports the undecodable row at its position, with the rows before it checked', async () => {
    const log = new CountingLog();
    log.append(9);
    log.corrupt.add(6);
    expect(await verifyChain(log.readAll, 4)).toEqual({
      checked: 5,
      headHash: log.events[4].hash,
      firstBreak: { globalPosition: 6, reason: expect.stringMatching(/cannot be decoded: data is not valid JSON/) },
    });
  });

  it('reports an earlier break in the same batch first', async () => {
    const log = new CountingLog();
    log.append(9);
    log.tamper(5, { n: 'changed' });
    log.corrupt.add(7);
    expect((await verifyChain(log.readAll, 100)).firstBreak).toEqual({ globalPosition: 5, reason: expect.stringMatching(/content/) });
  });

  it('reports a missing position before an undecodable row after the gap', async () => {
    const log = new CountingLog();
    log.append(6);
    log.events.splice(2, 1); // position 3 gone
    log.corrupt.add(5);
    expect((await verifyChain(log.readAll, 100)).firstBreak).toEqual({
      globalPosition: 3,
      reason: expect.stringMatching(/missing event: next stored position is 4/),
    });
    log.corrupt.add(4);
    expect((await verifyChain(log.readAll, 100)).firstBreak).toEqual({
      globalPosition: 3,
      reason: expect.stringMatching(/missing event: the next stored row \(position 4\) cannot be decoded/),
    });
  });

  it('reports stored text that is not the canonical form the hash was computed over', async () => {
    const log = new CountingLog();
    log.append(3);
    const [first, second] = log.events;
    rememberStoredText(first, { data: '{"n":0}', metadata: JSON.stringify(first.metadata) });
    expect((await verifyChain(async (after, limit) => log.events.filter((e) => e.globalPosition > after).slice(0, limit))).firstBreak).toEqual({
      globalPosition: 1,
      reason: 'metadata is not stored in its canonical form',
    });
    rememberStoredText(first, { data: '{ "n":0}' });
    rememberStoredText(second, { data: '{"n":1}' });
    expect((await verifyChain(async (after, limit) => log.events.filter((e) => e.globalPosition > after).slice(0, limit))).firstBreak).toEqual({
      globalPosition: 1,
      reason: 'data is not stored in its canonical form',
    });
  });
});
