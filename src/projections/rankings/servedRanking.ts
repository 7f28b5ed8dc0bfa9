import { badInput } from '../../domain/errors';
import type { AgencyGroup } from '../../events/parEvents';
import type { OnRead, ReadModels } from '../readModels';
import type { RankingDocument } from './rankingsProjection';
import { presentRanking } from './rankingView';

/** The imported ranking asked for: of the jurisdiction given, else the one naming none, else the only one. */
function chooseImported(docs: RankingDocument[], jurisdiction: string | null): RankingDocument | null {
  if (jurisdiction) return docs.find((d) => d.jurisdiction === jurisdiction) ?? null;
  const plain = docs.find((d) => d.jurisdiction === null);
  if (plain || docs.length <= 1) return plain ?? docs[0] ?? null;
  throw badInput('jurisdiction', `rankings of ${docs.map((d) => d.jurisdiction).join(', ')} were imported for the year: name one`);
}

/**
 * The ranking a reader of (year, group) gets, by the query and the exports alike: PAR Ledger's own once published;
 * otherwise one imported for the year (of `jurisdiction` when several were); otherwise PAR Ledger's own as it stands.
 */
export async function servedRanking(
  read: ReadModels,
  year: number,
  group: AgencyGroup,
  jurisdiction: string | null,
  onRead?: OnRead,
): Promise<RankingDocument | null> {
  const own = jurisdiction ? null : await read.ranking(year, group, onRead);
  if (own?.publication) return own;
  return chooseImported(await read.importedRankings(year, group, onRead), jurisdiction) ?? own;
}

/**
 * Of one year and group's rankings (PAR Ledger's own and those imported), the one an agency's trend reads its
 * figures from, as `servedRanking` would serve them: PAR Ledger's own once published; otherwise an imported one that
 * lists the agency (the jurisdiction it was in that year, however many were imported); otherwise PAR Ledger's own
 * as it stands, when it lists the agency.
 */
export function servedFor(docs: readonly RankingDocument[], agencyCode: string): RankingDocument | null {
  const own = docs.find((d) => !d.imported) ?? null;
  if (own?.publication) return own;
  const lists = (d: RankingDocument) => presentRanking(d).entries.some((e) => e.agencyCode === agencyCode);
  return docs.find((d) => d.imported && lists(d)) ?? (own && lists(own) ? own : null);
}
