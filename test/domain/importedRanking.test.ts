import { importedRankingDecider, type ImportPublishedRanking } from '../../src/domain/ranking/importedRanking';
import { importedEntriesProblems, type ImportedEntryInput } from '../../src/domain/ranking/importedEntries';
import { event } from '../../src/events/parEvents';
import { specFor } from './givenWhenThen';

const spec = specFor(importedRankingDecider);

const ENTRIES: ImportedEntryInput[] = [
  { rank: 1, agencyCode: 'STP', agencyName: 'Sở Tư pháp', totalPoints: 88.5, maxPoints: 100, indexPercent: 88.5, band: 'Tốt' },
  { rank: 2, agencyCode: 'STTTT', agencyName: 'Sở Thông tin và Truyền thông', totalPoints: 80, maxPoints: 96, indexPercent: 83.33, band: 'Tốt' },
  { rank: 2, agencyCode: 'SKHDT', agencyName: 'Sở Kế hoạch và Đầu tư', totalPoints: 80, maxPoints: 96, indexPercent: 83.33, band: 'Tốt' },
  { rank: 4, agencyCode: 'SNV', agencyName: 'Sở Nội vụ', totalPoints: 70.25, maxPoints: 100, indexPercent: 70.25, band: null },
];

const importing = (overrides: Partial<ImportPublishedRanking> = {}): ImportPublishedRanking => ({
  type: 'ImportPublishedRanking',
  year: 2019,
  group: 'DEPARTMENT',
  jurisdiction: 'QNA',
  decisionNumber: '1234/QĐ-UBND',
  decisionDate: new Date('2020-04-15T00:00:00Z'),
  source: 'https://quangnam.gov.vn/par-2019',
  entries: ENTRIES,
  publishedHere: false,
  registeredGroups: {},
  ...overrides,
});

const imported = event('PublishedRankingImported', {
  year: 2019,
  group: 'DEPARTMENT',
  jurisdiction: 'QNA',
  decisionNumber: '1234/QĐ-UBND',
  decisionDate: '2020-04-15',
  source: 'https://quangnam.gov.vn/par-2019',
  entries: ENTRIES.map((e) => ({ ...e, band: e.band ?? null })),
});

const withEntry = (i: number, patch: Partial<ImportedEntryInput>) => ENTRIES.map((e, j) => (j === i ? { ...e, ...patch } : e));

describe('importing a published ranking', () => {
  it('records the ranking as published, figures as given, ties and unregistered units allowed', () => {
    spec
      .given([])
      .when(importing({ registeredGroups: { STP: 'DEPARTMENT' } }))
      .then([imported]);
  });

  it('records no jurisdiction when none is given, and trims text', () => {
    const [e] = spec
      .given([])
      .when(importing({ jurisdiction: null, source: '  Công báo tỉnh số 12  ', entries: [{ ...ENTRIES[0], agencyName: ' Sở Tư pháp ', band: '  ' }] }))
      .events();
    expect(e.data).toMatchObject({ jurisdiction: null, source: 'Công báo tỉnh số 12', entries: [{ agencyName: 'Sở Tư pháp', band: null }] });
  });

  it('refuses a second import of the same year, group and jurisdiction', () => {
    const error = spec.given([imported]).when(importing()).thenError('CONFLICT', 'year');
    expect(error.message).toContain('1234/QĐ-UBND');
  });

  it('refuses a year whose ranking PAR Ledger itself published', () => {
    const error = spec
      .given([])
      .when(importing({ publishedHere: true }))
      .thenError('CONFLICT', 'year');
    expect(error.message).toContain('PAR Ledger itself published');
  });

  it('refuses a registered code of another group, naming the entry', () => {
    spec
      .given([])
      .when(importing({ registeredGroups: { SNV: 'DISTRICT' } }))
      .thenError('BAD_USER_INPUT', 'entries[3].agencyCode');
  });

  it.each<[string, Partial<ImportPublishedRanking>, string]>([
    ['a year out of range', { year: 1890 }, 'year'],
    ['an invalid jurisdiction code', { jurisdiction: 'quảng nam' }, 'jurisdiction'],
    ['an empty decision number', { decisionNumber: ' ' }, 'decisionNumber'],
    ['an invalid decision date', { decisionDate: new Date('nope') }, 'decisionDate'],
    ['no source', { source: '' }, 'source'],
    ['no entries', { entries: [] }, 'entries'],
    ['an invalid agency code', { entries: withEntry(1, { agencyCode: 'sở tư pháp' }) }, 'entries[1].agencyCode'],
    ['an agency listed twice', { entries: withEntry(3, { agencyCode: 'STP' }) }, 'entries[3].agencyCode'],
    ['an empty name', { entries: withEntry(0, { agencyName: '' }) }, 'entries[0].agencyName'],
    ['negative points', { entries: withEntry(0, { totalPoints: -1 }) }, 'entries[0].totalPoints'],
    ['points above the maximum', { entries: withEntry(0, { totalPoints: 101 }) }, 'entries[0].totalPoints'],
    ['an index above 100', { entries: withEntry(0, { indexPercent: 100.5 }) }, 'entries[0].indexPercent'],
    ['an index off the points', { entries: withEntry(3, { indexPercent: 70.3 }) }, 'entries[3].indexPercent'],
    ['a rank of 0', { entries: withEntry(0, { rank: 0 }) }, 'entries[0].rank'],
    ['a fractional rank', { entries: withEntry(0, { rank: 1.5 }) }, 'entries[0].rank'],
    ['a rank against the index order', { entries: withEntry(3, { rank: 1 }) }, 'entries[3].rank'],
    ['a better rank for a lower index', { entries: withEntry(0, { rank: 3 }) }, 'entries[0].rank'],
    ['a tie in rank with different indices', { entries: withEntry(3, { rank: 2 }) }, 'entries[3].rank'],
  ])('refuses %s, naming the field', (_what, overrides, field) => {
    spec.given([]).when(importing(overrides)).thenError('BAD_USER_INPUT', field);
  });

  it('accepts an index rounded to 2 decimals and a published tie-break among equal indices', () => {
    const entries: ImportedEntryInput[] = [
      { rank: 1, agencyCode: 'A', agencyName: 'A', totalPoints: 2, maxPoints: 3, indexPercent: 66.67 },
      { rank: 2, agencyCode: 'B', agencyName: 'B', totalPoints: 66.666, maxPoints: 100, indexPercent: 66.67 },
    ];
    expect(importedEntriesProblems(entries)).toEqual([]);
  });

  it('lists every problem of every entry, not just the first', () => {
    const entries = [{ ...ENTRIES[0], totalPoints: -2, rank: 0 }, ENTRIES[1], { ...ENTRIES[2], agencyCode: 'STTTT' }, { ...ENTRIES[3], indexPercent: 101 }];
    expect(importedEntriesProblems(entries).map((p) => `${p.index}.${p.field}`)).toEqual(['0.totalPoints', '0.rank', '2.agencyCode', '3.indexPercent']);
    const error = spec.given([]).when(importing({ entries })).thenError('BAD_USER_INPUT', 'entries[0].totalPoints');
    expect(error.message).toContain('and 3 more problems');
    expect((error.details?.problems as unknown[]).length).toBe(4);
  });
});
