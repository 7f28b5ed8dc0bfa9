import { agencyDecider, type RegisterAgency } from '../../src/domain/agency/agencyDecider';
import type { AgencyRegistered } from '../../src/events/parEvents';
import { specFor } from './givenWhenThen';

const spec = specFor(agencyDecider);
const register = (overrides: Partial<RegisterAgency> = {}): RegisterAgency => ({
  type: 'RegisterAgency',
  code: 'STP',
  name: 'Sở Tư pháp',
  group: 'DEPARTMENT',
  ...overrides,
});
const registered: AgencyRegistered = { type: 'AgencyRegistered', schemaVersion: 1, data: { code: 'STP', name: 'Sở Tư pháp', group: 'DEPARTMENT' } };

describe('agencyDecider', () => {
  it('registers a new agency', () => {
    spec.given([]).when(register()).then([registered]);
  });

  it('evolves to a registered agency', () => {
    expect(spec.given([registered]).state).toEqual({ registered: true, code: 'STP', name: 'Sở Tư pháp', group: 'DEPARTMENT' });
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
      .then([{ type: 'AgencyRegistered', schemaVersion: 1, data: { code: 'BHXH', name: 'Bảo hiểm xã hội tỉnh', group: 'PROVINCIAL_BRANCH' } }]);
  });
});
