import { eventRecorder } from './recordedEvents';
import type { RecordedParEvent } from '../../src/events/parEvents';
import { agenciesProjection, type AgencyDocument, type JurisdictionDocument } from '../../src/projections/agencies/agenciesProjection';
import { foldProjection } from '../../src/projections/asOf';

const recorded = eventRecorder({
  start: '2026-01-01T00:00:00.000Z',
  stepMs: 60_000,
  streamId: (type, data) => (type === 'AgencyRegistered' ? `agency-${(data as { code: string }).code}` : 'lineage'),
});

const basis = (number: string, date: string) => ({ number, date, title: null, url: null });
const register = (code: string, name: string, group: 'DEPARTMENT' | 'DISTRICT' = 'DEPARTMENT') =>
  recorded('AgencyRegistered', { code, name, group, jurisdiction: 'QNA', activeFrom: null });
const target = (code: string, name: string, isNew: boolean) => ({ code, name, group: 'DEPARTMENT' as const, jurisdiction: 'QNA', isNew });

function docsOf(events: RecordedParEvent[]) {
  const docs = foldProjection(agenciesProjection, events);
  return {
    agency: (code: string) => docs.get(`agencies/${code}`) as AgencyDocument,
    jurisdiction: (code: string) => docs.get(`jurisdictions/${code}`) as JurisdictionDocument,
    count: (collection: string) => [...docs.keys()].filter((k) => k.startsWith(`${collection}/`)).length,
  };
}

