import type { PendingAppraisal } from './responsibilityDocument';

/** What a PairList holds: an (agency, criterion) pair, or an entry keyed by one (an explanation to decide). */
type Keyed = PendingAppraisal;

/**
 * Pairs per chunk. An event copies the chunk it changes and the array of chunks, so about sqrt(n) each for the
 * lists of tens of thousands of pairs a central appraiser gathers in a year.
 */
const CHUNK = 256;

const keyOf = (agencyCode: string, criterionCode: string) => `${agencyCode}\u0000${criterionCode}`;

/** Where each pair sits: the chunk of its last copy, and whether any pair sits there twice. */
interface Index {
  chunkOf: Map<string, number>;
  duplicates: boolean;
}

/**
 * The index of each list, kept beside it (a list may be frozen by a test that checks nothing is changed in place).
 * An index is handed on to the list made from its own, and taken from the earlier list: that one rebuilds its own
 * if it is ever read again (a batch retried after a failure), so an index never disagrees with its list.
 */
const indexes = new WeakMap<PairList<Keyed>, Index>();

/**
 * A responsibility document's list of (agency, criterion) pairs, or of entries keyed by one (at most one per pair
 * as the projection appends them), while the projection applies events: immutable, in chunks, so that adding or
 * removing a pair copies one chunk and the array of chunks instead of the whole list. Copying and filtering the
 * flat lists on every submission and appraisal made building the projection quadratic over a year, with most of
 * the time spent collecting the copies. Present turns it back into the stored array.
 * Chunks are never moved or dropped while a list is derived from another (an emptied chunk stays, empty), so the
 * index's chunk numbers hold for every list made from it.
 */
export class PairList<T extends Keyed = PendingAppraisal> {
  private constructor(
    private readonly chunks: readonly (readonly T[])[],
    readonly size: number,
  ) {}

  private static readonly none = new PairList<never>([], 0);

  static empty<T extends Keyed>(): PairList<T> {
    return PairList.none;
  }

  static from<T extends Keyed>(pairs: readonly T[]): PairList<T> {
    const chunks: T[][] = [];
    for (let at = 0; at < pairs.length; at += CHUNK) chunks.push(pairs.slice(at, at + CHUNK));
    return new PairList(chunks, pairs.length);
  }

  holds(agencyCode: string, criterionCode: string): boolean {
    return this.index().chunkOf.has(keyOf(agencyCode, criterionCode));
  }

  /** The first entry for the pair, if any. */
  find(agencyCode: string, criterionCode: string): T | undefined {
    const index = this.index();
    const at = index.chunkOf.get(keyOf(agencyCode, criterionCode));
    if (at === undefined) return undefined;
    const same = (p: T) => p.agencyCode === agencyCode && p.criterionCode === criterionCode;
    // With copies of a pair the index names the last one's chunk: the first is looked for from the start.
    return index.duplicates ? this.toArray().find(same) : this.chunks[at].find(same);
  }

  /** A new list: this one followed by `added`. */
  appended(added: readonly T[]): PairList<T> {
    if (added.length === 0) return this;
    const index = this.index();
    const chunks = [...this.chunks];
    let last = chunks.length > 0 && chunks[chunks.length - 1].length < CHUNK ? [...chunks.pop()!] : [];
    for (const pair of added) {
      if (last.length === CHUNK) {
        chunks.push(last);
        last = [];
      }
      last.push(pair);
      const key = keyOf(pair.agencyCode, pair.criterionCode);
      if (index.chunkOf.has(key)) index.duplicates = true;
      index.chunkOf.set(key, chunks.length);
    }
    chunks.push(last);
    return this.handOn(index, new PairList(chunks, this.size + added.length));
  }

  /** This list without the pair (every copy of it); this list itself when it does not hold the pair. */
  without(agencyCode: string, criterionCode: string): PairList<T> {
    const index = this.index();
    const key = keyOf(agencyCode, criterionCode);
    const at = index.chunkOf.get(key);
    if (at === undefined) return this;
    const other = (p: T) => p.agencyCode !== agencyCode || p.criterionCode !== criterionCode;
    // Copies of one pair may sit in several chunks (lists stored before it was checked): the rare slow way.
    if (index.duplicates) return PairList.from(this.toArray().filter(other));
    const chunk = this.chunks[at].filter(other);
    const chunks = [...this.chunks];
    chunks[at] = chunk;
    index.chunkOf.delete(key);
    return this.handOn(index, new PairList(chunks, this.size - (this.chunks[at].length - chunk.length)));
  }

  /** The pairs that pass, as a new list (it walks the whole list: for rare events, such as a reassignment). */
  filter(keep: (pair: T) => boolean): PairList<T> {
    return PairList.from(this.toArray().filter(keep));
  }

  /** The pairs in order, as the document stores them. */
  toArray(): T[] {
    const out: T[] = [];
    for (const chunk of this.chunks) for (const pair of chunk) out.push(pair);
    return out;
  }

  private index(): Index {
    let index = indexes.get(this);
    if (index === undefined) {
      index = { chunkOf: new Map(), duplicates: false };
      this.chunks.forEach((chunk, at) => {
        for (const p of chunk) {
          const key = keyOf(p.agencyCode, p.criterionCode);
          if (index!.chunkOf.has(key)) index!.duplicates = true;
          index!.chunkOf.set(key, at);
        }
      });
      indexes.set(this, index);
    }
    return index;
  }

  private handOn(index: Index, next: PairList<T>): PairList<T> {
    indexes.delete(this);
    indexes.set(next, index);
    return next;
  }
}
