import { bandFor, bandNamed, bandsOf } from '../../src/domain/ranking/bands';
import { rank, type RankingCandidate } from '../../src/domain/ranking/ranking';
import { toPoints, type Points } from '../../src/domain/points';
import type { RatingBand } from '../../src/events/parEvents';
import { BANDS } from './fixtures';
import { compareVietnamese } from '../../src/domain/vietnameseOrder';

const p = (value: number) => toPoints(value) as Points;
const candidate = (agencyCode: string, agencyName: string, totalPoints: number, maxPoints: number): RankingCandidate => ({
  agencyCode,
  agencyName,
  totalPoints: p(totalPoints),
  maxPoints: p(maxPoints),
});
const ranksOf = (entries: ReturnType<typeof rank>) => entries.map((e) => [e.agencyCode, e.rank]);

describe('rank', () => {
  it('orders by index descending and builds full entries', () => {
    const entries = rank([candidate('B', 'Sở B', 80, 100), candidate('A', 'Sở A', 90, 100)], BANDS);
    expect(entries).toEqual([
      { rank: 1, agencyCode: 'A', agencyName: 'Sở A', totalPoints: 90, maxPoints: 100, indexPercent: 90, band: 'Tốt' },
      { rank: 2, agencyCode: 'B', agencyName: 'Sở B', totalPoints: 80, maxPoints: 100, indexPercent: 80, band: 'Tốt' },
    ]);
  });

  it('equal indices share a rank and the next rank skips (1, 2, 2, 4)', () => {
    const entries = rank([candidate('D', 'D', 70, 100), candidate('B', 'B', 45, 50), candidate('A', 'A', 95, 100), candidate('C', 'C', 90, 100)], []);
    expect(ranksOf(entries)).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 2],
      ['D', 4],
    ]);
  });

  it('three-way tie at the top: 1, 1, 1, 4', () => {
    const entries = rank([candidate('A', 'A', 1, 2), candidate('B', 'B', 2, 4), candidate('C', 'C', 0.5, 1), candidate('D', 'D', 0.4, 1)], []);
    expect(entries.map((e) => e.rank)).toEqual([1, 1, 1, 4]);
  });

  it('follows the index, not raw points', () => {
    const entries = rank([candidate('BIG', 'Sở Lớn', 96, 100), candidate('SMALL', 'Sở Nhỏ', 39, 40)], []);
    expect(ranksOf(entries)).toEqual([
      ['SMALL', 1],
      ['BIG', 2],
    ]);
  });

  it('ranks by the unrounded index: Công an tỉnh and BHXH tỉnh both publish 93.03 but rank 3rd and 4th', () => {
    const entries = rank(
      [
        candidate('BHXH', 'BHXH tỉnh', 93.0299, 100),
        candidate('CAT', 'Công an tỉnh', 93.0301, 100),
        candidate('THUE', 'Cục Thuế', 95, 100),
        candidate('KB', 'Kho bạc', 94, 100),
      ],
      [],
    );
    expect(ranksOf(entries)).toEqual([
      ['THUE', 1],
      ['KB', 2],
      ['CAT', 3],
      ['BHXH', 4],
    ]);
    expect(entries[2].indexPercent!.toFixed(2)).toBe(entries[3].indexPercent!.toFixed(2));
  });

  it('ranks exactly where the float indices are identical', () => {
    // 68.32/84 and 7325855393855198/9007199254739997 give the same float index; the second is larger.
    const published: RankingCandidate = candidate('BDT', 'Ban Dân tộc', 68.32, 84);
    const above: RankingCandidate = {
      agencyCode: 'SYT',
      agencyName: 'Sở Y tế',
      totalPoints: 7325855393855198 as Points,
      maxPoints: 9007199254739997 as Points,
    };
    const entries = rank([published, above], []);
    expect(entries[0].indexPercent).toBe(entries[1].indexPercent);
    expect(ranksOf(entries)).toEqual([
      ['SYT', 1],
      ['BDT', 2],
    ]);
  });

  it('orders a tie by Vietnamese collation of the names (Đ after D, not after S)', () => {
    const names = ['Sở Y tế', 'Đài Phát thanh và Truyền hình', 'Sở Xây dựng', 'Ban Dân tộc', 'Sở Tư pháp', 'Sở Tài chính'];
    const entries = rank(
      names.map((name, i) => candidate(`U${i}`, name, 8, 10)),
      [],
    );
    const expected = [...names].sort(compareVietnamese);
    expect(expected).toEqual(['Ban Dân tộc', 'Đài Phát thanh và Truyền hình', 'Sở Tài chính', 'Sở Tư pháp', 'Sở Xây dựng', 'Sở Y tế']);
    expect(entries.map((e) => e.agencyName)).toEqual(expected);
    expect(entries.every((e) => e.rank === 1)).toBe(true);
  });

  it('orders numbers inside names numerically within a tie (Phường 2 before Phường 10)', () => {
    const entries = rank([candidate('P10', 'UBND Phường 10', 5, 10), candidate('P2', 'UBND Phường 2', 5, 10)], []);
    expect(entries.map((e) => e.agencyCode)).toEqual(['P2', 'P10']);
  });

  it('names equal to the collator (differing only in tone marks or case) fall back to the agency code', () => {
    const entries = rank([candidate('B', 'Sở Y tế', 5, 10), candidate('A', 'Sơ Y Tế', 5, 10)], []);
    expect(entries.map((e) => e.agencyCode)).toEqual(['A', 'B']);
  });

  it('the collator does not cross ranks: a better index ranks first whatever its name', () => {
    const entries = rank([candidate('A', 'Ban Dân tộc', 8, 10), candidate('Z', 'Sở Y tế', 9, 10)], []);
    expect(entries.map((e) => e.agencyName)).toEqual(['Sở Y tế', 'Ban Dân tộc']);
  });

  it('units with nothing applicable (maximum 0) come last with rank 0, no index and no band', () => {
    const entries = rank([candidate('NONE', 'Ban Dân tộc', 0, 0), candidate('A', 'Sở Y tế', 50, 100), candidate('B', 'Sở Xây dựng', 10, 100)], BANDS);
    expect(ranksOf(entries)).toEqual([
      ['A', 1],
      ['B', 2],
      ['NONE', 0],
    ]);
    expect(entries[2]).toMatchObject({ indexPercent: null, band: null, totalPoints: 0, maxPoints: 0 });
  });

  it('unranked units are themselves in collator order', () => {
    const entries = rank([candidate('Y', 'Sở Y tế', 0, 0), candidate('D', 'Đài PT-TH', 0, 0), candidate('S', 'Sở Xây dựng', 1, 10)], []);
    expect(entries.map((e) => [e.agencyName, e.rank])).toEqual([
      ['Sở Xây dựng', 1],
      ['Đài PT-TH', 0],
      ['Sở Y tế', 0],
    ]);
  });

  it('ranks nobody without candidates', () => {
    expect(rank([], BANDS)).toEqual([]);
  });
});

