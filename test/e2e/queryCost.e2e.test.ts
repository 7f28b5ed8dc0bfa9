import { QUERY_COST } from '../../src/schema/queryCost';
import { expectData, startTestService, type TestService } from '../support/service';
import { openDistrictCycle } from './districtCycle';
import { ASSESSMENT_FIELDS, AUDIT, SUBMIT } from './operations';

const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

interface RawAnswer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** Posts as a client would, keeping the raw body: a refused request has no `data` at all (nothing ran). */
async function post(t: TestService, token: string, query: string, variables: Record<string, unknown> = {}): Promise<RawAnswer> {
  const res = await fetch(t.service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as RawAnswer['body'] };
}

function expectTooComplex(answer: RawAnswer, limit: number) {
  expect(answer.status).toBe(400);
  expect('data' in answer.body).toBe(false);
  const [error] = answer.body.errors ?? [];
  expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
  expect(error.message).toMatch(new RegExp(`^query cost ${error.extensions?.cost} exceeds the limit of ${limit} `));
  expect(error.extensions?.cost as number).toBeGreaterThan(limit);
}

function expectTooManyAliases(answer: RawAnswer, found: number, limit: number) {
  expect(answer.status).toBe(400);
  expect('data' in answer.body).toBe(false);
  expect(answer.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(answer.body.errors?.[0].message).toBe(`Aliases limit of ${limit} exceeded, found ${found}. (PAR_MAX_ALIASES)`);
}

describe('query cost and alias limits', () => {
  let t: TestService;
  let coordinator: string;
  let inspector: string;
  let afterSubmit: number;

  beforeAll(async () => {
    t = await startTestService();
    coordinator = t.token(['COORDINATOR'], 'SNV');
    inspector = t.token(['INSPECTOR'], null, 'inspector.1');
    await openDistrictCycle(t, coordinator, { agencies: ['SNV', 'STP', 'TAMKY'] });
    expectData(
      await t.gql(
        SUBMIT,
        { input: { year: 2026, agencyCode: 'TAMKY', scores: [{ criterionCode: '1.1', points: 3, evidence: ['KH 1'] }] } },
        t.token(['AGENCY_OFFICER'], 'TAMKY'),
      ),
    );
    afterSubmit = await t.service.events.headPosition();
  });
  afterAll(async () => t?.stop());

  const asOfAssessment = () => `assessment(year: 2026, agencyCode: "TAMKY", asOf: { position: ${afterSubmit} }) { version status }`;
  const asOfRanking = () => `ranking(year: 2026, group: DISTRICT, asOf: { position: ${afterSubmit} }) { published }`;

  it('refuses the issue’s 300 aliases of logVerification and 200 of assessment(asOf:) before they run', async () => {
    expectTooManyAliases(await post(t, inspector, aliases(300, 'logVerification { checked headHash }')), 300, 15);
    expectTooManyAliases(await post(t, coordinator, aliases(200, asOfAssessment())), 200, 15);
  });

  it('refuses too many aliases in GET requests and without a token too, before authentication', async () => {
    const query = encodeURIComponent(aliases(100, 'agencies { code }'));
    const res = await fetch(`${t.service.url}?query=${query}`, { headers: { 'apollo-require-preflight': 'true' } });
    expectTooManyAliases({ status: res.status, body: (await res.json()) as RawAnswer['body'] }, 100, 15);
  });

  it('logVerification is dear enough that two in one request are refused', async () => {
    expect(expectData(await t.gql('{ logVerification { checked } }', {}, inspector)).logVerification.checked).toBeGreaterThan(0);
    expectTooComplex(await post(t, inspector, aliases(2, 'logVerification { checked }')), 1000);
    // The same through a fragment: aliases hidden in fragments count too.
    expectTooComplex(await post(t, inspector, '{ a: logVerification { checked } ...F } fragment F on Query { b: logVerification { checked } }'), 1000);
  });

  it('asOf is charged only when present', async () => {
    const four = await post(t, coordinator, aliases(4, asOfAssessment()));
    expect(four.status).toBe(200);
    expect(four.body.errors).toBeUndefined();
    expectTooComplex(await post(t, coordinator, aliases(5, asOfAssessment())), 1000);
    expectTooComplex(await post(t, coordinator, aliases(4, asOfRanking())), 1000);
    // Without asOf the same fields are cheap reads.
    const current = await post(t, coordinator, aliases(15, 'assessment(year: 2026, agencyCode: "TAMKY") { version status }'));
    expect(current.body.errors).toBeUndefined();
    // asOf given through a variable is charged the same.
    expectTooComplex(
      await post(t, coordinator, `query($p: AsOfInput) ${aliases(5, 'assessment(year: 2026, agencyCode: "TAMKY", asOf: $p) { version }')}`, {
        p: { position: afterSubmit },
      }),
      1000,
    );
  });

  it('auditTrail costs per event asked for, read from the variables', async () => {
    const page = expectData(await t.gql(AUDIT, { first: 500 }, inspector));
    expect(page.auditTrail.edges.length).toBeGreaterThan(0);
    expectTooComplex(
      await post(t, inspector, 'query($n: Int) { a: auditTrail(first: $n) { totalCount } b: auditTrail(first: $n) { totalCount } }', { n: 500 }),
      1000,
    );
    const small = await post(t, inspector, 'query($n: Int) { a: auditTrail(first: $n) { totalCount } b: auditTrail(first: $n) { totalCount } }', { n: 10 });
    expect(small.body.errors).toBeUndefined();
  });

  it('lists of documents count their selection per expected item', async () => {
    const wide = `assessments(year: 2026) { ${ASSESSMENT_FIELDS} }`;
    expect((await post(t, coordinator, `{ ${wide} }`)).body.errors).toBeUndefined();
    expectTooComplex(await post(t, coordinator, aliases(4, wide)), 1000);
  });

  it('lets the screens’ and tests’ ordinary requests through', async () => {
    for (const query of [
      '{ agencies(group: DISTRICT) { code name } framework(code: "TEST-HUYEN-2025") { title maxPoints areas { code title maxPoints } } }',
      `{ agencies(group: COMMUNE) { code } serviceInstance { position } projections { name checkpoint appliedSinceStart generation } logVerification { checked firstBreak { position } } }`,
      `{ ${asOfAssessment().replace('{ version status }', '{ status criteria { code finalPoints } }')} ${asOfRanking().replace('{ published }', '{ published entries { rank } }')} }`,
      `{ assessment(year: 2026, agencyCode: "TAMKY") { ${ASSESSMENT_FIELDS} } cycles { year participants { code name } bands { label } } rankingHistory(group: DISTRICT) { year entries { rank agency { name } } } }`,
    ]) {
      const answer = await post(t, t.token(['ADMIN']), query);
      expect(answer.body.errors).toBeUndefined();
    }
  });

  it('answers wrong variables with BAD_USER_INPUT and HTTP 400, not a server error', async () => {
    for (const variables of [{ n: 'ten' }, { n: 1.5 }, {}]) {
      const answer = await post(t, inspector, 'query($n: Int!) { auditTrail(first: $n) { totalCount } }', variables);
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses a subscription over HTTP as a validation error naming WebSocket, not an internal one', async () => {
    for (const query of ['subscription { agencies { code } }', 'subscription { auditAppended { position } }']) {
      const answer = await post(t, inspector, query);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toContainEqual(
        expect.objectContaining({
          message: 'subscriptions are served over WebSocket: connect with graphql-ws to the same /graphql path',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
      );
    }
  });

  it('refuses fragments that expand past the node limit as too complex', async () => {
    // Three levels of fragments, each spreading the one below 25 times: 25^3 copies of one field once expanded.
    const fragments = Array.from({ length: 3 }, (_, i) => `fragment F${i + 1} on Query { ${`...F${i} `.repeat(25)}}`).join(' ');
    const answer = await post(t, inspector, `{ ...F3 } fragment F0 on Query { agencies { code } } ${fragments}`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]).toMatchObject({
      message: `query selects more than ${QUERY_COST.maxNodes} fields once its fragments are expanded`,
      extensions: { code: 'QUERY_TOO_COMPLEX' },
    });
  });

  it('documents the costs it charges', () => {
    // Two verifications exceed the default budget of 1000, one fits beside a screen's other fields.
    expect(2 * QUERY_COST.logVerification).toBeGreaterThan(1000);
    expect(QUERY_COST.logVerification).toBeLessThan(800);
    expect(5 * QUERY_COST.asOfAssessment).toBeGreaterThanOrEqual(1000);
  });
});

describe('limits come from PAR_MAX_QUERY_COST and PAR_MAX_ALIASES', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ PAR_MAX_QUERY_COST: '4000', PAR_MAX_ALIASES: '400' });
  });
  afterAll(async () => t?.stop());

  it('refuses 300 aliases of logVerification by cost alone when the alias limit allows them', async () => {
    const inspector = t.token(['INSPECTOR']);
    expectTooComplex(await post(t, inspector, aliases(300, 'logVerification { checked }')), 4000);
    expectTooManyAliases(await post(t, inspector, aliases(401, 'serviceInstance { id }')), 401, 400);
  });

  it('lets through what the larger budget allows', async () => {
    const answer = await post(t, t.token(['INSPECTOR']), aliases(6, 'logVerification { checked }'));
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
  });
});
