import type { Workbook } from 'exceljs';
import { addItemSheet, type Item } from './table';

const SOURCE_SHEET = 'Nguồn';
const SOURCE_NAME = 'PAR Ledger';
const EXPORT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Where an exported file's figures come from, so a copy that travels by e-mail still says what it is. */
export interface ExportSource {
  /** The request, e.g. "GET /exports/ranking.xlsx?year=2024&group=DEPARTMENT". */
  query: string;
  exportedAt: Date;
  /** The log position every read model had applied when the export read them: the figures reflect at least it. */
  position: number;
  /** What else identifies the figures (the ranking's status and decision, the assessment's status...). */
  details: readonly Item[];
}

const SOURCE_LABELS = {
  source: 'Nguồn dữ liệu',
  query: 'Truy vấn',
  exportedAt: `Thời điểm xuất (${EXPORT_TIME_ZONE})`,
  position: 'Vị trí nhật ký sự kiện',
} as const;

const vietnamClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: EXPORT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "2026-12-03 21:12:43 +07:00": the wall-clock time in Vietnam, written out so no spreadsheet shifts it. */
export function vietnamTime(date: Date): string {
  const part = Object.fromEntries(vietnamClock.formatToParts(date).map((p) => [p.type, p.value]));
  // Vietnam has kept UTC+7 without daylight saving since 1975.
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second} +07:00`;
}

/** The sheet "Nguồn": what the figures are, where from, when, and up to which position of the log. */
export function addSourceSheet(workbook: Workbook, source: ExportSource): void {
  addItemSheet(workbook, SOURCE_SHEET, [
    [SOURCE_LABELS.source, SOURCE_NAME],
    [SOURCE_LABELS.query, source.query],
    ...source.details,
    [SOURCE_LABELS.exportedAt, vietnamTime(source.exportedAt)],
    [SOURCE_LABELS.position, source.position],
  ]);
}
