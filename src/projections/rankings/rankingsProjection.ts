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

export const rankingsProjection = defineProjection({
  name: 'rankings',
  // 6: finalized is a list (it was an object keyed by agency).
  version: 6,
  collections: [{ name: 'rankings', indexes: [['year'], ['group', 'year']] }],
  handles: [
    'AssessmentCycleOpened',
    'AssessmentFinalized',
    'AssessmentReopened',
    'RankingProposed',
    'RankingPublished',
    'RankingRepublished',
    'AgencyExcludedFromRanking',
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
