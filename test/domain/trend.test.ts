import { compareFrameworks } from '../../src/domain/analysis/frameworkComparison';
import type { LineageEdge } from '../../src/domain/analysis/lineageWalk';
import { agencyTrend, trendUnits, type RankedYear } from '../../src/domain/analysis/trend';
import { domainErrorOf } from './givenWhenThen';

const ranked = (year: number, agencyCode: string, rank: number, frameworkCode: string | null = 'SO-2024'): RankedYear => ({
  year,
  agencyCode,
  agencyName: `Sở ${agencyCode} (${year})`,
  rank,
  indexPercent: 100 - rank,
  frameworkCode,
});
const merger = (fromCode: string, toCode: string): LineageEdge => ({ kind: 'MERGER', fromCode, toCode });
const split = (fromCode: string, toCode: string): LineageEdge => ({ kind: 'SPLIT', fromCode, toCode });
const range = { fromYear: null, toYear: null };

describe('agencyTrend: an agency’s years, and its predecessors’', () => {
  it('given a unit merged into the agency, when followed, then its years come labelled after the agency’s own in each year', () => {
    const units = trendUnits('SKHCN', [merger('STTTT', 'SKHCN')], true);
    const years = [ranked(2020, 'STTTT', 4), ranked(2019, 'SKHCN', 2), ranked(2019, 'STTTT', 5), ranked(2020, 'SKHCN', 1), ranked(2020, 'STP', 3)];
    const trend = agencyTrend(units, years, range);
    expect(trend.points.map((p) => [p.ranked.year, p.ranked.agencyCode, p.relation, p.lineagePath, p.lineageKind])).toEqual([
      [2019, 'SKHCN', 'SELF', ['SKHCN'], null],
      [2019, 'STTTT', 'PREDECESSOR', ['STTTT', 'SKHCN'], 'MERGER'],
      [2020, 'SKHCN', 'SELF', ['SKHCN'], null],
      [2020, 'STTTT', 'PREDECESSOR', ['STTTT', 'SKHCN'], 'MERGER'],
    ]);
    expect(trend.frameworksDiffer).toBe(false);
    expect(trend.note).toBeNull();
  });

  it('given the lineage is not followed, when asked, then only the agency’s own years come', () => {
    const trend = agencyTrend(trendUnits('SKHCN', [merger('STTTT', 'SKHCN')], false), [ranked(2019, 'SKHCN', 2), ranked(2019, 'STTTT', 5)], range);
    expect(trend.points.map((p) => p.ranked.agencyCode)).toEqual(['SKHCN']);
  });

  it('given a chain (A renamed under its code, merged into B, B split into C), when C is followed, then A and B come with their paths; successors never', () => {
    const edges = [merger('A', 'B'), split('B', 'C'), split('B', 'D')];
    const units = trendUnits('C', edges, true);
    expect(units.map((u) => [u.code, u.lineagePath, u.lineageKind])).toEqual([
      ['C', ['C'], null],
      ['B', ['B', 'C'], 'SPLIT'],
      ['A', ['A', 'B', 'C'], 'MERGER'],
    ]);
  });

  it('keeps the years within fromYear and toYear', () => {
    const years = [ranked(2018, 'SNV', 1), ranked(2019, 'SNV', 2), ranked(2020, 'SNV', 3)];
    expect(agencyTrend(trendUnits('SNV', [], true), years, { fromYear: 2019, toYear: 2019 }).points.map((p) => p.ranked.year)).toEqual([2019]);
  });

  it('refuses fromYear after toYear, naming fromYear', () => {
    const error = domainErrorOf(() => agencyTrend(trendUnits('SNV', [], true), [], { fromYear: 2021, toYear: 2020 }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe('fromYear');
  });

  it('given years scored on different sets and imported ones, when compared, then it says they differ and names them by year', () => {
    const years = [ranked(2019, 'SNV', 1, null), ranked(2020, 'SNV', 1, null), ranked(2023, 'SNV', 2, 'SO-2023'), ranked(2024, 'SNV', 2, 'SO-2024')];
    const trend = agencyTrend(trendUnits('SNV', [], true), years, range);
    expect(trend.frameworksDiffer).toBe(true);
    expect(trend.note).toBe(
      'Các năm dùng bộ tiêu chí khác nhau hoặc không rõ (2019, 2020: không rõ (kết quả nhập từ nơi khác); 2023: SO-2023; 2024: SO-2024): so sánh theo chỉ số %, không so sánh điểm.',
    );
  });
});

describe('compareFrameworks', () => {
  it('says nothing for one year, or for years on one set', () => {
    expect(compareFrameworks([{ year: 2024, frameworkCode: null }])).toEqual({ frameworksDiffer: false, note: null });
    expect(
      compareFrameworks([
        { year: 2023, frameworkCode: 'X' },
        { year: 2024, frameworkCode: 'X' },
      ]).frameworksDiffer,
    ).toBe(false);
  });

  it('says two known sets differ', () => {
    const { frameworksDiffer, note } = compareFrameworks([
      { year: 2024, frameworkCode: 'Y' },
      { year: 2023, frameworkCode: 'X' },
    ]);
    expect(frameworksDiffer).toBe(true);
    expect(note).toBe('Các năm dùng bộ tiêu chí khác nhau (2023: X; 2024: Y): so sánh theo chỉ số %, không so sánh điểm.');
  });
});
