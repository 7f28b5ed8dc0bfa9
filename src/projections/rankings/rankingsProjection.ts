import { toPoints, type Points } from '../../domain/points';
import { rank } from '../../domain/ranking/ranking';
import type { AgencyGroup, RankingEntryData, RatingBand } from '../../events/parEvents';
import { defineProjection } from '../projection';

interface Publication {
  publishedAt: string;
  reason: string | null;
  entries: RankingEntryData[];
}

/** A group's ranking in one year: provisional over finalised assessments, and every publication as issued. */
export interface RankingDocument {
  year: number;
  group: AgencyGroup;
  bands: RatingBand[];
  names: Record<string, string>;
  finalized: Record<string, { totalPoints: number; maxPoints: number }>;
  provisionalEntries: RankingEntryData[];
  /** The latest publication; earlier ones stay in `publications`. */
  publication: Publication | null;
  publications: Publication[];
}

export const rankingId = (year: number, group: AgencyGroup) => `${year}-${group}`;

export const rankingsProjection = defineProjection({
  name: 'rankings',
  version: 1,
  collections: [{ name: 'rankings', indexes: [['year'], ['group', 'year']] }],
  handles: ['AssessmentCycleOpened', 'AssessmentFinalized', 'RankingPublished', 'RankingRepublished'],
  reads(event) {
    switch (event.type) {
      case 'AssessmentFinalized':
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
        const { year, frameworks, participants, bands } = event.data;
        return frameworks.map(({ group }) => {
          const doc: RankingDocument = {
            year,
            group,
            bands,
            names: Object.fromEntries(participants.filter((p) => p.group === group).map((p) => [p.code, p.name])),
            finalized: {},
            provisionalEntries: [],
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
        const finalized = { ...current.finalized, [agencyCode]: { totalPoints, maxPoints: applicableMaxPoints } };
        const candidates = Object.entries(finalized).map(([code, f]) => ({
          agencyCode: code,
          agencyName: current.names[code] ?? code,
          totalPoints: toPoints(f.totalPoints) as Points,
          maxPoints: toPoints(f.maxPoints) as Points,
        }));
        const doc: RankingDocument = { ...current, finalized, provisionalEntries: rank(candidates, current.bands) };
        return [{ collection: 'rankings', id: rankingId(year, group), doc }];
      }
      case 'RankingPublished':
      case 'RankingRepublished': {
        const { year, group, entries } = event.data;
        const current = docs<RankingDocument>('rankings', rankingId(year, group));
        if (!current) return [];
        const publication: Publication = {
          publishedAt: event.metadata.recordedAt,
          reason: event.type === 'RankingRepublished' ? event.data.reason : null,
          entries,
        };
        const doc: RankingDocument = { ...current, publication, publications: [...current.publications, publication] };
        return [{ collection: 'rankings', id: rankingId(year, group), doc }];
      }
      default:
        return [];
    }
  },
});
