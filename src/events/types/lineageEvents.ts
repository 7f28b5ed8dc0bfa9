import type { NewEvent } from '../envelope';
import type { AgencyGroup } from '../../domain/enums';
import type { LegalBasis } from '../../domain/legalBasis';

// The lineage stream's events: every reorganisation of agencies and jurisdictions, in the order they were recorded.
// One stream, so that each change is decided against all the others (a unit merged away cannot also be renamed).
// Dates are calendar dates (YYYY-MM-DD); a change takes effect on `effectiveFrom`, so what ends, ends the day before.

interface Change {
  effectiveFrom: string;
  legalBasis: LegalBasis;
}

/** The unit a merger or split leads into: `isNew` when the change registered it. */
export interface LineageTarget {
  code: string;
  name: string;
  group: AgencyGroup;
  jurisdiction: string;
  isNew: boolean;
}

type JurisdictionRegistered = NewEvent<'JurisdictionRegistered', { code: string; name: string; activeFrom: string | null }>;
type JurisdictionsMerged = NewEvent<'JurisdictionsMerged', Change & { sourceCodes: string[]; into: { code: string; name: string; isNew: boolean } }>;
type AgencyRenamed = NewEvent<'AgencyRenamed', Change & { code: string; name: string; previousName: string }>;
type AgenciesMerged = NewEvent<'AgenciesMerged', Change & { sourceCodes: string[]; into: LineageTarget }>;
type AgencySplit = NewEvent<'AgencySplit', Change & { sourceCode: string; into: LineageTarget[] }>;
type AgencyDissolved = NewEvent<'AgencyDissolved', Change & { code: string; reason: string | null }>;
type AgencyMoved = NewEvent<
  'AgencyMoved',
  Change & { code: string; group: AgencyGroup; jurisdiction: string; previousGroup: AgencyGroup; previousJurisdiction: string }
>;

export type LineageEvent = JurisdictionRegistered | JurisdictionsMerged | AgencyRenamed | AgenciesMerged | AgencySplit | AgencyDissolved | AgencyMoved;
