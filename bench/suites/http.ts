import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../../src/auth/authorization';
import { signToken } from '../../src/auth/tokenSigner';
import { loadConfig } from '../../src/config';
import { startService, type RunningService } from '../../src/server';
import type { BenchContext } from '../context';
import { ensurePeers } from '../context';
import { benchFrameworks, leavesOf, planAgencies, yearsOf } from '../generate/plan';
import { row, type Row } from '../report';
import { startBareApollo } from './bareApollo';

interface LoadRequest {
  body: string;
  headers: Record<string, string>;
}

/** What the rows keep of autocannon's result. */
export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  failed: number;
}

interface LoadRun {
  url: string;
  connections: number;
  requests: LoadRequest[];
}

/** Runs bench/peers/load.js (autocannon) in one process of its own for all the runs, one after another. */
export async function loadMany(ctx: BenchContext, runs: LoadRun[]): Promise<LoadResult[]> {
  if (runs.length === 0) return [];
  ensurePeers(ctx.say);
  const spec = join(ctx.scratch('load'), `spec-${Date.now()}.json`);
  const quick = ctx.presetName === 'quick';
  const bounded = (run: LoadRun) => ({
    ...run,
    ...(quick ? { amount: Math.max(50, run.connections * 2) } : { duration: Math.round(ctx.preset.httpMs / 1000) }),
  });
  writeFileSync(spec, JSON.stringify({ runs: runs.map(bounded) }));
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, '..', 'peers', 'load.js'), spec], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`load generator exited ${code}`))));
  });
  const results = JSON.parse(out.trim().split('\n').pop() as string) as {
    requests: { total: number };
    latency: { p50: number; p99: number };
    duration: number;
    non2xx: number;
    errors: number;
    timeouts: number;
  }[];
  return results.map((result) => ({
    // Total over the measured time, not autocannon's per-second average (which rounds short runs badly).
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
  }));
}

const gql = (query: string, variables: Record<string, unknown> = {}, token?: string): LoadRequest => ({
  body: JSON.stringify({ query, variables }),
  headers: token ? { authorization: `Bearer ${token}` } : {},
});

/** The service as `npm start` runs it, on a free port, over the given data directory (or PostgreSQL log). */
async function startPar(dataDir: string, env: Record<string, string> = {}): Promise<RunningService> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    PAR_SEED: 'false',
    LOG_LEVEL: 'silent',
    PAR_DATA_DIR: dataDir,
    EVENT_STORE: 'sqlite',
    READ_STORE: 'sqlite',
    PAR_JWT_SECRET: randomBytes(32).toString('hex'),
    ...env,
  });
  return startService(config, { log: () => {} });
}

/** Signed like `npm run token` signs them. */
function tokenFor(service: RunningService, roles: Role[], agency: string | null): string {
  return signToken({ sub: `${roles[0].toLowerCase()}.${agency ?? 'none'}`, name: `Bench ${roles.join('+')}`, agency, roles }, service.jwtSecret as string);
}

/** Fails the row instead of measuring errors: a GraphQL error answers 200 and autocannon would count it as done. */
async function check(url: string, request: LoadRequest): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...request.headers }, body: request.body });
  const body = (await res.json()) as { errors?: { message: string }[] };
  if (res.status !== 200 || body.errors?.length) throw new Error(`bench query failed (${res.status}): ${JSON.stringify(body.errors)}`);
}

const CONNECTIONS = [1, 10, 100];

