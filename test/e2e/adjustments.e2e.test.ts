import { expectData, startTestService, type TestService } from '../support/service';
import { SAMPLE_AGENCIES } from './districtCycle';
import { APPRAISE, FINALIZE, OPEN_CYCLE, PUBLISH_FRAMEWORK, REGISTER_AGENCY, SUBMIT, SURVEY, districtFramework } from './operations';

const YEAR = 2026;
const DAY = 24 * 3600 * 1000;
/** The sample district framework (20 points) with caps: bonus up to 1.5 points, penalty up to 1. */
const framework = { ...districtFramework, code: 'TEST-HUYEN-CAPS', bonusMaxPoints: 1.5, penaltyMaxPoints: 1 };

const FIELDS =
  'status totalPoints bonusPoints penaltyPoints indexPercent adjustments { id kind proposedPoints acceptedPoints reason status proposedBy comment }';
const PROPOSE = `mutation($input: ProposeAdjustmentInput!, $commandId: ID) { proposeAdjustment(input: $input, commandId: $commandId) { ${FIELDS} } }`;
const DECIDE = `mutation($input: DecideAdjustmentInput!) { decideAdjustment(input: $input) { ${FIELDS} } }`;
const key = { year: YEAR, agencyCode: 'TAMKY' };
const EVIDENCE = ['QĐ số 15/QĐ-UBND khen thưởng CCHC'];

