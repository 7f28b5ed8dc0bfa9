import { expectData, startTestService, tamperSignature, type TestService } from '../support/service';
import { APPRAISE, FINALIZE, OPEN_CYCLE, PUBLISH_FRAMEWORK, REGISTER_AGENCY, SUBMIT, SURVEY, districtFramework } from './operations';

const DAY = 24 * 3600 * 1000;

/** Every refusal names its code (and field), and appends nothing. */
describe('bad input over HTTP', () => {
  let t: TestService;
  let coordinator: string;

  beforeAll(async () => {
    t = await startTestService();
    coordinator = t.token(['COORDINATOR'], 'SNV');
    for (const input of [
      { code: 'SNV', name: 'Sở Nội vụ', group: 'DEPARTMENT' },
      { code: 'STP', name: 'Sở Tư pháp', group: 'DEPARTMENT' },
      { code: 'TAMKY', name: 'UBND Thành phố Tam Kỳ', group: 'DISTRICT' },
      { code: 'HOIAN', name: 'UBND Thành phố Hội An', group: 'DISTRICT' },
    ]) {
      expectData(await t.gql(REGISTER_AGENCY, { input }, coordinator));
    }
    expectData(await t.gql(PUBLISH_FRAMEWORK, { input: districtFramework }, coordinator));
    const now = Date.now();
    const cycle = (year: number, selfDays: number) => ({
      year,
      frameworkCodes: [districtFramework.code],
      selfAssessmentDeadline: new Date(now + selfDays * DAY).toISOString(),
      appraisalDeadline: new Date(now + (selfDays + 30) * DAY).toISOString(),
    });
    expectData(await t.gql(OPEN_CYCLE, { input: cycle(2025, 30) }, coordinator));
    // A cycle whose self-assessment deadline has passed (appraisal still open).
    expectData(await t.gql(OPEN_CYCLE, { input: cycle(2024, -1) }, coordinator));
  });
  afterAll(async () => t?.stop());

  const head = () => t.service.events.headPosition();

  /** Sends the request, checks the error code and field, and that the log did not move. */
  async function refused(query: string, variables: object, token: string | null, code: string, field?: string, message?: RegExp) {
    const before = await head();
    const response = await t.gql(query, variables as Record<string, unknown>, token);
    expect(response.data ?? null).toBeNull();
    expect(response.errors).toHaveLength(1);
    const [error] = response.errors!;
    expect(error.extensions?.code).toBe(code);
    if (field) expect(error.extensions?.field).toBe(field);
    if (message) expect(error.message).toMatch(message);
    expect(JSON.stringify(error)).not.toMatch(/at .*\.(ts|js):\d+/); // no stack traces
    expect(await head()).toBe(before);
    return error;
  }

  const officer = (agency: string) => t.token(['AGENCY_OFFICER'], agency);
  const submitVars = (scores: object[], year = 2025, agencyCode = 'TAMKY') => ({ input: { year, agencyCode, scores } });

  it('needs a token for mutations and queries, and refuses forged ones', async () => {
    await refused(REGISTER_AGENCY, { input: { code: 'X1', name: 'X', group: 'DISTRICT' } }, null, 'UNAUTHENTICATED');
    const forged = tamperSignature(t.token(['ADMIN']));
    const response = await t.gql('{ agencies { code } }', {}, forged);
    expect(response.status).toBe(401);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql('{ agencies { code } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('applies who may do what', async () => {
    await refused(REGISTER_AGENCY, { input: { code: 'X1', name: 'X', group: 'DISTRICT' } }, t.token(['ANALYST']), 'FORBIDDEN');
    await refused(SUBMIT, submitVars([{ criterionCode: '1.1', points: 1, evidence: ['a'] }]), officer('HOIAN'), 'FORBIDDEN');
    await refused(SUBMIT, submitVars([{ criterionCode: '1.1', points: 1, evidence: ['a'] }]), coordinator, 'FORBIDDEN');
    await refused(SURVEY, { input: { year: 2025, agencyCode: 'TAMKY', scores: [{ criterionCode: '3.1', points: 1 }] } }, officer('TAMKY'), 'FORBIDDEN');
  });

  it('refuses points outside the leaf, unknown criteria and agencies, survey leaves self-scored', async () => {
    await refused(
      SUBMIT,
      submitVars([{ criterionCode: '1.1', points: 4.5, evidence: ['a'] }]),
      officer('TAMKY'),
      'BAD_USER_INPUT',
      'scores[0].points',
      /outside 0–4/,
    );
    await refused(SUBMIT, submitVars([{ criterionCode: '1.1', points: -1, evidence: ['a'] }]), officer('TAMKY'), 'BAD_USER_INPUT', 'scores[0].points');
    await refused(SUBMIT, submitVars([{ criterionCode: '1.1', points: 1.00001, evidence: ['a'] }]), officer('TAMKY'), 'BAD_USER_INPUT', 'scores[0].points');
    await refused(
      SUBMIT,
      submitVars([
        { criterionCode: '1.1', points: 1, evidence: ['a'] },
        { criterionCode: '9.9', points: 1, evidence: ['a'] },
      ]),
      officer('TAMKY'),
      'BAD_USER_INPUT',
      'scores[1].criterionCode',
    );
    await refused(SUBMIT, submitVars([{ criterionCode: '1.2', points: 1, evidence: ['a'] }]), officer('TAMKY'), 'BAD_USER_INPUT', 'scores[0].criterionCode');
    await refused(
      SUBMIT,
      submitVars([{ criterionCode: '3.1', points: 1, evidence: ['a'] }]),
      officer('TAMKY'),
      'BAD_USER_INPUT',
      'scores[0].criterionCode',
      /survey/,
    );
    await refused(SUBMIT, submitVars([{ criterionCode: '1.1', points: 1 }]), officer('TAMKY'), 'BAD_USER_INPUT', 'scores[0].explanation');
    await refused(
      SUBMIT,
      submitVars([{ criterionCode: '1.1', points: 1, evidence: ['a'] }], 2025, 'NOWHERE'),
      t.token(['AGENCY_OFFICER'], 'NOWHERE'),
      'NOT_FOUND',
      'agencyCode',
    );
    await refused(REGISTER_AGENCY, { input: { code: 'bad code', name: 'X', group: 'DISTRICT' } }, coordinator, 'BAD_USER_INPUT', 'code');
    await refused(REGISTER_AGENCY, { input: { code: 'TAMKY', name: 'Again', group: 'DISTRICT' } }, coordinator, 'CONFLICT', 'code');
    await refused(
      OPEN_CYCLE,
      { input: { year: 2026, frameworkCodes: ['NOPE'], selfAssessmentDeadline: '2026-03-01T00:00:00Z', appraisalDeadline: '2026-04-01T00:00:00Z' } },
      coordinator,
      'NOT_FOUND',
      'frameworkCodes[0]',
    );
    await refused(
      PUBLISH_FRAMEWORK,
      {
        input: {
          ...districtFramework,
          code: 'BAD-FW',
          areas: [{ code: '1', title: 'A', appraiserCode: 'NOBODY', criteria: [{ code: '1.1', title: 'x', maxPoints: 1 }] }],
        },
      },
      coordinator,
      'BAD_USER_INPUT',
      'areas[0].appraiserCode',
    );
  });

  it('refuses a second cycle for a year, a late self-assessment, appraisal before submission, early finalisation', async () => {
    await refused(
      OPEN_CYCLE,
      {
        input: {
          year: 2025,
          frameworkCodes: [districtFramework.code],
          selfAssessmentDeadline: '2025-03-01T00:00:00Z',
          appraisalDeadline: '2025-04-01T00:00:00Z',
        },
      },
      coordinator,
      'CONFLICT',
      'year',
    );
    await refused(SUBMIT, submitVars([{ criterionCode: '1.1', points: 1, evidence: ['a'] }], 2024), officer('TAMKY'), 'DEADLINE_PASSED', 'year');
    await refused(
      APPRAISE,
      { input: { year: 2025, agencyCode: 'HOIAN', criterionCode: '1.1', points: 1, round: 1 } },
      t.token(['APPRAISER'], 'SNV'),
      'INVALID_STATE',
      undefined,
      /not submitted/,
    );

    expectData(await t.gql(SUBMIT, submitVars([{ criterionCode: '1.1', points: 3, evidence: ['KH 1'] }]), officer('TAMKY')));
    await refused(
      APPRAISE,
      { input: { year: 2025, agencyCode: 'TAMKY', criterionCode: '1.1', points: 3, round: 1 } },
      t.token(['APPRAISER'], 'STP'),
      'FORBIDDEN',
      undefined,
      /appraised by SNV/,
    );
    await refused(
      APPRAISE,
      { input: { year: 2025, agencyCode: 'TAMKY', criterionCode: '1.1', points: 3, round: 2 } },
      t.token(['APPRAISER'], 'SNV'),
      'INVALID_STATE',
      undefined,
      /round 1/,
    );
    const error = await refused(
      FINALIZE,
      { input: { year: 2025, agencyCode: 'TAMKY' } },
      coordinator,
      'INVALID_STATE',
      undefined,
      /1\.1, 1\.2\.1, 1\.2\.2, 2\.1, 3\.1/,
    );
    expect(error.extensions?.unscored).toEqual(['1.1', '1.2.1', '1.2.2', '2.1', '3.1']);
  });

  it('refuses a stale expected version, and the same commandId twice appends once', async () => {
    const current = expectData(await t.gql('query { assessment(year: 2025, agencyCode: "HOIAN") { version } }', {}, coordinator)).assessment.version;
    const vars = {
      ...submitVars([{ criterionCode: '1.1', points: 2, evidence: ['KH 7'] }], 2025, 'HOIAN'),
      commandId: 'hoian-submit-1',
      expectedVersion: current,
    };
    const first = expectData(await t.gql(SUBMIT, vars, officer('HOIAN')));
    const afterFirst = await head();
    const second = expectData(await t.gql(SUBMIT, vars, officer('HOIAN')));
    expect(second).toEqual(first);
    expect(await head()).toBe(afterFirst);
    await refused(SUBMIT, { ...vars, commandId: 'hoian-submit-2' }, officer('HOIAN'), 'CONFLICT', 'expectedVersion');
    await refused(
      SUBMIT,
      { ...vars, input: { ...vars.input, scores: [{ criterionCode: '1.1', points: 1, evidence: ['x'] }] } },
      officer('HOIAN'),
      'BAD_USER_INPUT',
      'commandId',
    );
  });

  it('refuses malformed JSON, oversized bodies and deeply nested queries, and keeps serving', async () => {
    const post = (body: string) => fetch(t.service.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const malformed = await post('{"query": "{ agencies { code } ');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_REQUEST');

    const huge = await post(JSON.stringify({ query: `{ agencies { code } } # ${'x'.repeat(2 * 1024 * 1024)}` }));
    expect(huge.status).toBe(413);

    const deep = `{ framework(code: "${districtFramework.code}") { areas { criteria { children { children { children { children { children { children { children { children { children { code } } } } } } } } } } } } }`;
    const nested = await t.gql(deep, {}, coordinator);
    expect(nested.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const manyTokens = await t.gql(`{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: __typename`).join(' ')} }`, {}, coordinator);
    expect(manyTokens.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');

    const still = expectData(await t.gql('{ agencies { code } }', {}, coordinator));
    expect(still.agencies.map((a: { code: string }) => a.code)).toContain('TAMKY');
  });
});
