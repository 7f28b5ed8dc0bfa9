// The console's ways of writing numbers, dates and order for Vietnamese readers. Labels and the collation are the
// service's own (src/exports/vietnameseLabels.ts, src/domain/vietnameseOrder.ts): the files and the pages say the same.
export { compareVietnamese } from '../../../src/domain/vietnameseOrder';
export {
  ASSESSMENT_STATUS_LABELS,
  DUTY_STATUS_LABELS,
  GROUP_LABELS,
  HEADERS,
  NODE_KIND_LABELS,
  RANKING_STATUS_LABELS,
  TREND_RELATION_LABELS,
  yesNo,
} from '../../../src/exports/vietnameseLabels';
import { vietnameseNumber } from '../../../src/exports/vietnameseLabels';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dayParts = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeParts = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** 12,5 — a decimal comma and a dot between thousands; "—" when there is no number. */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : vietnameseNumber(value);
}

/** 87,25% */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${vietnameseNumber(value, 2)}%`;
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

/**
 * dd/MM/yyyy of an instant, as the day is in Vietnam (the parts are put in order by hand: a browser's own vi-VN
 * pattern may differ from one version to the next). A calendar date ("2025-03-01") is written as it is.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const calendar = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (calendar) return `${calendar[3]}/${calendar[2]}/${calendar[1]}`;
  const parts = dayParts.formatToParts(new Date(value));
  return `${part(parts, 'day')}/${part(parts, 'month')}/${part(parts, 'year')}`;
}

/** dd/MM/yyyy HH:mm in Vietnam. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const time = timeParts.formatToParts(new Date(value));
  return `${formatDate(value)} ${part(time, 'hour')}:${part(time, 'minute')}`;
}

/** Reads "12,5" or "12.5" as typed by a Vietnamese officer; null when blank, NaN when not a number. */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^-?\d+([.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : Number.NaN;
}