/** Bonus and penalty proposals over HTTP: who may propose and decide, caps, and finalisation waiting for decisions. */
describe('proposeAdjustment and decideAdjustment over HTTP', () => {
  let t: TestService;
  let coordinator: string;
  let tamky: string;
  let stp: string;
  const propose = (kind: 'BONUS' | 'PENALTY', points: number, token: string, commandId?: string) =>
    t.gql(
      PROPOSE,
      { input: { ...key, kind, points, reason: `Đề xuất ${kind === 'BONUS' ? 'điểm thưởng' : 'điểm trừ'}`, evidence: EVIDENCE }, commandId },
      token,
    );
  const codeOf = (response: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    t = await startTestService();
    coordinator = t.token(['COORDINATOR'], 'SNV', 'coordinator.snv');
    tamky = t.token(['AGENCY_OFFICER'], 'TAMKY', 'officer.tamky');
    stp = t.token(['APPRAISER'], 'STP', 'appraiser.stp');
    for (const agency of Object.values(SAMPLE_AGENCIES)) expectData(await t.gql(REGISTER_AGENCY, { input: agency }, coordinator));
    expectData(await t.gql(PUBLISH_FRAMEWORK, { input: framework }, coordinator));
    const now = Date.now();
    const cycle = {
      year: YEAR,
      frameworkCodes: [framework.code],
      selfAssessmentDeadline: new Date(now + 30 * DAY).toISOString(),
      appraisalDeadline: new Date(now + 60 * DAY).toISOString(),
    };
    expectData(await t.gql(OPEN_CYCLE, { input: cycle }, coordinator));
    // Tam Kỳ: 10 of 10 self-assessed, appraised as claimed, and 9 of 10 in the survey: 19 final points.
    const self: Record<string, number> = { '1.1': 4, '1.2.1': 2.5, '1.2.2': 1.5, '2.1': 2 };
    const scores = Object.entries(self).map(([criterionCode, points]) => ({ criterionCode, points, evidence: [`KH số 1/KH-UBND ${criterionCode}`] }));
    expectData(await t.gql(SUBMIT, { input: { ...key, scores } }, tamky));
    for (const [criterionCode, points] of Object.entries(self)) {
      const input = { ...key, criterionCode, round: 1, points, comment: 'đã kiểm tra' };
      expectData(await t.gql(APPRAISE, { input }, t.token(['APPRAISER'], criterionCode.startsWith('2') ? 'STP' : 'SNV')));
    }
    expectData(await t.gql(SURVEY, { input: { ...key, scores: [{ criterionCode: '3.1', points: 9 }] } }, coordinator));
  });
  afterAll(async () => t?.stop());

  it('framework caps are served', async () => {
    const { framework: served } = expectData(await t.gql(`{ framework(code: "${framework.code}") { bonusMaxPoints penaltyMaxPoints } }`, {}, coordinator));
    expect(served).toEqual({ bonusMaxPoints: 1.5, penaltyMaxPoints: 1 });
  });

  it('the agency proposes its bonus (at the cap, and once more), an appraiser a penalty; refusals by role, agency and cap', async () => {
    const first = expectData(await propose('BONUS', 1.5, tamky, 'adj-bonus-1')).proposeAdjustment;
    expect(first.adjustments).toEqual([
      {
        id: 'ADJ-1',
        kind: 'BONUS',
        proposedPoints: 1.5,
        acceptedPoints: null,
        reason: 'Đề xuất điểm thưởng',
        status: 'PROPOSED',
        proposedBy: 'TAMKY',
        comment: null,
      },
    ]);
    // Replaying the command changes nothing.
    expect(expectData(await propose('BONUS', 1.5, tamky, 'adj-bonus-1')).proposeAdjustment.adjustments).toHaveLength(1);
    expectData(await propose('BONUS', 0.75, tamky));
    expectData(await propose('PENALTY', 1, stp));
    // Proposals count for nothing until decided.
    const pending = expectData(await t.gql(`{ assessment(year: ${YEAR}, agencyCode: "TAMKY") { totalPoints bonusPoints penaltyPoints } }`, {}, coordinator));
    expect(pending.assessment).toEqual({ totalPoints: 19, bonusPoints: 0, penaltyPoints: 0 });

    const overCap = await propose('BONUS', 1.5001, tamky);
    expect([codeOf(overCap), overCap.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'points']);
    expect(codeOf(await propose('PENALTY', 1.0001, coordinator))).toBe('BAD_USER_INPUT');
    expect(codeOf(await propose('BONUS', 1, t.token(['AGENCY_OFFICER'], 'HOIAN')))).toBe('FORBIDDEN');
    expect(codeOf(await propose('PENALTY', 1, tamky))).toBe('FORBIDDEN');
    expect(codeOf(await propose('BONUS', 1, coordinator))).toBe('FORBIDDEN');
    expect(codeOf(await propose('PENALTY', 1, t.token(['INSPECTOR'], 'SNV')))).toBe('FORBIDDEN');
  });

  it('finalisation waits for every proposal; the coordinator decides (0 rejects), an appraiser may not; then nothing more is proposed', async () => {
    const early = await t.gql(FINALIZE, { input: key }, coordinator);
    expect(codeOf(early)).toBe('INVALID_STATE');
    expect(early.errors?.[0]?.message).toMatch(/ADJ-1, ADJ-2, ADJ-3/);

    expect(codeOf(await t.gql(DECIDE, { input: { ...key, adjustmentId: 'ADJ-1', acceptedPoints: 1.5 } }, stp))).toBe('FORBIDDEN');
    const tooMuch = await t.gql(DECIDE, { input: { ...key, adjustmentId: 'ADJ-1', acceptedPoints: 1.5001 } }, coordinator);
    expect([codeOf(tooMuch), tooMuch.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'acceptedPoints']);
    expect(codeOf(await t.gql(DECIDE, { input: { ...key, adjustmentId: 'ADJ-9', acceptedPoints: 0, comment: 'x' } }, coordinator))).toBe('NOT_FOUND');

    expectData(await t.gql(DECIDE, { input: { ...key, adjustmentId: 'ADJ-1', acceptedPoints: 1.5 } }, coordinator));
    expectData(await t.gql(DECIDE, { input: { ...key, adjustmentId: 'ADJ-2', acceptedPoints: 0.25, comment: 'Chỉ một phần có tài liệu' } }, coordinator));
    const decided = expectData(await t.gql(DECIDE, { input: { ...key, adjustmentId: 'ADJ-3', acceptedPoints: 0, comment: 'Không đủ căn cứ' } }, coordinator));
    expect(decided.decideAdjustment.adjustments.map((a: { id: string; acceptedPoints: number; status: string }) => [a.id, a.acceptedPoints, a.status])).toEqual(
      [
        ['ADJ-1', 1.5, 'ACCEPTED'],
        ['ADJ-2', 0.25, 'ACCEPTED'],
        ['ADJ-3', 0, 'REJECTED'],
      ],
    );

    // 19 final points + bonus 1.5 + 0.25 = 1.75 capped at 1.5 − penalty 0 (rejected) = 20.5 of 20: 102.5 %.
    expect(decided.decideAdjustment).toMatchObject({ totalPoints: 20.5, bonusPoints: 1.5, penaltyPoints: 0, indexPercent: 102.5 });
    const final = expectData(await t.gql(FINALIZE, { input: key }, coordinator)).finalizeAssessment;
    expect(final).toMatchObject({ status: 'FINALIZED', totalPoints: 20.5, applicableMaxPoints: 20, indexPercent: 102.5 });
    expect(codeOf(await propose('PENALTY', 0.5, coordinator))).toBe('INVALID_STATE');
    expect(codeOf(await t.gql(DECIDE, { input: { ...key, adjustmentId: 'ADJ-3', acceptedPoints: 0, comment: 'x' } }, coordinator))).toBe('INVALID_STATE');
  });
});
