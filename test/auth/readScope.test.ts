import type { GraphQLResolveInfo } from 'graphql';
import { parAuthChecker } from '../../src/auth/authChecker';
import { ReadScope } from '../../src/auth/readScope';
import { READ_RESOURCES, READ_SCOPES } from '../../src/auth/readScopes';
import { ROLES } from '../../src/auth/authorization';
import type { Actor } from '../../src/events/envelope';
import type { AuditEntry } from '../../src/projections/auditTrail/auditTrailProjection';
import type { CycleDocument } from '../../src/projections/cycles/cyclesProjection';
import type { FrameworkDocument } from '../../src/projections/frameworks/frameworksProjection';
import type { RankingDocument } from '../../src/projections/rankings/rankingsProjection';
import { ReadModels } from '../../src/projections/readModels';
import type { ProjectionRunner } from '../../src/projections/runner/projectionRunner';
import { MemoryReadStore } from '../../src/projections/store/memory/memoryReadStore';
import type { RequestContext } from '../../src/resolvers/context';

const actor = (roles: string[], agency: string | null = null): Actor => ({ sub: 'x', name: 'X', agency, roles });

/** 2025: HOIAN and TAMKY (DISTRICT, set H: area 1 appraised by SNV, leaf 2.1 by STP), SNV (DEPARTMENT, set S). */
function readModels(state: { finalised?: string[]; published?: string[]; assigned?: Record<string, Record<string, string>> } = {}): ReadModels {
  const cycle = {
    year: 2025,
    frameworks: [
      { group: 'DISTRICT', frameworkCode: 'H' },
      { group: 'DEPARTMENT', frameworkCode: 'S' },
    ],
    participants: [
      { code: 'HOIAN', name: 'UBND Thành phố Hội An', group: 'DISTRICT' },
      { code: 'TAMKY', name: 'UBND Thành phố Tam Kỳ', group: 'DISTRICT' },
      { code: 'SNV', name: 'Sở Nội vụ', group: 'DEPARTMENT' },
    ],
    published: Object.fromEntries((state.published ?? []).map((g) => [g, { publishedAt: '2026-01-01T00:00:00Z', republications: 0 }])),
  } as unknown as CycleDocument;
  const leaf = (code: string, appraiserCode: string | null) => ({ code, title: code, maxPoints: 1, method: 'SELF_ASSESSED', appraiserCode, children: [] });
  const frameworks: Record<string, FrameworkDocument> = {
    H: {
      code: 'H',
      areas: [
        { code: '1', criteria: [leaf('1.1', 'SNV')] },
        { code: '2', criteria: [leaf('2.1', 'STP')] },
      ],
    } as unknown as FrameworkDocument,
    S: { code: 'S', areas: [{ code: '1', criteria: [leaf('1.1', 'SNV')] }] } as unknown as FrameworkDocument,
  };
  const groupOf: Record<string, string> = { HOIAN: 'DISTRICT', TAMKY: 'DISTRICT', SNV: 'DEPARTMENT' };
  const fake = {
    cycle: async (year: number) => (year === 2025 ? cycle : null),
    cycles: async () => [cycle],
    framework: async (code: string) => frameworks[code] ?? null,
    // Leaves the coordinator gave to another appraiser (assignAppraiser), per assessed agency.
    assessment: async (_year: number, agencyCode: string) => ({ state: { appraisers: state.assigned?.[agencyCode] ?? {} } }),
    ranking: async (_year: number, group: string) =>
      ({ finalized: (state.finalised ?? []).filter((c) => groupOf[c] === group).map((agencyCode) => ({ agencyCode })) }) as unknown as RankingDocument,
  };
  return fake as unknown as ReadModels;
}

const allowed = async (
  a: Actor | null,
  agency: string,
  state?: Parameters<typeof readModels>[0],
  resource: 'assessments' | 'responsibilities' = 'assessments',
) => (await new ReadScope(a, readModels(state)).decide(resource, 2025, agency)).allowed;

describe('the read-scope table', () => {
  it('gives every role a rule for every resource', () => {
    for (const resource of READ_RESOURCES) expect(Object.keys(READ_SCOPES[resource]).sort()).toEqual([...ROLES].sort());
  });

  it('lets a provincial leader read what a coordinator reads', () => {
    for (const resource of READ_RESOURCES) expect(READ_SCOPES[resource].PROVINCIAL_LEADER).toBe(READ_SCOPES[resource].COORDINATOR);
  });
});

