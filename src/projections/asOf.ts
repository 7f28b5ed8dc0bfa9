import type { RecordedEvent } from '../events/envelope';
import type { EventStore } from '../events/store/eventStore';
import { streams, type AgencyGroup, type RecordedParEvent } from '../events/parEvents';
import { upcast } from '../events/upcasters';
import { agenciesProjection, type AgencyDocument, type JurisdictionDocument } from './agencies/agenciesProjection';
import { assessmentId, assessmentsProjection } from './assessments/assessmentsProjection';
import type { AssessmentDocument } from './assessments/assessmentDocument';
import type { Duty } from '../domain/duty/duty';
import { dutiesAsOf } from './duties/dutiesAsOf';
import type { Projection } from './projection';
import { importedRankingId, rankingId, rankingsProjection } from './rankings/rankingsProjection';
import type { RankingDocument } from './rankings/rankingsProjection';

/**
 * A point in the past: a global position, a time, or both (whichever is earlier wins). A time means "every event
 * committed by then": the store maps it to the last position of that prefix of the log (EventStore.positionAt).
 */
interface AsOf {
  position?: number | null;
  time?: Date | null;
}

/** Documents in memory, keyed `collection/id`. */
export type DocumentMap = Map<string, unknown>;

/** Applies events to in-memory documents with the same pure projector the runner uses; returns the keys changed. */
function applyAll(projection: Projection, docs: DocumentMap, events: readonly RecordedParEvent[]): Map<string, string> {
  const lookup = <T>(collection: string, id: string) => (docs.get(`${collection}/${id}`) as T | undefined) ?? null;
  const changed = new Map<string, string>();
  for (const event of events) {
    if (!projection.handles.has(event.type)) continue;
    for (const change of projection.apply(event, lookup)) {
      const key = `${change.collection}/${change.id}`;
      docs.set(key, change.doc);
      changed.set(key, change.collection);
    }
  }
  return changed;
}

/** Derives the served fields of the changed documents (Projection.present), once each, as the runner does per batch. */
function presentChanged(projection: Projection, docs: DocumentMap, changed: Map<string, string>): void {
  const present = projection.present;
  if (present) for (const [key, collection] of changed) docs.set(key, present(collection, docs.get(key)));
}

/** Applies one event to in-memory documents, leaving them as the read store would serve them after it. */
export function applyInMemory(projection: Projection, docs: DocumentMap, event: RecordedParEvent): void {
  presentChanged(projection, docs, applyAll(projection, docs, [event]));
}

/**
 * Folds events through a projection in memory: a past state computed exactly as the live read model was then.
 * Served fields are derived once at the end, not after every event.
 */
export function foldProjection(projection: Projection, events: readonly RecordedParEvent[]): DocumentMap {
  const docs: DocumentMap = new Map();
  presentChanged(projection, docs, applyAll(projection, docs, events));
  return docs;
}

/**
 * Assessments and rankings as they stood at a past position or time, rebuilt from the few streams they depend on
 * (never from the whole log). For analysts comparing what was known when, and inspectors checking a decision
 * against the record of its day.
 */
export class AsOfReader {
  constructor(private readonly events: EventStore) {}

  /** The position the point in the past stands for: the earlier of the one given and the prefix committed by the time. */
  private async positionOf(asOf: AsOf): Promise<number> {
    const byTime = asOf.time ? await this.events.positionAt(asOf.time) : Infinity;
    return Math.min(asOf.position ?? Infinity, byTime);
  }

  /** The events of these streams up to `position`, in global order: only what is read, never the whole log. */
  private async load(streamIds: string[], position: number): Promise<RecordedParEvent[]> {
    const all = (await Promise.all(streamIds.map((id) => this.events.readStream(id)))).flat();
    return all
      .filter((e: RecordedEvent) => e.globalPosition <= position)
      .sort((a, b) => a.globalPosition - b.globalPosition)
      .map((e) => upcast(e));
  }

  /** The cycle's events up to `position` and its opening event (for frameworks and participants), if opened by then. */
  private async cycleAt(year: number, position: number) {
    const events = await this.load([streams.cycle(year)], position);
    const opened = events.find((e) => e.type === 'AssessmentCycleOpened');
    return { events, opened: opened?.type === 'AssessmentCycleOpened' ? opened : null };
  }

