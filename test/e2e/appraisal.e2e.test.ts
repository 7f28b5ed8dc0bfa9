import { expectData, startTestService, type TestService } from '../support/service';
import { SAMPLE_AGENCIES } from './districtCycle';
import { APPRAISE, AUDIT, OPEN_CYCLE, PUBLISH_FRAMEWORK, REGISTER_AGENCY, RESPONSIBILITIES, SUBMIT, districtFramework } from './operations';

const YEAR = 2026;
const DAY = 24 * 3600 * 1000;

/** The district test framework for departments too: SNV appraises area 1 for every department, itself included. */
const departmentFramework = { ...districtFramework, code: 'TEST-SO-2025', title: 'Bộ chỉ số thử nghiệm — Sở, ban, ngành', group: 'DEPARTMENT' };

const ASSIGN = `mutation($input: AssignAppraiserInput!, $commandId: ID) {
  assignAppraiser(input: $input, commandId: $commandId) { agency { code } criteria { code appraiserCode appraisals { round points appraiserCode } } }
}`;
const REASON = 'Sở Nội vụ không tự thẩm định chỉ số của mình; giao Sở Tư pháp thẩm định lĩnh vực 1';

/** Conflicts of interest over HTTP: SNV appraises area 1 for the departments, yet never its own self-assessment. */
describe('appraisal: conflicts of interest over HTTP', () => {
  let t: TestService;
  let coordinator: string;
  const appraiser = (agency: string) => t.token(['APPRAISER'], agency, `appraiser.${agency}`);
  const appraise = (agency: string, criterionCode: string, points: number) =>
    t.gql(APPRAISE, { input: { year: YEAR, agencyCode: 'SNV', criterionCode, round: 1, points, comment: 'đã kiểm tra' } }, appraiser(agency));
  const pendingOf = async (agency: string) =>
    expectData(await t.gql(RESPONSIBILITIES, { agencyCode: agency }, coordinator))
      .responsibilities.cycles[0].pendingAppraisals.map((p: { agencyCode: string; criterionCode: string }) => `${p.agencyCode} ${p.criterionCode}`)
      .sort();

  beforeAll(async () => {
    t = await startTestService();
    coordinator = t.token(['COORDINATOR'], 'SNV', 'coordinator.snv');
    for (const code of ['SNV', 'STP', 'TAMKY'] as const) expectData(await t.gql(REGISTER_AGENCY, { input: SAMPLE_AGENCIES[code] }, coordinator));
    for (const framework of [districtFramework, departmentFramework]) expectData(await t.gql(PUBLISH_FRAMEWORK, { input: framework }, coordinator));
    const input = {
      year: YEAR,
      frameworkCodes: [districtFramework.code, departmentFramework.code],
      selfAssessmentDeadline: new Date(Date.now() + 30 * DAY).toISOString(),
      appraisalDeadline: new Date(Date.now() + 60 * DAY).toISOString(),
    };
    expectData(await t.gql(OPEN_CYCLE, { input }, coordinator));
    const scores = ['1.1', '1.2.1', '1.2.2', '2.1'].map((criterionCode) => ({ criterionCode, points: 1, evidence: [`KH số 1/KH-SNV ${criterionCode}`] }));
    expectData(await t.gql(SUBMIT, { input: { year: YEAR, agencyCode: 'SNV', scores } }, t.token(['AGENCY_OFFICER'], 'SNV')));
  });
  afterAll(async () => t?.stop());

  it('SNV may not appraise its own leaves; the coordinator names STP, who then appraises them, and the duties follow', async () => {
    const own = await appraise('SNV', '1.1', 1);
    expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(own.errors?.[0].message).toMatch(/SNV may not appraise its own self-assessment \(criterion 1\.1\)/);
    expect(await pendingOf('SNV')).toEqual(['SNV 1.1', 'SNV 1.2.1', 'SNV 1.2.2']);

    const key = { year: YEAR, agencyCode: 'SNV', criterionCodes: ['1.1', '1.2.1', '1.2.2'], appraiserCode: 'STP', reason: REASON };
    // Only the coordinator (or an administrator) names an appraiser.
    for (const token of [appraiser('STP'), t.token(['AGENCY_OFFICER'], 'SNV'), t.token(['ANALYST'])]) {
      expect((await t.gql(ASSIGN, { input: key }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const refusals: [object, string, string][] = [
      [{ ...key, appraiserCode: 'SNV' }, 'BAD_USER_INPUT', 'appraiserCode'],
      [{ ...key, appraiserCode: 'SXD' }, 'BAD_USER_INPUT', 'appraiserCode'],
      [{ ...key, criterionCodes: ['1.1', '9.9'] }, 'BAD_USER_INPUT', 'criterionCodes'],
      [{ ...key, criterionCodes: ['3.1'] }, 'BAD_USER_INPUT', 'criterionCodes'],
      [{ ...key, criterionCodes: [] }, 'BAD_USER_INPUT', 'criterionCodes'],
      [{ ...key, reason: '  ' }, 'BAD_USER_INPUT', 'reason'],
      [{ ...key, criterionCodes: Array.from({ length: 501 }, () => '1.1') }, 'BAD_USER_INPUT', 'criterionCodes'],
      [{ ...key, agencyCode: 'SXD' }, 'NOT_FOUND', 'agencyCode'],
    ];
    for (const [input, code, field] of refusals) {
      const response = await t.gql(ASSIGN, { input }, coordinator);
      expect(response.errors?.[0].extensions).toMatchObject({ code, field });
    }

    const assigned = expectData(await t.gql(ASSIGN, { input: key, commandId: 'assign-snv-area-1' }, coordinator)).assignAppraiser;
    expect(assigned.criteria.map((c: { code: string; appraiserCode: string | null }) => `${c.code} ${c.appraiserCode}`)).toEqual([
      '1.1 STP',
      '1.2.1 STP',
      '1.2.2 STP',
      '2.1 STP',
      '3.1 null',
    ]);
    // The same command id again appends nothing; naming STP again for the same leaves is refused.
    expectData(await t.gql(ASSIGN, { input: key, commandId: 'assign-snv-area-1' }, coordinator));
    expect((await t.gql(ASSIGN, { input: key }, coordinator)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'criterionCodes' });

    // The pending appraisals moved from SNV to STP; SNV still appraises Tam Kỳ's area 1 (nothing submitted yet).
    expect(await pendingOf('SNV')).toEqual([]);
    expect(await pendingOf('STP')).toEqual(['SNV 1.1', 'SNV 1.2.1', 'SNV 1.2.2', 'SNV 2.1']);

    const refused = await appraise('SNV', '1.2.1', 1);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/appraised by STP, not by SNV/) });
    const done = expectData(await appraise('STP', '1.1', 0.75)).appraiseCriterion;
    expect(done.criteria.find((c: { code: string }) => c.code === '1.1')).toMatchObject({ finalPoints: 0.75, appraisals: [{ round: 1, points: 0.75 }] });
    expect(await pendingOf('STP')).toEqual(['SNV 1.2.1', 'SNV 1.2.2', 'SNV 2.1']);

    // The audit trail names the coordinator, the leaves with their previous appraiser, and the reason.
    const audit = expectData(await t.gql(AUDIT, { filter: { eventType: 'AppraiserAssigned' } }, coordinator)).auditTrail;
    expect(audit.totalCount).toBe(1);
    expect(audit.edges[0].node).toMatchObject({
      agencyCode: 'SNV',
      actor: { sub: 'coordinator.snv', roles: ['COORDINATOR'] },
      data: {
        appraiserCode: 'STP',
        reason: REASON,
        criteria: [{ criterionCode: '1.1', previousAppraiserCode: 'SNV' }, { criterionCode: '1.2.1' }, { criterionCode: '1.2.2' }],
      },
    });
  });

  it('appraiseCriteria: the rest of SNV in one command, all or nothing, one append', async () => {
    const BULK = `mutation($input: AppraiseCriteriaInput!, $commandId: ID) {
      appraiseCriteria(input: $input, commandId: $commandId) { version criteria { code finalPoints appraisals { round points appraiserCode } } }
    }`;
    const items = [
      { criterionCode: '1.2.1', points: 2.25, comment: 'đạt' },
      { criterionCode: '1.2.2', points: 1.5 },
      { criterionCode: '2.1', points: 1.7501 },
    ];
    const input = { year: YEAR, agencyCode: 'SNV', round: 1, items };
    // A refused item refuses the whole command and names it; nothing is appended.
    const refusals: [object, string, string | undefined, string][] = [
      [{ ...input, items: [items[0], { criterionCode: '1.2.2', points: 9 }] }, 'BAD_USER_INPUT', 'items[1].points', appraiser('STP')],
      [{ ...input, items: [items[0], { criterionCode: '9.9', points: 1 }] }, 'BAD_USER_INPUT', 'items[1].criterionCode', appraiser('STP')],
      [{ ...input, items: [] }, 'BAD_USER_INPUT', 'items', appraiser('STP')],
      [{ ...input, items: Array.from({ length: 501 }, () => items[0]) }, 'BAD_USER_INPUT', 'items', appraiser('STP')],
      [input, 'FORBIDDEN', undefined, appraiser('SNV')],
      [input, 'FORBIDDEN', undefined, coordinator],
    ];
    const version = async () => expectData(await t.gql(`{ assessment(year: ${YEAR}, agencyCode: "SNV") { version } }`, {}, coordinator)).assessment.version;
    const start = await version();
    for (const [refused, code, field, token] of refusals) {
      expect((await t.gql(BULK, { input: refused }, token)).errors?.[0].extensions).toMatchObject(field ? { code, field } : { code });
    }
    expect(await version()).toBe(start);

    const done = expectData(await t.gql(BULK, { input, commandId: 'bulk-snv-1' }, appraiser('STP'))).appraiseCriteria;
    expect(done.version).toBe(start + 3);
    expect(done.criteria.map((c: { code: string; finalPoints: number | null }) => [c.code, c.finalPoints])).toEqual([
      ['1.1', 0.75],
      ['1.2.1', 2.25],
      ['1.2.2', 1.5],
      ['2.1', 1.7501],
      ['3.1', null],
    ]);
    // The same command id again appends nothing.
    expect(expectData(await t.gql(BULK, { input, commandId: 'bulk-snv-1' }, appraiser('STP'))).appraiseCriteria.version).toBe(start + 3);
    expect(await pendingOf('STP')).toEqual([]);
    const audit = expectData(await t.gql(AUDIT, { filter: { streamId: `assessment-${YEAR}-SNV`, eventType: 'CriterionAppraised' } }, coordinator)).auditTrail;
    const bulk = audit.edges
      .map((e: { node: { commandId: string | null; position: number } }) => e.node)
      .filter((n: { commandId: string | null }) => n.commandId === 'bulk-snv-1');
    expect(bulk).toHaveLength(3);
  });
});
