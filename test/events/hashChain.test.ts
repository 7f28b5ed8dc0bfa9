import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson } from '../../src/events/canonicalJson';
import { GENESIS_HASH, type EventMetadata, type RecordedEvent } from '../../src/events/envelope';
import { canonicalTextsOf, hashEvent, sealEvents, verifyChain } from '../../src/events/hashChain';
import { toStoredEvent, toStoredMetadata } from '../../src/events/store/appendRules';

const metadata: EventMetadata = {
  actor: { sub: 'u-1', name: 'Lê Thị Thu Hà', agency: 'SNV', roles: ['COORDINATOR'] },
  commandId: 'cmd-1',
  correlationId: 'corr-1',
  causationId: 'cmd-1',
  recordedAt: '2024-06-30T08:00:00.000Z',
};

const GENESIS = { streamVersion: 0, globalPosition: 0, hash: GENESIS_HASH };

/** A readAll over an in-memory array, the way verifyChain pages through a store. */
function reader(log: RecordedEvent[]) {
  return async (after: number, limit: number) => log.filter((e) => e.globalPosition > after).slice(0, limit);
}

function withoutHash(event: RecordedEvent): Omit<RecordedEvent, 'hash'> {
  const { hash: _hash, ...rest } = event;
  return rest;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves out whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ score: 14.5, code: '1.1', note: 'Đạt' })).toBe(canonicalJson({ note: 'Đạt', code: '1.1', score: 14.5 }));
  });

  it('writes numbers the ECMAScript way and text unescaped', () => {
    expect(canonicalJson([14.5, 0.1234, 1e21, 1e-7, -0, 100])).toBe('[14.5,0.1234,1e+21,1e-7,0,100]');
    expect(canonicalJson({ name: 'Sở Nội vụ' })).toBe('{"name":"Sở Nội vụ"}');
  });

  it('keeps NFC and NFD text apart (it does not normalise Unicode)', () => {
    expect(canonicalJson('Quảng Nam'.normalize('NFC'))).not.toBe(canonicalJson('Quảng Nam'.normalize('NFD')));
  });

  it('drops undefined fields and refuses values JSON cannot carry', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson({ score: Number.NaN })).toThrow();
    expect(() => canonicalJson({ score: Number.POSITIVE_INFINITY })).toThrow();
  });
});

describe('sealEvents', () => {
  it('numbers events after the given head and links them starting from it', () => {
    const sealed = sealEvents(
      'cycle-2024',
      [
        { type: 'A', schemaVersion: 1, data: { n: 1 } },
        { type: 'B', schemaVersion: 2, data: { n: 2 } },
      ],
      metadata,
      {
        streamVersion: 4,
        globalPosition: 10,
        hash: 'f'.repeat(64),
      },
    );
    expect(sealed.map((e) => [e.streamVersion, e.globalPosition])).toEqual([
      [5, 11],
      [6, 12],
    ]);
    expect(sealed[0].prevHash).toBe('f'.repeat(64));
    expect(sealed[1].prevHash).toBe(sealed[0].hash);
    expect(sealed.map((e) => [e.streamId, e.type, e.schemaVersion])).toEqual([
      ['cycle-2024', 'A', 1],
      ['cycle-2024', 'B', 2],
    ]);
    expect(sealed[0].eventId).not.toBe(sealed[1].eventId);
  });

  it('hashes SHA-256 over prevHash and the canonical envelope without the hash', () => {
    const [event] = sealEvents('s', [{ type: 'A', schemaVersion: 1, data: { x: 1 } }], metadata, GENESIS);
    const expected = createHash('sha256')
      .update(GENESIS_HASH)
      .update(canonicalJson(withoutHash(event)))
      .digest('hex');
    expect(event.hash).toBe(expected);
    expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same hash whatever the key order of data and metadata', () => {
    const [event] = sealEvents('s', [{ type: 'A', schemaVersion: 1, data: { score: 14.5, code: '1.1', nested: { b: 2, a: 1 } } }], metadata, GENESIS);
    const reordered = withoutHash(event);
    reordered.data = { nested: { a: 1, b: 2 }, code: '1.1', score: 14.5 };
    reordered.metadata = {
      recordedAt: metadata.recordedAt,
      causationId: 'cmd-1',
      correlationId: 'corr-1',
      commandId: 'cmd-1',
      actor: { roles: ['COORDINATOR'], agency: 'SNV', name: 'Lê Thị Thu Hà', sub: 'u-1' },
    };
    expect(hashEvent(reordered)).toBe(event.hash);
  });

  it('hashes exactly what hashEvent would, for any data, stream name and type (the envelope is built from canonical parts)', () => {
    const text = fc.string({ unit: 'binary' });
    fc.assert(
      fc.property(fc.jsonValue(), text, text, text, fc.nat(), fc.nat(), (data, streamId, type, name, version, position) => {
        const meta = { ...metadata, actor: { ...metadata.actor, name } };
        const after = { streamVersion: version, globalPosition: position, hash: GENESIS_HASH };
        const [plain] = sealEvents(streamId, [{ type, schemaVersion: 1, data }], meta, after);
        expect(plain.hash).toBe(hashEvent(withoutHash(plain)));
        const stored = toStoredEvent({ type: type || 'T', schemaVersion: 2, data });
        const [prepared] = sealEvents(streamId, [stored], meta, after);
        expect(prepared.hash).toBe(hashEvent(withoutHash(prepared)));
        expect(canonicalTextsOf(prepared)).toEqual({ data: canonicalJson(prepared.data), metadata: canonicalJson(prepared.metadata) });
      }),
    );
  });

  it('refuses, before sealing, data that would not read back as given (a function, NaN, a BigInt), naming the event type', () => {
    for (const data of [{ f: () => 1 }, { score: Number.NaN }, { big: BigInt(1) }]) {
      expect(() => toStoredEvent({ type: 'Scored', schemaVersion: 1, data })).toThrow(/^data of Scored cannot be stored as JSON/);
    }
    expect(() => toStoredMetadata({ ...metadata, recordedAt: (() => 'x') as unknown as string })).toThrow(TypeError);
  });

  it('hashes metadata from the text kept when it was prepared, and from the value when the commit time replaced it', () => {
    const prepared = toStoredMetadata(metadata);
    const [event] = sealEvents('s', [toStoredEvent({ type: 'A', schemaVersion: 1, data: {} })], prepared, GENESIS);
    expect(event.hash).toBe(hashEvent(withoutHash(event)));
    const moved = { ...prepared, recordedAt: '2024-07-01T00:00:00.000Z' };
    const [later] = sealEvents('s', [toStoredEvent({ type: 'A', schemaVersion: 1, data: {} })], moved, GENESIS);
    expect(later.hash).toBe(hashEvent(withoutHash(later)));
    expect(canonicalTextsOf(later).metadata).toContain('2024-07-01T00:00:00.000Z');
  });

  it('hands the adapter the texts it hashed, even if the caller changed the event afterwards', () => {
    const [event] = sealEvents('s', [toStoredEvent({ type: 'A', schemaVersion: 1, data: { b: 2, a: 1 } })], metadata, GENESIS);
    (event.data as { a: number }).a = 99;
    expect(canonicalTextsOf(event).data).toBe('{"a":1,"b":2}');
    // An event this process did not seal (read back from a store) is serialised on demand.
    expect(canonicalTextsOf({ ...event }).data).toBe('{"a":99,"b":2}');
  });

  it('changes the hash when data, metadata, position or the previous hash change', () => {
    const [event] = sealEvents('s', [{ type: 'A', schemaVersion: 1, data: { score: 14.5 } }], metadata, GENESIS);
    const base = withoutHash(event);
    const variants: Array<Omit<RecordedEvent, 'hash'>> = [
      { ...base, data: { score: 14.6 } },
      { ...base, data: { score: '14.5' } },
      { ...base, metadata: { ...metadata, actor: { ...metadata.actor, sub: 'u-2' } } },
      { ...base, globalPosition: 2 },
      { ...base, streamVersion: 2 },
      { ...base, type: 'B' },
      { ...base, prevHash: '1'.repeat(64) },
    ];
    for (const variant of variants) expect(hashEvent(variant)).not.toBe(event.hash);
  });
});

