import type { RecordedEvent } from '../events/envelope';
import type { AdvanceListener } from '../projections/runner/projectionRunner';
import { reaches, topicsOf, type Topic } from './changeTopics';
import { Wakeups } from './wakeups';

/** Beyond this many events in one advance (a catch-up, a rebuild), every subscriber is woken without reading them. */
const MAX_READ = 2000;
const BATCH = 500;

interface Watcher {
  topic: Topic;
  wakeups: Wakeups;
}

/**
 * Wakes the subscriptions an advance of the projections may concern. It listens to the runner, not to appends:
 * a subscriber woken here re-reads read models that already hold the events, so what it sends is never older than
 * what a query answered before. On a follower the runner advances as it sees the leader's checkpoints move, so
 * every instance wakes its own subscribers, whichever instance took the mutation.
 */
export class ChangeFeed {
  private readonly watchers = new Set<Watcher>();
  private stopListening: (() => void) | null = null;
  private dispatching: Promise<void> = Promise.resolve();

  constructor(
    private readonly runner: { onAdvance(listener: AdvanceListener): () => void },
    private readonly readAll: (after: number, limit: number) => Promise<RecordedEvent[]>,
    private readonly logError: (message: string) => void = () => {},
  ) {}

  /** The wake-ups for `topic`, from now on; closing them stops watching. */
  watch(topic: Topic): Wakeups {
    const watcher: Watcher = {
      topic,
      wakeups: new Wakeups(() => {
        this.watchers.delete(watcher);
        // Without subscribers the runner need not tell us, and a follower goes back to its slow poll.
        if (this.watchers.size === 0) {
          this.stopListening?.();
          this.stopListening = null;
        }
      }),
    };
    this.watchers.add(watcher);
    this.stopListening ??= this.runner.onAdvance((from, to) => {
      // One advance at a time, in order: a subscriber is woken for each after the one before.
      this.dispatching = this.dispatching.then(() => this.dispatch(from, to));
    });
    return watcher.wakeups;
  }

  /** How many subscriptions are watching. */
  get size(): number {
    return this.watchers.size;
  }

  private async dispatch(from: number, to: number): Promise<void> {
    const watchers = [...this.watchers];
    if (watchers.length === 0) return;
    let changed: Topic[] | null = null;
    try {
      changed = to - from > MAX_READ ? null : await this.topicsBetween(from, to);
    } catch (error) {
      // Not knowing what changed, every subscriber re-reads: a wake-up too many costs a read, one too few a change.
      this.logError(`change feed: reading events ${from + 1}..${to} failed: ${(error as Error).message}`);
    }
    for (const watcher of watchers) {
      if (changed === null || changed.some((topic) => reaches(topic, watcher.topic))) watcher.wakeups.wake();
    }
  }

  private async topicsBetween(from: number, to: number): Promise<Topic[]> {
    const topics = new Map<string, Topic>();
    for (let after = from; after < to;) {
      const batch = (await this.readAll(after, Math.min(BATCH, to - after))).filter((e) => e.globalPosition <= to);
      if (batch.length === 0) break;
      for (const event of batch) for (const topic of topicsOf(event)) topics.set(`${topic.kind}/${topic.year}/${topic.key}`, topic);
      after = batch[batch.length - 1].globalPosition;
    }
    return [...topics.values()];
  }
}
