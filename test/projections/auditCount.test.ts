import type { AuditEntry } from '../../src/projections/auditTrail/auditTrailProjection';
import type { AuditVisibility } from '../../src/projections/auditTrail/auditVisibility';
import { ReadModels } from '../../src/projections/readModels';
import type { ProjectionRunner } from '../../src/projections/runner/projectionRunner';
import { MemoryReadStore } from '../../src/projections/store/memory/memoryReadStore';

/** Audit counts are kept per filter and advanced by the entries written since (ReadModels.countAudit). */
describe('audit trail totalCount', () => {
  const store = new MemoryReadStore();
  const runner = { collection: (_projection: string, logical: string) => logical } as unknown as ProjectionRunner;
  const read = new ReadModels(store, runner);
  const streamsOf = ['agency-X1', 'assessment-2025-TAMKY', 'assessment-2025-HOIAN', 'cycle-2025'];
  let written = 0;

  async function append(n: number): Promise<void> {
    const docs = Array.from({ length: n }, () => {
      const position = ++written;
      const entry = { position, type: position % 3 ? 'A' : 'B', streamId: streamsOf[position % 4], agencyCode: position % 2 ? 'TAMKY' : null } as AuditEntry;
      return { collection: 'auditTrail', id: String(position).padStart(12, '0'), doc: entry, position };
    });
    await store.write(docs, []);
  }

  const visibility: AuditVisibility = { hiddenPrefix: 'assessment-', except: ['assessment-2025-TAMKY'] };
  const cases: [string, Parameters<ReadModels['auditTrail']>[0], AuditVisibility | null, (e: AuditEntry) => boolean][] = [
    ['everything', {}, null, () => true],
    ['one type', { eventType: 'B' }, null, (e) => e.type === 'B'],
    [
      'one agency, as a reader who sees one assessment stream',
      { agencyCode: 'TAMKY' },
      visibility,
      (e) => e.agencyCode === 'TAMKY' && e.streamId !== 'assessment-2025-HOIAN',
    ],
  ];

  it('counts exactly what matches while the trail grows', async () => {
    for (const round of [5, 1, 0, 17, 3]) {
      await append(round);
      const all = await store.find<AuditEntry>('auditTrail');
      for (const [, filter, seen, matches] of cases) {
        const page = await read.auditTrail(filter, 2, 0, seen, { count: true });
        expect(page.totalCount).toBe(all.filter(matches).length);
      }
    }
    expect(written).toBe(26);
  });
});