describe('verifyChain', () => {
  function chain(length: number): RecordedEvent[] {
    const log: RecordedEvent[] = [];
    for (let i = 0; i < length; i++) {
      const head = log[log.length - 1];
      log.push(
        ...sealEvents(`s-${i % 2}`, [{ type: 'T', schemaVersion: 1, data: { i } }], metadata, {
          streamVersion: Math.floor(i / 2),
          globalPosition: head?.globalPosition ?? 0,
          hash: head?.hash ?? GENESIS_HASH,
        }),
      );
    }
    return log;
  }

  it('accepts an intact chain, in any batch size', async () => {
    const log = chain(7);
    for (const batchSize of [1, 3, 7, 100]) {
      expect(await verifyChain(reader(log), batchSize)).toEqual({ checked: 7, headHash: log[6].hash, firstBreak: null });
    }
  });

  it('accepts an empty log', async () => {
    expect(await verifyChain(reader([]))).toEqual({ checked: 0, headHash: GENESIS_HASH, firstBreak: null });
  });

  it('reports a missing position', async () => {
    const log = chain(5).filter((e) => e.globalPosition !== 3);
    const result = await verifyChain(reader(log), 2);
    expect(result.firstBreak).toEqual({ globalPosition: 3, reason: expect.stringMatching(/missing event: next stored position is 4/) });
    expect(result.checked).toBe(2);
  });

  it('reports a log that does not start at position 1', async () => {
    const result = await verifyChain(reader(chain(3).slice(1)));
    expect(result.firstBreak).toEqual({ globalPosition: 1, reason: expect.stringMatching(/missing/) });
  });

  it('reports changed content at the changed event, with the head hash verified so far', async () => {
    const log = chain(5);
    log[3] = { ...log[3], data: { i: 99 } };
    expect(await verifyChain(reader(log))).toEqual({
      checked: 3,
      headHash: log[2].hash,
      firstBreak: { globalPosition: 4, reason: expect.stringMatching(/content/) },
    });
  });

  it('reports a broken link when a changed event was re-hashed', async () => {
    const log = chain(5);
    const forged = { ...withoutHash(log[1]), data: { i: 99 } };
    log[1] = { ...forged, hash: hashEvent(forged) };
    expect((await verifyChain(reader(log))).firstBreak).toEqual({ globalPosition: 3, reason: expect.stringMatching(/prevHash/) });
  });

  it('reports a first event that does not link to the genesis hash', async () => {
    const log = sealEvents('s', [{ type: 'T', schemaVersion: 1, data: {} }], metadata, { streamVersion: 0, globalPosition: 0, hash: 'a'.repeat(64) });
    expect((await verifyChain(reader(log))).firstBreak).toEqual({ globalPosition: 1, reason: expect.stringMatching(/prevHash/) });
  });
});
