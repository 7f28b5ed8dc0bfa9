import type { Filter, FindOptions, ReadStore } from '../../src/projections/store/readStore';

/**
 * The behaviour every ReadStore adapter must share. Documents carry their id in `key` so that results show
 * which documents came back and in what order.
 *
 * Left open on purpose (adapters differ and read models do not need it): the relative order of booleans and
 * values of other types, and of objects/arrays against strings or each other, when sorting a field whose type
 * varies between documents.
 */
export interface ReadStoreFixture {
  store: ReadStore;
  cleanup: () => Promise<void>;
}

interface Keyed {
  key: string;
}

export function readStoreContract(name: string, create: () => Promise<ReadStoreFixture>): void {
  describe(`ReadStore contract: ${name}`, () => {
    let store: ReadStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await create());
    });

    afterEach(async () => {
      await cleanup();
    });

    /** Writes in reverse order, so that returning documents in insertion order cannot pass for id order. */
    async function seed(collection: string, docs: Record<string, object>, position = 1): Promise<void> {
      await store.write(
        Object.entries(docs)
          .reverse()
          .map(([id, doc]) => ({ collection, id, doc: { key: id, ...doc }, position })),
        [],
      );
    }

    async function keys(collection: string, options?: FindOptions): Promise<string[]> {
      return (await store.find<Keyed>(collection, options)).map((doc) => doc.key);
    }

    async function keysWhere(filter: Filter): Promise<string[]> {
      return keys('items', { filter });
    }

    describe('documents', () => {
      it('get returns the document with the position of its last write', async () => {
        await store.write([{ collection: 'agencies', id: 'SNV', doc: { name: 'Sở Nội vụ' }, position: 42 }], []);
        expect(await store.get('agencies', 'SNV')).toEqual({ doc: { name: 'Sở Nội vụ' }, position: 42 });
      });

      it('positionOf follows the position of the last write without the document, null when absent', async () => {
        await store.write([{ collection: 'agencies', id: 'SNV', doc: { name: 'Sở Nội vụ' }, position: 42 }], []);
        expect(await store.positionOf('agencies', 'SNV')).toBe(42);
        await store.write([{ collection: 'agencies', id: 'SNV', doc: { name: 'Sở Nội vụ' }, position: 57 }], []);
        expect(await store.positionOf('agencies', 'SNV')).toBe(57);
        expect(await store.positionOf('agencies', 'STP')).toBeNull();
        expect(await store.positionOf('nothingHere', 'SNV')).toBeNull();
      });

      it('get returns null for a missing id and for an unknown collection', async () => {
        await seed('agencies', { SNV: {} });
        expect(await store.get('agencies', 'STP')).toBeNull();
        expect(await store.get('nothingHere', 'SNV')).toBeNull();
      });

      it('round-trips JSON values exactly', async () => {
        const doc = {
          text: 'Ủy ban nhân dân tỉnh Quảng Nam',
          empty: '',
          integer: 9007199254740991,
          negative: -17,
          fraction: 0.125,
          zero: 0,
          yes: true,
          no: false,
          nothing: null,
          list: [1, 'hai', false, null, { ba: 3 }, [4]],
          emptyList: [],
          nested: { level: { deeper: { value: 'sâu' } }, emptyObject: {} },
          quotes: `it's "quoted" \\ and \n new line`,
        };
        await store.write([{ collection: 'json', id: 'x', doc, position: 1 }], []);
        expect((await store.get('json', 'x'))?.doc).toStrictEqual(doc);
        expect(await store.find('json')).toStrictEqual([doc]);
      });

      it('round-trips keys and nesting that document databases reserve or restrict', async () => {
        // MongoDB-protocol servers reject '.' and a leading '$' in keys; FerretDB 1.x also arrays in arrays.
        const doc = {
          'a.b': 1,
          $set: { 'x.y': ['$', '.'] },
          cost$: 2,
          '%2E': 'looks escaped',
          '%a': [[1]],
          '': 'empty key',
          'nul\u0000key': true,
          matrix: [[1, 2], [], [[3, [4]]], [{ 'k.k': [[null]] }]],
        };
        await store.write([{ collection: 'json', id: 'x', doc, position: 1 }], []);
        expect((await store.get('json', 'x'))?.doc).toStrictEqual(doc);
        expect(await store.find('json')).toStrictEqual([doc]);
        // The elements of `matrix` are arrays and objects: none equals a scalar, null included.
        expect(await store.count('json', { matrix: null })).toBe(0);
        expect(await store.count('json', { matrix: 1 })).toBe(0);
      });

      it('keeps Vietnamese text exact, without Unicode normalisation', async () => {
        const composed = 'Tiếng Việt: Đà Nẵng, Quảng Nam, Thừa Thiên Huế';
        const decomposed = composed.normalize('NFD');
        expect(decomposed).not.toBe(composed);
        await seed('places', { nfc: { name: composed }, nfd: { name: decomposed } });
        expect((await store.get<{ name: string }>('places', 'nfc'))?.doc.name).toBe(composed);
        expect((await store.get<{ name: string }>('places', 'nfd'))?.doc.name).toBe(decomposed);
        expect(await keys('places', { filter: { name: composed } })).toEqual(['nfc']);
        expect(await keys('places', { filter: { name: decomposed } })).toEqual(['nfd']);
      });

      it('stores documents as JSON: undefined members vanish and Dates become ISO strings', async () => {
        const doc = { kept: 1, dropped: undefined, at: new Date('2024-02-29T12:00:00.000Z') };
        await store.write([{ collection: 'json', id: 'x', doc, position: 1 }], []);
        expect((await store.get('json', 'x'))?.doc).toStrictEqual({ kept: 1, at: '2024-02-29T12:00:00.000Z' });
      });

      it('never shares objects with callers', async () => {
        const written = { list: [1], nested: { value: 'a' } };
        await store.write([{ collection: 'json', id: 'x', doc: written, position: 1 }], []);
        written.list.push(2);
        written.nested.value = 'changed after write';

        const got = await store.get<typeof written>('json', 'x');
        got!.doc.nested.value = 'changed after get';
        const [found] = await store.find<typeof written>('json');
        found.list.push(3);
        const many = await store.getMany<typeof written>('json', ['x']);
        many.get('x')!.doc.nested.value = 'changed after getMany';

        expect((await store.get('json', 'x'))?.doc).toStrictEqual({ list: [1], nested: { value: 'a' } });
      });

      it('keeps collections apart', async () => {
        await store.write(
          [
            { collection: 'first', id: 'same', doc: { in: 'first' }, position: 1 },
            { collection: 'second', id: 'same', doc: { in: 'second' }, position: 1 },
          ],
          [],
        );
        expect((await store.get('first', 'same'))?.doc).toEqual({ in: 'first' });
        expect((await store.get('second', 'same'))?.doc).toEqual({ in: 'second' });
        expect(await store.count('first')).toBe(1);
      });

      it('accepts writes to a collection that was never ensured', async () => {
        await seed('adHoc', { a: {} });
        expect(await keys('adHoc')).toEqual(['a']);
      });
    });

    describe('write positions', () => {
      it('replaces a document only when the write has a greater position', async () => {
        const write = (version: string, position: number) => store.write([{ collection: 'scores', id: 'a', doc: { version }, position }], []);
        await write('first', 5);
        await write('same position', 5);
        await write('older', 3);
        expect(await store.get('scores', 'a')).toEqual({ doc: { version: 'first' }, position: 5 });
        await write('newer', 6);
        expect(await store.get('scores', 'a')).toEqual({ doc: { version: 'newer' }, position: 6 });
      });

      it('writes an absent document at any position, including 0', async () => {
        await store.write([{ collection: 'scores', id: 'a', doc: { v: 0 }, position: 0 }], []);
        expect(await store.get('scores', 'a')).toEqual({ doc: { v: 0 }, position: 0 });
      });

      it('applies the writes of one batch in order, each against the position before it', async () => {
        await store.write(
          [
            { collection: 'scores', id: 'a', doc: { v: 'p2' }, position: 2 },
            { collection: 'scores', id: 'a', doc: { v: 'p4' }, position: 4 },
            { collection: 'scores', id: 'a', doc: { v: 'p3' }, position: 3 },
            { collection: 'scores', id: 'a', doc: { v: 'p4 again' }, position: 4 },
            { collection: 'scores', id: 'b', doc: { v: 'b1' }, position: 1 },
          ],
          [],
        );
        expect(await store.get('scores', 'a')).toEqual({ doc: { v: 'p4' }, position: 4 });
        expect(await store.get('scores', 'b')).toEqual({ doc: { v: 'b1' }, position: 1 });
      });

      it('applies the newer writes of a batch that also replays older ones, across many documents', async () => {
        const ids = Array.from({ length: 40 }, (_, i) => `d${String(i).padStart(2, '0')}`);
        await store.write(
          ids.map((id) => ({ collection: 'scores', id, doc: { v: 'first' }, position: 10 })),
          [],
        );
        // Every third write is a replay (same or older position), the others move their document on.
        const replayed = (i: number) => i % 3 === 0;
        const positionOf = (i: number) => (replayed(i) ? 10 - (i % 2) : 11 + i);
        await store.write(
          ids.map((id, i) => ({ collection: 'scores', id, doc: { v: `second ${i}` }, position: positionOf(i) })),
          [],
        );
        const stored = await store.getMany<{ v: string }>('scores', ids);
        ids.forEach((id, i) => {
          expect(stored.get(id)).toEqual(replayed(i) ? { doc: { v: 'first' }, position: 10 } : { doc: { v: `second ${i}` }, position: 11 + i });
        });
        expect(await store.count('scores')).toBe(40);
      });

      it('rejects an invalid batch before writing any of it', async () => {
        const valid = { collection: 'scores', id: 'ok', doc: {}, position: 1 };
        await expect(store.write([valid, { ...valid, id: 'bad', position: -1 }], [])).rejects.toThrow(/position/);
        await expect(store.write([valid, { ...valid, id: 'bad', position: 1.5 }], [])).rejects.toThrow(/position/);
        await expect(store.write([valid, { ...valid, collection: 'bad-name' }], [])).rejects.toThrow('bad-name');
        await expect(store.write([valid, { ...valid, id: 'bad', doc: undefined }], [])).rejects.toThrow(/JSON/);
        await expect(store.write([valid], [{ projection: 'p', position: Number.NaN }])).rejects.toThrow(/position/);
        expect(await store.get('scores', 'ok')).toBeNull();
        expect(await store.checkpoint('p')).toBe(0);
      });
    });

    describe('checkpoints', () => {
      it('is 0 for a projection that never ran', async () => {
        expect(await store.checkpoint('agencyView')).toBe(0);
      });

      it('only ever increases', async () => {
        await store.write([], [{ projection: 'agencyView', position: 5 }]);
        await store.write([], [{ projection: 'agencyView', position: 3 }]);
        expect(await store.checkpoint('agencyView')).toBe(5);
        await store.write([], [{ projection: 'agencyView', position: 5 }]);
        await store.write([], [{ projection: 'agencyView', position: 7 }]);
        expect(await store.checkpoint('agencyView')).toBe(7);
      });

      it('keeps the highest of several in one batch', async () => {
        await store.write(
          [],
          [
            { projection: 'agencyView', position: 9 },
            { projection: 'agencyView', position: 4 },
          ],
        );
        expect(await store.checkpoint('agencyView')).toBe(9);
      });

      it('is kept per projection and written together with documents', async () => {
        await store.write(
          [{ collection: 'agencies', id: 'SNV', doc: {}, position: 12 }],
          [
            { projection: 'agencyView', position: 12 },
            { projection: 'rankingView', position: 8 },
          ],
        );
        expect(await store.checkpoint('agencyView')).toBe(12);
        expect(await store.checkpoint('rankingView')).toBe(8);
        expect(await store.checkpoint('auditView')).toBe(0);
        expect((await store.get('agencies', 'SNV'))?.position).toBe(12);
      });
    });

    describe('getMany', () => {
      it('returns the documents that exist, keyed by id', async () => {
        await seed('agencies', { SNV: { n: 1 }, STP: { n: 2 } }, 3);
        const found = await store.getMany<Keyed & { n: number }>('agencies', ['STP', 'missing', 'SNV', 'STP']);
        expect([...found.keys()].sort()).toEqual(['SNV', 'STP']);
        expect(found.get('STP')).toEqual({ doc: { key: 'STP', n: 2 }, position: 3 });
        expect(found.has('missing')).toBe(false);
      });

      it('is empty for no ids and for an unknown collection', async () => {
        await seed('agencies', { SNV: {} });
        expect((await store.getMany('agencies', [])).size).toBe(0);
        expect((await store.getMany('nothingHere', ['SNV'])).size).toBe(0);
      });
    });

    // Adapters may plan queries on indexed fields differently (SQLite does): the answers must not change.
    const filteredFields = ['name', 'score', 'ratio', 'active', 'tags', 'nums', 'at', 'area', 'area.code', 'note'];
    describe.each([
      ['without indexes', []],
      ['with an index on each filtered field', [...filteredFields.map((field) => [field]), ['area.level.n', 'score']]],
    ])('filters (%s)', (_, indexes: string[][]) => {
      beforeEach(async () => {
        await store.ensureCollection({ name: 'items', indexes });
        await seed('items', {
          a: {
            name: 'Sở Nội vụ',
            score: 10,
            ratio: 0.5,
            active: true,
            tags: ['core', 'hr'],
            nums: [1, 2],
            at: '2024-01-15T08:00:00.000Z',
            area: { code: 'A1', level: { n: 1 } },
            note: null,
          },
          b: {
            name: 'Sở Tư pháp',
            score: 2,
            ratio: 1.5,
            active: false,
            tags: ['legal'],
            nums: [3],
            at: '2024-03-01T00:00:00.000Z',
            area: { code: 'A2', level: { n: 2 } },
          },
          // Same-looking values of other types: a string score, a numeric `active`, an `area` that is no object.
          c: { name: 'Sở Tài chính', score: '10', active: 1, tags: [], at: '2023-12-31T23:59:59.999Z', area: 'A1' },
          d: {
            name: 'UBND thành phố Hội An',
            score: 7,
            active: null,
            tags: ['core', null],
            at: '2024-01-15T08:00:00.001Z',
            area: { code: 'A1' },
            note: 'x',
          },
          e: { name: 'Đà Nẵng', score: -3, tags: 'core', area: { code: ['A1', 'A3'] } },
        });
      });

      it('without a filter returns every document in id order', async () => {
        expect(await keys('items')).toEqual(['a', 'b', 'c', 'd', 'e']);
      });

      it('a plain value is equality, also for Vietnamese text', async () => {
        expect(await keysWhere({ name: 'Sở Tư pháp' })).toEqual(['b']);
        expect(await keysWhere({ name: 'Đà Nẵng' })).toEqual(['e']);
        expect(await keysWhere({ name: 'Da Nang' })).toEqual([]);
      });

      it('equality is type-strict', async () => {
        expect(await keysWhere({ score: 10 })).toEqual(['a']);
        expect(await keysWhere({ score: '10' })).toEqual(['c']);
        expect(await keysWhere({ active: true })).toEqual(['a']);
        expect(await keysWhere({ active: 1 })).toEqual(['c']);
        expect(await keysWhere({ active: false })).toEqual(['b']);
        expect(await keysWhere({ active: 0 })).toEqual([]);
      });

      it('$eq is the same as a plain value', async () => {
        expect(await keysWhere({ score: { $eq: 10 } })).toEqual(['a']);
        expect(await keysWhere({ active: { $eq: false } })).toEqual(['b']);
      });

      it('follows nested paths through objects only', async () => {
        expect(await keysWhere({ 'area.level.n': 2 })).toEqual(['b']);
        expect(await keysWhere({ 'area.code': 'A2' })).toEqual(['b']);
        // c.area is a string, so c.area.code is missing
        expect(await keysWhere({ 'area.code': null })).toEqual(['c']);
        // nor through null or arrays, whose own properties (like length) are not fields
        expect(await keysWhere({ 'active.deep': null })).toEqual(['a', 'b', 'c', 'd', 'e']);
        expect(await keysWhere({ 'tags.length': 2 })).toEqual([]);
      });

      it('does not reach into the objects of an array: a path through an array is missing', async () => {
        await seed('lists', {
          l1: { list: [{ b: 1 }, { b: 2 }] },
          l2: { list: { b: 1 } },
          l3: { list: [] },
          l4: { list: [{ c: 1 }, [{ b: 1 }]] },
          l5: { deep: { list: [{ b: { c: 'x' } }] } },
          l6: { deep: { list: { b: { c: 'x' } } } },
        });
        const where = (filter: Filter) => keys('lists', { filter });
        expect(await where({ 'list.b': 1 })).toEqual(['l2']);
        expect(await where({ 'list.b': { $in: [1, 2] } })).toEqual(['l2']);
        expect(await where({ 'list.b': { $gte: 0 } })).toEqual(['l2']);
        expect(await where({ 'list.b': null })).toEqual(['l1', 'l3', 'l4', 'l5', 'l6']);
        expect(await where({ 'list.b': { $in: [null, 1] } })).toEqual(['l1', 'l2', 'l3', 'l4', 'l5', 'l6']);
        expect(await where({ 'deep.list.b.c': 'x' })).toEqual(['l6']);
        expect(await where({ 'deep.list.b.c': { $lte: 'x' } })).toEqual(['l6']);
        expect(await where({ 'deep.list.b.c': null })).toEqual(['l1', 'l2', 'l3', 'l4', 'l5']);
        expect(await store.count('lists', { 'list.b': 2 })).toBe(0);
      });

      it('equality on an array-valued field matches when an element is equal', async () => {
        expect(await keysWhere({ tags: 'core' })).toEqual(['a', 'd', 'e']);
        expect(await keysWhere({ tags: 'legal' })).toEqual(['b']);
        expect(await keysWhere({ tags: { $eq: 'hr' } })).toEqual(['a']);
        expect(await keysWhere({ nums: 2 })).toEqual(['a']);
        expect(await keysWhere({ nums: '2' })).toEqual([]);
        expect(await keysWhere({ nums: { $in: [3, 9] } })).toEqual(['b']);
        expect(await keysWhere({ 'area.code': 'A3' })).toEqual(['e']);
        expect(await keysWhere({ 'area.code': 'A1' })).toEqual(['a', 'd', 'e']);
      });

      it('null matches null, a missing field and an array containing null', async () => {
        expect(await keysWhere({ note: null })).toEqual(['a', 'b', 'c', 'e']);
        expect(await keysWhere({ active: null })).toEqual(['d', 'e']);
        expect(await keysWhere({ active: { $eq: null } })).toEqual(['d', 'e']);
        expect(await keysWhere({ tags: null })).toEqual(['d']);
        expect(await keysWhere({ 'no.such.path': null })).toEqual(['a', 'b', 'c', 'd', 'e']);
      });

      it('a missing field matches no other value and no range', async () => {
        expect(await keysWhere({ note: 'x' })).toEqual(['d']);
        expect(await keysWhere({ 'no.such.path': 1 })).toEqual([]);
        expect(await keysWhere({ ratio: { $gte: -1000 } })).toEqual(['a', 'b']);
        expect(await keysWhere({ at: { $gte: '' } })).toEqual(['a', 'b', 'c', 'd']);
      });

      it('$in matches any listed value; an empty list matches nothing', async () => {
        expect(await keysWhere({ score: { $in: [2, 7, 'x'] } })).toEqual(['b', 'd']);
        expect(await keysWhere({ score: { $in: ['10', -3] } })).toEqual(['c', 'e']);
        expect(await keysWhere({ active: { $in: [null, false] } })).toEqual(['b', 'd', 'e']);
        expect(await keysWhere({ score: { $in: [] } })).toEqual([]);
      });

      it('$in with thousands of values matches as a short list does (a reader’s visible streams)', async () => {
        const many = Array.from({ length: 3000 }, (_, i) => [`none-${i}`, 100000 + i]).flat();
        expect(await keysWhere({ score: { $in: [...many, 2, 7, 'x'] } })).toEqual(['b', 'd']);
        expect(await keysWhere({ score: { $in: [...many, '10', -3] } })).toEqual(['c', 'e']);
        expect(await keysWhere({ active: { $in: [...many, null, false] } })).toEqual(['b', 'd', 'e']);
        expect(await keysWhere({ tags: { $in: [...many, 'legal'] } })).toEqual(['b']);
        expect(await keysWhere({ nums: { $in: [...many, 3, 9] } })).toEqual(['b']);
        expect(await keysWhere({ nums: { $in: [...many, '3'] } })).toEqual([]);
      });

      it('$gt, $gte, $lt and $lte compare numbers numerically', async () => {
        expect(await keysWhere({ score: { $gt: 2 } })).toEqual(['a', 'd']);
        expect(await keysWhere({ score: { $gte: 2 } })).toEqual(['a', 'b', 'd']);
        expect(await keysWhere({ score: { $lt: 2 } })).toEqual(['e']);
        expect(await keysWhere({ score: { $lte: 2 } })).toEqual(['b', 'e']);
        expect(await keysWhere({ score: { $gt: 9 } })).toEqual(['a']); // 10 > 9, though '10' < '9' as text
        expect(await keysWhere({ ratio: { $gt: 0.5 } })).toEqual(['b']);
        expect(await keysWhere({ ratio: { $gte: 0.5 } })).toEqual(['a', 'b']);
      });

      it('operators on one field are ANDed', async () => {
        expect(await keysWhere({ score: { $gt: 0, $lt: 10 } })).toEqual(['b', 'd']);
        expect(await keysWhere({ score: { $gte: 2, $lte: 7, $in: [7, 10] } })).toEqual(['d']);
        expect(await keysWhere({ score: { $gt: 5, $lt: 5 } })).toEqual([]);
      });

      it('ranges on ISO timestamps compare chronologically', async () => {
        expect(await keysWhere({ at: { $gte: '2024-01-15T08:00:00.000Z', $lt: '2024-03-01T00:00:00.000Z' } })).toEqual(['a', 'd']);
        expect(await keysWhere({ at: { $gt: '2024-01-15T08:00:00.000Z' } })).toEqual(['b', 'd']);
        expect(await keysWhere({ at: { $lt: '2024' } })).toEqual(['c']);
      });

      it('ranges match only values of the bound’s type: never booleans, null or arrays', async () => {
        expect(await keysWhere({ score: { $gte: '' } })).toEqual(['c']);
        expect(await keysWhere({ active: { $gte: 0 } })).toEqual(['c']);
        expect(await keysWhere({ nums: { $gt: 0 } })).toEqual([]);
        expect(await keysWhere({ tags: { $gte: '' } })).toEqual(['e']);
        expect(await keysWhere({ note: { $lte: 'zzz' } })).toEqual(['d']);
      });

      it('an object value never equals a scalar', async () => {
        expect(await keysWhere({ area: 'A1' })).toEqual(['c']);
        expect(await keysWhere({ 'area.level': 1 })).toEqual([]);
      });

      it('several fields are ANDed', async () => {
        expect(await keysWhere({ tags: 'core', score: { $gte: 7 } })).toEqual(['a', 'd']);
        expect(await keysWhere({ 'area.code': 'A1', active: true })).toEqual(['a']);
        expect(await keysWhere({ tags: 'core', active: false })).toEqual([]);
      });

      it('ignores conditions and operators whose value is undefined', async () => {
        expect(await keysWhere({ score: { $gt: undefined, $lt: 5 } })).toEqual(['b', 'e']);
        expect(await keysWhere({ score: { $gte: undefined } })).toEqual(['a', 'b', 'c', 'd', 'e']);
      });

      it('treats values as data, never as query text', async () => {
        const tricky = `x' OR '1'='1"); DROP TABLE documents; --`;
        await seed('items', { z: { name: tricky } });
        expect(await keysWhere({ name: "x' OR '1'='1" })).toEqual([]);
        expect(await keysWhere({ name: tricky })).toEqual(['z']);
        expect(await store.count('items')).toBe(6);
      });

      it('count applies the same filters', async () => {
        expect(await store.count('items')).toBe(5);
        expect(await store.count('items', { tags: 'core' })).toBe(3);
        expect(await store.count('items', { score: { $gt: 2 } })).toBe(2);
        expect(await store.count('items', { note: null, score: { $lt: 5 } })).toBe(2);
        expect(await store.count('items', { score: { $in: [] } })).toBe(0);
      });

      it('an unknown collection finds nothing and counts 0', async () => {
        expect(await store.find('nothingHere', { filter: { score: 1 } })).toEqual([]);
        expect(await store.count('nothingHere')).toBe(0);
      });

      it('rejects an invalid field path with an error naming it', async () => {
        await expect(store.find('items', { filter: { 'area..code': 1 } })).rejects.toThrow('area..code');
        await expect(store.find('items', { filter: { '1st': 1 } })).rejects.toThrow('1st');
        await expect(store.count('items', { "x') OR 1=1 --": 1 })).rejects.toThrow("x') OR 1=1 --");
        await expect(store.find('items', { sort: [{ field: 'score-desc', direction: 1 }] })).rejects.toThrow('score-desc');
        await expect(store.find('nothingHere', { filter: { 'a b': 1 } })).rejects.toThrow('a b');
      });

      it('rejects unknown operators and operands of the wrong type', async () => {
        const unknownOperator = { score: { $ne: 1 } } as unknown as Filter;
        await expect(store.find('items', { filter: unknownOperator })).rejects.toThrow('$ne');
        // An object is not a value to compare with: its keys are read as (unknown) operators.
        const objectValue = { area: { code: 'A1' } } as unknown as Filter;
        await expect(store.find('items', { filter: objectValue })).rejects.toThrow('code');
        const booleanBound = { score: { $gt: true } } as unknown as Filter;
        await expect(store.find('items', { filter: booleanBound })).rejects.toThrow('$gt');
        const inNotArray = { score: { $in: 'abc' } } as unknown as Filter;
        await expect(store.count('items', inNotArray)).rejects.toThrow('$in');
        await expect(store.find('items', { filter: { score: Number.NaN } })).rejects.toThrow('score');
      });
    });

    describe('sort and limit', () => {
      beforeEach(async () => {
        await seed('people', {
          p1: { name: 'Hà Nội', group: 'B', rank: 2, at: '2024-05-01T00:00:00Z', flag: true, loc: { y: 3 } },
          p2: { name: 'Đà Nẵng', group: 'A', rank: 10, flag: false, loc: { y: 1 } },
          p3: { name: 'Hội An', group: 'B', rank: 2, at: null, flag: true, loc: { y: 2 } },
          p4: { name: 'An Giang', group: 'A', rank: 1, at: '2023-01-01T00:00:00Z' },
          p5: { name: 'Huế', group: 'B', rank: 2, at: '2024-01-01T00:00:00Z', flag: false, loc: 'x' },
        });
      });

      const by = (field: string, direction: 1 | -1 = 1) => ({ field, direction });

      it('sorts numbers numerically, ties by id ascending', async () => {
        expect(await keys('people', { sort: [by('rank')] })).toEqual(['p4', 'p1', 'p3', 'p5', 'p2']);
      });

      it('sorts descending with ties still by id ascending', async () => {
        expect(await keys('people', { sort: [by('rank', -1)] })).toEqual(['p2', 'p1', 'p3', 'p5', 'p4']);
      });

      it('sorts by several keys in order', async () => {
        expect(await keys('people', { sort: [by('group'), by('rank', -1)] })).toEqual(['p2', 'p4', 'p1', 'p3', 'p5']);
        expect(await keys('people', { sort: [by('group', -1), by('name')] })).toEqual(['p5', 'p1', 'p3', 'p4', 'p2']);
      });

      it('compares strings by code point, not by locale', async () => {
        // 'u' (U+0075) < 'à' (U+00E0) < 'ộ' (U+1ED9), and 'Đ' (U+0110) comes after every ASCII letter
        expect(await keys('people', { sort: [by('name')] })).toEqual(['p4', 'p5', 'p1', 'p3', 'p2']);
      });

      it('orders characters beyond U+FFFF after the rest of the BMP, in sorts and ranges', async () => {
        await seed('chars', { fullwidth: { s: '\uFF21' }, emoji: { s: '\u{1F600}' }, ascii: { s: 'z' } });
        expect(await keys('chars', { sort: [by('s')] })).toEqual(['ascii', 'fullwidth', 'emoji']);
        expect(await keys('chars', { filter: { s: { $gt: '\uFF21' } } })).toEqual(['emoji']);
      });

      it('puts missing and null first ascending and last descending, tied with each other', async () => {
        expect(await keys('people', { sort: [by('at')] })).toEqual(['p2', 'p3', 'p4', 'p5', 'p1']);
        expect(await keys('people', { sort: [by('at', -1)] })).toEqual(['p1', 'p5', 'p4', 'p2', 'p3']);
      });

      it('sorts false before true', async () => {
        expect(await keys('people', { sort: [by('flag')] })).toEqual(['p4', 'p2', 'p5', 'p1', 'p3']);
      });

      it('sorts on nested paths, a path through a non-object being missing', async () => {
        expect(await keys('people', { sort: [by('loc.y')] })).toEqual(['p4', 'p5', 'p2', 'p3', 'p1']);
      });

      it('puts numbers before strings when a field mixes them', async () => {
        await seed('mixed', { m1: { v: 'b' }, m2: { v: 3 }, m3: { v: null }, m4: { v: 'a' }, m5: { v: -1 }, m6: {} });
        expect(await keys('mixed', { sort: [by('v')] })).toEqual(['m3', 'm6', 'm5', 'm2', 'm4', 'm1']);
        expect(await keys('mixed', { sort: [by('v', -1)] })).toEqual(['m1', 'm4', 'm2', 'm5', 'm3', 'm6']);
      });

      it('sorts the filtered documents', async () => {
        expect(await keys('people', { filter: { group: 'B' }, sort: [by('name', -1)] })).toEqual(['p3', 'p1', 'p5']);
      });

      it('limit keeps the first documents of the order, so pages are stable', async () => {
        expect(await keys('people', { sort: [by('rank')], limit: 3 })).toEqual(['p4', 'p1', 'p3']);
        expect(await keys('people', { sort: [by('rank')], limit: 3 })).toEqual(['p4', 'p1', 'p3']);
        expect(await keys('people', { limit: 2 })).toEqual(['p1', 'p2']);
        expect(await keys('people', { filter: { group: 'B' }, sort: [by('rank', -1)], limit: 2 })).toEqual(['p1', 'p3']);
        expect(await keys('people', { limit: 50 })).toHaveLength(5);
      });

      it('limit 0 returns nothing', async () => {
        expect(await keys('people', { limit: 0 })).toEqual([]);
      });

      it('rejects an invalid limit or sort direction', async () => {
        await expect(store.find('people', { limit: -1 })).rejects.toThrow(/limit/);
        await expect(store.find('people', { limit: 1.5 })).rejects.toThrow(/limit/);
        const badDirection = { sort: [{ field: 'rank', direction: 0 }] } as unknown as FindOptions;
        await expect(store.find('people', badDirection)).rejects.toThrow('rank');
      });
    });

    describe('collections', () => {
      const spec = { name: 'people', indexes: [['group'], ['rank', 'name'], ['loc.y']] };

      it('ensureCollection is idempotent and keeps the documents', async () => {
        await store.ensureCollection(spec);
        await seed('people', { p1: { group: 'A', rank: 2 }, p2: { group: 'B', rank: 1 } });
        await store.ensureCollection(spec);
        await store.ensureCollection({ name: 'people', indexes: [] });
        expect(await store.count('people')).toBe(2);
        expect(await keys('people', { filter: { group: 'B' } })).toEqual(['p2']);
        expect(await keys('people', { sort: [{ field: 'rank', direction: 1 }] })).toEqual(['p2', 'p1']);
      });

      it('an ensured collection without documents reads as empty', async () => {
        await store.ensureCollection(spec);
        expect(await store.find('people')).toEqual([]);
        expect(await store.count('people')).toBe(0);
      });

      it('rejects invalid collection names and index paths, naming them', async () => {
        await expect(store.ensureCollection({ name: 'bad-name', indexes: [] })).rejects.toThrow('bad-name');
        await expect(store.ensureCollection({ name: '_people', indexes: [] })).rejects.toThrow('_people');
        await expect(store.ensureCollection({ name: 'people', indexes: [['rank', 'loc.']] })).rejects.toThrow('loc.');
        await expect(store.ensureCollection({ name: 'people', indexes: [[]] })).rejects.toThrow('people');
        await expect(store.get('people; --', 'x')).rejects.toThrow('people; --');
        await expect(store.find('bad name')).rejects.toThrow('bad name');
      });

      it('dropCollection removes its documents and nothing else', async () => {
        await store.ensureCollection(spec);
        await seed('people', { p1: {}, p2: {} });
        await seed('others', { o1: {} });
        await store.write([], [{ projection: 'peopleView', position: 1 }]);
        await store.setMeta('peopleView.live', 'v1');

        await store.dropCollection('people');

        expect(await store.find('people')).toEqual([]);
        expect(await store.count('people')).toBe(0);
        expect(await store.get('people', 'p1')).toBeNull();
        expect(await keys('others')).toEqual(['o1']);
        expect(await store.checkpoint('peopleView')).toBe(1);
        expect(await store.getMeta('peopleView.live')).toBe('v1');
      });

      it('a dropped collection starts afresh: earlier positions no longer hold writes back', async () => {
        await seed('people', { p1: { v: 'old' } }, 10);
        await store.dropCollection('people');
        await store.ensureCollection(spec);
        await seed('people', { p1: { v: 'new' } }, 1);
        expect(await store.get('people', 'p1')).toEqual({ doc: { key: 'p1', v: 'new' }, position: 1 });
      });

      it('dropping an unknown collection does nothing', async () => {
        await seed('others', { o1: {} });
        await expect(store.dropCollection('nothingHere')).resolves.toBeUndefined();
        expect(await store.count('others')).toBe(1);
      });
    });

    describe('leases', () => {
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      const LONG = 10_000;

      it('a free lease can be taken', async () => {
        expect(await store.acquireLease('projections', 'instance-a', LONG)).toBe(true);
      });

      it('another holder cannot take it while it is valid', async () => {
        expect(await store.acquireLease('projections', 'instance-a', LONG)).toBe(true);
        expect(await store.acquireLease('projections', 'instance-b', LONG)).toBe(false);
        expect(await store.acquireLease('projections', 'instance-b', LONG)).toBe(false);
      });

      it('the holder can renew it, which extends it from now', async () => {
        expect(await store.acquireLease('projections', 'instance-a', 400)).toBe(true);
        await sleep(250);
        expect(await store.acquireLease('projections', 'instance-a', 400)).toBe(true);
        await sleep(250); // past the first term, well within the renewed one
        expect(await store.acquireLease('projections', 'instance-b', 400)).toBe(false);
      });

      it('another holder takes it after it expired, and the old holder then cannot', async () => {
        expect(await store.acquireLease('projections', 'instance-a', 200)).toBe(true);
        await sleep(250);
        expect(await store.acquireLease('projections', 'instance-b', LONG)).toBe(true);
        expect(await store.acquireLease('projections', 'instance-a', LONG)).toBe(false);
      });

      it('release frees it at once', async () => {
        expect(await store.acquireLease('projections', 'instance-a', LONG)).toBe(true);
        await store.releaseLease('projections', 'instance-a');
        expect(await store.acquireLease('projections', 'instance-b', LONG)).toBe(true);
      });

      it('release by a non-holder does nothing', async () => {
        expect(await store.acquireLease('projections', 'instance-a', LONG)).toBe(true);
        await store.releaseLease('projections', 'instance-b');
        expect(await store.acquireLease('projections', 'instance-b', LONG)).toBe(false);
        expect(await store.acquireLease('projections', 'instance-a', LONG)).toBe(true);
        await expect(store.releaseLease('neverTaken', 'instance-a')).resolves.toBeUndefined();
      });

      it('keeps leases of different names apart', async () => {
        expect(await store.acquireLease('projections', 'instance-a', LONG)).toBe(true);
        expect(await store.acquireLease('rebuild', 'instance-b', LONG)).toBe(true);
        await store.releaseLease('rebuild', 'instance-b');
        expect(await store.acquireLease('projections', 'instance-b', LONG)).toBe(false);
      });

      it('only one of several simultaneous takers wins a free lease', async () => {
        const holders = ['instance-a', 'instance-b', 'instance-c', 'instance-d'];
        const won = await Promise.all(holders.map((holder) => store.acquireLease('projections', holder, LONG)));
        expect(won.filter(Boolean)).toHaveLength(1);
        const winner = holders[won.indexOf(true)];
        expect(await store.acquireLease('projections', winner, LONG)).toBe(true);
      });

      // Expiry is the store's decision, made with the store's clock: an instance whose clock is wrong by an hour
      // must neither steal a valid lease nor keep one past its term (several instances share one read store).
      describe("with the calling instance's clock an hour off", () => {
        const HOUR = 3_600_000;

        /** Runs `work` while this process's Date reads `offsetMs` off; timers keep real time, so I/O still works. */
        async function skewed<T>(offsetMs: number, work: () => Promise<T>): Promise<T> {
          const real = Date.now();
          jest.useFakeTimers({
            now: real + offsetMs,
            doNotFake: [
              'hrtime',
              'nextTick',
              'performance',
              'queueMicrotask',
              'requestAnimationFrame',
              'cancelAnimationFrame',
              'requestIdleCallback',
              'cancelIdleCallback',
              'setImmediate',
              'clearImmediate',
              'setInterval',
              'clearInterval',
              'setTimeout',
              'clearTimeout',
            ],
          });
          try {
            // The skew is in effect, so a pass below means the adapter ignored it.
            expect(Math.abs(Date.now() - real - offsetMs)).toBeLessThan(1000);
            expect(Math.abs(new Date().getTime() - real - offsetMs)).toBeLessThan(1000);
            return await work();
          } finally {
            jest.useRealTimers();
          }
        }

        it('a taker whose clock runs ahead cannot take a valid lease', async () => {
          expect(await store.acquireLease('projections', 'instance-a', LONG)).toBe(true);
          expect(await skewed(HOUR, () => store.acquireLease('projections', 'instance-b', LONG))).toBe(false);
          expect(await store.acquireLease('projections', 'instance-a', LONG)).toBe(true);
        });

        it('a holder whose clock runs ahead does not keep its lease past its term', async () => {
          expect(await skewed(HOUR, () => store.acquireLease('projections', 'instance-a', 200))).toBe(true);
          await sleep(250);
          expect(await store.acquireLease('projections', 'instance-b', LONG)).toBe(true);
        });

        it('a holder whose clock runs behind keeps its lease for its whole term', async () => {
          expect(await skewed(-HOUR, () => store.acquireLease('projections', 'instance-a', LONG))).toBe(true);
          expect(await store.acquireLease('projections', 'instance-b', LONG)).toBe(false);
          expect(await skewed(-HOUR, () => store.acquireLease('projections', 'instance-b', LONG))).toBe(false);
          expect(await skewed(-HOUR, () => store.acquireLease('projections', 'instance-a', LONG))).toBe(true);
        });

        it('a taker whose clock runs behind still takes an expired lease', async () => {
          expect(await store.acquireLease('projections', 'instance-a', 200)).toBe(true);
          await sleep(250);
          expect(await skewed(-HOUR, () => store.acquireLease('projections', 'instance-b', LONG))).toBe(true);
        });
      });

      it('rejects an empty name or holder and a duration that is not a positive integer', async () => {
        await expect(store.acquireLease('', 'instance-a', LONG)).rejects.toThrow(/lease name/);
        await expect(store.acquireLease('projections', '', LONG)).rejects.toThrow(/lease holder/);
        await expect(store.releaseLease('projections', '')).rejects.toThrow(/lease holder/);
        for (const ttl of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
          await expect(store.acquireLease('projections', 'instance-a', ttl)).rejects.toThrow(/lease duration/);
        }
        expect(await store.acquireLease('projections', 'instance-b', LONG)).toBe(true);
      });
    });

    describe('meta', () => {
      it('is null until set, then holds the latest value per key', async () => {
        expect(await store.getMeta('rankingView.live')).toBeNull();
        await store.setMeta('rankingView.live', 'v1');
        await store.setMeta('agencyView.live', 'Bảng xếp hạng năm 2024');
        await store.setMeta('rankingView.live', 'v2');
        expect(await store.getMeta('rankingView.live')).toBe('v2');
        expect(await store.getMeta('agencyView.live')).toBe('Bảng xếp hạng năm 2024');
      });

      it('keeps an empty string apart from no value', async () => {
        await store.setMeta('empty', '');
        expect(await store.getMeta('empty')).toBe('');
      });
    });

    it('close can be called more than once', async () => {
      await store.close();
      await expect(store.close()).resolves.toBeUndefined();
    });
  });
}