describe('bandFor', () => {
  const ratio = (achieved: number, maximum: number) => ({ achieved: p(achieved), maximum: p(maximum) });

  it('an index of exactly 93 gets the band starting at 93', () => {
    expect(bandFor(ratio(93, 100), BANDS)?.label).toBe('Xuất sắc');
    expect(bandFor(ratio(68.82, 74), BANDS)?.label).toBe('Xuất sắc'); // 68.82 / 74 = 93 % exactly
  });

  it('an index just below 93 gets the next band down', () => {
    expect(bandFor(ratio(92.9999, 100), BANDS)?.label).toBe('Tốt');
    expect(bandFor(ratio(68.8199, 74), BANDS)?.label).toBe('Tốt');
  });

  it('picks the highest threshold reached, whatever the order bands are listed in', () => {
    const shuffled: RatingBand[] = [BANDS[2], BANDS[0], BANDS[1]];
    expect(bandFor(ratio(95, 100), shuffled)?.label).toBe('Xuất sắc');
    expect(bandFor(ratio(80, 100), shuffled)?.label).toBe('Tốt');
    expect(bandFor(ratio(65, 100), shuffled)?.label).toBe('Khá');
  });

  it('gives the band as an object: its label and the threshold it starts at', () => {
    expect(bandFor(ratio(93, 100), BANDS)).toEqual({ label: 'Xuất sắc', minIndexPercent: 93 });
  });

  it('no band below the lowest threshold, without bands, or without an index', () => {
    expect(bandFor(ratio(64.9999, 100), BANDS)).toBeNull();
    expect(bandFor(ratio(100, 100), [])).toBeNull();
    expect(bandFor(ratio(0, 0), [{ label: 'Yếu', minIndexPercent: 0 }])).toBeNull();
  });

  it('thresholds with decimals are compared exactly', () => {
    const bands: RatingBand[] = [
      { label: 'Xuất sắc', minIndexPercent: 81.3333 },
      { label: 'Tốt', minIndexPercent: 50 },
    ];
    expect(bandFor(ratio(68.32, 84), bands)?.label).toBe('Xuất sắc'); // 81.3333…
    expect(bandFor(ratio(68.32, 84), [{ label: 'Xuất sắc', minIndexPercent: 81.3334 }, bands[1]])?.label).toBe('Tốt');
  });

  it('rank() puts the band on each entry', () => {
    const entries = rank([candidate('A', 'A', 93, 100), candidate('B', 'B', 92.9999, 100), candidate('C', 'C', 10, 100)], BANDS);
    expect(entries.map((e) => e.band)).toEqual(['Xuất sắc', 'Tốt', null]);
  });
});

describe('bands per group', () => {
  const DISTRICT_BANDS: RatingBand[] = [{ label: 'Xuất sắc', minIndexPercent: 90 }];
  const cycle = { bands: BANDS, groupBands: [{ group: 'DISTRICT' as const, bands: DISTRICT_BANDS }] };

  it('a group with its own bands is rated on them; the others on the default bands', () => {
    expect(bandsOf(cycle, 'DISTRICT')).toEqual(DISTRICT_BANDS);
    expect(bandsOf(cycle, 'DEPARTMENT')).toEqual(BANDS);
    expect(bandsOf({ bands: BANDS }, 'DISTRICT')).toEqual(BANDS);
  });

  it('the label of a ranking entry finds its band among the bands of its group', () => {
    expect(bandNamed('Tốt', BANDS)).toEqual({ label: 'Tốt', minIndexPercent: 80 });
    expect(bandNamed('Tốt', DISTRICT_BANDS)).toBeNull();
    expect(bandNamed(null, BANDS)).toBeNull();
  });
});
