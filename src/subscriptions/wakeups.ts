/**
 * The wake-ups of one subscription: several changes before the subscriber reads again make one wake-up, since it
 * re-reads the whole answer anyway.
 */
export class Wakeups {
  private pending = false;
  private closed = false;
  private waiting: ((open: boolean) => void) | null = null;

  constructor(private readonly onClose: () => void = () => {}) {}

  wake(): void {
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve(true);
    } else this.pending = true;
  }

  /** Resolves true at the next wake-up (at once if one came since the last), false once closed. */
  next(): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    if (this.pending) {
      this.pending = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => (this.waiting = resolve));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
    this.waiting?.(false);
    this.waiting = null;
  }
}

/**
 * The messages of one subscription: `initial` first, then what `pull` gives after each wake-up. A failed pull is
 * sent as that message's error (the resolver throws it) and the subscription goes on. `return()` (the client
 * unsubscribed or left) ends it at once, even while it waits, which an async generator could not do.
 */
export function liveMessages<T>(wakeups: Wakeups, initial: readonly T[], pull: () => Promise<readonly T[]>): AsyncIterableIterator<T | Error> {
  const queue: (T | Error)[] = [...initial];
  const done = (): IteratorResult<T | Error> => ({ value: undefined, done: true });
  let ended = false;
  const iterator: AsyncIterableIterator<T | Error> = {
    async next() {
      while (!ended) {
        if (queue.length > 0) return { value: queue.shift()!, done: false };
        if (!(await wakeups.next())) break;
        try {
          queue.push(...(await pull()));
        } catch (error) {
          queue.push(error instanceof Error ? error : new Error(String(error)));
        }
      }
      return done();
    },
    async return() {
      ended = true;
      wakeups.close();
      return done();
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
