import { publicationChanges } from '../../src/domain/ranking/changes';
import type { RankingEntryData } from '../../src/events/parEvents';

const entry = (rank: number, agencyCode: string, totalPoints: number): RankingEntryData => ({
  rank,
  agencyCode,
  agencyName: `UBND ${agencyCode}`,
  totalPoints,
  maxPoints: 100,
  indexPercent: totalPoints,
  band: null,
});

describe('publicationChanges: what a republication changed, agency by agency', () => {
  it('lists the agencies whose rank, index or total moved, in the new order; the others not at all', () => {
    const before = [entry(1, 'TAMKY', 90), entry(2, 'DAILOC', 85), entry(3, 'HOIAN', 80)];
    const after = [entry(1, 'TAMKY', 90), entry(2, 'HOIAN', 86), entry(3, 'DAILOC', 85)];
    expect(publicationChanges(before, after)).toEqual([
      {
        agencyCode: 'HOIAN',
        agencyName: 'UBND HOIAN',
        rankBefore: 3,
        rankAfter: 2,
        indexBefore: 80,
        indexAfter: 86,
        totalPointsBefore: 80,
        totalPointsAfter: 86,
      },
      {
        agencyCode: 'DAILOC',
        agencyName: 'UBND DAILOC',
        rankBefore: 2,
        rankAfter: 3,
        indexBefore: 85,
        indexAfter: 85,
        totalPointsBefore: 85,
        totalPointsAfter: 85,
      },
    ]);
  });

  it('an agency that joined or left the ranking has null on the side it is missing from', () => {
    const changes = publicationChanges([entry(1, 'TAMKY', 90), entry(2, 'DIENBAN', 70)], [entry(1, 'TAMKY', 90), entry(2, 'NONGSON', 75)]);
    expect(changes.map((c) => [c.agencyCode, c.rankBefore, c.rankAfter])).toEqual([
      ['NONGSON', null, 2],
      ['DIENBAN', 2, null],
    ]);
  });

  it('the same entries change nothing', () => {
    const entries = [entry(1, 'TAMKY', 90)];
    expect(publicationChanges(entries, entries)).toEqual([]);
  });
});