  async assessment(year: number, agencyCode: string, asOf: AsOf): Promise<AssessmentDocument | null> {
    const position = await this.positionOf(asOf);
    const cycle = await this.cycleAt(year, position);
    if (!cycle.opened) return null;
    const frameworkStreams = cycle.opened.data.frameworks.map((f) => streams.framework(f.frameworkCode));
    const rest = await this.load([...frameworkStreams, streams.assessment(year, agencyCode)], position);
    // Each participant's document depends only on its own stream and the cycle: opening the cycle for this agency
    // alone gives the same document without rendering every other participant's.
    const own = cycle.events.map((e) =>
      e.type === 'AssessmentCycleOpened' ? { ...e, data: { ...e.data, participants: e.data.participants.filter((p) => p.code === agencyCode) } } : e,
    );
    const events = [...rest, ...own].sort((a, b) => a.globalPosition - b.globalPosition);
    const docs = foldProjection(assessmentsProjection, events);
    return (docs.get(`assessments/${assessmentId(year, agencyCode)}`) as AssessmentDocument | undefined) ?? null;
  }

  /**
   * The events of these streams up to `position` that `projection` handles, in global order: the store leaves the
   * other types unread (readStreamsOfTypes).
   */
  private async loadHandled(projection: Projection, streamIds: string[], position: number): Promise<RecordedParEvent[]> {
    const upTo = Math.min(position, Number.MAX_SAFE_INTEGER);
    return (await this.events.readStreamsOfTypes(streamIds, [...projection.handles], upTo)).map((e) => upcast(e));
  }

  /**
   * PAR Ledger's own ranking once published by then; otherwise the one imported by then (of `jurisdiction`, else
   * the one naming none), as the current `ranking` query chooses; otherwise the own one as it stood.
   */
  /**
   * An agency's history as the register recorded it by then (its registration and every reorganisation up to that
   * point), with the jurisdictions as they stood: what an inspector checks a past decision against.
   */
  async agency(code: string, asOf: AsOf): Promise<{ doc: AgencyDocument; jurisdictions: JurisdictionDocument[] } | null> {
    const position = await this.positionOf(asOf);
    const events = await this.loadHandled(agenciesProjection, [streams.agency(code), streams.lineage()], position);
    const docs = foldProjection(agenciesProjection, events);
    const doc = docs.get(`agencies/${code}`) as AgencyDocument | undefined;
    if (!doc) return null;
    const jurisdictions = [...docs].filter(([key]) => key.startsWith('jurisdictions/')).map(([, d]) => d as JurisdictionDocument);
    return { doc, jurisdictions };
  }

  /** Every area's duties of these agencies as recorded by then (src/projections/duties/dutiesAsOf.ts). */
  async duties(agencyCodes: readonly string[], asOf: AsOf): Promise<Duty[]> {
    return dutiesAsOf(this.events, await this.positionOf(asOf), agencyCodes);
  }

  async ranking(year: number, group: AgencyGroup, asOf: AsOf, jurisdiction: string | null = null): Promise<RankingDocument | null> {
    const position = await this.positionOf(asOf);
    const own = jurisdiction ? null : await this.ownRanking(year, group, position);
    if (own?.publication) return own;
    const imports = await this.loadHandled(rankingsProjection, [streams.importedRanking(year, group, jurisdiction)], position);
    const imported = foldProjection(rankingsProjection, imports).get(`rankings/${importedRankingId(year, group, jurisdiction)}`) as RankingDocument | undefined;
    return imported ?? own;
  }

  private async ownRanking(year: number, group: AgencyGroup, position: number): Promise<RankingDocument | null> {
    // Of the cycle stream too, only what a ranking folds (its surveys and schedule changes are most of it).
    const cycleEvents = await this.loadHandled(rankingsProjection, [streams.cycle(year)], position);
    const opened = cycleEvents.find((e) => e.type === 'AssessmentCycleOpened');
    if (opened?.type !== 'AssessmentCycleOpened') return null;
    const cycle = { events: cycleEvents, opened };
    const participants = cycle.opened.data.participants.filter((p) => p.group === group).map((p) => streams.assessment(year, p.code));
    // A ranking needs only the finalisations and reopenings of each participant's stream: whole streams (every
    // draft, score and appraisal) were nearly all of the time of an as-of ranking (0.7 s for 680 agencies).
    const own = await this.loadHandled(rankingsProjection, participants, position);
    const events = [...own, ...cycle.events].sort((a, b) => a.globalPosition - b.globalPosition);
    const docs = foldProjection(rankingsProjection, events);
    return (docs.get(`rankings/${rankingId(year, group)}`) as RankingDocument | undefined) ?? null;
  }
}
