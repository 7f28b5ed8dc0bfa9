import { expectData, type TestService } from '../support/service';
import { APPRAISE, FINALIZE, OPEN_CYCLE, PUBLISH_FRAMEWORK, REGISTER_AGENCY, SURVEY, districtFramework } from './operations';

const DAY = 24 * 3600 * 1000;

/** Agencies most end-to-end suites need: the compiler (SNV), an appraiser (STP) and districts to assess. */
export const SAMPLE_AGENCIES = {
  SNV: { code: 'SNV', name: 'Sở Nội vụ', group: 'DEPARTMENT' },
  STP: { code: 'STP', name: 'Sở Tư pháp', group: 'DEPARTMENT' },
  TAMKY: { code: 'TAMKY', name: 'UBND Thành phố Tam Kỳ', group: 'DISTRICT' },
  HOIAN: { code: 'HOIAN', name: 'UBND Thành phố Hội An', group: 'DISTRICT' },
  DAILOC: { code: 'DAILOC', name: 'UBND huyện Đại Lộc', group: 'DISTRICT' },
  NONGSON: { code: 'NONGSON', name: 'UBND huyện Nông Sơn', group: 'DISTRICT' },
} as const;

/**
 * Registers the agencies, publishes the sample district framework and opens the year with deadlines ahead, through
 * the API as a coordinator would: the common start of a suite that exercises one district cycle.
 */
export async function openDistrictCycle(
  t: TestService,
  coordinator: string,
  options: {
    agencies: (keyof typeof SAMPLE_AGENCIES)[];
    year?: number;
    selfAssessmentInDays?: number;
    appraisalInDays?: number;
    /** The district framework to publish and use, e.g. the sample one with bonus and penalty caps. */
    framework?: typeof districtFramework & { bonusMaxPoints?: number; penaltyMaxPoints?: number };
    /** Rating bands of the year (none by default). */
    bands?: { label: string; minIndexPercent: number }[];
  },
): Promise<void> {
  const framework = options.framework ?? districtFramework;
  for (const code of options.agencies) expectData(await t.gql(REGISTER_AGENCY, { input: SAMPLE_AGENCIES[code] }, coordinator));
  expectData(await t.gql(PUBLISH_FRAMEWORK, { input: framework }, coordinator));
  const now = Date.now();
  const input = {
    year: options.year ?? 2026,
    frameworkCodes: [framework.code],
    selfAssessmentDeadline: new Date(now + (options.selfAssessmentInDays ?? 30) * DAY).toISOString(),
    appraisalDeadline: new Date(now + (options.appraisalInDays ?? 60) * DAY).toISOString(),
    ...(options.bands ? { bands: options.bands } : {}),
  };
  expectData(await t.gql(OPEN_CYCLE, { input }, coordinator));
}

/**
 * The rest of a submitted district's year in the sample set, each step by its own role over the API: SNV and STP
 * appraise round 1 as self-assessed (area 2 is STP's, the others SNV's), SNV records the survey leaf 3.1 and
 * finalises.
 */
export async function appraiseAndFinalise(
  t: TestService,
  coordinator: string,
  { year, agencyCode, self, survey }: { year: number; agencyCode: string; self: Record<string, number>; survey: number },
): Promise<void> {
  for (const [criterionCode, points] of Object.entries(self)) {
    const by = criterionCode.startsWith('2') ? 'STP' : 'SNV';
    const input = { year, agencyCode, criterionCode, round: 1, points, comment: 'Đã kiểm tra hồ sơ' };
    expectData(await t.gql(APPRAISE, { input }, t.token(['APPRAISER'], by)));
  }
  expectData(await t.gql(SURVEY, { input: { year, agencyCode, scores: [{ criterionCode: '3.1', points: survey }] } }, coordinator));
  expectData(await t.gql(FINALIZE, { input: { year, agencyCode } }, coordinator));
}
