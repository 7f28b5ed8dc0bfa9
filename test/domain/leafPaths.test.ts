import { leafPaths } from '../../src/domain/framework/framework';
import { smallFramework } from './fixtures';

describe('leafPaths', () => {
  it('gives each leaf the codes from its area down to itself, following the nesting', () => {
    expect(Object.fromEntries(leafPaths(smallFramework.areas))).toEqual({
      '1.1': ['1', '1.1'],
      '1.2.1': ['1', '1.2', '1.2.1'],
      '1.2.2': ['1', '1.2', '1.2.2'],
      '2.1': ['2', '2.1'],
      '2.2': ['2', '2.2'],
    });
  });

  it('lists leaves only: an inner criterion has no path of its own', () => {
    expect(leafPaths(smallFramework.areas).has('1.2')).toBe(false);
  });
});
