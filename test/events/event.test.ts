import { CURRENT_SCHEMA_VERSION, event, PAR_EVENT_TYPES } from '../../src/events/parEvents';

describe('event(type, data)', () => {
  it('stamps the current schema version of its type and keeps the data as given', () => {
    const data = { code: 'STP', name: 'Sở Tư pháp', group: 'DEPARTMENT' as const, jurisdiction: 'QNA', activeFrom: null };
    expect(event('AgencyRegistered', data)).toEqual({ type: 'AgencyRegistered', schemaVersion: CURRENT_SCHEMA_VERSION.AgencyRegistered, data });
  });

  it('knows a current version for every event type', () => {
    expect(PAR_EVENT_TYPES).toHaveLength(61);
    for (const type of PAR_EVENT_TYPES) expect(Number.isInteger(CURRENT_SCHEMA_VERSION[type]) && CURRENT_SCHEMA_VERSION[type] >= 1).toBe(true);
  });

  it('checks the data against the type at compile time', () => {
    // @ts-expect-error AgencyRegistered has no `points`, and lacks `group`.
    const wrong = event('AgencyRegistered', { code: 'STP', name: 'Sở Tư pháp', points: 1 });
    expect(wrong.type).toBe('AgencyRegistered');
  });
});