/** GraphQL over HTTP on the generated log, each query against `{ __typename }` on the same server. */
export async function graphqlRows(ctx: BenchContext, dataDir: string): Promise<Row[]> {
  const rows: Row[] = [];
  const typename = gql('{ __typename }');
  let bareApollo: LoadResult | null = null;
  if (ctx.wants('graphql-bare-apollo-c100') || ctx.wants('graphql-typename-c100')) {
    const bare = await startBareApollo();
    try {
      const [apollo] = await loadMany(ctx, [{ url: bare.url, connections: 100, requests: [typename] }]);
      rows.push(
        row('graphql-bare-apollo-c100', {
          what: 'bare Apollo Server 5 on express 5, { __typename }, 100 connections',
          unit: 'req/s',
          project: apollo.requestsPerSecond,
          failed: apollo.failed,
          p99Ms: apollo.p99Ms,
        }),
      );
      bareApollo = apollo;
    } finally {
      await bare.stop();
    }
  }
  ctx.say('starting the service on the generated log');
  const service = await startPar(dataDir);
  try {
    const queries = benchQueries(ctx, service);
    const runs: { name: string; connections: number }[] = [];
    for (const [name, requests] of Object.entries(queries)) {
      await check(service.url, requests[0]);
      for (const connections of CONNECTIONS) {
        // { __typename } is every query's baseline: it runs whenever a row at that connection count does.
        const needed =
          name === 'typename' ? Object.keys(queries).some((q) => ctx.wants(`graphql-${q}-c${connections}`)) : ctx.wants(`graphql-${name}-c${connections}`);
        if (needed) runs.push({ name, connections });
      }
    }
    const results = await loadMany(
      ctx,
      runs.map((r) => ({ url: service.url, connections: r.connections, requests: queries[r.name] })),
    );
    const typenameAt = new Map(
      runs
        .map((r, i) => [r, results[i]] as const)
        .filter(([r]) => r.name === 'typename')
        .map(([r, result]) => [r.connections, result]),
    );
    runs.forEach(({ name, connections }, i) => {
      const result = results[i];
      const base = name === 'typename' ? (connections === 100 ? bareApollo : null) : (typenameAt.get(connections) ?? null);
      const baseName = name === 'typename' ? (base ? 'bare Apollo 5 + express 5, { __typename }' : null) : '{ __typename } on the same server';
      rows.push(
        row(`graphql-${name}-c${connections}`, {
          what: `GraphQL ${name === 'typename' ? '{ __typename }' : name}, ${connections} connection${connections > 1 ? 's' : ''} (p50 ${result.p50Ms} ms)`,
          unit: 'req/s',
          project: result.requestsPerSecond,
          baseline: base?.requestsPerSecond ?? null,
          baselineName: baseName,
          failed: result.failed,
          p99Ms: result.p99Ms,
          baselineP99Ms: base?.p99Ms ?? null,
        }),
      );
    });
  } finally {
    await service.stop();
  }
  rows.push(...(await uncachedRows(ctx, dataDir)));
  return rows;
}

/**
 * The ranking and assessment rows again with no answers kept (PAR_ANSWER_CACHE_MB=0): what the first reader after
 * each change pays, and every reader whose scope keeps answers from being shared.
 */
async function uncachedRows(ctx: BenchContext, dataDir: string): Promise<Row[]> {
  const names = ['ranking', 'assessment'].filter((name) => ctx.wants(`graphql-${name}-uncached-c100`));
  if (names.length === 0) return [];
  const service = await startPar(dataDir, { PAR_ANSWER_CACHE_MB: '0' });
  try {
    const queries = benchQueries(ctx, service);
    for (const name of names) await check(service.url, queries[name][0]);
    const runs = ['typename', ...names];
    const results = await loadMany(
      ctx,
      runs.map((name) => ({ url: service.url, connections: 100, requests: queries[name] })),
    );
    const base = results[0];
    return names.map((name, i) => {
      const result = results[i + 1];
      return row(`graphql-${name}-uncached-c100`, {
        what: `GraphQL ${name}, no answers kept, 100 connections (p50 ${result.p50Ms} ms)`,
        unit: 'req/s',
        project: result.requestsPerSecond,
        baseline: base.requestsPerSecond,
        baselineName: '{ __typename } on the same server',
        failed: result.failed,
        p99Ms: result.p99Ms,
        baselineP99Ms: base.p99Ms,
      });
    });
  } finally {
    await service.stop();
  }
}

