import type { RebuildProgress } from './generations';
import type { Target } from './target';

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

/** What the runner knows of one projection at the moment, as status() reports it. */
interface ProjectionFacts {
  live: Target | undefined;
  failure: { position: number; eventType: string; message: string; attempts: number; failedAt: number; nextRetryAt: number } | null;
  rebuilding: RebuildProgress | null;
  applied: number;
  leader: boolean;
}

export function describeProjection(name: string, version: number, facts: ProjectionFacts): ProjectionStatus {
  const { live, failure, rebuilding, leader } = facts;
  const status: ProjectionState = failure ? 'FAILED' : rebuilding ? 'REBUILDING' : leader ? 'RUNNING' : 'FOLLOWING';
  return {
    name,
    status,
    appliedSinceStart: facts.applied,
    version,
    generation: live?.generation ?? 0,
    checkpoint: live?.checkpoint ?? 0,
    rebuilding,
    failure: failure && { ...failure, failedAt: new Date(failure.failedAt), nextRetryAt: new Date(failure.nextRetryAt) },
  };
}
