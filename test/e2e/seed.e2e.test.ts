import { quangNamAgencies } from '../../src/seed/quangNamAgencies';
import { expectData, startTestService, type TestService } from '../support/service';
import { AUDIT } from './operations';
import { compareVietnamese } from '../../src/domain/vietnameseOrder';

describe('first start of an empty store', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ PAR_SEED: 'true' });
  });
  afterAll(async () => t?.stop());

  it('seeds Quảng Nam’s agencies and the sample frameworks through commands, once', async () => {
    const reader = t.token(['ANALYST']);
    const { agencies, frameworks } = expectData(
      await t.gql('{ agencies { code name group } frameworks { code group sample maxPoints bonusMaxPoints penaltyMaxPoints title } }', {}, reader),
    );
    expect(agencies).toHaveLength(quangNamAgencies.length);
    expect(agencies.filter((a: { group: string }) => a.group === 'DISTRICT')).toHaveLength(18);
    expect(agencies).toContainEqual({ code: 'STP', name: 'Sở Tư pháp', group: 'DEPARTMENT' });
    // Sorted for Vietnamese readers: "Ban …" before "Bảo hiểm …" before "Cục …".
    const names = agencies.map((a: { name: string }) => a.name);
    expect([...names].sort(compareVietnamese)).toEqual(names);
    expect(frameworks.map((f: { group: string }) => f.group).sort()).toEqual(['DEPARTMENT', 'DISTRICT', 'PROVINCIAL_BRANCH']);
    for (const f of frameworks) expect(f).toMatchObject({ sample: true, maxPoints: 100, bonusMaxPoints: 2, penaltyMaxPoints: 2 });

    const trail = expectData(await t.gql(AUDIT, { first: 1, filter: { actor: 'system:seed' } }, reader)).auditTrail;
    expect(trail.totalCount).toBe(quangNamAgencies.length + 3);

    const head = await t.service.events.headPosition();
    await t.restart();
    expect(await t.service.events.headPosition()).toBe(head);
  });
});
