import DataLoader from 'dataloader';
import { type CalendarDate, vietnamDayOf, yearEnd } from '../../domain/calendarDate';
import type { AgencyGroup } from '../../domain/enums';
import { activeDuringYear, holdsOn } from '../../domain/lineage/periods';
import { compareVietnamese } from '../../domain/vietnameseOrder';
import type { Enrolment } from '../../domain/cycle/enrolment';
import type { ProjectionRunner } from '../runner/projectionRunner';
import type { ReadStore } from '../store/readStore';
import type { AgencyDocument, JurisdictionDocument, LineageKind, LineageLink } from './agencyDocument';
import { agencyRow, endingReason, jurisdictionOn, type AgencyRow, type Jurisdictions } from './agencyView';

interface LinkView {
  kind: LineageKind;
  agencyCode: string;
  /** The other unit's name on the day the change took effect (a predecessor's last name, a successor's first). */
  agencyName: string;
  effectiveFrom: CalendarDate;
  legalBasis: LineageLink['legalBasis'];
}

interface LineageEdgeView extends Omit<LinkView, 'agencyCode' | 'agencyName'> {
  fromCode: string;
  toCode: string;
}

const today = (): CalendarDate => vietnamDayOf(new Date());
const byName = (a: { name: string }, b: { name: string }) => compareVietnamese(a.name, b.name);

/** Agencies and jurisdictions through time, as the agencies projection keeps them. */
export class AgencyReads {
  constructor(
    private readonly store: ReadStore,
    private readonly runner: ProjectionRunner,
  ) {}

  private collection(logical: string) {
    return this.runner.collection('agencies', logical);
  }

  /**
   * Every jurisdiction (a handful). A list of agencies asks for them once per agency field: the calls of one tick share
   * one read (DataLoader batching, no cache across ticks, so a change is seen by the next request).
   */
  private readonly jurisdictionReads = new DataLoader<'all', Jurisdictions>(
    async (keys) => {
      const docs = await this.store.find<JurisdictionDocument>(this.collection('jurisdictions'));
      const all: Jurisdictions = new Map(docs.map((d) => [d.code, d]));
      return keys.map(() => all);
    },
    { cache: false },
  );

  jurisdictions(): Promise<Jurisdictions> {
    return this.jurisdictionReads.load('all');
  }

  private async docs(codes: readonly string[]): Promise<Map<string, AgencyDocument>> {
    const found = await this.store.getMany<AgencyDocument>(this.collection('agencies'), codes);
    return new Map([...found].map(([code, stored]) => [code, stored.doc]));
  }

  doc(code: string): Promise<AgencyDocument | null> {
    return this.docs([code]).then((m) => m.get(code) ?? null);
  }

  /**
   * Agencies with the names, groups and jurisdictions valid on `activeOn` (only those active then), or as they are
   * or were last when no date is given; sorted by Vietnamese name.
   */
  async list(filter: { activeOn?: CalendarDate | null; jurisdiction?: string | null; group?: AgencyGroup | null }): Promise<AgencyRow[]> {
    const on = filter.activeOn ?? null;
    const [docs, jurisdictions] = await Promise.all([this.store.find<AgencyDocument>(this.collection('agencies')), this.jurisdictions()]);
    const now = today();
    return docs
      .filter((d) => on === null || holdsOn({ from: d.activeFrom, until: d.activeUntil }, on))
      .map((d) => agencyRow(d, on, jurisdictions, now))
      .filter((row) => (!filter.group || row.group === filter.group) && (!filter.jurisdiction || row.jurisdictionCode === filter.jurisdiction))
      .sort(byName);
  }

  async row(code: string, on: CalendarDate | null): Promise<AgencyRow | null> {
    const [doc, jurisdictions] = await Promise.all([this.doc(code), this.jurisdictions()]);
    return doc ? agencyRow(doc, on, jurisdictions, today()) : null;
  }

  async jurisdictionOf(doc: AgencyDocument, on: CalendarDate | null): Promise<{ code: string; jurisdictions: Jurisdictions }> {
    const jurisdictions = await this.jurisdictions();
    return { code: agencyRow(doc, on, jurisdictions, today()).jurisdictionCode, jurisdictions };
  }

  /** The units at the other end of a unit's lineage edges, named as they were when the change took effect. */
  async links(doc: AgencyDocument, side: 'predecessors' | 'successors'): Promise<LinkView[]> {
    const edges = doc[side];
    const others = await this.docs(edges.map((e) => e.code));
    const jurisdictions = await this.jurisdictions();
    return edges.map((e) => {
      const other = others.get(e.code);
      const day = side === 'predecessors' ? (other?.activeUntil ?? e.effectiveFrom) : e.effectiveFrom;
      return {
        kind: e.kind,
        agencyCode: e.code,
        agencyName: other ? agencyRow(other, day, jurisdictions, day).name : e.code,
        effectiveFrom: e.effectiveFrom,
        legalBasis: e.legalBasis,
      };
    });
  }

  /** The units merged into `code` (directly or through others) by `date`: whose work it carries then. */
  async mergedInto(code: string, date: CalendarDate): Promise<string[]> {
    const found: string[] = [];
    let frontier = [code];
    while (frontier.length > 0) {
      const docs = await this.docs(frontier);
      frontier = [...docs.values()]
        .flatMap((d) => d.predecessors.filter((p) => p.kind === 'MERGER' && p.effectiveFrom <= date).map((p) => p.code))
        .filter((c) => c !== code && !found.includes(c));
      found.push(...frontier);
    }
    return found;
  }

