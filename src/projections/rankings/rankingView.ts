import { bandNamed } from '../../domain/ranking/bands';
import { publicationChanges } from '../../domain/ranking/changes';
import type { RankingStatus } from '../../domain/enums';
import type { RankingEntryData } from '../../events/parEvents';
import type { RankingDocument } from './rankingsProjection';

/** A ranking as served: the query `ranking` and the ranking exports present the same document the same way. */
export type RankingView = ReturnType<typeof presentOnce>;

/** What the latest publication changed against the one before it; nothing before a republication. */
function changesOf(doc: RankingDocument) {
  const [before, after] = doc.publications.slice(-2);
  return before && after ? publicationChanges(before.entries, after.entries) : [];
}

/**
 * Presented once per document version: ReadModels.ranking hands every request the same frozen document while it
 * is current, and presenting a ranking of hundreds of agencies took a good part of each request.
 */
const presented = new WeakMap<RankingDocument, RankingView>();

export function presentRanking(doc: RankingDocument): RankingView {
  let view = presented.get(doc);
  if (view === undefined) {
    view = presentOnce(doc);
    if (Object.isFrozen(doc)) presented.set(doc, view);
  }
  return view;
}

/** The published entries once issued (as issued, even if an assessment changed since), else the proposed, else the provisional ones. */
function presentOnce(doc: RankingDocument) {
  const entries: RankingEntryData[] = doc.publication ? doc.publication.entries : (doc.proposal?.entries ?? doc.provisionalEntries);
  const status: RankingStatus = doc.publication ? 'PUBLISHED' : doc.proposal ? 'PROPOSED' : 'PROVISIONAL';
  return {
    year: doc.year,
    group: doc.group,
    imported: doc.imported,
    source: doc.source,
    jurisdiction: doc.jurisdiction,
    published: doc.publication !== null,
    status,
    proposedAt: doc.proposal?.proposedAt ?? null,
    publishedAt: doc.publication?.publishedAt ?? null,
    republishReason: doc.publication?.reason ?? null,
    decisionNumber: doc.publication?.decisionNumber ?? null,
    decisionDate: doc.publication?.decisionDate ?? null,
    publicationCount: doc.publications.length,
    entries: entries.map((e) => ({ ...e, band: bandNamed(e.band, doc.bands), agency: { code: e.agencyCode, name: e.agencyName, group: doc.group } })),
    changes: changesOf(doc).map((c) => ({ ...c, agency: { code: c.agencyCode, name: c.agencyName, group: doc.group } })),
    notRanked: doc.notRanked.map((n) => ({ agency: { code: n.agencyCode, name: n.agencyName, group: doc.group }, reason: n.reason })),
  };
}
