import { assessmentTree, type AssessmentTreeNode, type LeafPoints } from '../../src/domain/assessment/assessmentTree';
import type { AssessmentState } from '../../src/domain/assessment/assessment';
import { scoreAssessment } from '../../src/domain/assessment/scoring';
import { event } from '../../src/events/parEvents';
import { appraised, assessmentOf, selfSubmitted, smallFramework, surveyRecorded } from './fixtures';

const areas = smallFramework.areas;

/** The tree of a state, built from scoreAssessment's leaves as the served one is built from the served leaves. */
function treeOf(state: AssessmentState) {
  const result = scoreAssessment(areas, state);
  const leaves = new Map(result.criteria.map((c) => [c.code, c]));
  return { result, tree: assessmentTree(areas, (code) => leaves.get(code)!) };
}

const flat = <S extends LeafPoints>(nodes: AssessmentTreeNode<S>[]): AssessmentTreeNode<S>[] => nodes.flatMap((n) => [n, ...flat(n.children)]);
const find = <S extends LeafPoints>(nodes: AssessmentTreeNode<S>[], code: string): AssessmentTreeNode<S> => {
  const node = flat(nodes).find((n) => n.code === code);
  if (!node) throw new Error(`no node ${code}`);
  return node;
};
const totals = (node: AssessmentTreeNode<LeafPoints>) => ({
  maxPoints: node.maxPoints,
  applicableMaxPoints: node.applicableMaxPoints,
  selfPoints: node.selfPoints,
  appraisedPoints: node.appraisedPoints,
  points: node.points,
  unscoredLeaves: node.unscoredLeaves,
});

const sent = selfSubmitted('SYT', [
  { criterionCode: '1.1', points: 2.25 },
  { criterionCode: '1.2.1', points: 0.1 },
  { criterionCode: '1.2.2', points: 0.2, appraiserCode: 'STP' },
  { criterionCode: '2.1', points: 3, appraiserCode: 'STP' },
]);

