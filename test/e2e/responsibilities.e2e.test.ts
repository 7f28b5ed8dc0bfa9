import { expectData, startTestService, type TestService } from '../support/service';
import { openDistrictCycle } from './districtCycle';
import { APPRAISE, DECISION, FINALIZE, SUBMIT, SURVEY, districtFramework } from './operations';

const YEAR = 2026;
const DAY = 24 * 3600 * 1000;
const framework = { ...districtFramework, code: 'TEST-HUYEN-DUTIES', bonusMaxPoints: 2, penaltyMaxPoints: 2 };

const FIELDS = 'status';
const REQUEST = `mutation($input: RequestExplanationInput!) { requestExplanation(input: $input) { ${FIELDS} } }`;
const EXPLAIN = `mutation($input: SubmitExplanationInput!) { submitExplanation(input: $input) { ${FIELDS} } }`;
const EXTEND = 'mutation($input: GrantExtensionInput!) { grantExtension(input: $input) { year } }';
const PROPOSE_ADJUSTMENT = `mutation($input: ProposeAdjustmentInput!) { proposeAdjustment(input: $input) { ${FIELDS} } }`;
const DECIDE_ADJUSTMENT = `mutation($input: DecideAdjustmentInput!) { decideAdjustment(input: $input) { ${FIELDS} } }`;
const PROPOSE_RANKING = 'mutation($input: ProposeRankingInput!) { proposeRanking(input: $input) { status } }';
const PUBLISH_RANKING = 'mutation($input: PublishRankingInput!) { publishRanking(input: $input) { status } }';
const LODGE = `mutation($input: LodgeComplaintInput!) { lodgeComplaint(input: $input) { ${FIELDS} } }`;
const RESOLVE = `mutation($input: ResolveComplaintInput!) { resolveComplaint(input: $input) { ${FIELDS} } }`;
const REOPEN = `mutation($input: ReopenAssessmentInput!) { reopenAssessment(input: $input) { ${FIELDS} } }`;

const DUTIES = `query($agencyCode: ID!) {
  responsibilities(agencyCode: $agencyCode, year: ${YEAR}) {
    cycles {
      explanationsToAnswer { criterionCode dueAt appraiserCode overdue }
      explanationsToDecide { agencyCode criterionCode dueAt effectiveDueAt answeredAt decidable }
      complaints { id criterionCode status outcome comment }
      adjustments { id kind proposedPoints acceptedPoints status }
      extensions { agencyCode phase until }
    }
  }
}`;
const COORDINATOR_DUTIES = `{
  coordinatorDuties(year: ${YEAR}) {
    year
    complaintsToResolve { agency { code name } id criterionCode text lodgedAt publishedAt }
    adjustmentsToDecide { agency { code } id kind points reason evidence proposedBy proposedAt }
    assessmentsToFinalize { agency { code } group reopenedAt reopenReason }
  }
}`;

/**
 * What each side still has to do, over HTTP: an agency's explanations to answer, an appraiser's to decide (with
 * the EXPLANATION extension), and the coordinating role's proposals to decide, complaints to resolve and
 * assessments to finalise, a reopened one included.
 */
