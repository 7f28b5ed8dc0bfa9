import { loadConfig } from '../../src/config';

describe('PAR_ANSWER_CACHE_MB', () => {
  it('defaults to 32 MB and accepts 0 (keep no answers)', () => {
    expect(loadConfig({}).PAR_ANSWER_CACHE_MB).toBe(32);
    expect(loadConfig({ PAR_ANSWER_CACHE_MB: '0' }).PAR_ANSWER_CACHE_MB).toBe(0);
  });

  it('refuses a negative or non-numeric size, naming the variable', () => {
    expect(() => loadConfig({ PAR_ANSWER_CACHE_MB: '-1' })).toThrow(/PAR_ANSWER_CACHE_MB: must be 0 or more/);
    expect(() => loadConfig({ PAR_ANSWER_CACHE_MB: 'lots' })).toThrow(/PAR_ANSWER_CACHE_MB: must be a number of megabytes/);
  });
});
