import ExcelJS from 'exceljs';
import type { RankingView } from '../projections/rankings/rankingView';
import { toCsv } from './csv';
import { addSourceSheet, type ExportSource } from './sourceSheet';
import { addTable, type Column } from './table';
import { GROUP_LABELS, HEADERS, RANKING_STATUS_LABELS, yesNo } from './vietnameseLabels';

const RANKING_SHEET = 'Xếp hạng';
const NOT_RANKED_SHEET = 'Không xếp hạng';

type Entry = RankingView['entries'][number];
type NotRanked = RankingView['notRanked'][number];

/** The ranking's columns, the same in the workbook and the CSV file. */
const RANKING_COLUMNS: readonly Column<Entry>[] = [
  { header: HEADERS.rank, width: 7, value: (e) => e.rank },
  { header: HEADERS.agencyCode, width: 14, value: (e) => e.agencyCode },
  { header: HEADERS.agencyName, width: 48, value: (e) => e.agencyName },
  { header: HEADERS.totalPoints, width: 12, value: (e) => e.totalPoints, points: true },
  { header: HEADERS.maxPoints, width: 12, value: (e) => e.maxPoints, points: true },
  { header: HEADERS.indexPercent, width: 12, value: (e) => e.indexPercent, points: true },
  { header: HEADERS.band, width: 16, value: (e) => e.band?.label ?? null },
];

const NOT_RANKED_COLUMNS: readonly Column<NotRanked>[] = [
  { header: HEADERS.agencyCode, width: 14, value: (n) => n.agency.code },
  { header: HEADERS.agencyName, width: 48, value: (n) => n.agency.name },
  { header: HEADERS.reason, width: 60, value: (n) => n.reason, wrap: true },
];

/** Where a ranking recorded from elsewhere was published (importPublishedRanking); null for one run here. */
export interface RankingOrigin {
  importedFrom: string | null;
}

/** What the source sheet says of a ranking: its year and group, status, the approving decision, whether imported. */
function rankingDetails(ranking: RankingView, origin: RankingOrigin): ExportSource['details'] {
  return [
    ['Năm', ranking.year],
    ['Nhóm', `${GROUP_LABELS[ranking.group]} (${ranking.group})`],
    ['Trạng thái xếp hạng', `${RANKING_STATUS_LABELS[ranking.status]} (${ranking.status})`],
    ['Số quyết định công bố', ranking.decisionNumber],
    ['Ngày quyết định', ranking.decisionDate],
    ['Thời điểm công bố (UTC)', ranking.publishedAt],
    ['Số lần công bố', ranking.publicationCount],
    ['Lý do công bố lại', ranking.republishReason],
    ['Nhập từ kết quả đã công bố nơi khác', yesNo(origin.importedFrom !== null)],
    ['Nguồn của kết quả nhập', origin.importedFrom],
  ];
}

/**
 * A group's ranking as the query `ranking` serves it: the ranked agencies (sheet "Xếp hạng"), the source (sheet
 * "Nguồn"), and those left out with the reason (sheet "Không xếp hạng", when there are any).
 */
export async function rankingWorkbook(ranking: RankingView, origin: RankingOrigin, source: Omit<ExportSource, 'details'>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PAR Ledger';
  workbook.created = source.exportedAt;
  addTable(workbook, RANKING_SHEET, RANKING_COLUMNS, ranking.entries);
  addSourceSheet(workbook, { ...source, details: rankingDetails(ranking, origin) });
  if (ranking.notRanked.length > 0) addTable(workbook, NOT_RANKED_SHEET, NOT_RANKED_COLUMNS, ranking.notRanked);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The ranked agencies alone, as CSV (a CSV file has one table: the source travels in the response headers). */
export function rankingCsv(ranking: RankingView): Buffer {
  return toCsv(RANKING_COLUMNS, ranking.entries);
}
