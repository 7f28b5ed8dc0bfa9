import { compareVietnamese } from '../domain/vietnameseOrder';
import type { AgencyGroup } from '../events/parEvents';
import type { AgencyDocument } from './agencies/agenciesProjection';
import { AgencyReads } from './agencies/agencyReads';
import { DutyReads } from './duties/dutyReads';
import { AssignmentReads } from './assignments/assignmentReads';
import { ProvincialIndexReads } from './provincialIndex/provincialIndexReads';
import { PlanReads } from './plans/planReads';
import { ProposalReads } from './proposals/proposalReads';
import { InspectionReads } from './inspections/inspectionReads';
import { ReportingReads } from './reporting/reportingReads';
import { assessmentId } from './assessments/assessmentsProjection';
import type { AssessmentDocument } from './assessments/assessmentDocument';
import { auditId, type AuditEntry } from './auditTrail/auditTrailProjection';
import type { CycleDocument } from './cycles/cyclesProjection';
import { LruMap } from '../shared/lruMap';
import { DocumentCache } from './documentCache';
import type { FrameworkDocument } from './frameworks/frameworksProjection';
import type { ProjectionRunner } from './runner/projectionRunner';
import { rankingId, type RankingDocument } from './rankings/rankingsProjection';
import type { Filter, ReadStore } from './store/readStore';
import { visibleParts, type AuditVisibility } from './auditTrail/auditVisibility';
import type { ResponsibilityDocument } from './responsibilities/responsibilitiesProjection';
import { COORDINATOR_DUTIES, coordinatorDutiesId, type CoordinatorDutiesDocument } from './responsibilities/responsibilityDocument';
import type { SurveysDocument } from './surveys/surveysProjection';

interface AuditFilter {
  agencyCode?: string | null;
  streamId?: string | null;
  actor?: string | null;
  eventType?: string | null;
  from?: Date | null;
  to?: Date | null;
}

interface AuditPage {
  entries: AuditEntry[];
  hasNextPage: boolean;
  /** 0 when not counted ({ count: false }). */
  totalCount: number;
}

/** How many audit entries matched a filter up to which position. */
interface AuditCount {
  count: number;
  upTo: number;
}

/** How many audit filters' counts are remembered. */
const AUDIT_COUNTS = 256;

/** Above this many visible assessment streams, an audit page walks the trail in position order (walkTrail). */
const WALK_ABOVE_STREAMS = 64;

/**
 * Told, for an answer derived from a read, how to check later that the read would still give the same: an answer
 * cache (src/http/answerCache.ts) keeps the answer while every such check passes.
 */
export type OnRead = (stillCurrent: () => Promise<boolean>) => void;

/** The query side: reads projected documents from the live generation of each projection. */
export class ReadModels {
  /**
   * Rankings and cycles: few, large, read far more often than they change (a ranking request re-parsed half a
   * megabyte, a scope check a cycle of 60 KB).
   */
  private readonly cached: DocumentCache;
  /** Agencies and jurisdictions through time (names, lineage, who takes part in a year). */
  readonly agencyHistory: AgencyReads;
  /** Every area's duties under Decision 2824 (plans, reports, inspections, proposals, …). */
  readonly duties: DutyReads;
  /** Decision 2824's standing responsibilities. */
  readonly assignments: AssignmentReads;
  /** The province's own assessment per year (Art. 7). */
  readonly provincialIndex: ProvincialIndexReads;
  /** PAR plans and programmes (Art. 3). */
  readonly plans: PlanReads;
  /** Reform proposals (Art. 6), commendation and accountability proposals (Art. 16(6)). */
  readonly proposals: ProposalReads;
  /** Reporting rounds and issues raised with the regulation (Art. 4, 17(3)). */
  readonly reporting: ReportingReads;
  /** Inspection plans and inspections (Art. 5). */
  readonly inspections: InspectionReads;
  /** Per audit filter, how many entries matched up to which position (countAudit). */
  private readonly auditCounts = new LruMap<string, Promise<AuditCount>>(AUDIT_COUNTS);

  constructor(
    private readonly store: ReadStore,
    private readonly runner: ProjectionRunner,
  ) {
    this.cached = new DocumentCache(store, 128);
    this.agencyHistory = new AgencyReads(store, runner);
    this.duties = new DutyReads(store, runner);
    this.assignments = new AssignmentReads(store, runner);
    this.provincialIndex = new ProvincialIndexReads(store, runner);
    this.plans = new PlanReads(store, runner);
    this.proposals = new ProposalReads(store, runner);
    this.reporting = new ReportingReads(store, runner);
    this.inspections = new InspectionReads(store, runner);
  }

  private collection(projection: string, logical = projection) {
    return this.runner.collection(projection, logical);
  }

