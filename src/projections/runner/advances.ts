/** Told that the visible position moved from `from` to `to`: every event in (from, to] is in every read model. */
export type AdvanceListener = (from: number, to: number) => void;

/**
 * Who listens to the runner's progress (the live subscriptions' change feed) and what they were last told, so each
 * advance is announced once, after the read models hold it.
 */
export class Advances {
  private readonly listeners = new Set<AdvanceListener>();
  private announced = 0;

  constructor(private readonly logError: (message: string) => void) {}

  /** Whether anyone listens: a follower then looks at the leader's progress often. */
  get watched(): boolean {
    return this.listeners.size > 0;
  }

  add(listener: AdvanceListener, position: number): () => void {
    if (this.listeners.size === 0) this.announced = position;
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells every listener of (from, to] when `to` is new; `from` 0 after a rebuild, as any answer may have changed. */
  announce(to: number, from = this.announced): void {
    if (this.listeners.size === 0 || to <= from) return;
    this.announced = Math.max(this.announced, to);
    for (const listener of this.listeners) {
      try {
        listener(from, to);
      } catch (error) {
        this.logError(`projection runner: an advance listener failed: ${(error as Error).message}`);
      }
    }
  }
}
