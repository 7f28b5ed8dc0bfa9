import { expectData, startTestService, type TestService } from '../support/service';
import { openDistrictCycle } from './districtCycle';
import { APPRAISE, ASSESSMENT, FINALIZE, SUBMIT, SURVEY, districtFramework } from './operations';

const YEAR = 2026;

const AREA_COMPARISON = `query($year: Int!, $group: AgencyGroup!) {
  areaComparison(year: $year, group: $group) {
    year group frameworkCode
    framework { code methodology legalBasis { number date title url } }
    areas { code title maxPoints count notApplicable mean median min max standardDeviation }
    rows { agency { code name } status indexPercent areas { areaCode points maxPoints indexPercent } }
    notCounted { agency { code } status reason }
  }
}`;

/** The district set of the other suites, with the decision that issued it and how it is scored. */
const framework = {
  ...districtFramework,
  code: 'TEST-HUYEN-PHUONGPHAP',
  methodology: 'Theo QĐ 1149/QĐ-BNV: phương pháp đánh giá theo lĩnh vực, tiêu chí, tiêu chí thành phần; chỉ số = điểm đạt ÷ điểm tối đa áp dụng × 100 %',
  legalBasis: { number: '123/QĐ-UBND', date: '2026-01-05', title: 'Ban hành Bộ chỉ số CCHC cấp huyện (thử nghiệm)' },
};

type Leaf = { points: number } | { notApplicable: true };

