import { toPoints, type Points } from '../../domain/points';
import { bandsOf } from '../../domain/ranking/bands';
import { rank } from '../../domain/ranking/ranking';
import type { AgencyGroup, RankingEntryData, RatingBand } from '../../events/parEvents';
import { defineProjection } from '../projection';

interface Publication {
  publishedAt: string;
  reason: string | null;
  /** The approving decision (null for publications logged before decisions were recorded). */
  decisionNumber: string | null;
  decisionDate: string | null;
  entries: RankingEntryData[];
}

/** A group's ranking in one year: provisional over finalised assessments, and every publication as issued. */
export interface RankingDocument {
  year: number;
  group: AgencyGroup;
  /** Recorded as published elsewhere (PublishedRankingImported), not run in PAR Ledger; `source` says where from. */
  imported: boolean;
  source: string | null;
  /** The province-level jurisdiction an imported ranking names; null for PAR Ledger's own. */
  jurisdiction: string | null;
  /** The group's bands this year (its own, else the cycle's default). */
  bands: RatingBand[];
  names: Record<string, string>;
  /**
   * The finalised assessments in the order they were first finalised. A list, not an object keyed by agency:
   * copying an object of 3,298 keys on each finalisation made an as-of ranking of a national group take 1.3 s.
   */
  finalized: FinalizedAssessment[];
  /** Agencies left out of this ranking (AgencyExcludedFromRanking), with the reason: never in the entries. */
  notRanked: { agencyCode: string; agencyName: string; reason: string }[];
  /** Derived from names, finalized, notRanked and bands (present): apply never reads it. */
  provisionalEntries: RankingEntryData[];
  /** SNV's latest proposal not yet published (a publication consumes it). */
  proposal: { proposedAt: string; entries: RankingEntryData[] } | null;
  /** The latest publication; earlier ones stay in `publications`. */
  publication: Publication | null;
  publications: Publication[];
}

interface FinalizedAssessment {
  agencyCode: string;
  totalPoints: number;
  maxPoints: number;
}

/** The provisional ranking: the finalised assessments, less the agencies left out of the ranking. */
function provisional(doc: Pick<RankingDocument, 'names' | 'finalized' | 'notRanked' | 'bands'>): RankingEntryData[] {
  const candidates = doc.finalized.map((f) => ({
    agencyCode: f.agencyCode,
    agencyName: doc.names[f.agencyCode] ?? f.agencyCode,
    totalPoints: toPoints(f.totalPoints) as Points,
    maxPoints: toPoints(f.maxPoints) as Points,
  }));
  return rank(
    candidates,
    doc.bands,
    doc.notRanked.map((n) => n.agencyCode),
  );
}

export const rankingId = (year: number, group: AgencyGroup) => `${year}-${group}`;

/** Apart from PAR Ledger's own ranking of the year, which a cycle opened later must not overwrite. */
export const importedRankingId = (year: number, group: AgencyGroup, jurisdiction: string | null) =>
  `${year}-${group}-imported${jurisdiction ? `-${jurisdiction}` : ''}`;

/**
 * An imported ranking's bands, from the labels it printed: each label's threshold is the lowest index that earned
 * it, the only threshold the published figures show.
 */
function bandsPrinted(entries: readonly RankingEntryData[]): RatingBand[] {
  const lowest = new Map<string, number>();
  for (const e of entries) {
    if (e.band === null || e.indexPercent === null) continue;
    lowest.set(e.band, Math.min(lowest.get(e.band) ?? Infinity, e.indexPercent));
  }
  return [...lowest].map(([label, minIndexPercent]) => ({ label, minIndexPercent })).sort((a, b) => b.minIndexPercent - a.minIndexPercent);
}

