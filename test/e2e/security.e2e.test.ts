import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config';
import { startTestService, type TestService } from '../support/service';

const ALLOWED = 'https://par.quangnam.example';
const OTHER = 'https://evil.example';
const QUERY = 'query Agencies { agencies { code } }';

/** Captures the service's JSON log lines, as a log shipper would read them from stdout. */
function logCapture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(
        ...chunk
          .toString()
          .split('\n')
          .filter((l) => l !== ''),
      );
      done();
    },
  });
  return { stream, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('CORS (PAR_CORS_ORIGINS) and CSRF prevention', () => {
  let withCors: TestService;
  let without: TestService;
  beforeAll(async () => {
    withCors = await startTestService({ PAR_CORS_ORIGINS: `${ALLOWED}, http://localhost:5173` });
    without = await startTestService();
  });
  afterAll(async () => {
    await withCors?.stop();
    await without?.stop();
  });

  const preflight = (t: TestService, origin: string) =>
    fetch(t.service.url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });

  it('answers a preflight from an allowed origin with 204 and the CORS headers', async () => {
    const res = await preflight(withCors, ALLOWED);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/content-type/);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets the allowed origin read the answer and its request id', async () => {
    const res = await fetch(withCors.service.url, {
      method: 'POST',
      headers: { origin: ALLOWED, 'content-type': 'application/json', authorization: `Bearer ${withCors.token(['ANALYST'])}` },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
  });

  it('lets the allowed origin read an export’s file name and log position', async () => {
    const res = await fetch(withCors.service.url.replace(/\/graphql$/, '/exports/ranking.csv?year=2026&group=DISTRICT'), {
      headers: { origin: ALLOWED, authorization: `Bearer ${withCors.token(['ANALYST'])}` },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-expose-headers')?.split(',')).toEqual(expect.arrayContaining(['content-disposition', 'x-par-log-position']));
  });

  it('gives a disallowed origin no Access-Control-Allow-Origin, and none at all without an allow-list', async () => {
    expect((await preflight(withCors, OTHER)).headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(withCors, `${ALLOWED}.evil.example`)).headers.get('access-control-allow-origin')).toBeNull();
    const res = await preflight(without, ALLOWED);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.status).not.toBe(204);
  });

  it('still refuses simple requests that a browser sends without a preflight (CSRF prevention)', async () => {
    const token = withCors.token(['ANALYST']);
    const asForm = await fetch(withCors.service.url, {
      method: 'POST',
      headers: { origin: OTHER, 'content-type': 'text/plain', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(asForm.status).toBe(400);
    expect(await asForm.text()).toMatch(/CSRF/);
    const get = await fetch(`${withCors.service.url}?query=${encodeURIComponent(QUERY)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/);
    // The same GET with the header a browser cannot add without a preflight goes through.
    const preflighted = await fetch(`${withCors.service.url}?query=${encodeURIComponent(QUERY)}`, {
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(200);
  });

  it('refuses an allow-list entry that is not an exact origin, by name', () => {
    expect(() => loadConfig({ PAR_CORS_ORIGINS: '*' })).toThrow(/PAR_CORS_ORIGINS: "\*" is not an origin/);
    expect(() => loadConfig({ PAR_CORS_ORIGINS: `${ALLOWED}/app` })).toThrow(/PAR_CORS_ORIGINS: .* is not an origin/);
    expect(() => loadConfig({ PAR_CORS_ORIGINS: 'par.quangnam.example' })).toThrow(/PAR_CORS_ORIGINS/);
    expect(loadConfig({ PAR_CORS_ORIGINS: `${ALLOWED},http://localhost:5173` }).PAR_CORS_ORIGINS).toEqual([ALLOWED, 'http://localhost:5173']);
    expect(loadConfig({}).PAR_CORS_ORIGINS).toEqual([]);
  });
});

describe('request logs', () => {
  const capture = logCapture();
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ LOG_LEVEL: 'info', PAR_INSTANCE_ID: 'node-a' }, { logDestination: capture.stream });
  });
  afterAll(() => t?.stop());

  const post = (body: string, headers: Record<string, string>) =>
    fetch(t.service.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  /** The line is written when the response has finished, which may be just after the client has it: wait for it. */
  const lineFor = async (requestId: string) => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const line = capture.records().find((r) => r.requestId === requestId && r.path === '/graphql');
      if (line) return line;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return undefined;
  };

  it('writes one JSON line per request with its id, actor, operation, status and duration', async () => {
    const token = t.token(['ANALYST'], null, 'analyst.log');
    const res = await post(JSON.stringify({ query: QUERY, operationName: 'Agencies' }), { authorization: `Bearer ${token}`, 'x-request-id': 'proxy-req.42_a' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('proxy-req.42_a');
    expect(await lineFor('proxy-req.42_a')).toMatchObject({
      level: 30,
      service: 'par-ledger',
      instance: 'node-a',
      method: 'POST',
      status: 200,
      actor: 'analyst.log',
      operation: 'Agencies',
      operationType: 'query',
    });
    const line = await lineFor('proxy-req.42_a');
    expect(typeof line?.durationMs).toBe('number');
    expect(line?.errorCodes).toBeUndefined();
  });

  it('records the error codes of a refused request', async () => {
    const forbidden = await post(
      JSON.stringify({ query: 'mutation Register { registerAgency(input: { code: "X1", name: "X", group: DISTRICT }) { code } }' }),
      {
        authorization: `Bearer ${t.token(['ANALYST'], null, 'analyst.denied')}`,
        'x-request-id': 'forbidden-1',
      },
    );
    expect(forbidden.status).toBe(200);
    expect(await lineFor('forbidden-1')).toMatchObject({
      actor: 'analyst.denied',
      operation: 'Register',
      operationType: 'mutation',
      errorCodes: ['FORBIDDEN'],
    });

    await post(JSON.stringify({ query: QUERY }), { 'x-request-id': 'anonymous-1' });
    expect(await lineFor('anonymous-1')).toMatchObject({ status: 401, errorCodes: ['UNAUTHENTICATED'] });
    await post('{"query": ', { 'x-request-id': 'malformed-1' });
    expect(await lineFor('malformed-1')).toMatchObject({ status: 400, errorCodes: ['BAD_REQUEST'] });
  });

  it('generates the id when the offered one is missing or unsafe', async () => {
    const offered = ['', 'has spaces', 'a'.repeat(129), 'line\u2028break', '{"level":60}'];
    for (const id of [undefined, ...offered]) {
      const res = await post(JSON.stringify({ query: QUERY }), {
        authorization: `Bearer ${t.token(['ANALYST'])}`,
        ...(id !== undefined ? { 'x-request-id': encodeURI(id) === id ? id : encodeURIComponent(id) } : {}),
      });
      const returned = res.headers.get('x-request-id');
      expect(returned).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(await lineFor(returned!)).toBeDefined();
    }
  });

  it('never writes a token, the Authorization header or the secret', async () => {
    const token = t.token(['COORDINATOR'], 'SNV', 'coordinator.secretive');
    const forged = `${token.slice(0, -4)}AAAA`;
    await post(JSON.stringify({ query: QUERY, variables: { token } }), { authorization: `Bearer ${token}`, 'x-request-id': 'with-token' });
    await post(JSON.stringify({ query: QUERY }), { authorization: `Bearer ${forged}`, 'x-request-id': 'forged-token' });
    await fetch(`${t.service.url}?query=${encodeURIComponent(QUERY)}&token=${token}`, {
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': '1' },
    });
    expect(await lineFor('with-token')).toBeDefined();
    expect(await lineFor('forged-token')).toMatchObject({ status: 401, errorCodes: ['UNAUTHENTICATED'] });
    const all = capture.lines.join('\n');
    for (const secretPart of [token, token.split('.')[2], forged.split('.')[2], t.service.jwtSecret!]) expect(all).not.toContain(secretPart);
    expect(all.toLowerCase()).not.toContain('bearer');
  });

  it('checks LOG_LEVEL by name', () => {
    expect(loadConfig({}).LOG_LEVEL).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'silent' }).LOG_LEVEL).toBe('silent');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent/);
  });
});
