import { assignmentDecider, type AssignResponsibility } from '../../src/domain/assignment/assignmentDecider';
import type { Unit } from '../../src/domain/lineage/lineage';
import { event } from '../../src/events/parEvents';
import { specFor } from './givenWhenThen';

const spec = specFor(assignmentDecider);
const unit = (code: string, activeUntil: string | null = null): Unit => ({
  code,
  name: code,
  group: 'DEPARTMENT',
  jurisdiction: 'QNA',
  activeFrom: null,
  activeUntil,
  lastChange: null,
  mergedInto: null,
});
const units = { SNV: unit('SNV'), STP: unit('STP'), STC: unit('STC'), STTTT: unit('STTTT', '2025-02-28') };
const assign = (overrides: Partial<AssignResponsibility> = {}): AssignResponsibility => ({
  type: 'AssignResponsibility',
  taskKind: 'INSPECTION',
  lead: 'SNV',
  coordinators: ['STP', 'STC'],
  legalBasis: 'QĐ 2824/QĐ-UBND, Điều 5 khoản 1',
  effectiveFrom: '2018-09-19',
  description: ' Kiểm tra kết quả thực hiện công tác cải cách hành chính ',
  units,
  ...overrides,
});
const assigned = event('ResponsibilityAssigned', {
  code: 'INSPECTION-SNV-2018-09-19',
  taskKind: 'INSPECTION',
  lead: 'SNV',
  coordinators: ['STP', 'STC'],
  legalBasis: 'QĐ 2824/QĐ-UBND, Điều 5 khoản 1',
  effectiveFrom: '2018-09-19',
  effectiveUntil: null,
  description: 'Kiểm tra kết quả thực hiện công tác cải cách hành chính',
  area: null,
  criterionCode: null,
});

describe('assignResponsibility: Decision 2824 as data', () => {
  it('records who leads and who coordinates, under a code made from what it is when none is given', () => {
    spec.given([]).when(assign()).then([assigned]);
  });

  it('refuses the same assignment twice: CONFLICT on code', () => {
    spec.given([assigned]).when(assign()).thenError('CONFLICT', 'code');
    expect(
      spec
        .given([assigned])
        .when(assign({ code: 'D2824-5.1' }))
        .events()[0].data.code,
    ).toBe('D2824-5.1');
  });

  it('refuses unknown agencies (NOT_FOUND naming the field), a lead listed as coordinator, a unit that had ended', () => {
    spec
      .given([])
      .when(assign({ lead: 'KHONGCO' }))
      .thenError('NOT_FOUND', 'lead');
    spec
      .given([])
      .when(assign({ coordinators: ['STP', 'KHONGCO'] }))
      .thenError('NOT_FOUND', 'coordinators[1]');
    spec
      .given([])
      .when(assign({ coordinators: ['SNV'] }))
      .thenError('BAD_USER_INPUT', 'coordinators[0]');
    spec
      .given([])
      .when(assign({ coordinators: ['STP', 'STP'] }))
      .thenError('BAD_USER_INPUT', 'coordinators');
    spec
      .given([])
      .when(assign({ lead: 'STTTT', effectiveFrom: '2026-01-01' }))
      .thenError('BAD_USER_INPUT', 'lead');
  });

  it('refuses an end before the start, an empty description or clause, an unknown task kind', () => {
    spec
      .given([])
      .when(assign({ effectiveUntil: '2017-01-01' }))
      .thenError('BAD_USER_INPUT', 'effectiveUntil');
    spec
      .given([])
      .when(assign({ description: ' ' }))
      .thenError('BAD_USER_INPUT', 'description');
    spec
      .given([])
      .when(assign({ legalBasis: '' }))
      .thenError('BAD_USER_INPUT', 'legalBasis');
    spec
      .given([])
      .when(assign({ taskKind: 'GARDENING' as never }))
      .thenError('BAD_USER_INPUT', 'taskKind');
  });
});