export const rankingsProjection = defineProjection({
  name: 'rankings',
  // 7: imported rankings (PublishedRankingImported), and imported/source/jurisdiction on every document.
  version: 7,
  collections: [{ name: 'rankings', indexes: [['year'], ['group', 'year']] }],
  handles: [
    'AssessmentCycleOpened',
    'AssessmentFinalized',
    'AssessmentReopened',
    'RankingProposed',
    'RankingPublished',
    'RankingRepublished',
    'AgencyExcludedFromRanking',
    'PublishedRankingImported',
  ],
  reads(event) {
    switch (event.type) {
      case 'AssessmentFinalized':
      case 'AssessmentReopened':
      case 'AgencyExcludedFromRanking':
      case 'RankingProposed':
      case 'RankingPublished':
      case 'RankingRepublished':
        return [{ collection: 'rankings', id: rankingId(event.data.year, event.data.group) }];
      default:
        return [];
    }
  },
  apply(event, docs) {
    switch (event.type) {
      case 'AssessmentCycleOpened': {
        const { year, frameworks, participants } = event.data;
        return frameworks.map(({ group }) => {
          const doc: RankingDocument = {
            year,
            group,
            imported: false,
            source: null,
            jurisdiction: null,
            bands: bandsOf(event.data, group),
            names: Object.fromEntries(participants.filter((p) => p.group === group).map((p) => [p.code, p.name])),
            finalized: [],
            notRanked: [],
            provisionalEntries: [],
            proposal: null,
            publication: null,
            publications: [],
          };
          return { collection: 'rankings', id: rankingId(year, group), doc };
        });
      }
      case 'AssessmentFinalized': {
        const { year, group, agencyCode, totalPoints, applicableMaxPoints } = event.data;
        const current = docs<RankingDocument>('rankings', rankingId(year, group));
        if (!current) return [];
        const entry = { agencyCode, totalPoints, maxPoints: applicableMaxPoints };
        // Finalised again without a reopening keeps its place, as the agency's key kept its place before.
        const at = current.finalized.findIndex((f) => f.agencyCode === agencyCode);
        const finalized = at < 0 ? [...current.finalized, entry] : current.finalized.map((f, i) => (i === at ? entry : f));
        const doc: RankingDocument = { ...current, finalized };
        return [{ collection: 'rankings', id: rankingId(year, group), doc }];
      }
      case 'AssessmentReopened': {
        // A reopened assessment waits to be finalised again: the provisional ranking goes without it meanwhile.
        const { year, group, agencyCode } = event.data;
        const current = docs<RankingDocument>('rankings', rankingId(year, group));
        if (!current) return [];
        const finalized = current.finalized.filter((f) => f.agencyCode !== agencyCode);
        const doc: RankingDocument = { ...current, finalized };
        return [{ collection: 'rankings', id: rankingId(year, group), doc }];
      }
      case 'AgencyExcludedFromRanking': {
        const { year, group, agencyCode, reason } = event.data;
        const current = docs<RankingDocument>('rankings', rankingId(year, group));
        if (!current) return [];
        const notRanked = [...current.notRanked, { agencyCode, agencyName: current.names[agencyCode] ?? agencyCode, reason }];
        const doc: RankingDocument = { ...current, notRanked };
        return [{ collection: 'rankings', id: rankingId(year, group), doc }];
      }
      case 'RankingProposed': {
        const { year, group, entries } = event.data;
        const current = docs<RankingDocument>('rankings', rankingId(year, group));
        if (!current) return [];
        const doc: RankingDocument = { ...current, proposal: { proposedAt: event.metadata.recordedAt, entries } };
        return [{ collection: 'rankings', id: rankingId(year, group), doc }];
      }
      case 'RankingPublished':
      case 'RankingRepublished': {
        const { year, group, entries } = event.data;
        const current = docs<RankingDocument>('rankings', rankingId(year, group));
        if (!current) return [];
        const left = new Set(current.notRanked.map((n) => n.agencyCode));
        const publication: Publication = {
          publishedAt: event.metadata.recordedAt,
          reason: event.type === 'RankingRepublished' ? event.data.reason : null,
          decisionNumber: event.data.decisionNumber,
          decisionDate: event.data.decisionDate,
          // The decider already leaves excluded agencies out; an entry for one would not be shown either way.
          entries: entries.filter((e) => !left.has(e.agencyCode)),
        };
        const doc: RankingDocument = { ...current, proposal: null, publication, publications: [...current.publications, publication] };
        return [{ collection: 'rankings', id: rankingId(year, group), doc }];
      }
      case 'PublishedRankingImported': {
        // Its own stream holds this one event: the document is whole from it, nothing before it to read.
        const { year, group, jurisdiction, decisionNumber, decisionDate, source, entries } = event.data;
        // Published when the People's Committee decided, not when it was entered here (the audit trail has that).
        const publication: Publication = { publishedAt: `${decisionDate}T00:00:00.000Z`, reason: null, decisionNumber, decisionDate, entries };
        const doc: RankingDocument = {
          year,
          group,
          imported: true,
          source,
          jurisdiction,
          bands: bandsPrinted(entries),
          names: Object.fromEntries(entries.map((e) => [e.agencyCode, e.agencyName])),
          finalized: [],
          notRanked: [],
          provisionalEntries: [],
          proposal: null,
          publication,
          publications: [publication],
        };
        return [{ collection: 'rankings', id: importedRankingId(year, group, jurisdiction), doc }];
      }
      default:
        return [];
    }
  },
  /**
   * The provisional entries, ranked once per stored version of the document rather than after every
   * finalisation: ranking a group of 700 agencies after each of its 700 finalisations was most of an as-of ranking.
   */
  present(_collection, doc) {
    const ranking = doc as RankingDocument;
    return { ...ranking, provisionalEntries: provisional(ranking) };
  },
});
