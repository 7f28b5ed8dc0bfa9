import { regulationMatrix } from '../../src/seed/regulationMatrix';
import { expectData, startTestService, type TestService } from '../support/service';

const DUTIES = `query($c: ID!, $on: Date) { responsibilities(agencyCode: $c, on: $on) {
  on leads { id taskKind status legalBasis subject { code } } coordinates { id subject { code } } } }`;

/**
 * Decision 2824 seeded as data: what each agency leads and coordinates on a day, following the 2025 mergers (SKHCN
 * leads what STTTT led), and SNV's view of everyone's workload.
 */
describe('Decision 2824 as data: the seeded matrix of who leads and coordinates', () => {
  let t: TestService;
  let snv: string;
  beforeAll(async () => {
    t = await startTestService({ PAR_SEED: 'true' });
    snv = t.token(['COORDINATOR'], 'SNV', 'chuyenvien.snv');
  });
  afterAll(async () => t?.stop());

  const leadsOf = async (code: string, on: string) =>
    expectData(await t.gql(DUTIES, { c: code, on }, snv)).responsibilities as {
      on: string;
      leads: { subject: { code: string }; status: string; legalBasis: string; taskKind: string }[];
      coordinates: { subject: { code: string } }[];
    };

  it('records every row of the matrix with its clause', async () => {
    const { responsibilityAssignments } = expectData(await t.gql('{ responsibilityAssignments { code legalBasis lead coordinators } }', {}, snv));
    expect(responsibilityAssignments).toHaveLength(regulationMatrix.length);
    expect(responsibilityAssignments).toContainEqual({
      code: 'D2824-6',
      legalBasis: 'QĐ 2824/QĐ-UBND, Điều 6 khoản 1, 2',
      lead: 'SNV',
      coordinators: ['STC', 'STP', 'SKHCN', 'STTTT', 'VPUBND'],
    });
  });

  it('serves what an agency leads and coordinates on a day, and responsibilities follow a merger', async () => {
    const stttt2024 = await leadsOf('STTTT', '2024-06-01');
    expect(stttt2024.leads.map((d) => d.subject.code)).toEqual(expect.arrayContaining(['D2824-10.3', 'D2824-10.4']));
    expect(stttt2024.coordinates.map((d) => d.subject.code)).toEqual(expect.arrayContaining(['D2824-6', 'D2824-7']));
    expect(stttt2024.leads.find((d) => d.subject.code === 'D2824-10.3')).toMatchObject({
      taskKind: 'INDEX_APPRAISAL',
      status: 'OPEN',
      legalBasis: 'QĐ 2824/QĐ-UBND, Điều 10 khoản 3',
    });
    // Before the merger SKHCN leads its own ISO work only; from 2025-03-01 it also leads what STTTT led.
    const before = (await leadsOf('SKHCN', '2025-02-28')).leads.map((d) => d.subject.code);
    expect(before).toContain('D2824-12.3');
    expect(before).not.toContain('D2824-10.3');
    const after = (await leadsOf('SKHCN', '2025-03-01')).leads.map((d) => d.subject.code);
    expect(after).toEqual(expect.arrayContaining(['D2824-12.3', 'D2824-10.3']));
  });

  it('workload counts the standing responsibilities per agency, merged units with their successor', async () => {
    const { workload } = expectData(await t.gql('query($on: Date) { workload(on: $on) { agency { code } open overdue } }', { on: '2026-01-01' }, snv));
    const codes = workload.map((w: { agency: { code: string } }) => w.agency.code);
    expect(codes).toEqual(expect.arrayContaining(['SNV', 'SKHCN', 'STC', 'TTHCC']));
    expect(codes).not.toContain('STTTT');
    const snvRow = workload.find((w: { agency: { code: string } }) => w.agency.code === 'SNV');
    expect(snvRow.open).toBeGreaterThanOrEqual(10);
    expect(snvRow.overdue).toBe(0);
  });
});