describe('agencies projection: agencies through time', () => {
  it('keeps every name with its dates and legal basis (a rename)', () => {
    const docs = docsOf([
      register('STTTT', 'Sở Thông tin và Truyền thông'),
      recorded('AgencyRenamed', {
        code: 'STTTT',
        name: 'Sở TT&TT',
        previousName: 'Sở Thông tin và Truyền thông',
        effectiveFrom: '2020-01-01',
        legalBasis: basis('5/QĐ', '2019-12-01'),
      }),
    ]);
    expect(docs.agency('STTTT')).toMatchObject({
      name: 'Sở TT&TT',
      activeFrom: null,
      activeUntil: null,
      names: [
        { name: 'Sở Thông tin và Truyền thông', from: null, until: '2019-12-31', legalBasis: null },
        { name: 'Sở TT&TT', from: '2020-01-01', until: null, legalBasis: basis('5/QĐ', '2019-12-01') },
      ],
    });
  });

  it('a merger into a new unit ends the sources and registers the unit with its predecessors', () => {
    const docs = docsOf([
      register('STNMT', 'Sở Tài nguyên và Môi trường'),
      register('SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn'),
      recorded('AgenciesMerged', {
        sourceCodes: ['STNMT', 'SNNPTNT'],
        into: target('SNNMT', 'Sở Nông nghiệp và Môi trường', true),
        effectiveFrom: '2025-03-01',
        legalBasis: basis('01/NQ-HĐND', '2025-02-01'),
      }),
    ]);
    expect(docs.agency('STNMT')).toMatchObject({
      activeUntil: '2025-02-28',
      names: [{ until: '2025-02-28' }],
      ended: { kind: 'MERGED', effectiveFrom: '2025-03-01' },
      successors: [{ kind: 'MERGER', code: 'SNNMT', effectiveFrom: '2025-03-01', legalBasis: basis('01/NQ-HĐND', '2025-02-01') }],
    });
    expect(docs.agency('SNNMT')).toMatchObject({
      name: 'Sở Nông nghiệp và Môi trường',
      activeFrom: '2025-03-01',
      activeUntil: null,
      names: [{ name: 'Sở Nông nghiệp và Môi trường', from: '2025-03-01', until: null }],
      predecessors: [
        { kind: 'MERGER', code: 'STNMT' },
        { kind: 'MERGER', code: 'SNNPTNT' },
      ],
    });
    expect(docs.count('agencies')).toBe(3);
  });

  it('a split ends the unit and begins its parts, each with the unit as predecessor', () => {
    const docs = docsOf([
      register('QUESON', 'UBND Huyện Quế Sơn', 'DISTRICT'),
      register('SXD', 'Sở Xây dựng'),
      recorded('AgencySplit', {
        sourceCode: 'QUESON',
        into: [target('QS1', 'UBND Xã Quế Sơn', true), target('SXD', 'Sở Xây dựng', false)],
        effectiveFrom: '2025-07-01',
        legalBasis: basis('1/NQ', '2025-06-01'),
      }),
    ]);
    expect(docs.agency('QUESON')).toMatchObject({ activeUntil: '2025-06-30', ended: { kind: 'SPLIT' }, successors: [{ code: 'QS1' }, { code: 'SXD' }] });
    expect(docs.agency('QS1')).toMatchObject({ activeFrom: '2025-07-01', predecessors: [{ kind: 'SPLIT', code: 'QUESON' }] });
    expect(docs.agency('SXD')).toMatchObject({ activeFrom: null, predecessors: [{ kind: 'SPLIT', code: 'QUESON' }] });
  });

  it('dissolutions end a unit with no successor; moves open a new group or jurisdiction period', () => {
    const docs = docsOf([
      register('NONGSON', 'UBND Huyện Nông Sơn', 'DISTRICT'),
      register('BQL', 'Ban Quản lý'),
      recorded('AgencyDissolved', { code: 'NONGSON', reason: 'Giải thể', effectiveFrom: '2025-01-01', legalBasis: basis('1241/NQ-UBTVQH15', '2024-10-24') }),
      recorded('AgencyMoved', {
        code: 'BQL',
        group: 'PROVINCIAL_BRANCH',
        jurisdiction: 'DNG',
        previousGroup: 'DEPARTMENT',
        previousJurisdiction: 'QNA',
        effectiveFrom: '2025-07-01',
        legalBasis: basis('2/QĐ', '2025-06-20'),
      }),
    ]);
    expect(docs.agency('NONGSON')).toMatchObject({ activeUntil: '2024-12-31', ended: { kind: 'DISSOLVED', reason: 'Giải thể' }, successors: [] });
    expect(docs.agency('BQL')).toMatchObject({
      group: 'PROVINCIAL_BRANCH',
      jurisdiction: 'DNG',
      groups: [
        { group: 'DEPARTMENT', until: '2025-06-30' },
        { group: 'PROVINCIAL_BRANCH', from: '2025-07-01', until: null },
      ],
      jurisdictions: [
        { code: 'QNA', until: '2025-06-30' },
        { code: 'DNG', from: '2025-07-01' },
      ],
    });
  });

  it('a chain: renamed, merged into another, which is then split; every step stays on the record', () => {
    const docs = docsOf([
      register('A', 'Sở A'),
      register('B', 'Sở B'),
      recorded('AgencyRenamed', { code: 'A', name: 'Sở A mới', previousName: 'Sở A', effectiveFrom: '2021-01-01', legalBasis: basis('1/QĐ', '2020-12-01') }),
      recorded('AgenciesMerged', {
        sourceCodes: ['A'],
        into: target('B', 'Sở B', false),
        effectiveFrom: '2023-01-01',
        legalBasis: basis('2/QĐ', '2022-12-01'),
      }),
      recorded('AgencySplit', {
        sourceCode: 'B',
        into: [target('C', 'Sở C', true), target('D', 'Sở D', true)],
        effectiveFrom: '2024-01-01',
        legalBasis: basis('3/QĐ', '2023-12-01'),
      }),
    ]);
    expect(docs.agency('A')).toMatchObject({
      activeUntil: '2022-12-31',
      names: [
        { name: 'Sở A', until: '2020-12-31' },
        { name: 'Sở A mới', until: '2022-12-31' },
      ],
      successors: [{ code: 'B' }],
    });
    expect(docs.agency('B')).toMatchObject({
      activeUntil: '2023-12-31',
      predecessors: [{ code: 'A', kind: 'MERGER' }],
      successors: [{ code: 'C' }, { code: 'D' }],
    });
    expect(docs.agency('D')).toMatchObject({ activeFrom: '2024-01-01', predecessors: [{ code: 'B', kind: 'SPLIT', legalBasis: basis('3/QĐ', '2023-12-01') }] });
  });

  it('jurisdictions: registered, then merged into a new one that lists them as predecessors', () => {
    const docs = docsOf([
      recorded('JurisdictionRegistered', { code: 'QNA', name: 'Tỉnh Quảng Nam', activeFrom: '1997-01-01' }),
      recorded('JurisdictionRegistered', { code: 'DNG-1997', name: 'Thành phố Đà Nẵng (1997–2025)', activeFrom: '1997-01-01' }),
      recorded('JurisdictionsMerged', {
        sourceCodes: ['QNA', 'DNG-1997'],
        into: { code: 'DNG', name: 'Thành phố Đà Nẵng', isNew: true },
        effectiveFrom: '2025-07-01',
        legalBasis: basis('202/2025/QH15', '2025-06-12'),
      }),
    ]);
    expect(docs.jurisdiction('QNA')).toMatchObject({ activeUntil: '2025-06-30', successors: [{ code: 'DNG', effectiveFrom: '2025-07-01' }] });
    expect(docs.jurisdiction('DNG')).toMatchObject({ activeFrom: '2025-07-01', predecessors: [{ code: 'QNA' }, { code: 'DNG-1997' }] });
  });
});
