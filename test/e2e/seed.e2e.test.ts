import { quangNamAgencies } from '../../src/seed/quangNamAgencies';
import { quangNamReorganisation } from '../../src/seed/quangNamReorganisation';
import { coordinationAgencies, regulationMatrix } from '../../src/seed/regulationMatrix';
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
    // Every unit ever registered: those of 2018–2024, the two departments the 2025 mergers formed, UBND and TTHCC.
    expect(agencies).toHaveLength(quangNamAgencies.length + 2 + coordinationAgencies.length);
    expect(agencies.filter((a: { group: string }) => a.group === 'DISTRICT')).toHaveLength(18);
    expect(agencies).toContainEqual({ code: 'STP', name: 'Sở Tư pháp', group: 'DEPARTMENT' });
    // Sorted for Vietnamese readers: "Ban …" before "Bảo hiểm …" before "Cục …".
    const names = agencies.map((a: { name: string }) => a.name);
    expect([...names].sort(compareVietnamese)).toEqual(names);
    expect(frameworks.map((f: { group: string }) => f.group).sort()).toEqual(['DEPARTMENT', 'DISTRICT', 'PROVINCIAL_BRANCH']);
    for (const f of frameworks) expect(f).toMatchObject({ sample: true, maxPoints: 100, bonusMaxPoints: 2, penaltyMaxPoints: 2 });

    const trail = expectData(await t.gql(AUDIT, { first: 1, filter: { actor: 'system:seed' } }, reader)).auditTrail;
    expect(trail.totalCount).toBe(quangNamAgencies.length + 3 + quangNamReorganisation.length + coordinationAgencies.length + regulationMatrix.length);

    const head = await t.service.events.headPosition();
    await t.restart();
    expect(await t.service.events.headPosition()).toBe(head);
  });

  it('seeds the 2025 reorganisation: who existed when, under which jurisdiction, and why each unit ended', async () => {
    const reader = t.token(['ANALYST']);
    const on = async (date: string) =>
      expectData(await t.gql('query($d: Date) { agencies(activeOn: $d) { code name group jurisdiction { code name } } }', { d: date }, reader)).agencies as {
        code: string;
        group: string;
        jurisdiction: { code: string };
      }[];
    const in2024 = await on('2024-06-30');
    expect(in2024).toHaveLength(quangNamAgencies.length + coordinationAgencies.length);
    expect(in2024.every((a) => a.jurisdiction.code === 'QNA')).toBe(true);
    // Nông Sơn is gone from 2025-01-01; the 19 departments are 13 from 2025-03-01 (with the BQL, 14 in the group).
    expect((await on('2025-01-01')).map((a) => a.code)).not.toContain('NONGSON');
    const march = await on('2025-03-01');
    expect(march.filter((a) => a.group === 'DEPARTMENT')).toHaveLength(14);
    expect(march.map((a) => a.code)).toEqual(expect.arrayContaining(['SNNMT', 'SDTTG', 'SKHCN']));
    // From 2025-07-01 Quảng Nam's departments are Đà Nẵng city's, and no district-level unit is left.
    const july = await on('2025-07-01');
    expect(july.filter((a) => a.group === 'DISTRICT')).toEqual([]);
    expect(new Set(july.map((a) => a.jurisdiction.code))).toEqual(new Set(['DNG']));

    const { agency } = expectData(
      await t.gql(
        '{ agency(code: "STTTT") { activeUntil successors { kind agencyCode agencyName effectiveFrom legalBasis { number date } } lineage { agencies { code } edges { fromCode toCode } } } }',
        {},
        reader,
      ),
    );
    expect(agency).toMatchObject({
      activeUntil: '2025-02-28',
      successors: [
        {
          kind: 'MERGER',
          agencyCode: 'SKHCN',
          agencyName: 'Sở Khoa học và Công nghệ',
          effectiveFrom: '2025-03-01',
          legalBasis: { number: '01/NQ-HĐND', date: '2025-02-01' },
        },
      ],
      lineage: { agencies: [{ code: 'STTTT' }, { code: 'SKHCN' }], edges: [{ fromCode: 'STTTT', toCode: 'SKHCN' }] },
    });
    const { jurisdictions } = expectData(await t.gql('{ jurisdictions { code activeUntil successors { code } } }', {}, reader));
    expect(jurisdictions).toContainEqual({ code: 'QNA', activeUntil: '2025-06-30', successors: [{ code: 'DNG' }] });
  });

  it('restarting does not seed again', async () => {
    const head = await t.service.events.headPosition();
    await t.restart();
    expect(await t.service.events.headPosition()).toBe(head);
  });
});
