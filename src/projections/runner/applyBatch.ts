import type { RecordedEvent } from '../../events/envelope';
import type { RecordedParEvent } from '../../events/parEvents';
import type { EventStore } from '../../events/store/eventStore';
import { upcast } from '../../events/upcasters';
import type { DocumentWrite, ReadStore } from '../store/readStore';
import type { RebuildReport } from './runnerOptions';
import { checkpointKey, physical, type Target } from './target';
import { cacheKey, WorkingSet, type ChangedDocument } from './workingSet';

/** A projector (or the upcaster before it) threw on an event; its projection stopped just before that event. */
export interface ProjectorFailure {
  target: Target;
  position: number;
  eventType: string;
  message: string;
}

export const describeFailure = (f: ProjectorFailure) =>
  `projection ${f.target.projection.name} failed on ${f.eventType} at position ${f.position}: ${f.message}`;

interface AdvanceResult {
  /** Whether any event was read. */
  progressed: boolean;
  /** Targets whose projector threw; each stays at the event before the failing one and is not advanced further here. */
  failures: ProjectorFailure[];
}

type Upcasted = { event: RecordedParEvent; error?: undefined } | { event?: undefined; error: Error; raw: RecordedEvent };

/**
 * Feeds batches of the log to projections. Documents are held in a WorkingSet, so a projection sees its own
 * earlier writes of the batch: following the log, they are written once at the batch's end together with the
 * checkpoints; building, the set lives across batches and writes documents when they go cold, and everything with
 * the checkpoints at the end (flush). A projector that throws stops only its own projection, at the event before
 * the failing one; the others apply the whole batch.
 */
export class BatchApplier {
  constructor(
    private readonly events: EventStore,
    private readonly store: ReadStore,
    private readonly batchSize: number,
    /** Told how many new events each target applied, after they are stored. */
    private readonly onApplied: (target: Target, count: number) => void = () => {},
  ) {}

  /** Milliseconds each projection's projector took (apply and present), since this applier was made. */
  readonly projectorMs = new Map<string, number>();
  /** Milliseconds spent reading the log, loading documents and writing them, since this applier was made. */
  readonly storeMs = { readLog: 0, loadDocuments: 0, writeDocuments: 0 };

  /** What this applier spent so far (spentSince gives the difference between two of these). */
  spent(): Spent {
    return { projectorMs: new Map(this.projectorMs), storeMs: { ...this.storeMs } };
  }

  /**
   * Applies up to `batches` batches to the targets. Without a working set, each batch is written at its end with
   * its checkpoints; with one (a build), documents stay in it until evicted or flushed, and checkpoints advance
   * in memory only until flush().
   */
  async advance(targets: readonly Target[], batches: number, kept: WorkingSet | null = null): Promise<AdvanceResult> {
    let active = [...targets];
    const failures: ProjectorFailure[] = [];
    let progressed = false;
    for (let i = 0; i < batches && active.length > 0; i++) {
      const from = Math.min(...active.map((t) => t.checkpoint));
      const started = performance.now();
      const raw = await this.events.readAll(from, this.batchSize);
      this.storeMs.readLog += performance.now() - started;
      if (raw.length === 0) break;
      progressed = true;
      const failed = await this.applyBatch(active, raw, kept);
      failures.push(...failed);
      active = active.filter((t) => !failed.some((f) => f.target === t));
    }
    return { progressed, failures };
  }

  /**
   * Writes every changed document a build holds, with each target's checkpoint, in one write. A target whose
   * present throws here is returned failed, at its earliest unwritten change.
   */
  async flush(targets: readonly Target[], kept: WorkingSet): Promise<ProjectorFailure[]> {
    const failures = new Map<Target, ProjectorFailure>();
    await this.write(kept, kept.takeChanged(), targets, failures);
    return [...failures.values()];
  }