describe('the scope rule for agency data', () => {
  it('keeps drafts of other agencies from an officer until finalised or published', async () => {
    const hoian = actor(['AGENCY_OFFICER'], 'HOIAN');
    expect(await allowed(hoian, 'HOIAN')).toBe(true);
    expect(await allowed(hoian, 'TAMKY')).toBe(false);
    expect(await allowed(hoian, 'TAMKY', { finalised: ['TAMKY'] })).toBe(true);
    expect(await allowed(hoian, 'TAMKY', { published: ['DISTRICT'] })).toBe(true);
    // Publication of another group opens nothing here.
    expect(await allowed(hoian, 'TAMKY', { published: ['DEPARTMENT'] })).toBe(false);
  });

  it('reads nothing private for an officer token without an agency claim', async () => {
    expect(await allowed(actor(['AGENCY_OFFICER']), 'HOIAN')).toBe(false);
  });

  it('lets an appraiser read assessments of criteria sets it appraises a leaf of, and its own agency’s', async () => {
    const stp = actor(['APPRAISER'], 'STP');
    expect(await allowed(stp, 'TAMKY')).toBe(true);
    expect(await allowed(stp, 'SNV')).toBe(false);
    expect(await allowed(actor(['APPRAISER'], 'SNV'), 'SNV')).toBe(true);
    // Its responsibilities scope is its own agency only.
    expect(await allowed(stp, 'TAMKY', {}, 'responsibilities')).toBe(false);
  });

  it('lets an appraiser the coordinator named for some leaves read that assessment, and no other', async () => {
    const sxd = actor(['APPRAISER'], 'SXD');
    expect(await allowed(sxd, 'SNV')).toBe(false);
    expect(await allowed(sxd, 'SNV', { assigned: { SNV: { '1.1': 'SXD' } } })).toBe(true);
    expect(await allowed(sxd, 'TAMKY', { assigned: { SNV: { '1.1': 'SXD' } } })).toBe(false);
  });

  it('shows an analyst no drafts, even of its own agency, and a token with two roles the more generous scope', async () => {
    expect(await allowed(actor(['ANALYST'], 'HOIAN'), 'HOIAN')).toBe(false);
    expect(await allowed(actor(['ANALYST'], 'HOIAN'), 'HOIAN', { finalised: ['HOIAN'] })).toBe(true);
    expect(await allowed(actor(['ANALYST', 'AGENCY_OFFICER'], 'HOIAN'), 'HOIAN')).toBe(true);
    expect(await allowed(actor(['ANALYST', 'INSPECTOR']), 'TAMKY')).toBe(true);
  });

  it('says in a FORBIDDEN answer what was refused and why', async () => {
    const scope = new ReadScope(actor(['AGENCY_OFFICER'], 'HOIAN'), readModels());
    await expect(scope.check('assessments', 2025, 'TAMKY')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/assessments of TAMKY 2025: .*not finalised.*DISTRICT ranking is not published.*AGENCY_OFFICER of HOIAN/),
    });
  });

  it('lists the assessment streams whose audit events a reader sees; all of them for an inspector', async () => {
    const visibility = await new ReadScope(actor(['APPRAISER'], 'STP'), readModels({ finalised: ['SNV'] })).auditVisibility();
    expect(visibility).toEqual({ hiddenPrefix: 'assessment-', except: ['assessment-2025-HOIAN', 'assessment-2025-TAMKY', 'assessment-2025-SNV'] });
    expect(await new ReadScope(actor(['INSPECTOR']), readModels()).auditVisibility()).toBeNull();
  });
});

describe('the audit trail of a restricted reader', () => {
  const streamsInOrder = [
    'agency-HOIAN',
    'assessment-2025-TAMKY',
    'cycle-2025',
    'assessment-2025-HOIAN',
    'framework-H',
    'assessment-2025-TAMKY',
    'assessmentx',
    'zz',
  ];

  async function trail() {
    const store = new MemoryReadStore();
    await store.ensureCollection({ name: 'auditTrail', indexes: [] });
    const entries = streamsInOrder.map((streamId, i) => ({ position: i + 1, streamId, type: 'T' }) as unknown as AuditEntry);
    await store.write(
      entries.map((doc) => ({ collection: 'auditTrail', id: String(doc.position).padStart(12, '0'), doc, position: doc.position })),
      [],
    );
    return new ReadModels(store, { collection: (_p: string, logical: string) => logical } as unknown as ProjectionRunner);
  }

  // Past 64 visible streams the page walks the trail in log order instead of searching each stream: same answer.
  const unseen = Array.from({ length: 100 }, (_, i) => `assessment-2024-X${i}`);
  it.each([
    ['a few visible streams', ['assessment-2025-HOIAN']],
    ['hundreds of visible streams', [...unseen, 'assessment-2025-HOIAN']],
  ])('pages through public and visible events in log order, with a count of what it may see (%s)', async (_case, except) => {
    const read = await trail();
    const visibility = { hiddenPrefix: 'assessment-', except };
    const seen: number[] = [];
    let after = 0;
    for (;;) {
      const page = await read.auditTrail({}, 2, after, visibility);
      expect(page.totalCount).toBe(6);
      seen.push(...page.entries.map((e) => e.position));
      if (!page.hasNextPage) break;
      after = page.entries[page.entries.length - 1].position;
    }
    expect(seen).toEqual([1, 3, 4, 5, 7, 8]);
    expect((await read.auditTrail({}, 2, 0, visibility, { count: false })).totalCount).toBe(0);
  });

  it('answers nothing for a hidden stream asked for by name', async () => {
    const read = await trail();
    const page = await read.auditTrail({ streamId: 'assessment-2025-TAMKY' }, 10, 0, { hiddenPrefix: 'assessment-', except: [] });
    expect(page).toEqual({ entries: [], hasNextPage: false, totalCount: 0 });
  });
});

describe('the auth checker', () => {
  const check = (a: Actor | null, resources: string[], fieldName = 'logVerification') =>
    parAuthChecker({ context: { actor: a } as RequestContext, info: { fieldName } as GraphQLResolveInfo, root: {}, args: {} }, resources as never);

  it('asks for a token', () => {
    expect(() => check(null, ['agencies'], 'agencies')).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('refuses a role whose rule is NONE, naming the field and the roles that read it', () => {
    expect(() => check(actor(['ANALYST']), ['logVerification'])).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        message: expect.stringMatching(/^logVerification is readable by the roles ADMIN, COORDINATOR, PROVINCIAL_LEADER, INSPECTOR; the token has ANALYST$/),
      }),
    );
  });

  it('lets through any role with a scope, leaving which documents to the scope rule', () => {
    expect(check(actor(['AGENCY_OFFICER'], 'HOIAN'), ['assessments'], 'assessment')).toBe(true);
    expect(check(actor(['ANALYST', 'INSPECTOR']), ['logVerification'])).toBe(true);
  });
});
