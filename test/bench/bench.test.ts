import { CommandHandler } from '../../src/commands/commandHandler';
import { assessmentDecider } from '../../src/domain/assessment/assessmentDecider';
import { MemoryEventStore } from '../../src/events/store/memory/memoryEventStore';
import { generateLog } from '../../bench/generate/generator';
import { benchFrameworks, leavesOf, planAgencies, planYear } from '../../bench/generate/plan';
import { LOG_SHAPES, type LogShape } from '../../bench/generate/presets';
import { formatTable, parseArgs, row, toJson, wanted, wantedAny } from '../../bench/report';

const tiny: LogShape = { ...LOG_SHAPES.quick, years: 1, communesPerProvince: 1, districtsPerProvince: 1, departmentsPerProvince: 1 };
const leavesByGroup = new Map(benchFrameworks().map((f) => [f.group, leavesOf(f)]));

describe('npm run bench arguments', () => {
  it('defaults to the standard preset, every row, no JSON', () => {
    expect(parseArgs([])).toEqual({ preset: 'standard', only: [], json: null, generate: null, help: false });
  });

  it('takes --only as a comma list (repeatable), --json, --preset and --generate, with or without =', () => {
    expect(parseArgs(['--only', 'append-pg,graphql-ranking', '--only=rebuild', '--json', 'r.json', '--preset=quick', '--generate', 'national'])).toEqual({
      preset: 'quick',
      only: ['append-pg', 'graphql-ranking', 'rebuild'],
      json: 'r.json',
      generate: 'national',
      help: false,
    });
  });

  it('refuses an unknown preset, an unknown flag and an empty --only', () => {
    expect(() => parseArgs(['--preset', 'huge'])).toThrow('--preset must be one of quick, standard, national, got huge');
    expect(() => parseArgs(['--fast'])).toThrow('unknown argument --fast');
    expect(() => parseArgs(['--only', ','])).toThrow('--only needs at least one row id');
  });

  it('selects rows by id prefix', () => {
    expect(wanted([], 'append-pg-c10')).toBe(true);
    expect(wanted(['append-pg'], 'append-pg-c10')).toBe(true);
    expect(wanted(['append-pg'], 'append-sqlite-seq')).toBe(false);
    expect(wanted(['graphql-ranking-c100'], 'graphql-ranking-c10')).toBe(false);
    // A suite is set up when any of its rows is asked for, by a longer or a shorter prefix.
    expect(wantedAny(['graphql-ranking-c100'], 'graphql-')).toBe(true);
    expect(wantedAny(['graphql'], 'graphql-')).toBe(true);
    expect(wantedAny(['append-pg'], 'graphql-')).toBe(false);
  });
});

describe('bench rows', () => {
  it('computes ratio = project ÷ baseline and p99Ratio = p99 ÷ baseline p99, null where a figure is missing', () => {
    const r = row('graphql-ranking-c100', {
      what: 'x',
      unit: 'req/s',
      project: 300,
      baseline: 600,
      baselineName: 'typename',
      p99Ms: 40,
      baselineP99Ms: 20,
      failed: 0,
    });
    expect(r).toMatchObject({ ratio: 0.5, p99Ratio: 2, failed: 0 });
    expect(row('a', { what: 'x', unit: 'u', project: 1, baseline: 0 })).toMatchObject({ ratio: null, p99Ratio: null, baselineName: null });
  });

  it('writes the JSON shape of the issue and a table naming cores and load', () => {
    const report = {
      preset: 'quick' as const,
      cores: 2,
      loadAverage: [1, 2, 3],
      date: '2026-01-01T00:00:00.000Z',
      commit: 'abc',
      rows: [row('append-sqlite-seq', { what: 'w', unit: 'appends/s', project: 2, baseline: 4, baselineName: 'raw' })],
    };
    const json = toJson(report) as { preset: string; cores: number; rows: Record<string, unknown>[] };
    expect(json).toMatchObject({ preset: 'quick', cores: 2 });
    expect(Object.keys(json.rows[0])).toEqual(['id', 'what', 'project', 'baseline', 'baselineName', 'ratio', 'unit', 'failed', 'p99Ms', 'p99Ratio']);
    expect(json.rows[0]).toMatchObject({ id: 'append-sqlite-seq', project: 2, baseline: 4, ratio: 0.5 });
    expect(formatTable(report)).toContain('2 cores, load average 1.00 2.00 3.00');
    expect(formatTable(report)).toContain('| append-sqlite-seq | w    | 2.00       | 4.00     | raw           | 0.50× |');
  });
});

describe('the bench log generator', () => {
  it('plans the same year from the same seed, and another from another seed', () => {
    const agencies = planAgencies(LOG_SHAPES.standard);
    const plan = planYear(LOG_SHAPES.standard, 2020, agencies, leavesByGroup);
    expect(planYear(LOG_SHAPES.standard, 2020, agencies, leavesByGroup)).toEqual(plan);
    expect(planYear({ ...LOG_SHAPES.standard, seed: 9 }, 2020, agencies, leavesByGroup)).not.toEqual(plan);
  });

  it('plans the national preset as 34 provinces with about 3,300 communes and 700 departments and branches', () => {
    const agencies = planAgencies(LOG_SHAPES.national);
    const count = (group: string) => agencies.filter((a) => a.group === group).length;
    expect(count('COMMUNE')).toBe(34 * 97);
    expect(count('DEPARTMENT') + count('PROVINCIAL_BRANCH')).toBeGreaterThanOrEqual(680);
    expect(new Set(agencies.map((a) => a.code)).size).toBe(agencies.length);
  });

  it('writes a log through the real commands that ends with every assessment finalised and each ranking published', async () => {
    const store = new MemoryEventStore();
    const events = await generateLog(store, tiny, { concurrency: 4 });
    expect(events).toBe(await store.headPosition());
    const all = await store.readAll(0, events);
    const count = (type: string) => all.filter((e) => e.type === type).length;
    const assessed = planAgencies(tiny).length;
    expect(count('AssessmentFinalized')).toBeGreaterThanOrEqual(assessed);
    expect(count('RankingPublished')).toBeGreaterThanOrEqual(new Set(planAgencies(tiny).map((a) => a.group)).size);
    expect(count('CriterionAppraised')).toBeGreaterThan(assessed * 10);
    // Every assessment folds with the real decider: the state a command would load is FINALIZED.
    const handler = new CommandHandler(store);
    const loaded = await handler.load(`assessment-2024-${planAgencies(tiny)[7].code}`, assessmentDecider);
    expect(loaded.state.status).toBe('FINALIZED');
  });
});
