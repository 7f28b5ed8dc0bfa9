import type { NewEvent } from '../envelope';
import type { AgencyGroup } from '../../domain/enums';

// The agency-<code> stream's events; their schema versions and the `event()` helper are in ../parEvents.ts.
/**
 * Version 2: `jurisdiction` (the province-level jurisdiction, QNA for every earlier registration) and `activeFrom`
 * (the day the unit started, null when it existed before the register began).
 */
export type AgencyRegistered = NewEvent<
  'AgencyRegistered',
  { code: string; name: string; group: AgencyGroup; jurisdiction: string; activeFrom: string | null }
>;

export type AgencyEvent = AgencyRegistered;
