import type { RecordedEvent } from '../events/envelope';
import type { EventStore } from '../events/store/eventStore';
import { streams, type AgencyGroup, type RecordedParEvent } from '../events/parEvents';
import { upcast } from '../events/upcasters';
import { assessmentId, assessmentsProjection } from './assessments/assessmentsProjection';
import type { AssessmentDocument } from './assessments/assessmentDocument';
import type { Projection } from './projection';
import { rankingId, rankingsProjection } from './rankings/rankingsProjection';
import type { RankingDocument } from './rankings/rankingsProjection';

/** A point in the past: a global position, a time, or both (whichever is earlier wins). */
export interface AsOf {
  position?: number | null;
  time?: Date | null;
}

/** Documents in memory, keyed `collection/id`. */
export type DocumentMap = Map<string, unknown>;

/** Applies one event to in-memory documents with the same pure projector the runner uses. */
export function applyInMemory(projection: Projection, docs: DocumentMap, event: RecordedParEvent): void {
  if (!projection.handles.has(event.type)) return;
  const lookup = <T>(collection: string, id: string) => (docs.get(`${collection}/${id}`) as T | undefined) ?? null;
  for (const change of projection.apply(event, lookup)) docs.set(`${change.collection}/${change.id}`, change.doc);
}

/** Folds events through a projection in memory: a past state computed exactly as the live read model was then. */
export function foldProjection(projection: Projection, events: readonly RecordedParEvent[]): DocumentMap {
  const docs: DocumentMap = new Map();
  for (const event of events) applyInMemory(projection, docs, event);
  return docs;
}

function before(asOf: AsOf) {
  const limit = asOf.time?.toISOString();
  return (e: RecordedEvent) => (asOf.position == null || e.globalPosition <= asOf.position) && (limit === undefined || e.metadata.recordedAt <= limit);
}

/**
 * Assessments and rankings as they stood at a past position or time, rebuilt from the few streams they depend on
 * (never from the whole log). For analysts comparing what was known when, and inspectors checking a decision
 * against the record of its day.
 */
export class AsOfReader {
  constructor(private readonly events: EventStore) {}

  private async load(streamIds: string[], asOf: AsOf): Promise<RecordedParEvent[]> {
    const all = (await Promise.all(streamIds.map((id) => this.events.readStream(id)))).flat();
    return all
      .filter(before(asOf))
      .sort((a, b) => a.globalPosition - b.globalPosition)
      .map((e) => upcast(e));
  }

  /** The cycle's opening event (for its frameworks and participants), if it was opened by then. */
  private async cycleOpening(year: number, asOf: AsOf) {
    const [opened] = (await this.load([streams.cycle(year)], asOf)).filter((e) => e.type === 'AssessmentCycleOpened');
    return opened?.type === 'AssessmentCycleOpened' ? opened : null;
  }

  async assessment(year: number, agencyCode: string, asOf: AsOf): Promise<AssessmentDocument | null> {
    const opened = await this.cycleOpening(year, asOf);
    if (!opened) return null;
    const frameworkStreams = opened.data.frameworks.map((f) => streams.framework(f.frameworkCode));
    const events = await this.load([...frameworkStreams, streams.cycle(year), streams.assessment(year, agencyCode)], asOf);
    const docs = foldProjection(assessmentsProjection, events);
    return (docs.get(`assessments/${assessmentId(year, agencyCode)}`) as AssessmentDocument | undefined) ?? null;
  }

  async ranking(year: number, group: AgencyGroup, asOf: AsOf): Promise<RankingDocument | null> {
    const opened = await this.cycleOpening(year, asOf);
    if (!opened) return null;
    const participants = opened.data.participants.filter((p) => p.group === group).map((p) => streams.assessment(year, p.code));
    const events = await this.load([streams.cycle(year), ...participants], asOf);
    const docs = foldProjection(rankingsProjection, events);
    return (docs.get(`rankings/${rankingId(year, group)}`) as RankingDocument | undefined) ?? null;
  }
}
