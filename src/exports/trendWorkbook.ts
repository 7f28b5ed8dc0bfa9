import ExcelJS from 'exceljs';
import type { AgencyTrendResult } from '../projections/rankings/trendReads';
import { addSourceSheet, type ExportSource } from './sourceSheet';
import { addTable, type Column } from './table';
import { GROUP_LABELS, HEADERS, RANKING_STATUS_LABELS, TREND_RELATION_LABELS } from './vietnameseLabels';

const TREND_SHEET = 'Xu hướng';

type Point = AgencyTrendResult['points'][number];

/** Where a year's figures come from: an imported ranking's source, else the ranking's status in PAR Ledger. */
const originOf = (p: Point) => (p.imported ? `Nhập từ: ${p.source ?? 'không rõ nguồn'}` : `PAR Ledger, ${RANKING_STATUS_LABELS[p.status].toLowerCase()}`);

const TREND_COLUMNS: readonly Column<Point>[] = [
  { header: HEADERS.year, width: 7, value: (p) => p.year },
  { header: HEADERS.agencyCode, width: 14, value: (p) => p.agencyCode },
  { header: HEADERS.agencyName, width: 44, value: (p) => p.agencyName },
  { header: HEADERS.relation, width: 28, value: (p) => TREND_RELATION_LABELS[p.relation] + (p.relation === 'SELF' ? '' : ` (${p.lineagePath.join(' → ')})`) },
  { header: HEADERS.indexPercent, width: 12, value: (p) => p.indexPercent, points: true },
  { header: HEADERS.rank, width: 7, value: (p) => p.rank },
  { header: HEADERS.groupSize, width: 12, value: (p) => p.groupSize },
  { header: HEADERS.band, width: 16, value: (p) => p.band?.label ?? null },
  { header: HEADERS.framework, width: 40, value: (p) => (p.framework ? `${p.framework.code}: ${p.framework.title}` : p.frameworkCode) },
  { header: HEADERS.origin, width: 48, value: originOf, wrap: true },
];

/** The agency, the years asked for and what the source sheet must say of the criteria sets. */
function trendDetails(trend: AgencyTrendResult): ExportSource['details'] {
  return [
    ['Mã đơn vị', trend.agency.code],
    ['Tên đơn vị', trend.agency.name],
    ['Nhóm', `${GROUP_LABELS[trend.agency.group]} (${trend.agency.group})`],
    ['Từ năm', trend.fromYear],
    ['Đến năm', trend.toYear],
    ['Theo dõi đơn vị tiền thân', trend.followLineage ? 'Có' : 'Không'],
    ['Bộ tiêu chí', trend.note ?? 'Các năm dùng cùng một bộ tiêu chí.'],
  ];
}

/**
 * An agency's trend as the query `agencyTrend` gives it: one row per year and unit (sheet "Xu hướng"), the note on
 * criteria sets under the table when they differ, and the source (sheet "Nguồn").
 */
export async function trendWorkbook(trend: AgencyTrendResult, source: Omit<ExportSource, 'details'>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PAR Ledger';
  workbook.created = source.exportedAt;
  const sheet = addTable(workbook, TREND_SHEET, TREND_COLUMNS, trend.points);
  // One empty row, then the note: read with the figures, outside the table (its auto-filter ends at the last year).
  if (trend.note) sheet.getCell(trend.points.length + 3, 1).value = trend.note;
  addSourceSheet(workbook, { ...source, details: trendDetails(trend) });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
