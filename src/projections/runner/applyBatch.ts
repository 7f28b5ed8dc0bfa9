import type { RecordedEvent } from '../../events/envelope';
import type { RecordedParEvent } from '../../events/parEvents';
import type { EventStore } from '../../events/store/eventStore';
import { upcast } from '../../events/upcasters';
import type { DocumentWrite, ReadStore, StoredDocument } from '../store/readStore';
import type { RebuildReport } from './runnerOptions';
import { checkpointKey, physical, type Target } from './target';

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

const cacheKey = (collection: string, id: string) => `${collection}\u0000${id}`;

/**
 * Feeds batches of the log to projections. Documents of a batch are cached, so a projection sees its own earlier
 * writes of the batch, and written once at the batch's end together with the checkpoints. A projector that
 * throws stops only its own projection, at the event before the failing one; the others apply the whole batch.
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

  /** Applies up to `batches` batches to the targets. */
  async advance(targets: readonly Target[], batches: number): Promise<AdvanceResult> {
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
      const failed = await this.applyBatch(active, raw);
      failures.push(...failed);
      active = active.filter((t) => !failed.some((f) => f.target === t));
    }
    return { progressed, failures };
  }

  private async applyBatch(targets: readonly Target[], raw: RecordedEvent[]): Promise<ProjectorFailure[]> {
    // Upcast once for every target: the batch is read and upcast once, however many projections it feeds.
    const events: Upcasted[] = raw.map((e) => {
      try {
        return { event: upcast(e) };
      } catch (error) {
        return { error: error as Error, raw: e };
      }
    });
    const cache = new Map<string, StoredDocument | null>();
    const dirty = new Map<string, DirtyDocument>();
    const failures = new Map<Target, ProjectorFailure>();
    const fail = (target: Target, e: Upcasted, error: unknown) => {
      const source = e.event ?? e.raw;
      const message = error instanceof Error ? error.message : String(error);
      failures.set(target, { target, position: source.globalPosition, eventType: source.type, message });
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

    // Every projector names its reads from the event alone, so one getMany per collection serves the batch.
    const wanted = new Map<string, Set<string>>();
    for (const t of targets) {
      for (const e of pending.get(t)!) {
        try {
          if (e.error) throw e.error;
          for (const ref of t.projection.reads(e.event)) {
            const name = physical(ref.collection, t.generation);
            if (!wanted.has(name)) wanted.set(name, new Set());
            wanted.get(name)!.add(ref.id);
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
      for (const id of ids) cache.set(cacheKey(collection, id), found.get(id) ?? null);
    }
    this.storeMs.loadDocuments += performance.now() - loading;

    for (const t of targets) {
      const started = performance.now();
      const stopAt = failures.get(t)?.position ?? Number.POSITIVE_INFINITY;
      for (const e of pending.get(t)!) {
        if (e.event === undefined || e.event.globalPosition >= stopAt) break;
        try {
          applyOne(t, e.event, cache, dirty);
        } catch (error) {
          fail(t, e, error);
          break;
        }
      }
      this.spend(t, started);
    }

    const writes: DocumentWrite[] = [];
    // The first event of the batch that changed any document of each target.
    const firstChange = new Map<Target, number>();
    for (const d of dirty.values()) firstChange.set(d.target, Math.min(firstChange.get(d.target) ?? Infinity, d.firstPosition));
    for (const d of dirty.values()) {
      const present = d.target.projection.present;
      if (!present) {
        writes.push(d.write);
        continue;
      }
      const started = performance.now();
      try {
        writes.push({ ...d.write, doc: present(d.logical, d.write.doc) });
      } catch (error) {
        // Deriving served fields failed: the target stops before its first change of the batch, so none of its
        // documents of the batch is written and a retry applies the whole batch again.
        const position = firstChange.get(d.target)!;
        const earlier = failures.get(d.target);
        if (!earlier || earlier.position > position)
          fail(
            d.target,
            events.find((x) => (x.event ?? x.raw).globalPosition === position)!,
            error,
          );
      }
      this.spend(d.target, started);
    }

    const last = raw[raw.length - 1].globalPosition;
    // A failed target's checkpoint stops at the event before the failing one, so a retry starts with that event.
    const reached = new Map(targets.map((t) => [t, Math.max(t.checkpoint, (failures.get(t)?.position ?? last + 1) - 1)]));
    const checkpoints = targets
      .filter((t) => reached.get(t)! > t.checkpoint)
      .map((t) => ({ projection: checkpointKey(t.projection.name, t.generation), position: reached.get(t)! }));
    // Only a failure in present() leaves writes past a checkpoint (apply stops at its failure): they are left out.
    const kept = writes.filter((w) => {
      const target = dirty.get(cacheKey(w.collection, w.id))!.target;
      return w.position <= reached.get(target)!;
    });
    const started = performance.now();
    await this.store.write(kept, checkpoints);
    this.storeMs.writeDocuments += performance.now() - started;
    for (const t of targets) {
      const position = reached.get(t)!;
      this.onApplied(t, raw.filter((e) => e.globalPosition > t.checkpoint && e.globalPosition <= position).length);
      t.checkpoint = position;
    }
    return [...failures.values()];
  }

  private spend(target: Target, since: number) {
    const name = target.projection.name;
    this.projectorMs.set(name, (this.projectorMs.get(name) ?? 0) + performance.now() - since);
  }
}

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

interface DirtyDocument {
  target: Target;
  /** The projection's own name for the collection, which Projection.present is given. */
  logical: string;
  /** The first event of the batch that changed the document. */
  firstPosition: number;
  write: DocumentWrite;
}

function applyOne(target: Target, event: RecordedParEvent, cache: Map<string, StoredDocument | null>, dirty: Map<string, DirtyDocument>) {
  const lookup = <T>(collection: string, id: string): T | null => {
    const entry = cache.get(cacheKey(physical(collection, target.generation), id));
    if (entry === undefined) throw new Error(`projection ${target.projection.name} read ${collection}/${id} without naming it in reads()`);
    return (entry?.doc as T) ?? null;
  };
  const changes = target.projection.apply(event, lookup);
  for (const change of changes) {
    const collection = physical(change.collection, target.generation);
    const k = cacheKey(collection, change.id);
    const existing = cache.get(k);
    // Already applied to this document (a replay after a crash between document and checkpoint writes).
    if (existing && existing.position >= event.globalPosition) continue;
    const stored = { doc: change.doc, position: event.globalPosition };
    cache.set(k, stored);
    const firstPosition = dirty.get(k)?.firstPosition ?? event.globalPosition;
    dirty.set(k, { target, logical: change.collection, firstPosition, write: { collection, id: change.id, ...stored } });
  }
}
