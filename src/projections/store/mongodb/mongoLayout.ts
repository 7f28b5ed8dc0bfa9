/**
 * How the store lays its data out on the server: one server collection per read-store collection, each document
 * stored as a StoredRow, and the store's own state in collections whose names start with '_', which read-store
 * collection names cannot (assertCollectionName), so the two never clash.
 */

/** One stored document: `doc` is the read model's document in the key encoding described at `encodeValue`. */
export interface StoredRow {
  _id: string;
  position: number;
  doc: unknown;
}
export interface CheckpointRow {
  _id: string;
  position: number;
}
export interface MetaRow {
  _id: string;
  value: string;
}
export interface LeaseRow {
  _id: string;
  holder: string;
  expiresAt: Date;
}
export interface CollectionRow {
  _id: string;
  /** `{ fields }` objects rather than a list of lists: FerretDB 1.x stores no arrays inside arrays. */
  indexes: { fields: string[] }[];
}

export const CHECKPOINTS = '_checkpoints';
export const META = '_meta';
export const LEASES = '_leases';
export const COLLECTIONS = '_collections';
