import type { AgencyGroup } from '../../events/parEvents';

export interface Agency {
  code: string;
  name: string;
  group: AgencyGroup;
  jurisdiction: string;
  activeFrom: string | null;
}
