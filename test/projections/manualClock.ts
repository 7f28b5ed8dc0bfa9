import type { RunnerClock } from '../../src/projections/runner/clock';

/**
 * Time that moves only when a test says so: the runner's polling, lease renewals, retries and waitFor timeouts
 * run on it, and a MemoryReadStore given it expires leases by it. No test using it sleeps.
 */
export class ManualClock implements RunnerClock {
  private timers: { at: number; fire: () => void; id: number }[] = [];
  private nextId = 0;

  constructor(private t = Date.parse('2025-03-01T00:00:00Z')) {}

  now(): number {
    return this.t;
  }

  setTimer(ms: number, fire: () => void): () => void {
    const id = this.nextId++;
    this.timers.push({ at: this.t + Math.max(0, ms), fire, id });
    return () => {
      this.timers = this.timers.filter((timer) => timer.id !== id);
    };
  }

  /** Moves time forward by `ms`, firing due timers in order, letting the code they wake run after each. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await flush(); // work already under way may be about to set a timer
      const due = this.timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.t = Math.max(this.t, due.at);
      due.fire();
    }
    this.t = end;
    await flush();
  }

  /**
   * Lets the runner work until `condition` holds: settles pending work, and when that is not enough moves time
   * to the next timer (a poll, a retry, a renewal). False if `condition` still fails after `maxMs` of clock time.
   */
  async until(condition: () => boolean, maxMs = 120_000): Promise<boolean> {
    const end = this.t + maxMs;
    for (;;) {
      await flush();
      if (condition()) return true;
      const next = Math.min(...this.timers.map((timer) => timer.at));
      if (!Number.isFinite(next) || next > end) return condition();
      await this.advance(next - this.t);
    }
  }
}

/**
 * Runs what is already queued: promise chains of the runner over memory stores (and synchronous SQLite) never wait
 * for real timers or I/O, so a few turns of the event loop finish them.
 */
export async function flush(turns = 20): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
