import { vietnameseDate, type CalendarDate } from '../../domain/calendarDate';
import type { AgencyGroup } from '../../domain/enums';
import { HOME_JURISDICTION, HOME_JURISDICTION_NAME } from '../../domain/lineage/lineage';
import { periodOn } from '../../domain/lineage/periods';
import type { AgencyDocument, JurisdictionDocument } from './agencyDocument';

/** An agency as seen on one day (or, with `viewedOn` null, as it is or was last): the GraphQL Agency's root. */
export interface AgencyRow {
  code: string;
  name: string;
  group: AgencyGroup;
  jurisdictionCode: string;
  viewedOn: CalendarDate | null;
}

export type Jurisdictions = ReadonlyMap<string, JurisdictionDocument>;

/**
 * The jurisdiction a unit recorded in `code` belongs to on `date`: when that jurisdiction had merged away by then,
 * its units carry on in the one it merged into (they are reorganised by their own changes, if at all).
 */
export function jurisdictionOn(code: string, date: CalendarDate, jurisdictions: Jurisdictions): string {
  let current = code;
  for (let hops = 0; hops < 100; hops++) {
    const doc = jurisdictions.get(current);
    const next = doc?.successors[0];
    if (!doc || !next || doc.activeUntil === null || doc.activeUntil >= date) return current;
    current = next.code;
  }
  return current;
}

export function jurisdictionName(code: string, jurisdictions: Jurisdictions): string {
  return jurisdictions.get(code)?.name ?? (code === HOME_JURISDICTION ? HOME_JURISDICTION_NAME : code);
}

/** The unit's name, group and jurisdiction valid on `date` (its last ones for null). */
export function agencyRow(doc: AgencyDocument, date: CalendarDate | null, jurisdictions: Jurisdictions, today: CalendarDate): AgencyRow {
  const day = date ?? (doc.activeUntil !== null && doc.activeUntil < today ? doc.activeUntil : today);
  return {
    code: doc.code,
    name: periodOn(doc.names ?? [], date)?.name ?? doc.name,
    group: periodOn(doc.groups ?? [], date)?.group ?? doc.group,
    jurisdictionCode: jurisdictionOn(periodOn(doc.jurisdictions ?? [], day)?.code ?? doc.jurisdiction, day, jurisdictions),
    viewedOn: date,
  };
}

/**
 * Why a unit that ended during a year may be left out of that year's ranking, in the words a coordinator would
 * write: "Hợp nhất vào Sở Khoa học và Công nghệ từ 01/03/2025 (01/NQ-HĐND ngày 01/02/2025)".
 */
export function endingReason(doc: AgencyDocument, names: (code: string) => string): string {
  const ended = doc.ended;
  if (!ended) return `Hoạt động đến ${vietnameseDate(doc.activeUntil ?? '')}`;
  const since = `từ ${vietnameseDate(ended.effectiveFrom)} (${ended.legalBasis.number} ngày ${vietnameseDate(ended.legalBasis.date)})`;
  const successors = doc.successors.filter((s) => s.effectiveFrom === ended.effectiveFrom).map((s) => names(s.code));
  switch (ended.kind) {
    case 'MERGED':
      return `Hợp nhất vào ${successors.join(', ')} ${since}`;
    case 'SPLIT':
      return `Chia tách thành ${successors.join(', ')} ${since}`;
    case 'DISSOLVED':
      return `Giải thể ${since}${ended.reason ? `: ${ended.reason}` : ''}`;
  }
}
