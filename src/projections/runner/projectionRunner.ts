import type { RecordedEvent } from '../../events/envelope';
import type { EventStore } from '../../events/store/eventStore';
import type { RecordedParEvent } from '../../events/parEvents';
import { upcast } from '../../events/upcasters';
import type { Projection } from '../projection';
import type { DocumentWrite, ReadStore, StoredDocument } from '../store/readStore';

/** One projection written into one generation of its collections, with its own checkpoint. */
interface Target {
  projection: Projection;
  generation: number;
  checkpoint: number;
}

export interface RunnerOptions {
  batchSize?: number;
  /** Names this process in the projection lease; give each service instance its own. */
  instanceId?: string;
  /** How long the lease lasts without renewal: after a holder dies, another instance takes over this late. */
  leaseTtlMs?: number;
  /** How often to look for events appended by other processes. */
  pollMs?: number;
  log?: (message: string) => void;
}

export interface RebuildProgress {
  projection: string;
  position: number;
  head: number;
}

export interface ProjectionStatus {
  name: string;
  /** Events this process applied to the live generation since it started (0 on a follower). */
  appliedSinceStart: number;
  version: number;
  generation: number;
  checkpoint: number;
  /** Set while a rebuild replays into the next generation. */
  rebuilding: RebuildProgress | null;
}

/** How often a runner looks whether another process switched a projection to a new generation. */
const GENERATION_SYNC_MS = 1000;
/** Only the holder of this lease advances projections; the other instances read the checkpoints it writes. */
const LEASE = 'projection-runner';
/** A follower with a mutation waiting for its read-your-writes checks the leader's progress this often. */
const WAITING_POLL_MS = 25;

const physical = (collection: string, generation: number) => `${collection}_g${generation}`;
const generationKey = (name: string) => `projection:${name}:generation`;
const versionKey = (name: string) => `projection:${name}:version`;
const checkpointKey = (name: string, generation: number) => `${name}@g${generation}`;

/**
 * Feeds the log to the projections: catch-up in batches from each checkpoint, then follow. Documents of a batch
 * are cached, so a projection sees its own earlier writes of the batch, and written once at the batch's end
 * together with the checkpoints. Rebuilds replay into a new generation of collections while the live one
 * serves, and switch when they have caught up.
 */
