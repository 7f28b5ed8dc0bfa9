/**
 * Time as the runner sees it: lease renewal, retry back-off, waiter timeouts and polling all go through this, so
 * tests drive them with a manual clock instead of sleeping. It is this instance's clock and is never used to
 * decide whether a lease expired: the read store decides that with its own clock (readStore.ts, acquireLease).
 */
export interface RunnerClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `fire` once after `ms`; the returned function cancels it. */
  setTimer(ms: number, fire: () => void): () => void;
}

export const systemRunnerClock: RunnerClock = {
  now: () => Date.now(),
  setTimer(ms, fire) {
    const timer = setTimeout(fire, ms);
    return () => clearTimeout(timer);
  },
};

/** The follow loop's pause between rounds, which an append can cut short. */
export class Sleeper {
  private wake: (() => void) | null = null;
  private woken = false;

  constructor(private readonly clock: RunnerClock) {}

  sleep(ms: number): Promise<void> {
    // An append announced while the loop was busy (not sleeping) would otherwise wait a whole interval.
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        cancel();
        this.wake = null;
        this.woken = false;
        resolve();
      };
      const cancel = this.clock.setTimer(ms, done);
      this.wake = done;
    });
  }

  /** Ends the current sleep now, or makes the next one return at once if the loop is busy. */
  nudge(): void {
    this.woken = true;
    this.wake?.();
  }
}
