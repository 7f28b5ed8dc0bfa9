import { expectData, startTestService, tamperSignature, type TestService } from '../support/service';
import { openDistrictCycle } from './districtCycle';
import { APPRAISE, FINALIZE, SUBMIT, SURVEY } from './operations';

const YEAR = 2025;
const RANKING = `query($year: Int!) { ranking(year: $year, group: DISTRICT) { status entries { rank agency { code } totalPoints } notRanked { agency { code } } } }`;
const SELF = { '1.1': 4, '1.2.1': 2.5, '1.2.2': 1.5, '2.1': 2 };

/**
 * Whole ranking answers are kept between requests (src/http/answerCache.ts): a kept answer must never outlive the
 * ranking it was made from, nor let a request through that would be refused.
 */
describe('kept ranking answers over HTTP', () => {
  let t: TestService;
  let coordinator: string;

  async function finalise(agencyCode: string): Promise<void> {
    const scores = Object.entries(SELF).map(([criterionCode, points]) => ({ criterionCode, points, evidence: [`KH số 1/KH-UBND ${criterionCode}`] }));
    expectData(await t.gql(SUBMIT, { input: { year: YEAR, agencyCode, scores } }, t.token(['AGENCY_OFFICER'], agencyCode)));
    for (const [criterionCode, points] of Object.entries(SELF)) {
      const input = { year: YEAR, agencyCode, criterionCode, round: 1, points, comment: 'đã kiểm tra' };
      expectData(await t.gql(APPRAISE, { input }, t.token(['APPRAISER'], criterionCode.startsWith('2') ? 'STP' : 'SNV')));
    }
    expectData(await t.gql(SURVEY, { input: { year: YEAR, agencyCode, scores: [{ criterionCode: '3.1', points: 9 }] } }, coordinator));
    expectData(await t.gql(FINALIZE, { input: { year: YEAR, agencyCode } }, coordinator));
  }

  const codes = (ranking: { entries: { agency: { code: string } }[] }) => ranking.entries.map((e) => e.agency.code);

  beforeAll(async () => {
    t = await startTestService();
    coordinator = t.token(['COORDINATOR'], 'SNV', 'coordinator.snv');
    await openDistrictCycle(t, coordinator, { agencies: ['SNV', 'STP', 'TAMKY', 'HOIAN', 'DAILOC'], year: YEAR });
  });
  afterAll(async () => t?.stop());

  it('answers again from what changed since, never from the answer kept before the change', async () => {
    const empty = expectData(await t.gql(RANKING, { year: YEAR }, coordinator)).ranking;
    expect(codes(empty)).toEqual([]);
    expect(expectData(await t.gql(RANKING, { year: YEAR }, coordinator)).ranking).toEqual(empty);

    await finalise('TAMKY');
    const one = expectData(await t.gql(RANKING, { year: YEAR }, coordinator)).ranking;
    expect(codes(one)).toEqual(['TAMKY']);
    expect(expectData(await t.gql(RANKING, { year: YEAR }, t.token(['ANALYST']))).ranking).toEqual(one);

    await finalise('HOIAN');
    expect(codes(expectData(await t.gql(RANKING, { year: YEAR }, coordinator)).ranking).sort()).toEqual(['HOIAN', 'TAMKY']);
    // A year without a cycle answers null, kept apart from the year asked before.
    expect(expectData(await t.gql(RANKING, { year: 2031 }, coordinator)).ranking).toBeNull();
  });

  it('keeps an assessment answer only until the assessment changes, and never for a reader who may not read it', async () => {
    const ASSESSMENT = `query($code: ID!) { assessment(year: ${YEAR}, agencyCode: $code) { status totalPoints criteria { code selfPoints } } }`;
    const opened = expectData(await t.gql(ASSESSMENT, { code: 'DAILOC' }, coordinator)).assessment;
    expect(opened.status).toBe('NOT_SUBMITTED');
    expect(expectData(await t.gql(ASSESSMENT, { code: 'DAILOC' }, coordinator)).assessment).toEqual(opened);
    const other = await t.gql(ASSESSMENT, { code: 'DAILOC' }, t.token(['AGENCY_OFFICER'], 'HOIAN'));
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const scores = Object.entries(SELF).map(([criterionCode, points]) => ({ criterionCode, points, evidence: [`KH số 2/KH-UBND ${criterionCode}`] }));
    expectData(await t.gql(SUBMIT, { input: { year: YEAR, agencyCode: 'DAILOC', scores } }, t.token(['AGENCY_OFFICER'], 'DAILOC')));
    const submitted = expectData(await t.gql(ASSESSMENT, { code: 'DAILOC' }, coordinator)).assessment;
    expect(submitted.status).toBe('SUBMITTED');
    expect(submitted.criteria.find((c: { code: string }) => c.code === '1.1').selfPoints).toBe(4);
  });

  it('sends a kept answer byte for byte as it was first sent', async () => {
    const post = async () => {
      const res = await fetch(t.service.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${coordinator}` },
        body: JSON.stringify({ query: RANKING, variables: { year: YEAR + 1 } }),
      });
      return { type: res.headers.get('content-type'), text: await res.text() };
    };
    const first = await post();
    expect(JSON.parse(first.text)).toEqual({ data: { ranking: null } });
    expect(await post()).toEqual(first);
  });

  it('still refuses a request without a valid token when its answer is kept', async () => {
    expectData(await t.gql(RANKING, { year: YEAR }, coordinator));
    expectData(await t.gql(RANKING, { year: YEAR }, coordinator));
    for (const token of [null, tamperSignature(coordinator)]) {
      const refused = await t.gql(RANKING, { year: YEAR }, token);
      expect(refused.status).toBe(401);
      expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(refused.data).toBeUndefined();
    }
  });
});
