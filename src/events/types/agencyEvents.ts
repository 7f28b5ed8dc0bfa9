import type { NewEvent } from '../envelope';
import type { AgencyGroup } from '../../domain/enums';

// The agency-<code> stream's events; their schema versions and the `event()` helper are in ../parEvents.ts.
export type AgencyRegistered = NewEvent<'AgencyRegistered', { code: string; name: string; group: AgencyGroup }>;

export type AgencyEvent = AgencyRegistered;
