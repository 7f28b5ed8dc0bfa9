import { agencyDecider, type RegisterAgency } from '../../src/domain/agency/agencyDecider';
import type { AgencyRegistered } from '../../src/events/parEvents';
import { specFor } from './givenWhenThen';

const spec = specFor(agencyDecider);
const register = (overrides: Partial<RegisterAgency> = {}): RegisterAgency => ({
  type: 'RegisterAgency',
  code: 'STP',
  name: 'Sở Tư pháp',
  group: 'DEPARTMENT',
  takenByLineage: false,
  jurisdictionKnown: false,
  ...overrides,
});
const registered: AgencyRegistered = {
  type: 'AgencyRegistered',
  schemaVersion: 2,
  data: { code: 'STP', name: 'Sở Tư pháp', group: 'DEPARTMENT', jurisdiction: 'QNA', activeFrom: null },
};

describe('agencyDecider', () => {
  it('registers a new agency', () => {
    spec.given([]).when(register()).then([registered]);
  });

  it('evolves to a registered agency', () => {
    expect(spec.given([registered]).state).toEqual({ registered: true, ...registered.data });
    expect(agencyDecider.initialState()).toEqual({ registered: false });
  });

  it('refuses a second registration of the same code: CONFLICT on code', () => {
    const error = spec
      .given([registered])
      .when(register({ name: 'Sở Tư pháp tỉnh' }))
      .thenError('CONFLICT', 'code');
    expect(error.message).toContain('STP');
  });

  it.each(['', 'stp', '-STP', 'S TP', 'SỞ', 'A'.repeat(41)])('rejects the invalid code %p: BAD_USER_INPUT on code', (code) => {
    spec.given([]).when(register({ code })).thenError('BAD_USER_INPUT', 'code');
  });

  it.each(['A', 'UBND-QUE-SON', 'S.KH_CN', '9', 'A'.repeat(40)])('accepts the code %p', (code) => {
    expect(spec.given([]).when(register({ code })).events()[0].data.code).toBe(code);
  });

  it.each(['', '   ', '\n\t'])('rejects the empty name %p: BAD_USER_INPUT on name', (name) => {
    spec.given([]).when(register({ name })).thenError('BAD_USER_INPUT', 'name');
  });

  it('rejects a name longer than 200 characters', () => {
    spec
      .given([])
      .when(register({ name: 'x'.repeat(201) }))
      .thenError('BAD_USER_INPUT', 'name');
    expect(
      spec
        .given([])
        .when(register({ name: 'x'.repeat(200) }))
        .events(),
    ).toHaveLength(1);
  });

  it('trims the name', () => {
    spec
      .given([])
      .when(register({ code: 'BHXH', name: '  Bảo hiểm xã hội tỉnh \n', group: 'PROVINCIAL_BRANCH' }))
      .then([
        {
          type: 'AgencyRegistered',
          schemaVersion: 2,
          data: { code: 'BHXH', name: 'Bảo hiểm xã hội tỉnh', group: 'PROVINCIAL_BRANCH', jurisdiction: 'QNA', activeFrom: null },
        },
      ]);
  });

  it('registers in a named jurisdiction from a date when both are given', () => {
    const [e] = spec
      .given([])
      .when(register({ code: 'SNV-DN', jurisdiction: 'DNG', jurisdictionKnown: true, activeFrom: new Date('2025-07-01T00:00:00Z') }))
      .events();
    expect(e.data).toMatchObject({ jurisdiction: 'DNG', activeFrom: '2025-07-01' });
  });

  it('refuses an unregistered jurisdiction other than the home one: NOT_FOUND on jurisdiction', () => {
    spec
      .given([])
      .when(register({ jurisdiction: 'HUE' }))
      .thenError('NOT_FOUND', 'jurisdiction');
  });

  it('refuses a code a merger or split already registered: CONFLICT on code', () => {
    spec
      .given([])
      .when(register({ takenByLineage: true }))
      .thenError('CONFLICT', 'code');
  });
});
