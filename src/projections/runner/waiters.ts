import type { RunnerClock } from './clock';

/**
 * Read-your-writes gave up: the read models did not reach `position` in time. The command that produced the
 * position is committed regardless; the API reports this as NOT_YET_VISIBLE.
 */
export class ProjectionsBehindError extends Error {
  override readonly name = 'ProjectionsBehindError';

  constructor(
    readonly position: number,
    readonly timeoutMs: number,
    /** Healthy projections that had not reached the position yet. */
    readonly behind: readonly { projection: string; checkpoint: number }[],
    /** Projections whose projector failed; they were not waited for. */
    readonly failed: readonly { projection: string; position: number; message: string }[],
    /** Set when the runner stopped before the timeout. */
    readonly stopped = false,
  ) {
    const parts = [
      ...behind.map((b) => `${b.projection} at ${b.checkpoint}`),
      ...failed.map((f) => `${f.projection} FAILED at position ${f.position}: ${f.message}`),
    ];
    super(
      `read models did not reach position ${position} ${stopped ? 'before the projection runner stopped' : `within ${timeoutMs} ms`}${parts.length > 0 ? ` (${parts.join('; ')})` : ''}`,
    );
  }
}

interface Waiter {
  position: number;
  timeoutMs: number;
  /** The projections it waits for; null for every one. */
  projections: readonly string[] | null;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** Pending waitFor calls: each resolves when the read models reach its position, or rejects at its timeout. */
export class PositionWaiters {
  private waiters: Waiter[] = [];

  constructor(
    private readonly clock: RunnerClock,
    /** Builds the timeout error from the runner's state at that moment. */
    private readonly timedOut: (position: number, timeoutMs: number, projections: readonly string[] | null, stopped?: boolean) => ProjectionsBehindError,
  ) {}

  get count(): number {
    return this.waiters.length;
  }

  wait(position: number, timeoutMs: number, projections: readonly string[] | null): Promise<void> {
    return new Promise((resolve, reject) => {
      const cancel = this.clock.setTimer(timeoutMs, () => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(this.timedOut(position, timeoutMs, projections));
      });
      const waiter: Waiter = {
        position,
        timeoutMs,
        projections,
        resolve: () => {
          cancel();
          resolve();
        },
        reject: (error) => {
          cancel();
          reject(error);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Resolves every waiter whose position is at or below what its projections reached (`reached` of them). */
  settle(reached: (projections: readonly string[] | null) => number): void {
    if (this.waiters.length === 0) return;
    // Waiters given the same list (mutations of one kind share it) share one answer, asked once per settle.
    const known = new Map<readonly string[] | null, number>();
    const reachedBy = (projections: readonly string[] | null) => {
      if (!known.has(projections)) known.set(projections, reached(projections));
      return known.get(projections)!;
    };
    const ready: Waiter[] = [];
    const waiting: Waiter[] = [];
    for (const w of this.waiters) (w.position <= reachedBy(w.projections) ? ready : waiting).push(w);
    if (ready.length === 0) return;
    this.waiters = waiting;
    for (const w of ready) w.resolve();
  }

  /** Rejects every pending waiter at once: the runner stops, so none of them would be reached. */
  rejectAll(): void {
    for (const w of this.waiters.splice(0)) w.reject(this.timedOut(w.position, w.timeoutMs, w.projections, true));
  }
}