export class ProjectionRunner {
  private live = new Map<string, Target>();
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private unsubscribe: (() => void) | null = null;
  private waiters: { position: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  private exclusive: Promise<unknown> = Promise.resolve();
  private failure: Error | null = null;
  private rebuilding = new Map<string, RebuildProgress>();
  private woken = false;
  private lastGenerationSync = 0;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly log: (message: string) => void;
  private readonly instanceId: string;
  private readonly leaseTtlMs: number;
  private leader = false;
  private readonly applied = new Map<string, number>();
  private leaseRenewedAt = 0;

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadStore,
    readonly projections: readonly Projection[],
    options: RunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.pollMs = options.pollMs ?? 500;
    this.log = options.log ?? (() => {});
    this.instanceId = options.instanceId ?? `runner-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    this.leaseTtlMs = options.leaseTtlMs ?? 10_000;
  }

  /** Whether this process currently advances the projections (holds the lease). */
  isLeader(): boolean {
    return this.leader;
  }

  get id(): string {
    return this.instanceId;
  }

  /**
   * Resolves each projection's live generation and starts following. The lease holder builds projections that
   * are new or whose version changed; other instances wait until it has, then read what it writes.
   */
  async start(): Promise<void> {
    for (;;) {
      if (await this.holdLease()) {
        await this.prepareAsLeader();
        break;
      }
      if (await this.adoptBuiltGenerations()) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    this.running = true;
    this.unsubscribe = this.events.onAppend(() => this.nudge());
    this.loop = this.follow();
  }

  private async prepareAsLeader(): Promise<void> {
    for (const projection of this.projections) {
      const generation = Number((await this.store.getMeta(generationKey(projection.name))) ?? 0);
      const version = Number((await this.store.getMeta(versionKey(projection.name))) ?? 0);
      if (generation > 0 && version === projection.version) {
        await this.ensureCollections(projection, generation);
        this.live.set(projection.name, { projection, generation, checkpoint: await this.store.checkpoint(checkpointKey(projection.name, generation)) });
      } else {
        // New or changed projection: built before serving. (On a running service, rebuild() builds beside the
        // live generation instead.)
        if (generation > 0) this.log(`projection ${projection.name}: version ${version} → ${projection.version}, rebuilding`);
        const target = await this.buildGeneration(projection, generation + 1, undefined, () => this.holdLease());
        await this.switchTo(target, generation);
      }
    }
  }

  /** A follower's start: true once every projection has a generation of this build's version. */
  private async adoptBuiltGenerations(): Promise<boolean> {
    const found: Target[] = [];
    for (const projection of this.projections) {
      const generation = Number((await this.store.getMeta(generationKey(projection.name))) ?? 0);
      const version = Number((await this.store.getMeta(versionKey(projection.name))) ?? 0);
      if (generation === 0 || version !== projection.version) return false;
      found.push({ projection, generation, checkpoint: await this.store.checkpoint(checkpointKey(projection.name, generation)) });
    }
    for (const target of found) this.live.set(target.projection.name, target);
    return true;
  }

  /** Takes or renews the lease, at most every fifth of its lifetime. */
  private async holdLease(): Promise<boolean> {
    const now = Date.now();
    if (this.leader && now - this.leaseRenewedAt < this.leaseTtlMs / 5) return true;
    const held = await this.store.acquireLease(LEASE, this.instanceId, this.leaseTtlMs);
    if (held !== this.leader) this.log(`projection runner ${this.instanceId}: ${held ? 'now advances the projections' : 'follows another instance'}`);
    this.leader = held;
    if (held) this.leaseRenewedAt = now;
    return held;
  }

  /** A follower's view of the leader's progress. */
  private async refreshCheckpoints(): Promise<void> {
    for (const target of this.live.values()) {
      target.checkpoint = Math.max(target.checkpoint, await this.store.checkpoint(checkpointKey(target.projection.name, target.generation)));
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake?.();
    await this.loop;
    if (this.leader) {
      this.leader = false;
      // Hand over at once rather than after the lease expires.
      await this.store.releaseLease(LEASE, this.instanceId).catch(() => undefined);
    }
  }

  /** The physical collection a query should read for a projection's logical collection. */
  collection(projectionName: string, logical: string): string {
    const target = this.live.get(projectionName);
    if (!target) throw new Error(`projection ${projectionName} is not running`);
    return physical(logical, target.generation);
  }

  /** The lowest checkpoint of the live projections: every event up to it is visible in every read model. */
  position(): number {
    let min = Number.POSITIVE_INFINITY;
    for (const t of this.live.values()) min = Math.min(min, t.checkpoint);
    return Number.isFinite(min) ? min : 0;
  }

  /** Read-your-writes: resolves once every live projection has applied `position`, or rejects after `timeoutMs`. */
  waitFor(position: number, timeoutMs = 5000): Promise<void> {
    if (this.position() >= position) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`read models did not reach position ${position} within ${timeoutMs} ms (at ${this.position()})`));
      }, timeoutMs);
      const waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.push(waiter);
      this.nudge();
    });
  }

  /** Catches up to the current head of the log; for start-up, tests and command-side set queries. */
  async catchUp(): Promise<void> {
    const head = await this.events.headPosition();
    await this.waitFor(head, 60_000);
  }

  /**
   * Replays the whole log into a new generation of one projection while the live generation keeps serving, then
   * switches. `onProgress` is called after each batch.
   */
  async rebuild(name: string, onProgress?: (p: RebuildProgress) => void): Promise<void> {
    const current = this.live.get(name);
    if (!current) throw new Error(`unknown projection ${name}; known: ${this.projections.map((p) => p.name).join(', ')}`);
    if (this.rebuilding.has(name)) throw new Error(`projection ${name} is already being rebuilt`);
    this.rebuilding.set(name, { projection: name, position: 0, head: await this.events.headPosition() });
    try {
      const target = await this.buildGeneration(current.projection, current.generation + 1, (p) => {
        this.rebuilding.set(name, p);
        onProgress?.(p);
      });
      await this.withExclusive(async () => {
        await this.advance([target], Number.POSITIVE_INFINITY); // the last events appended during the rebuild
        await this.switchTo(target, current.generation);
      });
    } finally {
      this.rebuilding.delete(name);
    }
  }

  status(): ProjectionStatus[] {
    return this.projections.map((p) => {
      const live = this.live.get(p.name);
      return {
        name: p.name,
        appliedSinceStart: this.applied.get(p.name) ?? 0,
        version: p.version,
        generation: live?.generation ?? 0,
        checkpoint: live?.checkpoint ?? 0,
        rebuilding: this.rebuilding.get(p.name) ?? null,
      };
    });
  }

  private async buildGeneration(
    projection: Projection,
    generation: number,
    onProgress?: (p: RebuildProgress) => void,
    /** Renews the lease during a long first build, so other instances keep waiting instead of taking over. */
    keepLease?: () => Promise<boolean>,
  ): Promise<Target> {
    // A generation left half-built by an interrupted rebuild is dropped, not trusted.
    for (const c of projection.collections) await this.store.dropCollection(physical(c.name, generation));
    await this.ensureCollections(projection, generation);
    const target: Target = { projection, generation, checkpoint: 0 };
    for (;;) {
      const head = await this.events.headPosition();
      if (target.checkpoint >= head) break;
      await this.advance([target], 1);
      if (keepLease && !(await keepLease())) throw new Error(`lost the projection lease while building ${projection.name}`);
      onProgress?.({ projection: projection.name, position: target.checkpoint, head });
    }
    return target;
  }

  private async switchTo(target: Target, previousGeneration: number): Promise<void> {
    const { projection, generation } = target;
    // Generation first: a crash between the two writes leaves the old version recorded, so the next start
    // rebuilds instead of serving a generation built by other code under the new version.
    await this.store.setMeta(generationKey(projection.name), String(generation));
    await this.store.setMeta(versionKey(projection.name), String(projection.version));
    this.live.set(projection.name, target);
    // The previous generation stays one more round: a query in flight, or another process that has not yet
    // noticed the switch, may still read it. The one before goes.
    if (previousGeneration > 1) {
      for (const c of projection.collections) await this.store.dropCollection(physical(c.name, previousGeneration - 1));
    }
    this.resolveWaiters();
  }

  /** Adopts generations another process switched to (a rebuild run by the CLI or by another instance). */
  private async syncGenerations(): Promise<void> {
    const now = Date.now();
    if (now - this.lastGenerationSync < GENERATION_SYNC_MS) return;
    this.lastGenerationSync = now;
    for (const [name, target] of this.live) {
      const stored = Number((await this.store.getMeta(generationKey(name))) ?? 0);
      if (stored > target.generation) {
        this.log(`projection ${name}: switching to generation ${stored}, built elsewhere`);
        this.live.set(name, { projection: target.projection, generation: stored, checkpoint: await this.store.checkpoint(checkpointKey(name, stored)) });
      }
    }
  }

  private async ensureCollections(projection: Projection, generation: number) {
    for (const c of projection.collections) await this.store.ensureCollection({ name: physical(c.name, generation), indexes: c.indexes });
  }

  private async follow(): Promise<void> {
    while (this.running) {
      let progressed = false;
      try {
        progressed = await this.withExclusive(async () => {
          await this.syncGenerations();
          if (await this.holdLease()) return this.advance([...this.live.values()], 1);
          await this.refreshCheckpoints();
          return false;
        });
        this.failure = null;
      } catch (error) {
        // A projector bug or a store outage must not kill the service; waiters see it, the loop retries.
        this.failure = error as Error;
        this.log(`projection runner: ${(error as Error).message}`);
        for (const w of this.waiters.splice(0)) w.reject(this.failure);
      }
      this.resolveWaiters();
      if (!progressed && this.running) {
        // A leader wakes often enough to renew its lease; a follower with a mutation waiting checks often.
        const interval = this.leader ? Math.min(this.pollMs, this.leaseTtlMs / 5) : this.waiters.length > 0 ? WAITING_POLL_MS : this.pollMs;
        await this.sleep(interval);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    // An append announced while the loop was busy (not sleeping) would otherwise wait a whole interval.
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        this.woken = false;
        done();
      };
    });
  }

  /** Wakes the loop now, or makes its next sleep return at once if it is busy. */
  private nudge(): void {
    this.woken = true;
    this.wake?.();
  }

  private withExclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.exclusive.then(work, work);
    this.exclusive = run.catch(() => undefined);
    return run;
  }

  private resolveWaiters() {
    const position = this.position();
    const ready = this.waiters.filter((w) => w.position <= position);
    this.waiters = this.waiters.filter((w) => w.position > position);
    for (const w of ready) w.resolve();
  }

  /** Applies up to `batches` batches to the targets; true when any event was read. */
  private async advance(targets: Target[], batches: number): Promise<boolean> {
    if (targets.length === 0) return false;
    let progressed = false;
    for (let i = 0; i < batches; i++) {
      const from = Math.min(...targets.map((t) => t.checkpoint));
      const raw = await this.events.readAll(from, this.batchSize);
      if (raw.length === 0) break;
      progressed = true;
      await this.applyBatch(targets, raw);
    }
    return progressed;
  }

  private async applyBatch(targets: Target[], raw: RecordedEvent[]): Promise<void> {
    const events = raw.map((e) => upcast(e));
    const cache = new Map<string, StoredDocument | null>();
    const dirty = new Map<string, DocumentWrite>();
    const key = (collection: string, id: string) => `${collection}\u0000${id}`;

    // Every projector names its reads from the event alone, so one getMany per collection serves the batch.
    const wanted = new Map<string, Set<string>>();
    for (const event of events) {
      for (const t of targets) {
        if (event.globalPosition <= t.checkpoint || !t.projection.handles.has(event.type)) continue;
        for (const ref of t.projection.reads(event)) {
          const name = physical(ref.collection, t.generation);
          if (!wanted.has(name)) wanted.set(name, new Set());
          wanted.get(name)!.add(ref.id);
        }
      }
    }
    for (const [collection, ids] of wanted) {
      const found = await this.store.getMany(collection, [...ids]);
      for (const id of ids) cache.set(key(collection, id), found.get(id) ?? null);
    }

    for (const event of events) {
      for (const t of targets) {
        if (event.globalPosition <= t.checkpoint || !t.projection.handles.has(event.type)) continue;
        this.applyOne(t, event, cache, dirty, key);
      }
    }
    const last = events[events.length - 1].globalPosition;
    const checkpoints = targets.filter((t) => t.checkpoint < last).map((t) => ({ projection: checkpointKey(t.projection.name, t.generation), position: last }));
    await this.store.write([...dirty.values()], checkpoints);
    for (const t of targets) {
      if (this.live.get(t.projection.name) === t) {
        const fresh = events.filter((e) => e.globalPosition > t.checkpoint).length;
        this.applied.set(t.projection.name, (this.applied.get(t.projection.name) ?? 0) + fresh);
      }
      t.checkpoint = Math.max(t.checkpoint, last);
    }
  }

  private applyOne(
    target: Target,
    event: RecordedParEvent,
    cache: Map<string, StoredDocument | null>,
    dirty: Map<string, DocumentWrite>,
    key: (collection: string, id: string) => string,
  ) {
    const lookup = <T>(collection: string, id: string): T | null => {
      const entry = cache.get(key(physical(collection, target.generation), id));
      if (entry === undefined) throw new Error(`projection ${target.projection.name} read ${collection}/${id} without naming it in reads()`);
      return (entry?.doc as T) ?? null;
    };
    let changes;
    try {
      changes = target.projection.apply(event, lookup);
    } catch (error) {
      throw new Error(`projection ${target.projection.name} failed on ${event.type} at position ${event.globalPosition}: ${(error as Error).message}`);
    }
    for (const change of changes) {
      const collection = physical(change.collection, target.generation);
      const k = key(collection, change.id);
      const existing = cache.get(k);
      // Already applied to this document (a replay after a crash between document and checkpoint writes).
      if (existing && existing.position >= event.globalPosition) continue;
      const stored = { doc: change.doc, position: event.globalPosition };
      cache.set(k, stored);
      dirty.set(k, { collection, id: change.id, ...stored });
    }
  }
}
