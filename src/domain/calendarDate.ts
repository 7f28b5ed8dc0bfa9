import { badInput } from './errors';

/**
 * Calendar dates (a decision's date, the day a reorganisation takes effect) are kept as `YYYY-MM-DD` text: they
 * compare in order as text and mean the same day wherever they are read. The GraphQL `Date` scalar parses them to
 * UTC midnight, which is where the text is taken from.
 */
export type CalendarDate = string;

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function requireCalendarDate(field: string, value: Date | string): CalendarDate {
  const date = typeof value === 'string' ? (CALENDAR_DATE.test(value) ? new Date(`${value}T00:00:00Z`) : null) : value;
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw badInput(field, 'is not a valid calendar date (YYYY-MM-DD)');
  const day = date.toISOString().slice(0, 10);
  // "2027-02-30" parses to 2 March: refuse rather than move the day.
  if (typeof value === 'string' && day !== value) throw badInput(field, `${value} is not a calendar date`);
  return day;
}

/** The calendar day `days` after `date` (before it when negative). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export const dayBefore = (date: CalendarDate): CalendarDate => addDays(date, -1);

/** The first and last day of a calendar year. */
export const yearStart = (year: number): CalendarDate => `${String(year).padStart(4, '0')}-01-01`;
export const yearEnd = (year: number): CalendarDate => `${String(year).padStart(4, '0')}-12-31`;

/** The first moment of a calendar day in Vietnam (UTC+7). */
export const startOfVietnamDay = (date: CalendarDate): Date => new Date(`${date}T00:00:00+07:00`);

/** The last moment of a calendar day in Vietnam (UTC+7, no daylight saving): "on that day" includes all of it. */
export const endOfVietnamDay = (date: CalendarDate): Date => new Date(`${date}T23:59:59.999+07:00`);

/** The calendar day in Vietnam of a moment. */
export const vietnamDayOf = (at: Date): CalendarDate => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** `dd/MM/yyyy`, as Vietnamese documents write dates. */
export function vietnameseDate(date: CalendarDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
