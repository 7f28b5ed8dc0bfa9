import type { RunnerClock } from './clock';

/** A projector that threw on an event: the projection stays just before it and is retried later. */
interface ProjectionFailure {
  /** Global position of the event the projector failed on; the checkpoint stays at the event before it. */
  position: number;
  eventType: string;
  message: string;
  /** Failed attempts on this event in a row. */
  attempts: number;
  failedAt: number;
  nextRetryAt: number;
}

export interface RetryPolicy {
  /** Wait after the first failure; each further failure on the same event doubles it. */
  firstRetryMs: number;
  maxRetryMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { firstRetryMs: 1000, maxRetryMs: 60_000 };

/** Where the lease holder publishes its failures, so instances that follow it report and wait the same way. */
export const FAILURES_META_KEY = 'projections:failures';

/**
 * The projections whose projector failed, with exponential back-off per projection. Failures are logged one line
 * each (projection, position, event type, message), so a broken projector is loud but cannot flood the log.
 */
export class ProjectionFailures {
  private failures = new Map<string, ProjectionFailure>();
  /** Set when the map changed since it was last published to the read store. */
  private changed = false;

  constructor(
    private readonly clock: RunnerClock,
    private readonly log: (message: string) => void,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {}

  get(name: string): ProjectionFailure | null {
    return this.failures.get(name) ?? null;
  }

  has(name: string): boolean {
    return this.failures.has(name);
  }

  names(): string[] {
    return [...this.failures.keys()];
  }

  /** Whether a projection should be advanced now: it is healthy, or its next retry is due. */
  runnable(name: string, now = this.clock.now()): boolean {
    const failure = this.failures.get(name);
    return failure === undefined || failure.nextRetryAt <= now;
  }

  /** Milliseconds until the earliest retry is due (0 if one is overdue), or null when nothing failed. */
  untilNextRetry(): number | null {
    if (this.failures.size === 0) return null;
    const next = Math.min(...[...this.failures.values()].map((f) => f.nextRetryAt));
    return Math.max(0, next - this.clock.now());
  }

  record(name: string, failed: { position: number; eventType: string; message: string }): ProjectionFailure {
    const previous = this.failures.get(name);
    // Failing again on the same event backs off further; failing on a later one is a new fault.
    const attempts = previous?.position === failed.position ? previous.attempts + 1 : 1;
    const delay = Math.min(this.retry.firstRetryMs * 2 ** (attempts - 1), this.retry.maxRetryMs);
    const now = this.clock.now();
    const failure: ProjectionFailure = { ...failed, attempts, failedAt: now, nextRetryAt: now + delay };
    this.failures.set(name, failure);
    this.changed = true;
    this.log(
      `PROJECTION FAILED: ${name} at position ${failed.position} (${failed.eventType}): ${failed.message}` +
        ` [attempt ${attempts}, retry in ${delay} ms; the other projections go on]`,
    );
    return failure;
  }

  recovered(name: string, checkpoint: number): void {
    const failure = this.failures.get(name);
    if (failure === undefined) return;
    this.failures.delete(name);
    this.changed = true;
    this.log(`projection ${name} recovered: applied position ${failure.position} after ${failure.attempts} failed attempt(s), now at ${checkpoint}`);
  }

  /** The failures as the lease holder publishes them, or null when nothing changed since the last call. */
  takeChanges(): string | null {
    if (!this.changed) return null;
    this.changed = false;
    return JSON.stringify(Object.fromEntries(this.failures));
  }

  /**
   * This instance became the lease holder: it publishes its view at once (clearing what a previous holder left
   * if it knows of no failure), and retries the failures it adopted now, since their retry times were set by
   * another instance's clock.
   */
  takeOver(): void {
    const now = this.clock.now();
    for (const failure of this.failures.values()) failure.nextRetryAt = Math.min(failure.nextRetryAt, now);
    this.changed = true;
  }

  /** Makes the next takeChanges() publish again (the last publication failed). */
  markChanged(): void {
    this.changed = true;
  }

  /** A follower adopts what the lease holder published; it logs nothing, the holder already did. */
  adopt(published: string | null): void {
    const parsed = published ? (JSON.parse(published) as Record<string, ProjectionFailure>) : {};
    this.failures = new Map(Object.entries(parsed));
  }
}
