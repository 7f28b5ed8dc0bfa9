import { postgresMongoBackend, type BackendInstance } from '../support/backends';
import { describeWithServer, servers } from '../support/servers';
import { startServiceProcess, token, type ServiceProcess } from '../support/serviceProcess';
import { ASSESSMENT, AUDIT, APPRAISE, OPEN_CYCLE, PUBLISH_FRAMEWORK, REGISTER_AGENCY, SUBMIT, districtFramework } from './operations';

const DAY = 24 * 3600 * 1000;
const coordinator = token(['COORDINATOR'], 'SNV');
const officer = (agency: string) => token(['AGENCY_OFFICER'], agency);
const appraiser = (agency: string) => token(['APPRAISER'], agency);

function ok(response: { status: number; data?: any; errors?: unknown }): any {
  if (!response.data || response.errors) throw new Error(`request failed: ${JSON.stringify(response.errors)}`);
  return response.data;
}

const bothServers = servers.postgres && servers.mongodb ? servers.postgres : null;

describeWithServer('two service instances on one PostgreSQL and MongoDB', bothServers, 'TEST_POSTGRES_URL and TEST_MONGODB_URL', () => {
  let stores: BackendInstance;
  let a: ServiceProcess;
  let b: ServiceProcess;

  beforeAll(async () => {
    stores = await postgresMongoBackend.create();
    const env = { ...stores.env, PAR_PROJECTION_LEASE_MS: '1500' };
    [a, b] = await Promise.all([
      startServiceProcess({ ...env, PAR_INSTANCE_ID: 'instance-a' }),
      startServiceProcess({ ...env, PAR_INSTANCE_ID: 'instance-b' }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await stores?.cleanup();
  });

  it('append safely from both, serve the same answers, and hand the projections over when the leader dies', async () => {
    const districts = ['TAMKY', 'HOIAN', 'DAILOC', 'DUYXUYEN', 'NUITHANH', 'PHUNINH'];
    for (const [code, name, group] of [
      ['SNV', 'Sở Nội vụ', 'DEPARTMENT'],
      ['STP', 'Sở Tư pháp', 'DEPARTMENT'],
      ...districts.map((d) => [d, `UBND ${d}`, 'DISTRICT']),
    ]) {
      ok(await (districts.indexOf(code) % 2 === 0 ? a : b).gql(REGISTER_AGENCY, { input: { code, name, group } }, coordinator));
    }
    ok(await b.gql(PUBLISH_FRAMEWORK, { input: districtFramework }, coordinator));
    const now = Date.now();
    const cycle = ok(
      await a.gql(
        OPEN_CYCLE,
        {
          input: {
            year: 2025,
            frameworkCodes: [districtFramework.code],
            selfAssessmentDeadline: new Date(now + 30 * DAY).toISOString(),
            appraisalDeadline: new Date(now + 60 * DAY).toISOString(),
          },
        },
        coordinator,
      ),
    );
    expect(cycle.openAssessmentCycle.participants).toHaveLength(6); // B's registrations were visible to A's command

    // Self-assessments through both instances at once; each answer shows its own change.
    const scores = [
      { criterionCode: '1.1', points: 3, evidence: ['KH 1'] },
      { criterionCode: '1.2.1', points: 2, evidence: ['BC 2'] },
      { criterionCode: '1.2.2', points: 1, evidence: ['BC 3'] },
      { criterionCode: '2.1', points: 2, evidence: ['RS 4'] },
    ];
    const submitted = await Promise.all(
      districts.map((d, i) => (i % 2 === 0 ? a : b).gql(SUBMIT, { input: { year: 2025, agencyCode: d, scores } }, officer(d))),
    );
    for (const response of submitted) expect(ok(response).submitSelfAssessment.status).toBe('SUBMITTED');

    // Four appraisals of one assessment stream from both instances at once: conflicts are retried, none lost.
    const appraisals = [
      [a, 'SNV', '1.1', 2.5],
      [b, 'SNV', '1.2.1', 2],
      [a, 'SNV', '1.2.2', 0.5],
      [b, 'STP', '2.1', 1.5],
    ] as const;
    const answers = await Promise.all(
      appraisals.map(([instance, agency, criterionCode, points]) =>
        instance.gql(APPRAISE, { input: { year: 2025, agencyCode: 'TAMKY', criterionCode, points, round: 1 } }, appraiser(agency)),
      ),
    );
    answers.forEach((response, i) => {
      const criterion = ok(response).appraiseCriterion.criteria.find((c: { code: string }) => c.code === appraisals[i][2]);
      expect(criterion.appraisedPoints).toBe(appraisals[i][3]); // read-your-writes on the instance that took it
    });

    // Exactly one instance advances the projections; both give the same answers.
    const who = async (s: ServiceProcess) => ok(await s.gql('{ serviceInstance { id leader } }', {}, token(['ADMIN']))).serviceInstance;
    const [whoA, whoB] = await Promise.all([who(a), who(b)]);
    expect([whoA.leader, whoB.leader].filter(Boolean)).toHaveLength(1);
    const settle = async (s: ServiceProcess) => {
      const head = ok(await s.gql('{ logVerification { checked } }', {}, token(['ADMIN']))).logVerification.checked;
      for (let i = 0; i < 100; i++) {
        if (ok(await s.gql('{ serviceInstance { position } }', {}, token(['ADMIN']))).serviceInstance.position >= head) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await Promise.all([settle(a), settle(b)]);
    const view = async (s: ServiceProcess) => ({
      assessment: ok(await s.gql(ASSESSMENT, { year: 2025, agencyCode: 'TAMKY' }, coordinator)),
      trail: ok(await s.gql(AUDIT, { first: 500 }, coordinator)),
    });
    const [viewA, viewB] = await Promise.all([view(a), view(b)]);
    expect(viewA).toEqual(viewB);
    expect(viewA.assessment.assessment.totalPoints).toBe(6.5);

    // The leader dies without a word; the other takes the lease over and still answers with its own writes.
    const [leader, survivor] = whoA.leader ? [a, b] : [b, a];
    await leader.kill9();
    const late = ok(await survivor.gql(APPRAISE, { input: { year: 2025, agencyCode: 'HOIAN', criterionCode: '1.1', points: 3, round: 1 } }, appraiser('SNV')));
    expect(late.appraiseCriterion.criteria.find((c: { code: string }) => c.code === '1.1').appraisedPoints).toBe(3);
    expect((await who(survivor)).leader).toBe(true);
  }, 180_000);
});
