import type { RecordedEvent } from '../../src/events/envelope';
import type { AdvanceListener } from '../../src/projections/runner/projectionRunner';
import { ChangeFeed } from '../../src/subscriptions/changeFeed';
import { topicsOf } from '../../src/subscriptions/changeTopics';
import { liveMessages, Wakeups } from '../../src/subscriptions/wakeups';

/** The runner's side of the feed: advances told by hand. */
class Advances {
  listeners = new Set<AdvanceListener>();
  onAdvance(listener: AdvanceListener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  advance(from: number, to: number) {
    for (const listener of this.listeners) listener(from, to);
  }
}

const event = (globalPosition: number, streamId: string) => ({ globalPosition, streamId }) as RecordedEvent;
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('change topics', () => {
  it('narrow an assessment event to its assessment and its year’s rankings; duties and audit hear every event', () => {
    expect(topicsOf({ streamId: 'assessment-2026-TAMKY' })).toEqual([
      { kind: 'assessment', year: 2026, key: 'TAMKY' },
      { kind: 'ranking', year: 2026 },
      { kind: 'duties' },
      { kind: 'audit' },
    ]);
    expect(topicsOf({ streamId: 'cycle-2026' })).toContainEqual({ kind: 'ranking', year: 2026 });
    expect(topicsOf({ streamId: 'ranking-import-2025-DISTRICT-QN' })).toContainEqual({ kind: 'ranking', year: 2025 });
    expect(topicsOf({ streamId: 'framework-TEST' })).toContainEqual({ kind: 'assessment' });
    expect(topicsOf({ streamId: 'plan-KH-01' })).toEqual([{ kind: 'duties' }, { kind: 'audit' }]);
  });
});

describe('ChangeFeed', () => {
  it('wakes the subscriptions an advance concerns, listens only while someone watches', async () => {
    const runner = new Advances();
    const log = [event(1, 'assessment-2026-DAILOC'), event(2, 'assessment-2026-HOIAN'), event(3, 'plan-KH-01')];
    const feed = new ChangeFeed(runner, async (after, limit) => log.filter((e) => e.globalPosition > after).slice(0, limit));
    expect(runner.listeners.size).toBe(0);
    const tamky = feed.watch({ kind: 'assessment', year: 2026, key: 'TAMKY' });
    const otherYear = feed.watch({ kind: 'ranking', year: 2025, key: 'DISTRICT' });
    expect(runner.listeners.size).toBe(1);

    const tamkyWoken = tamky.next();
    const otherWoken = otherYear.next();
    runner.advance(1, 3); // HOIAN's assessment and a plan
    expect(await Promise.race([tamkyWoken, settle().then(() => 'not woken')])).toBe('not woken');
    log.push(event(4, 'assessment-2026-TAMKY'));
    runner.advance(3, 4);
    expect(await tamkyWoken).toBe(true);
    expect(await Promise.race([otherWoken, settle().then(() => 'not woken')])).toBe('not woken');

    tamky.close();
    otherYear.close();
    expect(runner.listeners.size).toBe(0);
  });

  it('wakes everyone when it cannot read what changed', async () => {
    const runner = new Advances();
    const feed = new ChangeFeed(
      runner,
      async () => {
        throw new Error('store down');
      },
      () => {},
    );
    const watched = feed.watch({ kind: 'assessment', year: 2026, key: 'TAMKY' });
    runner.advance(0, 5);
    expect(await watched.next()).toBe(true);
  });
});

describe('liveMessages', () => {
  it('sends the initial messages, then what each wake-up pulls, and ends at once on return() while waiting', async () => {
    const wakeups = new Wakeups();
    let pulled = 0;
    const messages = liveMessages(wakeups, ['first'], async () => [`pull ${++pulled}`]);
    expect(await messages.next()).toEqual({ value: 'first', done: false });
    wakeups.wake();
    wakeups.wake(); // two changes before the next read make one
    expect(await messages.next()).toEqual({ value: 'pull 1', done: false });
    const waiting = messages.next();
    await messages.return!();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(pulled).toBe(1);
  });

  it('sends a failed re-read as that message’s error and goes on', async () => {
    const wakeups = new Wakeups();
    let calls = 0;
    const messages = liveMessages(wakeups, [], async () => {
      if (++calls === 1) throw new Error('read failed');
      return ['ok'];
    });
    wakeups.wake();
    expect((await messages.next()).value).toEqual(new Error('read failed'));
    wakeups.wake();
    expect((await messages.next()).value).toBe('ok');
  });
});