describe('responsibilities and coordinatorDuties over HTTP', () => {
  let t: TestService;
  let coordinator: string;
  const officer = (agency: string) => t.token(['AGENCY_OFFICER'], agency);
  const appraiser = (agency: string) => t.token(['APPRAISER'], agency);
  const duties = async (agencyCode: string) => expectData(await t.gql(DUTIES, { agencyCode }, coordinator)).responsibilities.cycles[0];
  const coordinatorDuties = async (token = coordinator) => expectData(await t.gql(COORDINATOR_DUTIES, {}, token)).coordinatorDuties;
  const self = { '1.1': 3, '1.2.1': 2, '1.2.2': 1, '2.1': 1.5 };

  async function submitAndAppraise(agencyCode: string) {
    const scores = Object.entries(self).map(([criterionCode, points]) => ({ criterionCode, points, evidence: [`KH số 1/KH-UBND ${criterionCode}`] }));
    expectData(await t.gql(SUBMIT, { input: { year: YEAR, agencyCode, scores } }, officer(agencyCode)));
    for (const [criterionCode, points] of Object.entries(self)) {
      const input = { year: YEAR, agencyCode, criterionCode, round: 1, points, comment: 'đã kiểm tra' };
      expectData(await t.gql(APPRAISE, { input }, appraiser(criterionCode.startsWith('2') ? 'STP' : 'SNV')));
    }
    expectData(await t.gql(SURVEY, { input: { year: YEAR, agencyCode, scores: [{ criterionCode: '3.1', points: 8 }] } }, coordinator));
  }
  const finalize = async (agencyCode: string) => expectData(await t.gql(FINALIZE, { input: { year: YEAR, agencyCode } }, coordinator));

  beforeAll(async () => {
    t = await startTestService();
    coordinator = t.token(['COORDINATOR'], 'SNV', 'coordinator.snv');
    await openDistrictCycle(t, coordinator, { agencies: ['SNV', 'STP', 'TAMKY', 'HOIAN'], year: YEAR, framework });
    await submitAndAppraise('TAMKY');
    await submitAndAppraise('HOIAN');
  });
  afterAll(async () => t?.stop());

  it('lists an explanation to answer (not overdue) and, for the appraiser, to decide from the effective due time after an EXPLANATION extension', async () => {
    const dueAt = new Date(Date.now() + 3 * DAY).toISOString();
    const question = { year: YEAR, agencyCode: 'TAMKY', criterionCode: '1.1', question: 'Đề nghị giải trình thời điểm ban hành kế hoạch', dueAt };
    expectData(await t.gql(REQUEST, { input: question }, appraiser('SNV')));
    expect((await duties('TAMKY')).explanationsToAnswer).toEqual([{ criterionCode: '1.1', dueAt, appraiserCode: 'SNV', overdue: false }]);
    expect((await duties('SNV')).explanationsToDecide).toEqual([
      { agencyCode: 'TAMKY', criterionCode: '1.1', dueAt, effectiveDueAt: dueAt, answeredAt: null, decidable: false },
    ]);

    const until = new Date(Date.now() + 10 * DAY).toISOString();
    expectData(
      await t.gql(EXTEND, { input: { year: YEAR, agencyCode: 'TAMKY', phase: 'EXPLANATION', until, reason: 'Chờ ý kiến của Sở Tài chính' } }, coordinator),
    );
    expect((await duties('TAMKY')).explanationsToAnswer).toEqual([{ criterionCode: '1.1', dueAt: until, appraiserCode: 'SNV', overdue: false }]);
    const snv = await duties('SNV');
    expect(snv.explanationsToDecide).toEqual([{ agencyCode: 'TAMKY', criterionCode: '1.1', dueAt, effectiveDueAt: until, answeredAt: null, decidable: false }]);
    // The extension of the agency SNV waits for is among SNV's extended deadlines; STP waits for nothing of Tam Kỳ's answer.
    expect(snv.extensions).toEqual([{ agencyCode: 'TAMKY', phase: 'EXPLANATION', until }]);
    expect((await duties('STP')).extensions).toEqual([]);

    const answer = {
      year: YEAR,
      agencyCode: 'TAMKY',
      criterionCode: '1.1',
      text: 'Kế hoạch ban hành ngày 10/01',
      evidence: ['KH số 1/KH-UBND'],
      revisedPoints: 3.5,
    };
    expectData(await t.gql(EXPLAIN, { input: answer }, officer('TAMKY')));
    expect((await duties('TAMKY')).explanationsToAnswer).toEqual([]);
    const [decide] = (await duties('SNV')).explanationsToDecide;
    expect(decide).toMatchObject({ agencyCode: 'TAMKY', effectiveDueAt: until, decidable: true });
    expect(decide.answeredAt).not.toBeNull();
  });

  it('lists a proposal for the coordinator until decideAdjustment, and the agency follows its status', async () => {
    const proposal = { year: YEAR, agencyCode: 'TAMKY', kind: 'BONUS', points: 1.5, reason: 'Được Bộ Nội vụ khen thưởng', evidence: ['QĐ số 88/QĐ-BNV'] };
    expectData(await t.gql(PROPOSE_ADJUSTMENT, { input: proposal }, officer('TAMKY')));
    const [toDecide, ...more] = (await coordinatorDuties()).adjustmentsToDecide;
    expect(more).toEqual([]);
    expect(toDecide).toMatchObject({
      agency: { code: 'TAMKY' },
      id: 'ADJ-1',
      kind: 'BONUS',
      points: 1.5,
      reason: proposal.reason,
      evidence: proposal.evidence,
      proposedBy: 'TAMKY',
    });
    expect(Date.parse(toDecide.proposedAt)).not.toBeNaN();
    expect((await duties('TAMKY')).adjustments).toEqual([{ id: 'ADJ-1', kind: 'BONUS', proposedPoints: 1.5, acceptedPoints: null, status: 'PROPOSED' }]);

    expectData(
      await t.gql(
        DECIDE_ADJUSTMENT,
        { input: { year: YEAR, agencyCode: 'TAMKY', adjustmentId: 'ADJ-1', acceptedPoints: 1, comment: 'Một phần' } },
        coordinator,
      ),
    );
    expect((await coordinatorDuties()).adjustmentsToDecide).toEqual([]);
    expect((await duties('TAMKY')).adjustments).toEqual([{ id: 'ADJ-1', kind: 'BONUS', proposedPoints: 1.5, acceptedPoints: 1, status: 'ACCEPTED' }]);
  });

  it('lists the assessments to finalise, a complaint to resolve after publication, and a reopened assessment until finalised again', async () => {
    expect((await coordinatorDuties()).assessmentsToFinalize).toEqual([
      { agency: { code: 'HOIAN' }, group: 'DISTRICT', reopenedAt: null, reopenReason: null },
      { agency: { code: 'TAMKY' }, group: 'DISTRICT', reopenedAt: null, reopenReason: null },
    ]);
    await finalize('TAMKY');
    await finalize('HOIAN');
    expect((await coordinatorDuties()).assessmentsToFinalize).toEqual([]);
    expectData(await t.gql(PROPOSE_RANKING, { input: { year: YEAR, group: 'DISTRICT' } }, coordinator));
    const leader = t.token(['PROVINCIAL_LEADER'], null, 'leader.ubnd');
    expectData(await t.gql(PUBLISH_RANKING, { input: { year: YEAR, group: 'DISTRICT', ...DECISION } }, leader));

    expectData(
      await t.gql(LODGE, { input: { year: YEAR, agencyCode: 'HOIAN', criterionCode: '2.1', text: 'Đề nghị chấm lại tiêu chí 2.1' } }, officer('HOIAN')),
    );
    const [complaint] = (await coordinatorDuties()).complaintsToResolve;
    expect(complaint).toMatchObject({
      agency: { code: 'HOIAN', name: 'UBND Thành phố Hội An' },
      id: 'KN-1',
      criterionCode: '2.1',
      text: 'Đề nghị chấm lại tiêu chí 2.1',
    });
    expect(Date.parse(complaint.lodgedAt)).toBeGreaterThanOrEqual(Date.parse(complaint.publishedAt));
    expect((await duties('HOIAN')).complaints).toEqual([{ id: 'KN-1', criterionCode: '2.1', status: 'OPEN', outcome: null, comment: null }]);
    // Those who oversee the year read the coordinator's list; an agency's officer does not.
    expect((await coordinatorDuties(t.token(['INSPECTOR'], null))).complaintsToResolve).toHaveLength(1);
    expect((await t.gql(COORDINATOR_DUTIES, {}, officer('HOIAN'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const resolution = { year: YEAR, agencyCode: 'HOIAN', complaintId: 'KN-1', outcome: 'UPHELD', comment: 'Có cơ sở, chấm lại' };
    expectData(await t.gql(RESOLVE, { input: resolution }, coordinator));
    expect((await coordinatorDuties()).complaintsToResolve).toEqual([]);
    expect((await duties('HOIAN')).complaints).toEqual([
      { id: 'KN-1', criterionCode: '2.1', status: 'RESOLVED', outcome: 'UPHELD', comment: 'Có cơ sở, chấm lại' },
    ]);

    expectData(await t.gql(REOPEN, { input: { year: YEAR, agencyCode: 'HOIAN', reason: 'Khiếu nại KN-1 được chấp nhận' } }, coordinator));
    const [reopened, ...rest] = (await coordinatorDuties()).assessmentsToFinalize;
    expect(rest).toEqual([]);
    expect(reopened).toMatchObject({ agency: { code: 'HOIAN' }, group: 'DISTRICT', reopenReason: 'Khiếu nại KN-1 được chấp nhận' });
    expect(Date.parse(reopened.reopenedAt)).not.toBeNaN();
    await finalize('HOIAN');
    expect((await coordinatorDuties()).assessmentsToFinalize).toEqual([]);
  });

  it('answers NOT_FOUND for a year without a cycle', async () => {
    const response = await t.gql(`{ coordinatorDuties(year: ${YEAR + 1}) { year } }`, {}, coordinator);
    expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