/** The read queries of the GraphQL rows, as a coordinator sends them. */
function benchQueries(ctx: BenchContext, service: RunningService): Record<string, LoadRequest[]> {
  const shape = ctx.preset.shape;
  const year = yearsOf(shape)[shape.years - 1];
  const agencies = planAgencies(shape).filter((a) => a.code.startsWith('P'));
  const coordinator = tokenFor(service, ['COORDINATOR'], 'SNV');
  const assessment = `query($year: Int!, $agencyCode: ID!) { assessment(year: $year, agencyCode: $agencyCode) {
    status totalPoints indexPercent band { label } criteria { code selfPoints appraisedPoints surveyPoints finalPoints applicable appraisals { round points } } } }`;
  const group = agencies[agencies.length - 1].group;
  return {
    // Every request carries a token, as clients do: verifying it is part of the per-request overhead.
    typename: [{ ...gql('{ __typename }'), headers: { authorization: `Bearer ${coordinator}` } }],
    ranking: [
      gql(
        `query($year: Int!, $group: AgencyGroup!) { ranking(year: $year, group: $group) { status entries { rank agency { code name } totalPoints indexPercent band { label } } } }`,
        { year, group },
        coordinator,
      ),
    ],
    // Round-robin over agencies, so no single document stays hot in a cache.
    assessment: agencies.slice(0, 200).map((a) => gql(assessment, { year, agencyCode: a.code }, coordinator)),
    audit: [gql('{ auditTrail(first: 50) { totalCount edges { node { position type time stream actor { sub } } } } }', {}, coordinator)],
  };
}

/** Mutations over HTTP on a freshly seeded store: officers saving drafts of their own assessments. */
export async function mutationRows(ctx: BenchContext, store: 'sqlite' | 'pg', env: Record<string, string>): Promise<Row[]> {
  const rows: Row[] = [];
  const dataDir = ctx.scratch(`mutations-${store}`);
  const service = await startPar(dataDir, { PAR_SEED: 'true', ...env });
  try {
    const coordinator = tokenFor(service, ['COORDINATOR'], 'SNV');
    const year = 2026;
    const day = 24 * 3600 * 1000;
    const open = gql(
      `mutation($input: OpenAssessmentCycleInput!) { openAssessmentCycle(input: $input) { participants { code group } } }`,
      {
        input: {
          year,
          frameworkCodes: ['QN-SAMPLE-SO', 'QN-SAMPLE-NGANHDOC', 'QN-SAMPLE-HUYEN'],
          selfAssessmentDeadline: new Date(Date.now() + 30 * day).toISOString(),
          appraisalDeadline: new Date(Date.now() + 60 * day).toISOString(),
        },
      },
      coordinator,
    );
    const res = await fetch(service.url, { method: 'POST', headers: { 'content-type': 'application/json', ...open.headers }, body: open.body });
    const opened = (await res.json()) as { data?: { openAssessmentCycle: { participants: { code: string; group: string }[] } }; errors?: unknown };
    if (!opened.data) throw new Error(`opening the bench cycle failed: ${JSON.stringify(opened.errors)}`);
    const leafOf = new Map(benchFrameworks().map((f) => [f.group as string, leavesOf(f).find((l) => !l.survey)?.code]));
    const requests = opened.data.openAssessmentCycle.participants.map((p) =>
      gql(
        `mutation($input: SubmitSelfAssessmentInput!) { saveSelfAssessmentDraft(input: $input) { status version } }`,
        { input: { year, agencyCode: p.code, scores: [{ criterionCode: leafOf.get(p.group), points: 1, evidence: ['Kế hoạch số 12/KH-UBND'] }] } },
        tokenFor(service, ['AGENCY_OFFICER'], p.code),
      ),
    );
    await check(service.url, requests[0]);
    const counts = [1, 10].filter((c) => ctx.wants(`mutations-${store}-c${c}`));
    const results = await loadMany(
      ctx,
      counts.map((connections) => ({ url: service.url, connections, requests })),
    );
    counts.forEach((connections, i) => {
      const result = results[i];
      rows.push(
        row(`mutations-${store}-c${connections}`, {
          what: `mutations over HTTP (saveSelfAssessmentDraft), ${store === 'pg' ? 'PostgreSQL' : 'SQLite'}, ${connections} client${connections > 1 ? 's' : ''} (p50 ${result.p50Ms} ms)`,
          unit: 'mutations/s',
          project: result.requestsPerSecond,
          baseline: 1000,
          baselineName: 'issue 8 target',
          failed: result.failed,
          p99Ms: result.p99Ms,
        }),
      );
    });
  } finally {
    await service.stop();
  }
  return rows;
}