/** The area comparison against the assessments it summarises, over HTTP, with a not-applicable area and a draft. */
describe('areaComparison over HTTP', () => {
  let t: TestService;
  let coordinator: string;

  // Leaves 1.1 (4), 1.2.1 (2.5), 1.2.2 (1.5) of area 1 (SNV), 2.1 (2) of area 2 (STP); survey 3.1 (10) of area 3.
  const results: Record<string, { self: Record<string, Leaf>; survey: number }> = {
    TAMKY: { self: { '1.1': { points: 4 }, '1.2.1': { points: 2.5 }, '1.2.2': { points: 1.5 }, '2.1': { points: 2 } }, survey: 9 },
    HOIAN: { self: { '1.1': { points: 3 }, '1.2.1': { points: 2 }, '1.2.2': { points: 1 }, '2.1': { notApplicable: true } }, survey: 8 },
    NONGSON: { self: { '1.1': { points: 1 }, '1.2.1': { points: 0.5 }, '1.2.2': { points: 1.5 }, '2.1': { points: 0.5 } }, survey: 6.5 },
  };

  async function finalise(agencyCode: string) {
    const { self, survey } = results[agencyCode];
    const scores = Object.entries(self).map(([criterionCode, leaf]) =>
      'notApplicable' in leaf
        ? { criterionCode, applicable: false, explanation: 'Huyện không ban hành văn bản QPPL trong năm' }
        : { criterionCode, points: leaf.points, evidence: [`KH số 1/KH-UBND ${criterionCode}`] },
    );
    expectData(await t.gql(SUBMIT, { input: { year: YEAR, agencyCode, scores } }, t.token(['AGENCY_OFFICER'], agencyCode)));
    for (const [criterionCode, leaf] of Object.entries(self)) {
      const by = criterionCode.startsWith('2') ? 'STP' : 'SNV';
      const verdict = 'notApplicable' in leaf ? { applicable: false } : { points: leaf.points, comment: 'đã kiểm tra' };
      expectData(await t.gql(APPRAISE, { input: { year: YEAR, agencyCode, criterionCode, round: 1, ...verdict } }, t.token(['APPRAISER'], by)));
    }
    expectData(await t.gql(SURVEY, { input: { year: YEAR, agencyCode, scores: [{ criterionCode: '3.1', points: survey }] } }, coordinator));
    expectData(await t.gql(FINALIZE, { input: { year: YEAR, agencyCode } }, coordinator));
  }

  beforeAll(async () => {
    t = await startTestService();
    coordinator = t.token(['COORDINATOR'], 'SNV', 'coordinator.snv');
    await openDistrictCycle(t, coordinator, { agencies: ['SNV', 'STP', 'TAMKY', 'HOIAN', 'DAILOC', 'NONGSON'], year: YEAR, framework });
    for (const code of ['TAMKY', 'HOIAN', 'NONGSON']) await finalise(code);
    // Đại Lộc sends a score but is not finalised: listed, not compared.
    const draft = { year: YEAR, agencyCode: 'DAILOC', scores: [{ criterionCode: '1.1', points: 4, evidence: ['KH số 2/KH-UBND'] }] };
    expectData(await t.gql(SUBMIT, { input: draft }, t.token(['AGENCY_OFFICER'], 'DAILOC')));
  }, 60_000);
  afterAll(async () => t?.stop());

  it('gives each finalised agency’s area sub-indices as its assessment states them, in Vietnamese name order', async () => {
    const comparison = expectData(await t.gql(AREA_COMPARISON, { year: YEAR, group: 'DISTRICT' }, t.token(['ANALYST']))).areaComparison;
    expect(comparison).toMatchObject({ year: YEAR, group: 'DISTRICT', frameworkCode: framework.code });
    // "huyện Nông Sơn" before "Thành phố Hội An" before "Thành phố Tam Kỳ".
    expect(comparison.rows.map((r: { agency: { code: string } }) => r.agency.code)).toEqual(['NONGSON', 'HOIAN', 'TAMKY']);
    for (const row of comparison.rows) {
      const assessment = expectData(await t.gql(ASSESSMENT, { year: YEAR, agencyCode: row.agency.code }, coordinator)).assessment;
      expect(row.status).toBe('FINALIZED');
      expect(row.indexPercent).toBe(assessment.indexPercent);
      expect(row.areas).toEqual(
        assessment.areas.map((a: { code: string; points: number; maxPoints: number; indexPercent: number | null }) => ({
          areaCode: a.code,
          points: a.points,
          maxPoints: a.maxPoints,
          indexPercent: a.indexPercent,
        })),
      );
    }
    const hoian = comparison.rows.find((r: { agency: { code: string } }) => r.agency.code === 'HOIAN');
    expect(hoian.areas[1]).toEqual({ areaCode: '2', points: 0, maxPoints: 0, indexPercent: null });
    expect(comparison.notCounted).toEqual([{ agency: { code: 'DAILOC' }, status: 'SUBMITTED', reason: 'NOT_FINALIZED' }]);
  });

  it('gives per area the mean, median, min, max and population deviation, leaving out agencies to which it does not apply', async () => {
    const { areas } = expectData(await t.gql(AREA_COMPARISON, { year: YEAR, group: 'DISTRICT' }, coordinator)).areaComparison;
    // Area 1 (8 points): Tam Kỳ 8, Hội An 6, Nông Sơn 3 → 100, 75, 37.5 %.
    expect(areas[0]).toMatchObject({ code: '1', maxPoints: 8, count: 3, notApplicable: 0, median: 75, min: 37.5, max: 100 });
    expect(areas[0].mean).toBeCloseTo(212.5 / 3, 10);
    const mean1 = 212.5 / 3;
    expect(areas[0].standardDeviation).toBeCloseTo(Math.sqrt(((100 - mean1) ** 2 + (75 - mean1) ** 2 + (37.5 - mean1) ** 2) / 3), 10);
    // Area 2 (2 points) applies to Tam Kỳ (100 %) and Nông Sơn (25 %) only: an even count, so the median is their mean.
    expect(areas[1]).toMatchObject({ code: '2', count: 2, notApplicable: 1, mean: 62.5, median: 62.5, min: 25, max: 100, standardDeviation: 37.5 });
    // Area 3 (survey, 10 points): 90, 80, 65 %.
    expect(areas[2]).toMatchObject({ code: '3', count: 3, notApplicable: 0, median: 80, min: 65, max: 90 });
    expect(areas[2].mean).toBeCloseTo(235 / 3, 10);
  });

  it('names the framework with its methodology and legal basis; an agency officer reads it too; a year without a cycle is null', async () => {
    const officer = t.token(['AGENCY_OFFICER'], 'DAILOC');
    const comparison = expectData(await t.gql(AREA_COMPARISON, { year: YEAR, group: 'DISTRICT' }, officer)).areaComparison;
    expect(comparison.framework).toEqual({
      code: framework.code,
      methodology: framework.methodology,
      legalBasis: { ...framework.legalBasis, url: null },
    });
    expect(expectData(await t.gql(AREA_COMPARISON, { year: 2019, group: 'DISTRICT' }, officer)).areaComparison).toBeNull();
    const noGroup = await t.gql(AREA_COMPARISON, { year: YEAR, group: 'DEPARTMENT' }, officer);
    expect(noGroup.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'group' });
  });

  it('refuses a legal basis without a valid date or number, naming the field', async () => {
    const publish = `mutation($input: PublishFrameworkInput!) { publishFramework(input: $input) { code } }`;
    const bad = await t.gql(publish, { input: { ...framework, code: 'TEST-LB-1', legalBasis: { number: ' ', date: '2026-01-05' } } }, coordinator);
    expect(bad.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'legalBasis.number' });
    const badDate = await t.gql(publish, { input: { ...framework, code: 'TEST-LB-2', legalBasis: { number: '1/QĐ', date: '2026-02-30' } } }, coordinator);
    expect(badDate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