  /** For every unit merged away by `date`, the unit that carries its work then (through chains of mergers). */
  async carriersOn(date: CalendarDate): Promise<Map<string, string>> {
    const docs = await this.store.find<AgencyDocument>(this.collection('agencies'));
    const next = new Map<string, string>();
    for (const d of docs) {
      const merged = d.ended?.kind === 'MERGED' && d.ended.effectiveFrom <= date ? d.successors.find((s) => s.kind === 'MERGER') : undefined;
      if (merged) next.set(d.code, merged.code);
    }
    const carriers = new Map<string, string>();
    for (const code of next.keys()) {
      let carrier = code;
      for (let hops = 0; hops < 100 && next.has(carrier); hops++) carrier = next.get(carrier)!;
      carriers.set(code, carrier);
    }
    return carriers;
  }

  /** Every unit connected to `code` by mergers and splits, either way, and the edges between them. */
  async lineage(code: string): Promise<{ agencies: AgencyRow[]; edges: LineageEdgeView[] }> {
    const seen = new Map<string, AgencyDocument>();
    let frontier = [code];
    while (frontier.length > 0) {
      const found = await this.docs(frontier.filter((c) => !seen.has(c)));
      for (const [c, d] of found) seen.set(c, d);
      frontier = [...found.values()].flatMap((d) => [...d.predecessors, ...d.successors].map((l) => l.code)).filter((c) => !seen.has(c));
    }
    const jurisdictions = await this.jurisdictions();
    const now = today();
    const edges = [...seen.values()].flatMap((d) =>
      d.successors.map((s) => ({ kind: s.kind, fromCode: d.code, toCode: s.code, effectiveFrom: s.effectiveFrom, legalBasis: s.legalBasis })),
    );
    edges.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.fromCode.localeCompare(b.fromCode) || a.toCode.localeCompare(b.toCode));
    const agencies = [...seen.values()].map((d) => agencyRow(d, null, jurisdictions, now));
    // Oldest first: by first day, then by last day (a unit that ended before another began comes first).
    const span = (code: string) => [seen.get(code)!.activeFrom ?? '', seen.get(code)!.activeUntil ?? '9999'];
    agencies.sort((a, b) => span(a.code)[0].localeCompare(span(b.code)[0]) || span(a.code)[1].localeCompare(span(b.code)[1]) || byName(a, b));
    return { agencies, edges };
  }

  /** Every merger and split edge between units, for analyses that match units across years (agencyTrend, rankingChanges). */
  async edges(): Promise<{ kind: LineageKind; fromCode: string; toCode: string }[]> {
    const docs = await this.store.find<AgencyDocument>(this.collection('agencies'));
    return docs.flatMap((d) => (d.successors ?? []).map((s) => ({ kind: s.kind, fromCode: d.code, toCode: s.code })));
  }

  /**
   * Who takes part in a year's cycle: the units active at some time during the year (of the groups, or the codes
   * named), with the name and group they had when the year ended or they did; those that ended during the year are
   * listed with the reason, for the coordinator to leave out of the ranking or keep.
   */
  async enrolment(year: number, scope: { groups: readonly AgencyGroup[] } | { codes: readonly string[] }, jurisdiction?: string | null): Promise<Enrolment> {
    const all = await this.store.find<AgencyDocument>(this.collection('agencies'));
    const byCode = new Map(all.map((d) => [d.code, d]));
    const jurisdictions = await this.jurisdictions();
    const names = (code: string) => byCode.get(code)?.names.at(0)?.name ?? code;
    const enrolment: Enrolment = { participants: [], endedDuringYear: [], inactive: [] };
    const candidates = 'codes' in scope ? scope.codes.map((c) => byCode.get(c)).filter((d) => d !== undefined) : all;
    for (const doc of candidates) {
      const span = { from: doc.activeFrom, until: doc.activeUntil };
      const { active, endedDuringYear } = activeDuringYear(span, year);
      if (!active) {
        if ('codes' in scope) enrolment.inactive.push({ code: doc.code, activeFrom: doc.activeFrom, activeUntil: doc.activeUntil });
        continue;
      }
      const day = endedDuringYear ? doc.activeUntil! : yearEnd(year);
      const row = agencyRow(doc, day, jurisdictions, day);
      if ('groups' in scope && !scope.groups.includes(row.group)) continue;
      if (jurisdiction && jurisdictionOn(row.jurisdictionCode, day, jurisdictions) !== jurisdiction) continue;
      enrolment.participants.push({ code: row.code, name: row.name, group: row.group });
      if (endedDuringYear) {
        const successorNames = (code: string) =>
          byCode.get(code) ? agencyRow(byCode.get(code)!, doc.ended?.effectiveFrom ?? day, jurisdictions, day).name : names(code);
        enrolment.endedDuringYear.push({ agencyCode: doc.code, activeUntil: doc.activeUntil!, reason: endingReason(doc, successorNames) });
      }
    }
    enrolment.participants.sort(byName);
    return enrolment;
  }
}
