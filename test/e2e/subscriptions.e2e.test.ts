import { expectData, startTestService, type TestService } from '../support/service';
import { liveClient, Subscribed } from '../support/subscriptions';
import { openDistrictCycle } from './districtCycle';
import type { Client } from 'graphql-ws';
import { signToken } from '../../src/auth/tokenSigner';
import {
  APPRAISE,
  ASSESSMENT_CHANGED,
  AUDIT_APPENDED,
  DUTIES_CHANGED,
  FINALIZE,
  RANKING_CHANGED,
  SELF_SCORES,
  SUBMIT,
  SURVEY,
  selfAssessment,
} from './operations';

const YEAR = 2026;

describe('GraphQL subscriptions over graphql-ws (one instance, SQLite)', () => {
  let t: TestService;
  let coordinator: string;
  const clients: Client[] = [];
  const connect = (token: string | null) => {
    const client = liveClient(t.service.url, token);
    clients.push(client);
    return client;
  };
  const officer = (agency: string) => t.token(['AGENCY_OFFICER'], agency);

  beforeAll(async () => {
    t = await startTestService();
    coordinator = t.token(['COORDINATOR'], 'SNV', 'coordinator.snv');
    await openDistrictCycle(t, coordinator, { agencies: ['SNV', 'STP', 'TAMKY', 'HOIAN'], year: YEAR });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t?.stop();
  });

  it('refuses a connection without a token, or with a bad one, with 4401 and the reason', async () => {
    for (const token of [null, 'not-a-jwt']) {
      const failure = (await new Subscribed(connect(token), AUDIT_APPENDED).ended()) as { code: number; reason: string };
      expect(failure.code).toBe(4401);
      expect(failure.reason).toMatch(/^UNAUTHENTICATED/);
    }
  });

  it('ends a connection when its token expires', async () => {
    const shortLived = signToken({ sub: 'inspector.short', name: 'Thanh tra', agency: null, roles: ['INSPECTOR'] }, t.service.jwtSecret!, {
      expiresInSeconds: 2,
    });
    const live = new Subscribed(connect(shortLived), ASSESSMENT_CHANGED, { year: YEAR, agencyCode: 'TAMKY' });
    expect((await live.until(() => true)).errors).toBeUndefined();
    expect(await live.ended()).toMatchObject({ code: 4401, reason: 'UNAUTHENTICATED: the token expired' });
  });

  it('sends the assessment now, then the state a self-assessment submitted over HTTP left', async () => {
    const live = new Subscribed(connect(officer('TAMKY')), ASSESSMENT_CHANGED, { year: YEAR, agencyCode: 'TAMKY' });
    const baseline = await live.until(() => true);
    expect(baseline.errors).toBeUndefined();
    expect(baseline.data.assessmentChanged.status).not.toBe('SUBMITTED');

    const answer = expectData(await t.gql(SUBMIT, selfAssessment(YEAR, 'TAMKY'), officer('TAMKY'))).submitSelfAssessment;
    const update = await live.until((m) => m.data?.assessmentChanged?.status === 'SUBMITTED');
    // Never older than what the mutation answered.
    expect(update.data.assessmentChanged.version).toBeGreaterThanOrEqual(answer.version);
    expect(update.data.assessmentChanged.totalPoints).toBe(answer.totalPoints);
    live.stop();
  });

  it('refuses at subscribe time what the query refuses: another agency’s draft, a role without the resource', async () => {
    const other = new Subscribed(connect(officer('HOIAN')), ASSESSMENT_CHANGED, { year: YEAR, agencyCode: 'TAMKY' });
    const refused = await other.until(() => true);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.data?.assessmentChanged ?? null).toBeNull();
    const query = await t.gql('query($y: Int!, $a: ID!) { assessment(year: $y, agencyCode: $a) { status } }', { y: YEAR, a: 'TAMKY' }, officer('HOIAN'));
    expect(refused.errors?.[0].message).toBe(query.errors?.[0].message);

    // An analyst reads finalised or published assessments only.
    const analyst = new Subscribed(connect(t.token(['ANALYST'])), ASSESSMENT_CHANGED, { year: YEAR, agencyCode: 'TAMKY' });
    expect((await analyst.until(() => true)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // An agency officer may not name another agency's draft stream.
    const stream = new Subscribed(connect(officer('HOIAN')), AUDIT_APPENDED, { filter: { streamId: `assessment-${YEAR}-TAMKY` } });
    expect((await stream.until(() => true)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('sends each audit event the filter selects, and only those', async () => {
    const inspector = t.token(['INSPECTOR']);
    // From the end of the trail as the query reads it: what is recorded later arrives, whenever the subscription starts.
    const trail = expectData(await t.gql('{ auditTrail(first: 500) { pageInfo { endCursor } } }', {}, inspector)).auditTrail;
    const live = new Subscribed(connect(inspector), AUDIT_APPENDED, { filter: { agencyCode: 'HOIAN' }, after: trail.pageInfo.endCursor });
    // An event of another agency first: the filter leaves it out.
    expectData(
      await t.gql(
        APPRAISE,
        { input: { year: YEAR, agencyCode: 'TAMKY', criterionCode: '1.1', round: 1, points: 4, comment: 'Đạt' } },
        t.token(['APPRAISER'], 'SNV'),
      ),
    );
    expectData(await t.gql(SUBMIT, selfAssessment(YEAR, 'HOIAN'), officer('HOIAN')));
    const event = await live.until((m) => m.data?.auditAppended?.type === 'SelfAssessmentSubmitted');
    expect(event.data.auditAppended).toMatchObject({ stream: `assessment-${YEAR}-HOIAN`, agencyCode: 'HOIAN', actor: { sub: 'agency_officer.HOIAN' } });
    expect(live.messages.every((m) => m.data?.auditAppended?.agencyCode === 'HOIAN')).toBe(true);
    live.stop();
  });

  it('sends an appraiser’s duties again when an agency submits criteria it appraises', async () => {
    const live = new Subscribed(connect(t.token(['APPRAISER'], 'STP')), DUTIES_CHANGED, { agencyCode: 'STP', year: YEAR });
    const baseline = await live.until(() => true);
    const pending = (m: any) => (m.data?.dutiesChanged?.cycles ?? []).flatMap((c: any) => c.pendingAppraisals) as { agencyCode: string }[];
    expect(baseline.errors).toBeUndefined();
    expect(pending(baseline).some((p) => p.agencyCode === 'HOIAN')).toBe(true); // HOIAN submitted above
    // STP appraises HOIAN's 2.1: the pending appraisal goes away.
    expectData(
      await t.gql(
        APPRAISE,
        { input: { year: YEAR, agencyCode: 'HOIAN', criterionCode: '2.1', round: 1, points: 2, comment: 'Đạt' } },
        t.token(['APPRAISER'], 'STP'),
      ),
    );
    await live.until((m) => !pending(m).some((p) => p.agencyCode === 'HOIAN'));
    live.stop();
  });

  it('sends the group’s ranking again once an assessment of it is finalised', async () => {
    const live = new Subscribed(connect(t.token(['ANALYST'])), RANKING_CHANGED, { year: YEAR, group: 'DISTRICT' });
    const baseline = await live.until(() => true);
    expect(baseline.errors).toBeUndefined();
    const ranked = (m: any) => (m.data?.rankingChanged?.entries ?? []).map((e: any) => e.agency.code) as string[];
    expect(ranked(baseline)).not.toContain('TAMKY');
    for (const [criterionCode, points] of Object.entries(SELF_SCORES)) {
      const by = criterionCode.startsWith('2') ? 'STP' : 'SNV';
      const input = { year: YEAR, agencyCode: 'TAMKY', criterionCode, round: 1, points, comment: 'Đã kiểm tra hồ sơ' };
      expectData(await t.gql(APPRAISE, { input }, t.token(['APPRAISER'], by)));
    }
    expectData(await t.gql(SURVEY, { input: { year: YEAR, agencyCode: 'TAMKY', scores: [{ criterionCode: '3.1', points: 9 }] } }, coordinator));
    expectData(await t.gql(FINALIZE, { input: { year: YEAR, agencyCode: 'TAMKY' } }, coordinator));
    const update = await live.until((m) => ranked(m).includes('TAMKY'));
    expect(update.data.rankingChanged.entries[0]).toMatchObject({ rank: 1, agency: { code: 'TAMKY' } });
    // Changes that leave the answer as it was send nothing: every message differs from the one before.
    const answers = live.messages.map((m) => JSON.stringify(m.data));
    expect(answers.every((a, i) => i === 0 || a !== answers[i - 1])).toBe(true);
    live.stop();
  });

  it('refuses a malformed subscription and the 51st on one connection, and keeps the connection for the others', async () => {
    const client = connect(coordinator);
    const errorsOf = async (query: string) => {
      const sub = new Subscribed(client, query);
      return JSON.stringify((await sub.ended()) ?? sub.messages);
    };
    expect(await errorsOf('subscription { auditAppended { position ')).toMatch(/GRAPHQL_PARSE_FAILED/);
    const open = Array.from({ length: 50 }, () => new Subscribed(client, AUDIT_APPENDED));
    expect(await errorsOf(AUDIT_APPENDED)).toMatch(/at most 50 subscriptions per connection/);
    for (const sub of open) sub.stop();
    // The connection is still there, and a slot is free again.
    const again = new Subscribed(client, ASSESSMENT_CHANGED, { year: YEAR, agencyCode: 'TAMKY' });
    expect((await again.until(() => true)).data.assessmentChanged.agency.code).toBe('TAMKY');
    again.stop();
  });

  it('serves subscriptions over WebSocket only, and queries over HTTP only', async () => {
    const overHttp = await t.gql(AUDIT_APPENDED, {}, coordinator);
    expect(overHttp.status).toBe(400);
    expect(overHttp.errors?.[0].message).toMatch(/WebSocket/);
    const query = new Subscribed(connect(coordinator), '{ cycles { year } }');
    const refused = await query.ended().catch(() => null);
    const errors = (refused as { message: string }[] | null) ?? query.messages[0]?.errors ?? [];
    expect(JSON.stringify(errors)).toMatch(/HTTP POST/);
  });
});