  private async get<T>(projection: string, id: string, logical?: string): Promise<T | null> {
    return (await this.store.get<T>(this.collection(projection, logical), id))?.doc ?? null;
  }

  agency(code: string): Promise<AgencyDocument | null> {
    return this.get('agencies', code);
  }

  async agenciesByCodes(codes: readonly string[]): Promise<(AgencyDocument | null)[]> {
    const found = await this.store.getMany<AgencyDocument>(this.collection('agencies'), codes);
    return codes.map((c) => found.get(c)?.doc ?? null);
  }

  framework(code: string): Promise<FrameworkDocument | null> {
    return this.get('frameworks', code);
  }

  /** One read for many codes (a request's DataLoader), in the order asked; null for a code never published. */
  async frameworksByCodes(codes: readonly string[]): Promise<(FrameworkDocument | null)[]> {
    const found = await this.store.getMany<FrameworkDocument>(this.collection('frameworks'), codes);
    return codes.map((c) => found.get(c)?.doc ?? null);
  }

  async frameworks(group?: AgencyGroup | null): Promise<FrameworkDocument[]> {
    return this.store.find<FrameworkDocument>(this.collection('frameworks'), { filter: group ? { group } : {}, sort: [{ field: 'code', direction: 1 }] });
  }

  /** Shared and frozen (DocumentCache): every scope check of a reader who is not allowed everything reads it. */
  cycle(year: number): Promise<CycleDocument | null> {
    return this.cached.get<CycleDocument>(this.collection('cycles'), String(year));
  }

  cycles(): Promise<CycleDocument[]> {
    return this.store.find<CycleDocument>(this.collection('cycles'), { sort: [{ field: 'year', direction: -1 }] });
  }

  /** `onRead` learns how to check later that the document read is still current (AnswerCache). */
  async assessment(year: number, agencyCode: string, onRead?: OnRead): Promise<AssessmentDocument | null> {
    const collection = this.collection('assessments');
    const id = assessmentId(year, agencyCode);
    const stored = await this.store.get<AssessmentDocument>(collection, id);
    onRead?.(this.unchangedSince('assessments', collection, id, stored?.position ?? null));
    return stored?.doc ?? null;
  }

  async assessments(year: number, group?: AgencyGroup | null): Promise<AssessmentDocument[]> {
    const filter: Filter = group ? { year, group } : { year };
    const docs = await this.store.find<AssessmentDocument>(this.collection('assessments'), { filter });
    return docs.sort((a, b) => compareVietnamese(a.agencyName, b.agencyName));
  }

  /** Shared and frozen (DocumentCache): callers derive from it, never change it. `onRead` learns the version read. */
  ranking(year: number, group: AgencyGroup, onRead?: OnRead): Promise<RankingDocument | null> {
    const collection = this.collection('rankings');
    const id = rankingId(year, group);
    const onPosition = onRead && ((position: number | null) => onRead(this.unchangedSince('rankings', collection, id, position)));
    return this.cached.get<RankingDocument>(collection, id, onPosition);
  }

  /**
   * The rankings of the year and group recorded as published elsewhere, by jurisdiction (none first). Each is
   * written once and never changes, so `onRead` learns a check that the same ones are still all there are.
   */
  async importedRankings(year: number, group: AgencyGroup, onRead?: OnRead): Promise<RankingDocument[]> {
    const collection = this.collection('rankings');
    const find = async () =>
      (await this.store.find<RankingDocument>(collection, { filter: { year, group, imported: true } })).sort((a, b) =>
        (a.jurisdiction ?? '').localeCompare(b.jurisdiction ?? ''),
      );
    const docs = await find();
    // JSON, not a join: an import naming no jurisdiction (null) must not read like no import at all.
    const seen = JSON.stringify(docs.map((d) => d.jurisdiction));
    onRead?.(async () => this.collection('rankings') === collection && JSON.stringify((await find()).map((d) => d.jurisdiction)) === seen);
    return docs;
  }

  /** Whether a document read at `position` (null: absent) would still read the same. */
  private unchangedSince(projection: string, collection: string, id: string, position: number | null): () => Promise<boolean> {
    // A rebuild swaps the live collection: what was read from the one before is no longer current.
    return async () => this.collection(projection) === collection && (await this.store.positionOf(collection, id)) === position;
  }

  async rankingHistory(group: AgencyGroup): Promise<RankingDocument[]> {
    return this.store.find<RankingDocument>(this.collection('rankings'), { filter: { group }, sort: [{ field: 'year', direction: 1 }] });
  }

  async responsibilities(agencyCode: string, year?: number | null): Promise<ResponsibilityDocument[]> {
    const filter: Filter = year ? { agencyCode, year } : { agencyCode };
    return this.store.find<ResponsibilityDocument>(this.collection('responsibilities'), { filter, sort: [{ field: 'year', direction: -1 }] });
  }

