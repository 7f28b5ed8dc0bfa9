import type { FrameworkInput, CriterionInput } from '../../src/domain/framework/frameworkInput';
import type { AgencyGroup } from '../../src/events/parEvents';
import { quangNamAgencies } from '../../src/seed/quangNamAgencies';
import { sampleFrameworks } from '../../src/seed/sampleFrameworks';
import type { LogShape } from './presets';
import { Random } from './random';

// What the generator will send, decided up front from the seed alone: the same seed gives the same plan (the
// store still adds its own event ids and commit times).

export interface PlannedAgency {
  code: string;
  name: string;
  group: AgencyGroup;
}

export interface Leaf {
  code: string;
  maxPoints: number;
  survey: boolean;
  /** Who appraises it (the area's appraiser unless the leaf names its own); null for survey leaves. */
  appraiserCode: string | null;
}

/** The departments the sample frameworks name as appraisers: registered once, with their real names. */
export const APPRAISER_CODES = ['SNV', 'STP', 'VPUBND', 'STC', 'STTTT', 'SKHCN', 'SKHDT'];

/** The sample sets cover departments, branches and districts; communes get the district set under their own code. */
export function benchFrameworks(): FrameworkInput[] {
  const district = sampleFrameworks.find((f) => f.group === 'DISTRICT') as FrameworkInput;
  const commune: FrameworkInput = {
    ...district,
    code: 'BENCH-SAMPLE-XA',
    group: 'COMMUNE',
    title: 'Bộ chỉ số CCHC mẫu — UBND xã, phường (MẪU, dùng cho đo hiệu năng)',
  };
  return [...sampleFrameworks, commune];
}

export function leavesOf(framework: FrameworkInput): Leaf[] {
  const leaves: Leaf[] = [];
  const walk = (criterion: CriterionInput, appraiser: string | null) => {
    const own = criterion.appraiserCode ?? appraiser;
    if (criterion.children && criterion.children.length > 0) return criterion.children.forEach((c) => walk(c, own));
    const survey = criterion.method === 'SURVEY';
    leaves.push({ code: criterion.code, maxPoints: criterion.maxPoints ?? 0, survey, appraiserCode: survey ? null : own });
  };
  for (const area of framework.areas) for (const criterion of area.criteria) walk(criterion, area.appraiserCode ?? null);
  return leaves;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Every agency of the log: the appraising departments, then each province's synthetic units. */
export function planAgencies(shape: LogShape): PlannedAgency[] {
  const appraisers = APPRAISER_CODES.map((code) => {
    const found = quangNamAgencies.find((a) => a.code === code);
    if (!found) throw new Error(`seed agency ${code} is missing from src/seed/quangNamAgencies.ts`);
    return { code: found.code, name: found.name, group: found.group };
  });
  const agencies: PlannedAgency[] = [...appraisers];
  for (let p = 1; p <= shape.provinces; p++) {
    const province = `P${pad(p, 2)}`;
    const where = `tỉnh số ${p}`;
    for (let i = 1; i <= shape.departmentsPerProvince; i++)
      agencies.push({ code: `${province}-SO${pad(i, 2)}`, name: `Sở số ${i}, ${where}`, group: 'DEPARTMENT' });
    for (let i = 1; i <= shape.branchesPerProvince; i++)
      agencies.push({ code: `${province}-ND${pad(i, 2)}`, name: `Cơ quan ngành dọc số ${i}, ${where}`, group: 'PROVINCIAL_BRANCH' });
    for (let i = 1; i <= shape.districtsPerProvince; i++)
      agencies.push({ code: `${province}-H${pad(i, 2)}`, name: `UBND huyện số ${i}, ${where}`, group: 'DISTRICT' });
    for (let i = 1; i <= shape.communesPerProvince; i++)
      agencies.push({ code: `${province}-X${pad(i, 3)}`, name: `UBND xã số ${i}, ${where}`, group: 'COMMUNE' });
  }
  return agencies;
}

/** One agency's year, as its officers, the appraisers and SNV will play it. */
export interface AssessmentScript {
  agencyCode: string;
  group: AgencyGroup;
  /** Drafts saved before sending, each with a growing part of the scores. */
  drafts: number;
  /** Never sends: SNV records the non-submission after the deadline. */
  submits: boolean;
  /** Sends again before the deadline with corrected scores. */
  revises: boolean;
  selfPoints: Record<string, number>;
  /** Round 1 points per self-assessed leaf. */
  appraised: Record<string, number>;
  /** Leaves questioned after round 1, answered, and appraised again in round 2. */
  explained: string[];
  surveyPoints: Record<string, number>;
  bonus: number | null;
  /** A complaint after publication; upheld ones reopen the assessment and correct one leaf. */
  complaint: null | { criterionCode: string; upheld: boolean };
}

export function planAssessment(random: Random, agency: PlannedAgency, leaves: Leaf[]): AssessmentScript {
  const self = leaves.filter((l) => !l.survey);
  const selfPoints: Record<string, number> = {};
  const appraised: Record<string, number> = {};
  for (const leaf of self) {
    selfPoints[leaf.code] = random.points(leaf.maxPoints, 0.6);
    appraised[leaf.code] = Math.min(selfPoints[leaf.code], random.points(leaf.maxPoints, 0.4));
  }
  const surveyPoints: Record<string, number> = {};
  for (const leaf of leaves.filter((l) => l.survey)) surveyPoints[leaf.code] = random.points(leaf.maxPoints, 0.5);
  const explained = self.filter(() => random.chance(0.06)).map((l) => l.code);
  const complaint = random.chance(0.04) ? { criterionCode: random.pick(self).code, upheld: random.chance(0.5) } : null;
  return {
    agencyCode: agency.code,
    group: agency.group,
    drafts: random.int(0, 3),
    submits: !random.chance(0.02),
    revises: random.chance(0.3),
    selfPoints,
    appraised,
    explained,
    surveyPoints,
    bonus: random.chance(0.1) ? random.points(2, 0.25) : null,
    complaint,
  };
}

/** The scripts of one year, in agency order, drawn from a generator seeded by the log's seed and the year. */
export function planYear(shape: LogShape, year: number, agencies: PlannedAgency[], leavesByGroup: Map<AgencyGroup, Leaf[]>): AssessmentScript[] {
  const random = new Random(shape.seed * 10_007 + year);
  return agencies.map((agency) => planAssessment(random, agency, leavesByGroup.get(agency.group) ?? []));
}

/** The assessment years of a shape: consecutive, ending in 2024. */
export function yearsOf(shape: LogShape): number[] {
  return Array.from({ length: shape.years }, (_, i) => 2024 - shape.years + 1 + i);
}
