import type { RebuildProgress } from './generations';

/**
 * RUNNING: this instance applies events to it. FOLLOWING: another instance (the lease holder) does, this one reads
 * its checkpoints. REBUILDING: a new generation is being built beside the live one. FAILED: its projector threw;
 * it stays before the failing event and is retried with back-off.
 */
export const PROJECTION_STATES = ['RUNNING', 'FOLLOWING', 'REBUILDING', 'FAILED'] as const;
export type ProjectionState = (typeof PROJECTION_STATES)[number];

export interface ProjectionStatus {
  name: string;
  status: ProjectionState;
  /** Events this process applied to the live generation since it started (0 on a follower). */
  appliedSinceStart: number;
  version: number;
  generation: number;
  checkpoint: number;
  /** Set while a rebuild replays into the next generation. */
  rebuilding: RebuildProgress | null;
  failure: { position: number; eventType: string; message: string; attempts: number; failedAt: Date; nextRetryAt: Date } | null;
}
