import type { EventStore } from '../../events/store/eventStore';
import type { Projection } from '../projection';
import type { ReadStore } from '../store/readStore';
import type { BatchApplier, ProjectorFailure } from './applyBatch';
import type { RunnerClock } from './clock';
import { checkpointKey, generationKey, physical, versionKey, type Target } from './target';
import { WorkingSet } from './workingSet';

export interface RebuildProgress {
  projection: string;
  position: number;
  head: number;
}

/** How often a runner looks whether another process switched a projection to a new generation. */
const GENERATION_SYNC_MS = 1000;

/**
 * Which generation of each projection is live. A rebuild replays the log into the next generation beside the
 * live one and switches when caught up; the switch is recorded in the read store, where other instances (and
 * the rebuild CLI) find it.
 */
export class Generations {
  readonly live = new Map<string, Target>();
  private lastSync = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadStore,
    private readonly projections: readonly Projection[],
    private readonly applier: BatchApplier,
    private readonly clock: RunnerClock,
    private readonly log: (message: string) => void,
    /** Documents a build keeps in memory between batches (RunnerOptions.buildWorkingSet). */
    private readonly workingSetSize: number,
  ) {}

  /**
   * The lease holder's start: adopts each projection's stored generation, or builds one before serving when the
   * projection is new or its version changed. A projector that fails during that first build does not stop the
   * start: its partly built generation goes live at the event before the failure, and the failure is returned so
   * the runner retries it like any other.
   */
  async prepareAsLeader(
    keepLease: () => Promise<boolean>,
    onProgress?: (p: RebuildProgress) => void,
  ): Promise<{ built: string[]; failures: ProjectorFailure[] }> {
    const toBuild: { projection: Projection; generation: number }[] = [];
    for (const projection of this.projections) {
      const { generation, version } = await this.stored(projection.name);
      if (generation > 0 && version === projection.version) {
        await this.ensureCollections(projection, generation);
        this.live.set(projection.name, { projection, generation, checkpoint: await this.store.checkpoint(checkpointKey(projection.name, generation)) });
        continue;
      }
      // New or changed projection: built before serving. (On a running service, rebuild() builds beside the live
      // generation instead.)
      if (generation > 0) this.log(`projection ${projection.name}: version ${version} → ${projection.version}, rebuilding`);
      toBuild.push({ projection, generation: generation + 1 });
    }
    const { targets, failures } = await this.build(toBuild, { keepLease, onProgress });
    for (const target of targets) await this.switchTo(target, target.generation - 1);
    return { built: targets.map((t) => t.projection.name), failures };
  }

  /** A follower's start: true once every projection has a generation of this build's version. */
  async adoptBuilt(): Promise<boolean> {
    const found: Target[] = [];
    for (const projection of this.projections) {
      const { generation, version } = await this.stored(projection.name);
      if (generation === 0 || version !== projection.version) return false;
      found.push({ projection, generation, checkpoint: await this.store.checkpoint(checkpointKey(projection.name, generation)) });
    }
    for (const target of found) this.live.set(target.projection.name, target);
    return true;
  }

  /**
   * Replays the log into the given generations of several projections together, up to the head: each batch of
   * the log is read and upcast once for all of them. A projection whose projector fails stops just before the
   * failing event while the others go on; its target is returned as it stands, with the failure, and the caller
   * decides whether that fails a rebuild or only this projection.
   */
  async build(
    specs: readonly { projection: Projection; generation: number }[],
    options: {
      /** After each batch, once per projection still being built. */
      onProgress?: (p: RebuildProgress) => void;
      /** Renews the lease during a long first build, so other instances keep waiting instead of taking over. */
      keepLease?: () => Promise<boolean>;
    } = {},
  ): Promise<{ targets: Target[]; failures: ProjectorFailure[] }> {
    const targets: Target[] = [];
    for (const { projection, generation } of specs) {
      // A generation left half-built by an interrupted rebuild is dropped, not trusted.
      for (const c of projection.collections) await this.store.dropCollection(physical(c.name, generation));
      // Indexes come first: a build writes each document about once (WorkingSet), so keeping them up to date costs
      // less than creating them after the replay, which scans every collection of the store once per index.
      await this.ensureCollections(projection, generation);
      targets.push({ projection, generation, checkpoint: 0 });
    }
    const failures: ProjectorFailure[] = [];
    // Documents stay in memory across batches and are written once cold, or at the end with the checkpoints:
    // nothing reads these generations before they are switched to, and a crash before the end drops them.
    const kept = new WorkingSet(this.workingSetSize);
    let active = targets;
    for (;;) {
      const head = await this.events.headPosition();
      active = active.filter((t) => t.checkpoint < head);
      if (active.length === 0) {
        failures.push(...(await this.applier.flush(targets, kept)));
        return { targets, failures };
      }
      const result = await this.applier.advance(active, 1, kept);
      failures.push(...result.failures);
      active = active.filter((t) => !result.failures.some((f) => f.target === t));
      if (options.keepLease && !(await options.keepLease()))
        throw new Error(`lost the projection lease while building ${specs.map((s) => s.projection.name).join(', ')}`);
      for (const t of active) options.onProgress?.({ projection: t.projection.name, position: t.checkpoint, head });
    }
  }

  /**
   * Builds the next generation of live projections beside them, together. A projection whose projector fails is
   * left out of what is returned (its live generation stays) and its failure returned.
   */
  async buildNext(
    names: readonly string[],
    onProgress: (p: RebuildProgress) => void,
  ): Promise<{ built: { target: Target; previous: number }[]; failures: ProjectorFailure[] }> {
    const current = names.map((name) => {
      const live = this.live.get(name);
      if (!live) throw new Error(`unknown projection ${name}; known: ${this.projections.map((p) => p.name).join(', ')}`);
      return live;
    });
    const { targets, failures } = await this.build(
      current.map((c) => ({ projection: c.projection, generation: c.generation + 1 })),
      { onProgress },
    );
    const built = targets.filter((t) => !failures.some((f) => f.target === t)).map((target) => ({ target, previous: target.generation - 1 }));
    return { built, failures };
  }

  async switchTo(target: Target, previousGeneration: number): Promise<void> {
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
  }

  /** Adopts generations another process switched to (a rebuild run by the CLI or by another instance). */
  async syncFromStore(): Promise<void> {
    const now = this.clock.now();
    if (now - this.lastSync < GENERATION_SYNC_MS && now >= this.lastSync) return;
    this.lastSync = now;
    for (const [name, target] of this.live) {
      const stored = Number((await this.store.getMeta(generationKey(name))) ?? 0);
      if (stored > target.generation) {
        this.log(`projection ${name}: switching to generation ${stored}, built elsewhere`);
        this.live.set(name, { projection: target.projection, generation: stored, checkpoint: await this.store.checkpoint(checkpointKey(name, stored)) });
      }
    }
  }

  /** A follower's view of the lease holder's progress. */
  async refreshCheckpoints(): Promise<void> {
    for (const target of this.live.values()) {
      target.checkpoint = Math.max(target.checkpoint, await this.store.checkpoint(checkpointKey(target.projection.name, target.generation)));
    }
  }

  /** The physical collection a query should read for a projection's logical collection. */
  collection(projectionName: string, logical: string): string {
    const target = this.live.get(projectionName);
    if (!target) throw new Error(`projection ${projectionName} is not running`);
    return physical(logical, target.generation);
  }

  private async stored(name: string): Promise<{ generation: number; version: number }> {
    return {
      generation: Number((await this.store.getMeta(generationKey(name))) ?? 0),
      version: Number((await this.store.getMeta(versionKey(name))) ?? 0),
    };
  }

  private async ensureCollections(projection: Projection, generation: number) {
    for (const c of projection.collections) await this.store.ensureCollection({ name: physical(c.name, generation), indexes: c.indexes });
  }
}
