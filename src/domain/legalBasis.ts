import { requireCalendarDate, type CalendarDate } from './calendarDate';
import { badInput } from './errors';
import { optionalText, requireText } from './validation';

/**
 * The decision or resolution a change rests on, e.g. "01/NQ-HĐND" of 2025-02-01: reorganisations and frameworks
 * cite one, so an analyst can check each step of a unit's history against the document that made it.
 */
export interface LegalBasis {
  /** The document's number and symbol as printed, e.g. "1241/NQ-UBTVQH15". */
  number: string;
  date: CalendarDate;
  title: string | null;
  /** Where the text or a report of it can be read. */
  url: string | null;
}

export interface LegalBasisInput {
  number: string;
  date: Date | string;
  title?: string | null;
  url?: string | null;
}

export function requireLegalBasis(field: string, input: LegalBasisInput | null | undefined): LegalBasis {
  if (!input) throw badInput(field, 'cite the decision or resolution it rests on: its number and date');
  return {
    number: requireText(`${field}.number`, input.number, 100),
    date: requireCalendarDate(`${field}.date`, input.date),
    title: optionalText(`${field}.title`, input.title, 500),
    url: optionalText(`${field}.url`, input.url, 1000),
  };
}
