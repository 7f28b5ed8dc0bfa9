import type { RunnerClock } from './clock';
import type { RetryPolicy } from './failures';
import type { RebuildProgress } from './generations';

/** What a rebuild took: the log's head when it started, the wall time, and each projector's own share of it. */
export interface RebuildReport {
  events: number;
  ms: number;
  /** Milliseconds in each projection's apply and present; the rest is reading the log and writing documents. */
  projectorMs: Record<string, number>;
  /** Milliseconds reading the log, loading the documents each batch reads, and writing each batch's changes. */
  storeMs: { readLog: number; loadDocuments: number; writeDocuments: number };
}

export interface RunnerOptions {
  /** Events per batch when following the log. */
  batchSize?: number;
  /**
   * Events per batch when building or rebuilding from the start (batchSize when only that is given, else 2000):
   * larger batches mean fewer reads and writes of the same documents, and the working set stays bounded by it.
   */
  buildBatchSize?: number;
  /**
   * Documents a build or rebuild keeps in memory between batches (default 5,000): each is written when it has
   * not been used for this many others, or at the end, instead of after every batch that changed it. On the
   * standard bench log 5,000 took a third less CPU than 20,000: a smaller heap makes each full GC cheaper.
   */
  buildWorkingSet?: number;
  /** Told after each batch of the build start() runs for new projections (or changed versions), per projection. */
  onBuildProgress?: (p: RebuildProgress) => void;
  /** Names this process in the projection lease; give each service instance its own. */
  instanceId?: string;
  /** How long the lease lasts without renewal: after a holder dies, another instance takes over this late. */
  leaseTtlMs?: number;
  /** How often to look for events appended by other processes. */
  pollMs?: number;
  log?: (message: string) => void;
  /** Where projector failures and store outages go; an operator must see them (defaults to `log`). */
  logError?: (message: string) => void;
  /** Paces polling, lease renewal, retries and waitFor timeouts; tests pass a manual one. */
  clock?: RunnerClock;
  /** Back-off for a projection whose projector throws: 1 s, doubling, at most 60 s by default. */
  retry?: RetryPolicy;
}