describe('assessmentTree', () => {
  it('follows the framework’s nesting: areas, criteria with sub-criteria, leaves carrying their score', () => {
    const { tree } = treeOf(assessmentOf([]));
    const shape = (n: AssessmentTreeNode<LeafPoints>): unknown => [n.code, n.kind, n.children.map(shape)];
    expect(tree.map(shape)).toEqual([
      [
        '1',
        'AREA',
        [
          ['1.1', 'LEAF', []],
          [
            '1.2',
            'CRITERION',
            [
              ['1.2.1', 'LEAF', []],
              ['1.2.2', 'LEAF', []],
            ],
          ],
        ],
      ],
      [
        '2',
        'AREA',
        [
          ['2.1', 'LEAF', []],
          ['2.2', 'LEAF', []],
        ],
      ],
    ]);
    expect(find(tree, '1.2').title).toBe('Báo cáo CCHC');
    expect(find(tree, '1.2').score).toBeNull();
    expect(find(tree, '1.2.1').score).toMatchObject({ code: '1.2.1', title: 'Báo cáo quý' });
  });

  it('adds up exactly in ten-thousandths at every level (0.1 + 0.2 is 0.3)', () => {
    const state = assessmentOf([
      sent,
      appraised('SYT', '1.1', 1, 2.25),
      appraised('SYT', '1.2.1', 1, 0.1),
      appraised('SYT', '1.2.2', 1, 0.2, 'STP'),
      appraised('SYT', '2.1', 1, 3.1234, 'STP'),
      surveyRecorded('SYT', [{ criterionCode: '2.2', points: 4.4321 }]),
    ]);
    const { tree } = treeOf(state);
    expect(totals(find(tree, '1.2'))).toEqual({
      maxPoints: 3_000,
      applicableMaxPoints: 3_000,
      selfPoints: 3_000,
      appraisedPoints: 3_000,
      points: 3_000,
      unscoredLeaves: 0,
    });
    expect(totals(find(tree, '1'))).toEqual({
      maxPoints: 25_500,
      applicableMaxPoints: 25_500,
      selfPoints: 25_500,
      appraisedPoints: 25_500,
      points: 25_500,
      unscoredLeaves: 0,
    });
    // Survey points count in points but are neither self nor appraised points.
    expect(totals(find(tree, '2'))).toEqual({
      maxPoints: 76_234,
      applicableMaxPoints: 76_234,
      selfPoints: 30_000,
      appraisedPoints: 31_234,
      points: 75_555,
      unscoredLeaves: 0,
    });
  });

  it('a leaf not scored yet counts 0 in points and is counted in unscoredLeaves up to its area', () => {
    const { tree } = treeOf(assessmentOf([sent, appraised('SYT', '1.2.1', 1, 0.05)]));
    expect(find(tree, '1.2.2')).toMatchObject({ points: 0, unscoredLeaves: 1, selfPoints: 2_000, appraisedPoints: 0 });
    expect(find(tree, '1.2')).toMatchObject({ points: 500, unscoredLeaves: 1, selfPoints: 3_000, appraisedPoints: 500 });
    expect(find(tree, '1')).toMatchObject({ points: 500, unscoredLeaves: 2 });
    expect(find(tree, '2')).toMatchObject({ points: 0, unscoredLeaves: 2 });
  });

  it('a confirmed "not applicable" leaf keeps its maximum but leaves the applicable maximum; a pending claim still counts', () => {
    const claimed = selfSubmitted('SYT', [
      { criterionCode: '1.2.1', points: null, applicable: false },
      { criterionCode: '1.2.2', points: null, applicable: false, appraiserCode: 'STP' },
    ]);
    const { tree } = treeOf(assessmentOf([claimed, appraised('SYT', '1.2.1', 1, null)]));
    expect(find(tree, '1.2.1')).toMatchObject({ maxPoints: 1_000, applicableMaxPoints: 0, points: 0, unscoredLeaves: 0 });
    expect(find(tree, '1.2.2')).toMatchObject({ maxPoints: 2_000, applicableMaxPoints: 2_000, points: 0, unscoredLeaves: 1 });
    expect(find(tree, '1.2')).toMatchObject({ maxPoints: 3_000, applicableMaxPoints: 2_000, selfPoints: 0 });
    expect(find(tree, '1')).toMatchObject({ maxPoints: 25_500, applicableMaxPoints: 24_500 });
  });

  it('a saved draft adds nothing to selfPoints until it is sent', () => {
    const draft = event('SelfAssessmentDraftSaved', {
      year: 2024,
      agencyCode: 'SYT',
      group: 'DEPARTMENT',
      frameworkCode: smallFramework.code,
      scores: [{ criterionCode: '1.2.1', applicable: true, points: 0.1, explanation: null, evidence: ['QĐ số 12/QĐ-SYT'], appraiserCode: 'SNV' }],
    });
    expect(find(treeOf(assessmentOf([draft])).tree, '1')).toMatchObject({ selfPoints: 0 });
    const sentOnly11 = selfSubmitted('SYT', [{ criterionCode: '1.1', points: 2 }]);
    expect(find(treeOf(assessmentOf([draft, sentOnly11])).tree, '1')).toMatchObject({ selfPoints: 20_000 });
  });

  it('its areas agree with the area sub-totals of the score', () => {
    const states = [
      assessmentOf([]),
      assessmentOf([sent, appraised('SYT', '1.1', 1, 1.1111), appraised('SYT', '2.1', 1, null, 'STP'), appraised('SYT', '1.1', 2, 2.0001)]),
      assessmentOf([sent, surveyRecorded('SYT', [{ criterionCode: '2.2', points: 0.0001 }]), appraised('SYT', '1.2.2', 1, 0.1999, 'STP')]),
    ];
    for (const state of states) {
      const { result, tree } = treeOf(state);
      expect(
        tree.map((a) => ({
          code: a.code,
          title: a.title,
          points: a.points,
          maxPoints: a.applicableMaxPoints,
          selfPoints: a.selfPoints,
          appraisedPoints: a.appraisedPoints,
        })),
      ).toEqual(
        result.areas.map(({ code, title, points, maxPoints, selfPoints, appraisedPoints }) => ({
          code,
          title,
          points,
          maxPoints,
          selfPoints,
          appraisedPoints,
        })),
      );
    }
  });
});