  private async applyBatch(targets: readonly Target[], raw: RecordedEvent[], kept: WorkingSet | null): Promise<ProjectorFailure[]> {
    const set = kept ?? new WorkingSet(0);
    // Upcast once for every target: the batch is read and upcast once, however many projections it feeds.
    const events: Upcasted[] = raw.map((e) => {
      try {
        return { event: upcast(e) };
      } catch (error) {
        return { error: error as Error, raw: e };
      }
    });
    const failures = new Map<Target, ProjectorFailure>();
    const fail = (target: Target, e: Upcasted, error: unknown) => {
      const source = e.event ?? e.raw;
      failures.set(target, { target, position: source.globalPosition, eventType: source.type, message: messageOf(error) });
    };
    /** The events of the batch each target still has to apply, in order. */
    const pending = new Map(
      targets.map((t) => [
        t,
        events.filter((e) => {
          const source = e.event ?? e.raw;
          return source.globalPosition > t.checkpoint && t.projection.handles.has(source.type as RecordedParEvent['type']);
        }),
      ]),
    );

    // Every projector names its reads from the event alone, so one getMany per collection serves the batch (for
    // the documents not already held).
    const named = new Set<string>();
    const wanted = new Map<string, Set<string>>();
    for (const t of targets) {
      for (const e of pending.get(t)!) {
        try {
          if (e.error) throw e.error;
          for (const ref of t.projection.reads(e.event)) {
            const name = physical(ref.collection, t.generation);
            const key = cacheKey(name, ref.id);
            if (named.has(key)) continue;
            named.add(key);
            if (set.has(key)) set.touch(key);
            else {
              if (!wanted.has(name)) wanted.set(name, new Set());
              wanted.get(name)!.add(ref.id);
            }
          }
        } catch (error) {
          fail(t, e, error);
          break;
        }
      }
    }
    const loading = performance.now();
    for (const [collection, ids] of wanted) {
      const found = await this.store.getMany(collection, [...ids]);
      for (const id of ids) set.loaded(cacheKey(collection, id), found.get(id) ?? null);
    }
    this.storeMs.loadDocuments += performance.now() - loading;

    for (const t of targets) {
      const started = performance.now();
      const stopAt = failures.get(t)?.position ?? Number.POSITIVE_INFINITY;
      for (const e of pending.get(t)!) {
        if (e.event === undefined || e.event.globalPosition >= stopAt) break;
        try {
          applyOne(t, e.event, set, named);
        } catch (error) {
          fail(t, e, error);
          break;
        }
      }
      this.spend(t, started);
    }

    const last = raw[raw.length - 1].globalPosition;
    const before = new Map(targets.map((t) => [t, t.checkpoint]));
    // A failed target's checkpoint stops at the event before the failing one, so a retry starts with that event.
    for (const t of targets) t.checkpoint = Math.max(t.checkpoint, (failures.get(t)?.position ?? last + 1) - 1);
    if (kept) await this.write(set, set.evict(), [], failures);
    else {
      await this.write(
        set,
        set.takeChanged(),
        targets.filter((t) => t.checkpoint > before.get(t)!),
        failures,
      );
      for (const t of targets) this.onApplied(t, raw.filter((e) => e.globalPosition > before.get(t)! && e.globalPosition <= t.checkpoint).length);
    }
    return [...failures.values()];
  }

