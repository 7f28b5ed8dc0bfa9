import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'graphql-ws';
import type { Role } from '../../src/auth/authorization';
import { signToken } from '../../src/auth/tokenSigner';
import { loadConfig } from '../../src/config';
import { startService, type RunningService } from '../../src/server';
import { postgresMongoBackend, type BackendInstance } from '../support/backends';
import { createTestDatabase } from '../support/postgresDatabase';
import { describeWithServer, servers } from '../support/servers';
import { expectData, type GraphQLResponse, type TestService } from '../support/service';
import { liveClient, Subscribed } from '../support/subscriptions';
import { openDistrictCycle } from './districtCycle';
import { APPRAISE, ASSESSMENT, ASSESSMENT_CHANGED, AUDIT_APPENDED, SUBMIT, selfAssessment } from './operations';

const YEAR = 2026;
const SECRET = 'subscription-instances-secret-0123456789abcdef';
const token = (roles: Role[], agency: string | null = null) =>
  signToken({ sub: `${roles[0].toLowerCase()}.${agency ?? 'none'}`, name: 'Test', agency, roles }, SECRET);

/**
 * The stores of both instances: one PostgreSQL event log; the read models in one MongoDB database when one is
 * configured (one instance leads the projections, the other follows its checkpoints), otherwise each instance's
 * own SQLite read models over the shared log (each wakes on the other's appends through LISTEN/NOTIFY).
 */
async function sharedStores(): Promise<{ envA: Record<string, string>; envB: Record<string, string>; cleanup(): Promise<void> }> {
  if (servers.mongodb) {
    const stores: BackendInstance = await postgresMongoBackend.create();
    return { envA: stores.env, envB: stores.env, cleanup: () => stores.cleanup() };
  }
  const db = await createTestDatabase(servers.postgres as string);
  const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'par-ledger-')));
  const env = (dir: string) => ({ PAR_DATA_DIR: dir, EVENT_STORE: 'postgres', EVENT_STORE_URL: db.url, READ_STORE: 'sqlite' });
  return {
    envA: env(dirs[0]),
    envB: env(dirs[1]),
    async cleanup() {
      await db.drop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function start(env: Record<string, string>, instance: string): Promise<RunningService> {
  const config = loadConfig({
    PORT: '0',
    PAR_SEED: 'false',
    LOG_LEVEL: 'silent',
    PAR_JWT_SECRET: SECRET,
    PAR_PROJECTION_LEASE_MS: '1500',
    PAR_INSTANCE_ID: instance,
    ...env,
  });
  return startService(config, { log: () => {} });
}

async function gql(service: RunningService, query: string, variables: Record<string, unknown>, bearer: string): Promise<GraphQLResponse> {
  const res = await fetch(service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

describeWithServer('subscriptions with two service instances on one PostgreSQL log', servers.postgres, 'TEST_POSTGRES_URL', () => {
  let stores: Awaited<ReturnType<typeof sharedStores>>;
  let a: RunningService;
  let b: RunningService;
  const clients: Client[] = [];
  const connect = (service: RunningService, bearer: string) => {
    const client = liveClient(service.url, bearer);
    clients.push(client);
    return client;
  };
  const coordinator = token(['COORDINATOR'], 'SNV');
  const officer = (agency: string) => token(['AGENCY_OFFICER'], agency);

  beforeAll(async () => {
    stores = await sharedStores();
    a = await start(stores.envA, 'instance-a');
    b = await start(stores.envB, 'instance-b');
    const viaA = { gql: (query: string, variables: Record<string, unknown> = {}, bearer?: string | null) => gql(a, query, variables, bearer!) };
    await openDistrictCycle(viaA as TestService, coordinator, { agencies: ['SNV', 'STP', 'TAMKY', 'HOIAN'], year: YEAR });
  }, 120_000);
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await Promise.all([a?.stop(), b?.stop()]);
    await stores?.cleanup();
  });

  it('sends on one instance what a mutation on the other changed, never older than that instance’s answer', async () => {
    // Over shared read models one instance leads the projections; the subscriber is on the other when it follows.
    if (servers.mongodb) expect([a, b].filter((s) => s.runner.isLeader())).toHaveLength(1);
    const subscriberSide = a.runner.isLeader() ? b : a;
    const mutationSide = subscriberSide === a ? b : a;
    const live = new Subscribed(connect(subscriberSide, officer('TAMKY')), ASSESSMENT_CHANGED, { year: YEAR, agencyCode: 'TAMKY' });
    expect((await live.until(() => true)).errors).toBeUndefined();

    expectData(await gql(mutationSide, SUBMIT, selfAssessment(YEAR, 'TAMKY'), officer('TAMKY')));
    const answered = expectData(await gql(mutationSide, ASSESSMENT, { year: YEAR, agencyCode: 'TAMKY' }, officer('TAMKY'))).assessment;
    expect(answered.status).toBe('SUBMITTED');
    const update = await live.until((m) => m.data?.assessmentChanged?.status === 'SUBMITTED');
    expect(update.data.assessmentChanged.version).toBeGreaterThanOrEqual(answered.version);
    expect(update.data.assessmentChanged.totalPoints).toBe(answered.totalPoints);
    live.stop();
  });

  it('sends the audit events recorded through the other instance, in order', async () => {
    const inspector = token(['INSPECTOR']);
    const trail = expectData(await gql(a, '{ auditTrail(first: 500) { pageInfo { endCursor } } }', {}, inspector)).auditTrail;
    const live = new Subscribed(connect(a, inspector), AUDIT_APPENDED, { filter: { agencyCode: 'HOIAN' }, after: trail.pageInfo.endCursor });
    expectData(await gql(b, SUBMIT, selfAssessment(YEAR, 'HOIAN'), officer('HOIAN')));
    const appraisal = { year: YEAR, agencyCode: 'HOIAN', criterionCode: '2.1', round: 1, points: 2, comment: 'Đạt' };
    expectData(await gql(b, APPRAISE, { input: appraisal }, token(['APPRAISER'], 'STP')));
    const submitted = await live.until((m) => m.data?.auditAppended?.type === 'SelfAssessmentSubmitted');
    const appraised = await live.until(
      (m) => m.data?.auditAppended?.stream === `assessment-${YEAR}-HOIAN` && m.data.auditAppended.type !== 'SelfAssessmentSubmitted',
    );
    expect(appraised.data.auditAppended.position).toBeGreaterThan(submitted.data.auditAppended.position);
    live.stop();
  });
});
