import type { Projection } from '../projection';

/** One projection written into one generation of its collections, with its own checkpoint. */
export interface Target {
  projection: Projection;
  generation: number;
  /** Global position of the last event applied; reading resumes after it. */
  checkpoint: number;
}

/** Each generation of a projection has its own physical collections, so a rebuild can fill one beside the live one. */
export const physical = (collection: string, generation: number) => `${collection}_g${generation}`;
export const generationKey = (name: string) => `projection:${name}:generation`;
export const versionKey = (name: string) => `projection:${name}:version`;
export const checkpointKey = (name: string, generation: number) => `${name}@g${generation}`;
