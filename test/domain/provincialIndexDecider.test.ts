import type { Framework } from '../../src/domain/framework/framework';
import { provincialIndexDecider } from '../../src/domain/provincialIndex/provincialIndexDecider';
import { event } from '../../src/events/parEvents';
import { flatFramework } from './fixtures';
import { specFor } from './givenWhenThen';

type Command = Parameters<typeof provincialIndexDecider.decide>[0];
const spec = specFor(provincialIndexDecider);
const NOW = new Date('2031-01-10T00:00:00Z');
const national: Framework = {
  ...flatFramework('PAR-TINH-2031', [
    { code: '2.1', maxPoints: 3 },
    { code: '6.1', maxPoints: 2 },
  ]),
  group: 'PROVINCE',
};

const request = (overrides: Partial<Extract<Command, { type: 'RequestCriterionData' }>> = {}): Command => ({
  type: 'RequestCriterionData',
  year: 2031,
  criterionCodes: ['2.1'],
  agencyCode: 'STP',
  dueAt: new Date('2031-02-01T00:00:00Z'),
  framework: national,
  agencyRegistered: true,
  now: NOW,
  ...overrides,
});
const requested = event('CriterionDataRequested', {
  year: 2031,
  frameworkCode: 'PAR-TINH-2031',
  agencyCode: 'STP',
  criterionCodes: ['2.1'],
  dueAt: '2031-02-01T00:00:00.000Z',
});
const provide = (agencyCode: string | null, value = 2.75): Command => ({
  type: 'ProvideCriterionData',
  year: 2031,
  criterionCode: '2.1',
  value,
  evidence: ['BC số 5/BC-STP'],
  agencyCode,
});
const provided = event('CriterionDataProvided', { year: 2031, agencyCode: 'STP', criterionCode: '2.1', value: 2.75, evidence: ['BC số 5/BC-STP'], note: null });

describe('the provincial index (Art. 7): SNV asks, departments provide, SNV compiles', () => {
  it('asks a department for its criteria of the national criteria set', () => {
    spec.given([]).when(request()).then([requested]);
  });

  it('refuses a framework that is not the province’s, none at all, a criterion not in it, a past deadline, an unknown agency', () => {
    spec
      .given([])
      .when(request({ framework: { ...national, group: 'DISTRICT' } }))
      .thenError('BAD_USER_INPUT', 'frameworkCode');
    spec
      .given([])
      .when(request({ framework: null }))
      .thenError('BAD_USER_INPUT', 'frameworkCode');
    spec
      .given([])
      .when(request({ criterionCodes: ['2.1', '9.9'] }))
      .thenError('BAD_USER_INPUT', 'criterionCodes[1]');
    spec
      .given([])
      .when(request({ dueAt: new Date('2031-01-01T00:00:00Z') }))
      .thenError('BAD_USER_INPUT', 'dueAt');
    spec
      .given([])
      .when(request({ agencyRegistered: false }))
      .thenError('NOT_FOUND', 'agencyCode');
  });

  it('the department asked provides the value; another department may not; a criterion nobody was asked for is NOT_FOUND', () => {
    spec.given([requested]).when(provide('STP')).then([provided]);
    spec.given([requested]).when(provide('STC')).thenError('FORBIDDEN');
    spec
      .given([requested])
      .when({ ...provide('STP'), criterionCode: '6.1' } as Command)
      .thenError('NOT_FOUND', 'criterionCode');
    spec.given([requested]).when(provide('STP', 1.23456)).thenError('BAD_USER_INPUT', 'value');
  });

  it('compiles once, listing what is missing; nothing changes after', () => {
    const second = event('CriterionDataRequested', { ...requested.data, agencyCode: 'STC', criterionCodes: ['6.1'] });
    const [compiled] = spec.given([requested, second, provided]).when({ type: 'CompileProvincialAssessment', year: 2031 }).events();
    expect(compiled.data).toMatchObject({ missing: ['6.1'] });
    spec.given([requested, provided, compiled]).when({ type: 'CompileProvincialAssessment', year: 2031 }).thenError('INVALID_STATE');
    spec.given([requested, compiled]).when(provide('STP')).thenError('INVALID_STATE');
    spec.given([]).when({ type: 'CompileProvincialAssessment', year: 2031 }).thenError('NOT_FOUND', 'year');
  });

  it('records the ministry’s result once, checking it', () => {
    const result: Command = { type: 'RecordNationalResult', year: 2031, indexPercent: 86.4, rank: 12, ofProvinces: 34, decisionNumber: '1234/QĐ-BNV' };
    const [recorded] = spec.given([]).when(result).events();
    spec.given([recorded]).when(result).thenError('CONFLICT', 'year');
    spec
      .given([])
      .when({ ...result, rank: 35 } as Command)
      .thenError('BAD_USER_INPUT', 'rank');
    spec
      .given([])
      .when({ ...result, indexPercent: -1 } as Command)
      .thenError('BAD_USER_INPUT', 'indexPercent');
  });
});
