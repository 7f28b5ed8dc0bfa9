import { LINEAGE_EVENT_TYPES } from '../../events/parEvents';
import { defineProjection } from '../projection';
import { newAgencyDocument } from './agencyDocument';
import { applyAgencyChange, applyJurisdictionChange } from './lineageChanges';

export type { AgencyDocument, JurisdictionDocument } from './agencyDocument';

export const agenciesProjection = defineProjection({
  name: 'agencies',
  // 2: agencies through time (names, groups, jurisdictions, lineage) and jurisdictions.
  version: 2,
  collections: [
    { name: 'agencies', indexes: [['group']] },
    { name: 'jurisdictions', indexes: [] },
  ],
  handles: ['AgencyRegistered', ...LINEAGE_EVENT_TYPES],
  reads(event) {
    const agencies = (codes: string[]) => codes.map((id) => ({ collection: 'agencies', id }));
    switch (event.type) {
      case 'AgencyRenamed':
      case 'AgencyMoved':
      case 'AgencyDissolved':
        return agencies([event.data.code]);
      case 'AgenciesMerged':
        return agencies([...event.data.sourceCodes, event.data.into.code]);
      case 'AgencySplit':
        return agencies([event.data.sourceCode, ...event.data.into.map((t) => t.code)]);
      case 'JurisdictionsMerged':
        return [...event.data.sourceCodes, event.data.into.code].map((id) => ({ collection: 'jurisdictions', id }));
      default:
        return [];
    }
  },
  apply(event, docs) {
    const recordedAt = event.metadata.recordedAt;
    switch (event.type) {
      case 'AgencyRegistered': {
        const { activeFrom, ...unit } = event.data;
        return [{ collection: 'agencies', id: unit.code, doc: newAgencyDocument(unit, activeFrom, recordedAt, null) }];
      }
      case 'JurisdictionRegistered':
      case 'JurisdictionsMerged':
        return applyJurisdictionChange(event, docs);
      case 'AgencyRenamed':
      case 'AgencyMoved':
      case 'AgencyDissolved':
      case 'AgenciesMerged':
      case 'AgencySplit':
        return applyAgencyChange(event, docs, recordedAt);
      default:
        return [];
    }
  },
});
