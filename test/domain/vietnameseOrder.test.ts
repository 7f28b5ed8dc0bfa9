import { compareCodes, compareVietnamese } from '../../src/domain/vietnameseOrder';

describe('compareVietnamese', () => {
  it('orders the Vietnamese alphabet: A Ă Â … D Đ … O Ô Ơ … U Ư', () => {
    const names = ['Ư', 'U', 'Ơ', 'Ô', 'O', 'Đ', 'D', 'Â', 'Ă', 'A'];
    expect([...names].sort(compareVietnamese)).toEqual(['A', 'Ă', 'Â', 'D', 'Đ', 'O', 'Ô', 'Ơ', 'U', 'Ư']);
  });

  it('puts Đ names after D names, not after Z as code-unit order would', () => {
    expect(['Sở Y tế', 'Đài Phát thanh', 'Ban Dân tộc', 'Sở Tư pháp'].sort(compareVietnamese)).toEqual([
      'Ban Dân tộc',
      'Đài Phát thanh',
      'Sở Tư pháp',
      'Sở Y tế',
    ]);
  });

  it('compares numbers inside names as numbers', () => {
    expect(['Phường 10', 'Phường 2', 'Phường 1'].sort(compareVietnamese)).toEqual(['Phường 1', 'Phường 2', 'Phường 10']);
  });

  it('treats names that differ only in case or tone marks as equal, so callers break the tie', () => {
    expect(compareVietnamese('Sở Y tế', 'Sơ Y Tế')).toBe(0);
    expect(compareVietnamese('Sở Y tế', 'Sở Xây dựng')).toBeGreaterThan(0);
  });
});

describe('compareCodes', () => {
  it('orders codes by code unit, whatever the locale', () => {
    expect(['b', 'B', 'a', 'A1', 'A'].sort(compareCodes)).toEqual(['A', 'A1', 'B', 'a', 'b']);
  });
});
