import { rankingMoves, type Placed } from '../../src/domain/analysis/rankingMoves';
import type { LineageEdge } from '../../src/domain/analysis/lineageWalk';

const placed = (rank: number, agencyCode: string, indexPercent: number | null, agencyName = `Sở ${agencyCode}`): Placed => ({
  agencyCode,
  agencyName,
  rank,
  indexPercent,
});
const merger = (fromCode: string, toCode: string): LineageEdge => ({ kind: 'MERGER', fromCode, toCode });
const split = (fromCode: string, toCode: string): LineageEdge => ({ kind: 'SPLIT', fromCode, toCode });

describe('rankingMoves: a year’s ranking against another, matched through lineage', () => {
  it('given the same codes both years (one renamed), when compared, then the rank change is positive for a unit that moved up and the name is each year’s', () => {
    const before = [placed(1, 'STP', 90), placed(2, 'SNV', 85, 'Sở Nội vụ cũ')];
    const after = [placed(1, 'SNV', 88, 'Sở Nội vụ'), placed(2, 'STP', 86)];
    const { moves, appeared, disappeared } = rankingMoves(after, before, [], 'BACKWARDS');
    expect(moves).toEqual([
      {
        ...placed(1, 'SNV', 88, 'Sở Nội vụ'),
        previousAgencyCode: 'SNV',
        previousAgencyName: 'Sở Nội vụ cũ',
        previousRank: 2,
        previousIndexPercent: 85,
        rankChange: 1,
        indexChange: 3,
        matchedThrough: [],
      },
      expect.objectContaining({ agencyCode: 'STP', previousRank: 1, rankChange: -1, indexChange: -4, matchedThrough: [] }),
    ]);
    expect(appeared).toEqual([]);
    expect(disappeared).toEqual([]);
  });

  it('given two units merged into a new one, when compared with the year before, then it takes the best-ranked one’s figures and lists both', () => {
    const before = [placed(1, 'STP', 95), placed(2, 'STNMT', 90), placed(3, 'SNNPTNT', 80)];
    const after = [placed(1, 'SNNMT', 91), placed(2, 'STP', 89)];
    const edges = [merger('STNMT', 'SNNMT'), merger('SNNPTNT', 'SNNMT')];
    const { moves, disappeared } = rankingMoves(after, before, edges, 'BACKWARDS');
    expect(moves[0]).toMatchObject({
      agencyCode: 'SNNMT',
      previousAgencyCode: 'STNMT',
      previousRank: 2,
      rankChange: 1,
      indexChange: 1,
      matchedThrough: ['STNMT', 'SNNPTNT'],
    });
    expect(disappeared).toEqual([]);
  });

  it('given a unit merged into one that ranks under its own code both years, when compared, then the merged unit disappeared, continued by the other', () => {
    const before = [placed(1, 'SKHCN', 90), placed(2, 'STTTT', 85)];
    const after = [placed(1, 'SKHCN', 92)];
    const { moves, disappeared } = rankingMoves(after, before, [merger('STTTT', 'SKHCN')], 'BACKWARDS');
    expect(moves).toEqual([expect.objectContaining({ agencyCode: 'SKHCN', previousRank: 1, matchedThrough: [] })]);
    expect(disappeared).toEqual([{ ...placed(2, 'STTTT', 85), continuedBy: ['SKHCN'] }]);
  });

  it('given a split, when compared, then each part matches the unit split', () => {
    const before = [placed(1, 'SKHDT', 88)];
    const after = [placed(1, 'STC', 90), placed(2, 'SXD', 70)];
    const { moves, appeared, disappeared } = rankingMoves(after, before, [split('SKHDT', 'STC'), split('SKHDT', 'SXD')], 'BACKWARDS');
    expect(moves.map((m) => [m.agencyCode, m.matchedThrough, m.rankChange])).toEqual([
      ['STC', ['SKHDT'], 0],
      ['SXD', ['SKHDT'], -1],
    ]);
    expect(appeared).toEqual([]);
    expect(disappeared).toEqual([]);
  });

  it('given a chain (A merged into B, B split into C and D), when C is compared with A’s year, then it is matched through A past B', () => {
    const before = [placed(1, 'A', 70)];
    const after = [placed(1, 'C', 80), placed(2, 'D', 60)];
    const edges = [merger('A', 'B'), split('B', 'C'), split('B', 'D')];
    expect(rankingMoves(after, before, edges, 'BACKWARDS').moves.map((m) => m.matchedThrough)).toEqual([['A'], ['A']]);
  });

  it('given a compared year later than the year, when compared, then units are matched through their successors', () => {
    const earlier = [placed(1, 'STNMT', 90), placed(2, 'SNNPTNT', 80)];
    const later = [placed(1, 'SNNMT', 85)];
    const { moves } = rankingMoves(earlier, later, [merger('STNMT', 'SNNMT'), merger('SNNPTNT', 'SNNMT')], 'FORWARDS');
    expect(moves.map((m) => [m.agencyCode, m.previousAgencyCode, m.rankChange, m.indexChange])).toEqual([
      ['STNMT', 'SNNMT', 0, 5],
      ['SNNPTNT', 'SNNMT', -1, -5],
    ]);
  });

  it('given units new and gone without lineage, when compared, then they are listed as appeared and disappeared, in rank order', () => {
    const before = [placed(1, 'STP', 90), placed(2, 'SGONE', 80)];
    const after = [placed(1, 'SNEW', 95), placed(2, 'STP', 85)];
    const { appeared, disappeared } = rankingMoves(after, before, [], 'BACKWARDS');
    expect(appeared).toEqual([placed(1, 'SNEW', 95)]);
    expect(disappeared).toEqual([{ ...placed(2, 'SGONE', 80), continuedBy: [] }]);
  });

  it('gives no rank change for a unit without a place (rank 0) and no index change without an index', () => {
    const { moves } = rankingMoves([placed(0, 'STP', null)], [placed(3, 'STP', 70)], [], 'BACKWARDS');
    expect(moves[0]).toMatchObject({ rankChange: null, indexChange: null });
  });
});
