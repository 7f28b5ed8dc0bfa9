import { expectData, type TestService } from '../support/service';
import { OPEN_CYCLE, PUBLISH_FRAMEWORK, REGISTER_AGENCY, districtFramework } from './operations';

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
