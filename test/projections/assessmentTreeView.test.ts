import { MemoryEventStore } from '../../src/events/store/memory/memoryEventStore';
import { upcast } from '../../src/events/upcasters';
import { foldProjection } from '../../src/projections/asOf';
import type { AssessmentDocument } from '../../src/projections/assessments/assessmentDocument';
import { assessmentsProjection } from '../../src/projections/assessments/assessmentsProjection';
import { assessmentTreeOf, type AssessmentNodeView } from '../../src/projections/assessments/assessmentTreeView';
import { buildCycleLogOffline } from './fixtures';

const flat = (nodes: AssessmentNodeView[], above: string[] = []): { node: AssessmentNodeView; path: string[] }[] =>
  nodes.flatMap((node) => [{ node, path: [...above, node.code] }, ...flat(node.children, [...above, node.code])]);

/** Every served assessment of a realistic cycle: its tree must say what its areas and criteria say. */
describe('the tree of served assessments', () => {
  let documents: AssessmentDocument[];

  beforeAll(async () => {
    const events = new MemoryEventStore();
    const log = await buildCycleLogOffline(events);
    const docs = foldProjection(
      assessmentsProjection,
      (await events.readAll(0, log.head)).map((e) => upcast(e)),
    );
    documents = [...docs.entries()].filter(([key]) => key.startsWith('assessments/')).map(([, doc]) => doc as AssessmentDocument);
  });

  it('has areas whose sub-totals are those of Assessment.areas', () => {
    expect(documents.length).toBeGreaterThan(3);
    for (const doc of documents) {
      const areas = assessmentTreeOf(doc).map((a) => ({
        code: a.code,
        title: a.title,
        points: a.points,
        maxPoints: a.applicableMaxPoints,
        selfPoints: a.selfPoints,
        appraisedPoints: a.appraisedPoints,
      }));
      expect(areas).toEqual(
        doc.areas.map(({ code, title, points, maxPoints, selfPoints, appraisedPoints }) => ({ code, title, points, maxPoints, selfPoints, appraisedPoints })),
      );
    }
  });

  it('has every criterion once, as a leaf carrying its score, at the place its path names', () => {
    expect(documents.some((d) => d.criteria.some((c) => c.finalPoints !== null))).toBe(true);
    for (const doc of documents) {
      const leaves = flat(assessmentTreeOf(doc)).filter(({ node }) => node.kind === 'LEAF');
      expect(leaves.map(({ node }) => node.score)).toEqual(doc.criteria);
      for (const { node, path } of leaves) {
        expect(node.score?.path).toEqual(path);
        expect(node.score?.parentCode).toBe(path[path.length - 2]);
      }
    }
  });
});
