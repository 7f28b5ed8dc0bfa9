import { expectData, type TestService } from '../support/service';
import { appraiseAndFinalise, openDistrictCycle } from '../e2e/districtCycle';
import { SUBMIT } from '../e2e/operations';

export const YEAR = 2026;

/** Points per self-assessed leaf of the sample district set (1.1 of 4, 1.2.1 of 2.5, 1.2.2 of 1.5, 2.1 of 2). */
export const DONE: Record<string, { self: Record<string, number>; survey: number }> = {
  HOIAN: { self: { '1.1': 3, '1.2.1': 2, '1.2.2': 1, '2.1': 1.5 }, survey: 8 },
  DAILOC: { self: { '1.1': 4, '1.2.1': 2.5, '1.2.2': 1, '2.1': 2 }, survey: 9.5 },
  TAMKY: { self: { '1.1': 3.5, '1.2.1': 2, '1.2.2': 1.5, '2.1': 1 }, survey: 7 },
};

/** The bands Quảng Nam rates with, so the pages colour them. */
const BANDS = [
  { label: 'Xuất sắc', minIndexPercent: 90 },
  { label: 'Tốt', minIndexPercent: 80 },
  { label: 'Khá', minIndexPercent: 70 },
  { label: 'Trung bình', minIndexPercent: 50 },
  { label: 'Yếu', minIndexPercent: 0 },
];

export interface ConsoleYear {
  coordinator: string;
  leader: string;
}

/**
 * The year the browser suites look at: districts of the sample set with Hội An and Đại Lộc finalised through the
 * API, and Tam Kỳ left for the officer to self-assess in the console and SNV and STP to appraise there.
 */
export async function openConsoleYear(t: TestService): Promise<ConsoleYear> {
  const coordinator = t.token(['COORDINATOR'], 'SNV', 'coordinator.snv');
  const leader = t.token(['PROVINCIAL_LEADER'], null, 'leader.ubnd');
  await openDistrictCycle(t, coordinator, { agencies: ['SNV', 'STP', 'TAMKY', 'HOIAN', 'DAILOC'], year: YEAR, bands: BANDS });
  for (const agencyCode of ['HOIAN', 'DAILOC']) await finaliseThroughApi(t, coordinator, agencyCode);
  return { coordinator, leader };
}

/** Self-assessment, appraisal, survey and finalisation of one district, each by its own role over the API. */
export async function finaliseThroughApi(t: TestService, coordinator: string, agencyCode: string): Promise<void> {
  const { self, survey } = DONE[agencyCode];
  const scores = Object.entries(self).map(([criterionCode, points]) => ({ criterionCode, points, evidence: [`Kế hoạch số 12/KH-UBND, mục ${criterionCode}`] }));
  expectData(await t.gql(SUBMIT, { input: { year: YEAR, agencyCode, scores } }, t.token(['AGENCY_OFFICER'], agencyCode)));
  await appraiseAndFinalise(t, coordinator, { year: YEAR, agencyCode, self, survey });
}
