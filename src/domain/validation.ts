import { badInput } from './errors';

/** Agency and framework codes: short, stable, safe in stream ids and URLs. */
const CODE = /^[A-Z0-9][A-Z0-9_.-]{0,39}$/;
/** Criterion codes as printed in criteria sets: "1", "1.2", "7.3.1". */
const CRITERION_CODE = /^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/;

export function requireCode(field: string, value: string): string {
  if (!CODE.test(value)) {
    throw badInput(field, `"${value}" is not a valid code (1–40 of A–Z, 0–9, "_", "-", ".", starting with a letter or digit)`);
  }
  return value;
}

export function requireCriterionCode(field: string, value: string): string {
  if (!CRITERION_CODE.test(value)) throw badInput(field, `"${value}" is not a valid criterion code (like "1.2.3")`);
  return value;
}

export function requireText(field: string, value: string, maxLength = 500): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw badInput(field, 'must not be empty');
  if (trimmed.length > maxLength) throw badInput(field, `must be at most ${maxLength} characters`);
  return trimmed;
}

export function optionalText(field: string, value: string | null | undefined, maxLength = 4000): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed.length === 0) return null;
  if (trimmed.length > maxLength) throw badInput(field, `must be at most ${maxLength} characters`);
  return trimmed;
}

export function requireYear(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 2000 || value > 2100) throw badInput(field, `${value} is not a year between 2000 and 2100`);
  return value;
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date as YYYY-MM-DD: a GraphQL `Date` (parsed to UTC midnight) or such a string from code. Dates of
 * decisions and of effect are days, not moments, so no time zone can move them.
 */
export function requireCalendarDate(field: string, value: Date | string): string {
  const date = typeof value === 'string' ? (CALENDAR_DATE.test(value) ? new Date(`${value}T00:00:00Z`) : null) : value;
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw badInput(field, 'is not a valid calendar date (YYYY-MM-DD)');
  const day = date.toISOString().slice(0, 10);
  // "2027-02-30" parses to 2 March: refuse rather than move the day.
  if (typeof value === 'string' && day !== value) throw badInput(field, `${value} is not a calendar date`);
  return day;
}
