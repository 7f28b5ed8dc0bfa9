import { badInput } from './errors';
import { requireCalendarDate } from './calendarDate';
import { optionalText, requireText } from './validation';

/**
 * The legal instrument behind a fact: the decision or resolution that issued a criteria set, renamed or merged an
 * agency. One shape for every event that carries one, so an analyst reads them all the same way.
 */
export interface LegalBasis {
  /** As printed, e.g. "1149/QĐ-BNV", "01/NQ-HĐND". */
  number: string;
  /** The instrument's date, YYYY-MM-DD. */
  date: string;
  /** What it is about, e.g. "Phê duyệt Đề án xác định Chỉ số cải cách hành chính". */
  title: string | null;
  /** Where it can be read. */
  url: string | null;
}

/** As clients send it: the date is a GraphQL `Date` (UTC midnight) or, from code, a YYYY-MM-DD string. */
export interface LegalBasisInput {
  number: string;
  date: Date | string;
  title?: string | null;
  url?: string | null;
}

// Limits of the domain rule; the GraphQL input states the same ones (src/schema/inputs/legalBasisInput.ts).
export const LEGAL_BASIS_LIMITS = { numberChars: 100, titleChars: 500, urlChars: 1000 } as const;

/** Checks a given legal basis; errors name the field inside it, e.g. `legalBasis.number`. */
export function requireLegalBasis(field: string, input: LegalBasisInput | null | undefined): LegalBasis {
  if (!input) throw badInput(field, 'cite the decision or resolution it rests on: its number and date');
  const number = requireText(`${field}.number`, input.number, LEGAL_BASIS_LIMITS.numberChars);
  const date = requireCalendarDate(`${field}.date`, input.date);
  const title = optionalText(`${field}.title`, input.title, LEGAL_BASIS_LIMITS.titleChars);
  const url = optionalText(`${field}.url`, input.url, LEGAL_BASIS_LIMITS.urlChars);
  if (url !== null && !isWebAddress(url)) throw badInput(`${field}.url`, `"${url}" is not an http(s) address`);
  return { number, date, title, url };
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
