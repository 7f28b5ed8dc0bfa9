import type { RecordedEvent } from '../../events/envelope';
import type { EventStore } from '../../events/store/eventStore';
import type { Projection } from '../projection';
import type { ReadStore } from '../store/readStore';
import { Advances, type AdvanceListener } from './advances';
import { AppendedTail } from './appendedTail';
import { BatchApplier, describeFailure, spentSince, type ProjectorFailure } from './applyBatch';
import { Sleeper, systemRunnerClock, type RunnerClock } from './clock';
import { DEFAULT_RETRY, FAILURES_META_KEY, ProjectionFailures } from './failures';
import { Generations, type RebuildProgress } from './generations';
import { RunnerLease } from './lease';
import type { RebuildReport, RunnerOptions } from './runnerOptions';
import { describeProjection, type ProjectionStatus } from './status';
import { PositionWaiters, ProjectionsBehindError } from './waiters';

export type { RebuildProgress } from './generations';
export { ProjectionsBehindError } from './waiters';
export { PROJECTION_STATES, type ProjectionState } from './status';
export type { RunnerOptions } from './runnerOptions';
export type { AdvanceListener } from './advances';

/** A follower with a mutation waiting for its read-your-writes checks the leader's progress this often. */
const WAITING_POLL_MS = 25;
/** A follower with live subscribers (onAdvance) checks the leader's progress this often, so they hear of it soon. */
const WATCHED_POLL_MS = 50;

/**
 * Feeds the log to the projections: catch-up in batches from each checkpoint, then follow (BatchApplier); one
 * instance at a time, the lease holder (RunnerLease); side-by-side rebuilds into new generations (Generations);
 * read-your-writes (PositionWaiters); projector failures isolated per projection and retried (ProjectionFailures).
 */
