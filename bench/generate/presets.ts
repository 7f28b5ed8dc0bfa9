/** The shapes of the generated logs. Counts are per province; the first province is Quảng Nam's real agencies. */
export interface LogShape {
  name: string;
  seed: number;
  provinces: number;
  /** Assessment years, ending the year before the reorganisation. */
  years: number;
  communesPerProvince: number;
  districtsPerProvince: number;
  departmentsPerProvince: number;
  branchesPerProvince: number;
}

export const PRESET_NAMES = ['quick', 'standard', 'national'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export const LOG_SHAPES: Record<PresetName, LogShape> = {
  // A few thousand events: CI proves the runner works in seconds.
  quick: { name: 'quick', seed: 8, provinces: 1, years: 2, communesPerProvince: 8, districtsPerProvince: 4, departmentsPerProvince: 4, branchesPerProvince: 0 },
  // About 200k events: a province-sized log the default run replays in minutes.
  standard: {
    name: 'standard',
    seed: 8,
    provinces: 4,
    years: 5,
    communesPerProvince: 170,
    districtsPerProvince: 13,
    departmentsPerProvince: 18,
    branchesPerProvince: 6,
  },
  // The country after the 2025 reorganisation: 34 provinces, about 3,300 communes and 700 departments and
  // branches, ten years: about 40k assessment-years (2.7M events at the standard log's density).
  national: {
    name: 'national',
    seed: 8,
    provinces: 34,
    years: 10,
    communesPerProvince: 97,
    districtsPerProvince: 0,
    departmentsPerProvince: 16,
    branchesPerProvince: 4,
  },
};
