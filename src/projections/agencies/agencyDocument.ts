import type { CalendarDate } from '../../domain/calendarDate';
import type { AgencyGroup } from '../../domain/enums';
import type { LegalBasis } from '../../domain/legalBasis';
import type { Period } from '../../domain/lineage/periods';

/** How a unit leads to another: its work went to the unit(s) a merger or split formed or enlarged. */
export type LineageKind = 'MERGER' | 'SPLIT';

export interface LineageLink {
  kind: LineageKind;
  /** The unit at the other end of the edge. */
  code: string;
  effectiveFrom: CalendarDate;
  legalBasis: LegalBasis;
}

type Dated<T> = T & Period & { legalBasis: LegalBasis | null };

/** An agency through time: every name, group and jurisdiction it had, when it began and ended, and its lineage. */
export interface AgencyDocument {
  code: string;
  /** The latest name, group and jurisdiction, for readers that want the unit as it is (or was last). */
  name: string;
  group: AgencyGroup;
  jurisdiction: string;
  registeredAt: string;
  activeFrom: CalendarDate | null;
  activeUntil: CalendarDate | null;
  names: Dated<{ name: string }>[];
  groups: Dated<{ group: AgencyGroup }>[];
  jurisdictions: Dated<{ code: string }>[];
  predecessors: LineageLink[];
  successors: LineageLink[];
  /** How the unit ended, when it did. */
  ended: { kind: 'MERGED' | 'SPLIT' | 'DISSOLVED'; effectiveFrom: CalendarDate; legalBasis: LegalBasis; reason: string | null } | null;
}

export interface JurisdictionDocument {
  code: string;
  name: string;
  activeFrom: CalendarDate | null;
  activeUntil: CalendarDate | null;
  predecessors: Omit<LineageLink, 'kind'>[];
  successors: Omit<LineageLink, 'kind'>[];
}

export function newAgencyDocument(
  unit: { code: string; name: string; group: AgencyGroup; jurisdiction: string },
  activeFrom: CalendarDate | null,
  registeredAt: string,
  legalBasis: LegalBasis | null,
): AgencyDocument {
  const period = { from: activeFrom, until: null, legalBasis };
  return {
    ...unit,
    registeredAt,
    activeFrom,
    activeUntil: null,
    names: [{ name: unit.name, ...period }],
    groups: [{ group: unit.group, ...period }],
    jurisdictions: [{ code: unit.jurisdiction, ...period }],
    predecessors: [],
    successors: [],
    ended: null,
  };
}