export class ProjectionRunner {
  private running = false;
  private loop: Promise<void> | null = null;
  private unsubscribe: (() => void) | null = null;
  private exclusive: Promise<unknown> = Promise.resolve();
  private readonly rebuilding = new Map<string, RebuildProgress>();
  private readonly applied = new Map<string, number>();
  private readonly pollMs: number;
  private readonly log: (message: string) => void;
  private readonly logError: (message: string) => void;
  private readonly clock: RunnerClock;
  private readonly sleeper: Sleeper;
  private readonly lease: RunnerLease;
  private readonly applier: BatchApplier;
  private readonly buildApplier: BatchApplier;
  private readonly generations: Generations;
  private readonly failures: ProjectionFailures;
  private readonly waiters: PositionWaiters;
  private readonly tail: AppendedTail;
  private readonly onBuildProgress?: (p: RebuildProgress) => void;
  private builtAtStart: readonly string[] = [];
  private readonly advances: Advances;

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadStore,
    readonly projections: readonly Projection[],
    options: RunnerOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 500;
    this.onBuildProgress = options.onBuildProgress;
    this.log = options.log ?? (() => {});
    this.logError = options.logError ?? this.log;
    this.clock = options.clock ?? systemRunnerClock;
    this.sleeper = new Sleeper(this.clock);
    const instanceId = options.instanceId ?? `runner-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    this.lease = new RunnerLease(store, instanceId, options.leaseTtlMs ?? 10_000, this.clock, this.log);
    this.tail = new AppendedTail(events);
    // Following the log reads what this process appended from memory, everything else from the store.
    this.applier = new BatchApplier(this.tail.following(), store, options.batchSize ?? 500, (target, count) => {
      const name = target.projection.name;
      if (this.generations.live.get(name) === target) this.applied.set(name, (this.applied.get(name) ?? 0) + count);
    });
    this.buildApplier = new BatchApplier(events, store, options.buildBatchSize ?? options.batchSize ?? 2000);
    this.generations = new Generations(events, store, projections, this.buildApplier, this.clock, this.log, options.buildWorkingSet ?? 5000);
    this.advances = new Advances(this.logError);
    this.failures = new ProjectionFailures(this.clock, this.logError, options.retry ?? DEFAULT_RETRY);
    this.waiters = new PositionWaiters(this.clock, (position, timeoutMs, projections, stopped) => this.behindError(position, timeoutMs, projections, stopped));
  }

  /** The projections this process built before serving in start() (new, or their version changed). */
  builtOnStart(): readonly string[] {
    return this.builtAtStart;
  }

  /** Whether this process currently advances the projections (holds the lease). */
  isLeader(): boolean {
    return this.lease.isHeld;
  }

  get id(): string {
    return this.lease.holder;
  }

  /**
   * Resolves each projection's live generation and starts following. The lease holder builds projections that
   * are new or whose version changed; other instances wait until it has, then read what it writes.
   */
  async start(): Promise<void> {
    for (;;) {
      if (await this.lease.hold()) {
        const { built, failures: failed } = await this.generations.prepareAsLeader(() => this.lease.hold(), this.onBuildProgress);
        this.builtAtStart = built;
        this.failures.takeOver();
        for (const f of failed) this.recordFailure(f);
        await this.publishFailures();
        break;
      }
      if (await this.generations.adoptBuilt()) break;
      await new Promise<void>((resolve) => this.clock.setTimer(200, resolve));
    }
    this.running = true;
    this.unsubscribe = this.events.onAppend(() => this.sleeper.nudge());
    this.loop = this.follow();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.sleeper.nudge();
    await this.loop;
    this.waiters.rejectAll();
    await this.lease.release();
  }

  /**
   * Calls `listener` each time the visible position (position()) advanced, after the read models hold it, with the
   * positions (from, to]; after a rebuild `from` is 0, as any answer may have changed. Returns the unsubscribe.
   * While anyone listens, a follower looks at the leader's progress often.
   */
  onAdvance(listener: AdvanceListener): () => void {
    return this.advances.add(listener, this.position());
  }

  /** The physical collection a query should read for a projection's logical collection. */
  collection(projectionName: string, logical: string): string {
    return this.generations.collection(projectionName, logical);
  }

  /** The lowest checkpoint of the live projections: every event up to it is visible in every read model. */
  position(): number {
    return lowest([...this.generations.live.values()].map((t) => t.checkpoint));
  }

  /**
   * Read-your-writes: resolves once every named live projection (every one when `projections` is null) that is
   * not FAILED has applied `position`; rejects with ProjectionsBehindError after `timeoutMs`. A mutation names
   * only what its answer reads, so a projection it does not read (slow, catching up, failed) cannot delay it. A
   * failed projection is not waited for, so one broken projector cannot make every command time out; a caller
   * reading that projection sees it as it stood before the failure (and `projections` says FAILED). When every
   * named projection has failed, nothing is visible and waits time out.
   */
  waitFor(position: number, timeoutMs = 5000, projections: readonly string[] | null = null): Promise<void> {
    const unknown = (projections ?? []).filter((name) => !this.projections.some((p) => p.name === name));
    if (unknown.length > 0) return Promise.reject(new Error(`waitFor: unknown projection ${unknown.join(', ')}`));
    if (this.visiblePosition(projections) >= position) return Promise.resolve();
    const waiting = this.waiters.wait(position, timeoutMs, projections);
    // The leader's loop was woken by the commit of what this process appended: another wake-up would only add an
    // empty round. A follower is woken so that it looks at the leader's progress now and then often (pause()).
    if (!(this.lease.isHeld && this.tail.offered(position))) this.sleeper.nudge();
    return waiting;
  }

  /**
   * Events this process appended, as its append returned them: following the log takes them from here instead of
   * reading them back, when they continue where the projections are (see AppendedTail).
   */
  offer(recorded: readonly RecordedEvent[]): void {
    // Only the leader applies; a follower would hold them for nothing.
    if (this.lease.isHeld) this.tail.offer(recorded);
  }

  /** Whether `name` is FAILED at or before `position`: its read model then lacks what came at that position. */
  failedAtOrBefore(name: string, position: number): boolean {
    const failure = this.failures.get(name);
    return failure !== null && failure.position <= position;
  }

  /** Catches up to the current head of the log; for start-up, tests and command-side set queries. */
  async catchUp(): Promise<void> {
    const head = await this.events.headPosition();
    await this.waitFor(head, 60_000);
  }

  /** rebuildMany of one projection: a projector failure fails the rebuild, and the live generation stays. */
  async rebuild(name: string, onProgress?: (p: RebuildProgress) => void): Promise<void> {
    await this.rebuildMany([name], onProgress);
  }

  /**
   * Rebuilds several projections in one pass over the log (each batch read and upcast once for all of them), each
   * beside its live generation, and switches each once caught up. `onProgress` is called after each batch for each
   * projection still being built. A projection whose projector fails keeps its live generation; the others switch,
   * and the call then rejects naming the failures.
   */
  async rebuildMany(names: readonly string[], onProgress?: (p: RebuildProgress) => void): Promise<RebuildReport> {
    for (const name of names) {
      if (!this.generations.live.has(name)) throw new Error(`unknown projection ${name}; known: ${this.projections.map((p) => p.name).join(', ')}`);
      if (this.rebuilding.has(name)) throw new Error(`projection ${name} is already being rebuilt`);
    }
    const head = await this.events.headPosition();
    for (const name of names) this.rebuilding.set(name, { projection: name, position: 0, head });
    const started = performance.now(); // wall time for the report (the runner's clock may be a test's manual one)
    const spentBefore = this.buildApplier.spent();
    try {
      const { built, failures } = await this.generations.buildNext(names, (p) => {
        this.rebuilding.set(p.projection, p);
        onProgress?.(p);
      });
      await this.withExclusive(async () => {
        const caughtUp = await this.applier.advance(
          built.map((b) => b.target),
          Infinity,
        ); // appended during the rebuild
        failures.push(...caughtUp.failures);
        for (const { target, previous } of built) {
          if (caughtUp.failures.some((f) => f.target === target)) continue;
          await this.generations.switchTo(target, previous);
          this.failures.recovered(target.projection.name, target.checkpoint);
        }
        await this.publishFailures();
      });
      this.settleWaiters();
      // A rebuilt read model may answer differently about any event, not only those appended meanwhile.
      this.advances.announce(this.position(), 0);
      if (failures.length > 0) throw new Error(failures.map(describeFailure).join('; '));
      return { events: head, ms: performance.now() - started, ...spentSince(spentBefore, this.buildApplier.spent(), names) };
    } finally {
      for (const name of names) this.rebuilding.delete(name);
    }
  }

  status(): ProjectionStatus[] {
    return this.projections.map((p) =>
      describeProjection(p.name, p.version, {
        live: this.generations.live.get(p.name),
        failure: this.failures.get(p.name),
        rebuilding: this.rebuilding.get(p.name) ?? null,
        applied: this.applied.get(p.name) ?? 0,
        leader: this.lease.isHeld,
      }),
    );
  }

  private async follow(): Promise<void> {
    while (this.running) {
      let progressed = false;
      try {
        progressed = await this.withExclusive(async () => {
          await this.generations.syncFromStore();
          const wasLeader = this.lease.isHeld;
          if (await this.lease.hold()) {
            if (!wasLeader) this.failures.takeOver();
            return this.advanceLive();
          }
          await this.generations.refreshCheckpoints();
          this.failures.adopt(await this.store.getMeta(FAILURES_META_KEY));
          return false;
        });
      } catch (error) {
        // A store outage must not kill the service: log it and try again next round.
        this.logError(`projection runner: ${(error as Error).message}`);
      }
      this.settleWaiters();
      this.advances.announce(this.position());
      // After a round that read less than a batch, the next waits for a wake-up (an append here, a waiter, the
      // poll), which comes at once if one arrived during the round: no empty round after each one.
      if (!(progressed && this.tail.lastReadFull) && this.running) await this.sleeper.sleep(this.pause());
    }
  }

  /** One batch for every projection that is healthy or due for a retry; failures stop only their projection. */
  private async advanceLive(): Promise<boolean> {
    const now = this.clock.now();
    const targets = [...this.generations.live.values()].filter((t) => this.failures.runnable(t.projection.name, now));
    const { progressed, failures } = await this.applier.advance(targets, 1);
    for (const f of failures) this.recordFailure(f);
    for (const t of targets) {
      const failure = this.failures.get(t.projection.name);
      if (failure && t.checkpoint >= failure.position) this.failures.recovered(t.projection.name, t.checkpoint);
    }
    await this.publishFailures();
    return progressed;
  }

  private recordFailure({ target, ...failure }: ProjectorFailure): void {
    this.failures.record(target.projection.name, failure);
  }

  /** The lease holder tells the other instances which projections failed, so they report and wait alike. */
  private async publishFailures(): Promise<void> {
    if (!this.lease.isHeld) return;
    const changed = this.failures.takeChanges();
    if (changed === null) return;
    try {
      await this.store.setMeta(FAILURES_META_KEY, changed);
    } catch (error) {
      this.failures.markChanged();
      throw error;
    }
  }

  /** How long the loop rests when it found nothing to do. */
  private pause(): number {
    // A leader wakes often enough to renew its lease and to retry failed projections on time; a follower with a
    // mutation waiting checks often.
    if (this.lease.isHeld) return Math.min(this.pollMs, this.lease.renewEveryMs, this.failures.untilNextRetry() ?? Number.POSITIVE_INFINITY);
    if (this.waiters.count > 0) return WAITING_POLL_MS;
    return this.advances.watched ? Math.min(WATCHED_POLL_MS, this.pollMs) : this.pollMs;
  }

  /**
   * The lowest checkpoint of the named live projections (all when null) that are not FAILED, or of all the named
   * ones when every one of them failed.
   */
  private visiblePosition(projections: readonly string[] | null = null): number {
    const live = this.liveTargets(projections);
    const healthy = live.filter((t) => !this.failures.has(t.projection.name));
    return lowest((healthy.length > 0 ? healthy : live).map((t) => t.checkpoint));
  }

  private liveTargets(projections: readonly string[] | null) {
    const live = [...this.generations.live.values()];
    return projections === null ? live : live.filter((t) => projections.includes(t.projection.name));
  }

  private settleWaiters(): void {
    this.waiters.settle((projections) => this.visiblePosition(projections));
  }

  private behindError(position: number, timeoutMs: number, projections: readonly string[] | null, stopped = false): ProjectionsBehindError {
    const behind = this.liveTargets(projections)
      .filter((t) => t.checkpoint < position && !this.failures.has(t.projection.name))
      .map((t) => ({ projection: t.projection.name, checkpoint: t.checkpoint }));
    const failed = this.failures
      .names()
      .filter((name) => projections === null || projections.includes(name))
      .map((name) => ({ projection: name, position: this.failures.get(name)!.position, message: this.failures.get(name)!.message }));
    return new ProjectionsBehindError(position, timeoutMs, behind, failed, stopped);
  }

  private withExclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.exclusive.then(work, work);
    this.exclusive = run.catch(() => undefined);
    return run;
  }
}

const lowest = (checkpoints: number[]) => (checkpoints.length > 0 ? Math.min(...checkpoints) : 0);
