import type { CalendarDate } from '../calendarDate';
import { dayBefore, yearEnd, yearStart } from '../calendarDate';

/** A value that held from one day to another (both inclusive; null: since records began / still holds). */
export interface Period {
  from: CalendarDate | null;
  until: CalendarDate | null;
}

export const holdsOn = (p: Period, date: CalendarDate) => (p.from === null || p.from <= date) && (p.until === null || p.until >= date);

/** The period in force on `date`; for a date outside all of them, the nearest (a unit's first name before it began). */
export function periodOn<P extends Period>(periods: readonly P[], date: CalendarDate | null): P {
  if (date === null) return periods[periods.length - 1];
  const found = periods.find((p) => holdsOn(p, date));
  if (found) return found;
  return periods[0].from !== null && date < periods[0].from ? periods[0] : periods[periods.length - 1];
}

/** Closes the open period the day before `from` and opens the next one. */
export function nextPeriod<P extends Period>(periods: readonly P[], next: Omit<P, 'from' | 'until'>, from: CalendarDate): P[] {
  const closed = periods.map((p) => (p.until === null ? { ...p, until: dayBefore(from) } : p));
  return [...closed, { ...next, from, until: null } as P];
}

/** Closes every open period on `until` (the unit ended). */
export const closePeriods = <P extends Period>(periods: readonly P[], until: CalendarDate): P[] => periods.map((p) => (p.until === null ? { ...p, until } : p));

/** Whether the span overlaps the calendar year, and whether it ended inside it. */
export function activeDuringYear(span: Period, year: number): { active: boolean; endedDuringYear: boolean } {
  const active = (span.from === null || span.from <= yearEnd(year)) && (span.until === null || span.until >= yearStart(year));
  return { active, endedDuringYear: active && span.until !== null && span.until < yearEnd(year) };
}