  /**
   * Presents and writes changed documents, with the checkpoints of `checkpointed`. A target whose present throws
   * loses every change not yet written (a retry applies them again): it stops before its earliest one.
   */
  private async write(set: WorkingSet, changed: ChangedDocument[], checkpointed: readonly Target[], failures: Map<Target, ProjectorFailure>) {
    const writes: { target: Target; key: string; write: DocumentWrite }[] = [];
    const failedHere = new Map<Target, unknown>();
    for (const d of changed) {
      const present = d.target.projection.present;
      const key = cacheKey(d.collection, d.id);
      const write = { collection: d.collection, id: d.id, position: d.stored.position, doc: d.stored.doc };
      if (!present) {
        writes.push({ target: d.target, key, write });
        continue;
      }
      if (failedHere.has(d.target)) continue;
      const started = performance.now();
      try {
        writes.push({ target: d.target, key, write: { ...write, doc: present(d.logical, d.stored.doc) } });
      } catch (error) {
        failedHere.set(d.target, error);
      }
      this.spend(d.target, started);
    }
    for (const [target, error] of failedHere) {
      // Deriving served fields failed: the target stops before its earliest change not yet written, and none of
      // those changes is written (they stay in the log; a retry applies them again).
      const ofTarget = changed.filter((d) => d.target === target);
      const held = set.firstChange(target);
      const earliest = ofTarget.reduce(
        (first, d) => (d.firstPosition < first.position ? { position: d.firstPosition, type: d.firstType } : first),
        held ?? { position: Number.POSITIVE_INFINITY, type: '' },
      );
      for (const d of ofTarget) set.forget(cacheKey(d.collection, d.id));
      set.discard(target);
      const earlier = failures.get(target);
      if (!earlier || earlier.position > earliest.position) {
        failures.set(target, { target, position: earliest.position, eventType: earliest.type, message: messageOf(error) });
      }
      target.checkpoint = Math.min(target.checkpoint, earliest.position - 1);
    }
    const kept = writes.filter((w) => !failedHere.has(w.target)).map((w) => w.write);
    const checkpoints = [...new Set([...checkpointed, ...failedHere.keys()])].map((t) => ({
      projection: checkpointKey(t.projection.name, t.generation),
      position: t.checkpoint,
    }));
    if (kept.length === 0 && checkpoints.length === 0) return;
    const started = performance.now();
    await this.store.write(kept, checkpoints);
    this.storeMs.writeDocuments += performance.now() - started;
  }

  private spend(target: Target, since: number) {
    const name = target.projection.name;
    this.projectorMs.set(name, (this.projectorMs.get(name) ?? 0) + performance.now() - since);
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

interface Spent {
  projectorMs: Map<string, number>;
  storeMs: BatchApplier['storeMs'];
}

/** The time spent between two readings of BatchApplier.spent(), for the named projections. */
export function spentSince(before: Spent, after: Spent, names: readonly string[]): Pick<RebuildReport, 'projectorMs' | 'storeMs'> {
  const projector = (name: string) => (after.projectorMs.get(name) ?? 0) - (before.projectorMs.get(name) ?? 0);
  const store = (key: keyof Spent['storeMs']) => after.storeMs[key] - before.storeMs[key];
  return {
    projectorMs: Object.fromEntries(names.map((name) => [name, projector(name)])),
    storeMs: { readLog: store('readLog'), loadDocuments: store('loadDocuments'), writeDocuments: store('writeDocuments') },
  };
}

function applyOne(target: Target, event: RecordedParEvent, set: WorkingSet, named: Set<string>) {
  const lookup = <T>(collection: string, id: string): T | null => {
    const key = cacheKey(physical(collection, target.generation), id);
    const entry = named.has(key) ? set.get(key) : undefined;
    if (entry === undefined) throw new Error(`projection ${target.projection.name} read ${collection}/${id} without naming it in reads()`);
    return (entry?.doc as T) ?? null;
  };
  const changes = target.projection.apply(event, lookup);
  for (const change of changes) {
    const collection = physical(change.collection, target.generation);
    const key = cacheKey(collection, change.id);
    const existing = set.get(key);
    // Already applied to this document (a replay after a crash between document and checkpoint writes).
    if (existing && existing.position >= event.globalPosition) continue;
    // What a projection wrote it may read back later in the batch without naming it again.
    named.add(key);
    set.changed(key, { doc: change.doc, position: event.globalPosition }, { target, logical: change.collection, collection, id: change.id }, event.type);
  }
}
