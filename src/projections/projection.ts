import type { ParEventType, RecordedParEvent } from '../events/parEvents';
import type { CollectionSpec } from './store/readStore';

interface DocRef {
  collection: string;
  id: string;
}

export interface DocChange {
  collection: string;
  id: string;
  doc: unknown;
}

/** The documents a projector asked for, as they stand before the event (null when absent). */
type DocLookup = <T>(collection: string, id: string) => T | null;

/**
 * A read model: a pure function from (documents, event) to new documents. The runner loads what `reads` names,
 * calls `apply`, and stores the changes with the event's position, so applying an event twice changes nothing.
 * A projection reads only its own collections, so each can be rebuilt on its own.
 */
export interface Projection {
  name: string;
  /** Bump when `apply` changes meaning: the runner then rebuilds the projection beside the live one. */
  version: number;
  collections: CollectionSpec[];
  handles: ReadonlySet<ParEventType>;
  reads(event: RecordedParEvent): DocRef[];
  apply(event: RecordedParEvent, docs: DocLookup): DocChange[];
  /**
   * Derives a document's served fields from the rest, once per document before it is stored (the runner calls it
   * at the end of each batch, as-of folds at the end). For projections whose served fields are costly to derive
   * from a few kept ones (assessments re-scores its whole framework): `apply` then keeps only those up to date and
   * must never read the derived fields. Must be a pure function of the kept fields, so deriving once per batch
   * gives the document deriving after every event would.
   */
  present?(collection: string, doc: unknown): unknown;
}

export function defineProjection(p: Omit<Projection, 'handles'> & { handles: readonly ParEventType[] }): Projection {
  return { ...p, handles: new Set(p.handles) };
}