  coordinatorDuties(year: number): Promise<CoordinatorDutiesDocument | null> {
    return this.get('responsibilities', coordinatorDutiesId(year), COORDINATOR_DUTIES);
  }

  /** Oldest first, so a cursor (the last position seen) pages forward through a log that only grows. */
  async auditTrail(
    filter: AuditFilter,
    first: number,
    afterPosition: number,
    visibility: AuditVisibility | null = null,
    { count = true }: { count?: boolean } = {},
  ): Promise<AuditPage> {
    const where: Filter = {};
    if (filter.agencyCode) where.agencyCode = filter.agencyCode;
    if (filter.streamId) where.streamId = filter.streamId;
    if (filter.actor) where['actor.sub'] = filter.actor;
    if (filter.eventType) where.type = filter.eventType;
    if (filter.from || filter.to) {
      where.recordedAt = {
        ...(filter.from ? { $gte: filter.from.toISOString() } : {}),
        ...(filter.to ? { $lte: filter.to.toISOString() } : {}),
      };
    }
    const collection = this.collection('auditTrail');
    const parts = visibleParts(where, visibility);
    const counting = count ? Promise.all(parts.map((conditions) => this.countAudit(collection, conditions))) : Promise.resolve([]);
    let rows: AuditEntry[];
    if (visibility && where.streamId === undefined && visibility.except.length > WALK_ABOVE_STREAMS) {
      const except = new Set(visibility.except);
      rows = await this.walkTrail(collection, where, first + 1, afterPosition, (s) => !s.startsWith(visibility.hiddenPrefix) || except.has(s));
    } else {
      const pages = await Promise.all(
        parts.map((conditions) =>
          this.store.find<AuditEntry>(collection, {
            filter: { ...conditions, position: { $gt: afterPosition } },
            sort: [{ field: 'position', direction: 1 }],
            limit: first + 1,
          }),
        ),
      );
      rows = pages.flat().sort((a, b) => a.position - b.position);
    }
    const totalCount = (await counting).reduce((sum, n) => sum + n, 0);
    return { entries: rows.slice(0, first), hasNextPage: rows.length > first, totalCount };
  }

  /**
   * How many audit entries match, counting only those written since the last count of the same filter: an entry
   * is written once per event, never changed, in position order, so a count up to a position stays true. Counting
   * the whole trail again was most of an audit page's time (a pass over 200k entries per request).
   */
  private async countAudit(collection: string, conditions: Filter): Promise<number> {
    const key = `${collection}\n${JSON.stringify(conditions)}`;
    // Counts of one filter follow each other: a hundred pages asked at once would otherwise each count the whole
    // trail, none of them finding the count of another.
    const known = this.auditCounts.get(key) ?? Promise.resolve({ count: 0, upTo: 0 });
    const counted = known.then((before) => this.countSince(collection, conditions, before));
    this.auditCounts.set(key, counted);
    counted.catch(() => {
      if (this.auditCounts.get(key) === counted) this.auditCounts.delete(key);
    });
    return (await counted).count;
  }

  private async countSince(collection: string, conditions: Filter, known: AuditCount): Promise<AuditCount> {
    // The newest match first, then the count up to it: entries written meanwhile are left for the next count.
    const [newest] = await this.store.find<AuditEntry>(collection, {
      filter: { ...conditions, position: { $gt: known.upTo } },
      sort: [{ field: 'position', direction: -1 }],
      limit: 1,
    });
    if (newest === undefined) return known;
    const added = await this.store.count(collection, { ...conditions, position: { $gt: known.upTo, $lte: newest.position } });
    return { count: known.count + added, upTo: newest.position };
  }

  /**
   * The first `limit` entries after `afterPosition` whose stream is visible, walking the position index in
   * batches: searching a reader's thousands of visible assessment streams one by one and sorting every match took
   * about a second per page on a province's trail, while visible entries are most of what such a walk meets.
   */
  private async walkTrail(collection: string, where: Filter, limit: number, afterPosition: number, visible: (streamId: string) => boolean) {
    const batch = Math.max(limit * 4, 200);
    const found: AuditEntry[] = [];
    for (let after = afterPosition; found.length < limit;) {
      const rows = await this.store.find<AuditEntry>(collection, {
        filter: { ...where, position: { $gt: after } },
        sort: [{ field: 'position', direction: 1 }],
        limit: batch,
      });
      for (const row of rows) if (visible(row.streamId) && found.length < limit) found.push(row);
      if (rows.length < batch) break;
      after = rows[rows.length - 1].position;
    }
    return found;
  }

  /** The year's surveys with the scores citing them (null without a cycle that year). */
  surveys(year: number): Promise<SurveysDocument | null> {
    return this.get('surveys', String(year));
  }

  auditEntry(position: number): Promise<AuditEntry | null> {
    return this.get('auditTrail', auditId(position));
  }
}
