import type { AgencyGroup } from '../../events/parEvents';
import { defineProjection } from '../projection';

export interface AgencyDocument {
  code: string;
  name: string;
  group: AgencyGroup;
  registeredAt: string;
}

export const agenciesProjection = defineProjection({
  name: 'agencies',
  version: 1,
  collections: [{ name: 'agencies', indexes: [['group']] }],
  handles: ['AgencyRegistered'],
  reads: () => [],
  apply(event) {
    if (event.type !== 'AgencyRegistered') return [];
    const doc: AgencyDocument = { ...event.data, registeredAt: event.metadata.recordedAt };
    return [{ collection: 'agencies', id: event.data.code, doc }];
  },
});
