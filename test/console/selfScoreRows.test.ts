import { districtFramework } from '../e2e/operations';
import { checkRows, initialRows, selfAssessedLeaves, type SelfRow } from '../../web/src/pages/selfAssessment/selfScoreRows';

interface SampleNode {
  code: string;
  title: string;
  maxPoints?: number;
  method?: string;
  children?: SampleNode[];
}
interface QueriedNode {
  code: string;
  title: string;
  maxPoints: number;
  method: string | null;
  children: QueriedNode[];
}

/** A criterion of the sample district set as the framework query returns it: leaves carry their method. */
function asQueried(c: SampleNode): QueriedNode {
  const children = (c.children ?? []).map(asQueried);
  return { code: c.code, title: c.title, maxPoints: c.maxPoints ?? 0, method: children.length > 0 ? null : (c.method ?? 'SELF_ASSESSED'), children };
}
const areas = districtFramework.areas.map((area) => ({ criteria: (area.criteria as SampleNode[]).map(asQueried) }));
const leaves = selfAssessedLeaves(areas);
const blank: SelfRow = { points: '', applicable: true, evidence: '', explanation: '' };
const rows = (filled: Record<string, Partial<SelfRow>>) => Object.fromEntries(leaves.map((l) => [l.code, { ...blank, ...filled[l.code] }]));

describe('the self-assessment form’s rows', () => {
  it('lists the self-assessed leaves in framework order, leaving out the survey leaf and the inner criterion', () => {
    expect(leaves.map((l) => [l.code, l.maxPoints])).toEqual([
      ['1.1', 4],
      ['1.2.1', 2.5],
      ['1.2.2', 1.5],
      ['2.1', 2],
    ]);
  });

  it('reads a decimal comma, one evidence document per line, and leaves blank rows out of a draft', () => {
    const { scores, errors } = checkRows(leaves, rows({ '1.1': { points: ' 3,5 ', evidence: 'KH số 1\n\n  KH số 2 ' } }), false);
    expect(errors).toEqual({});
    expect(scores).toEqual([{ criterionCode: '1.1', applicable: true, points: 3.5, explanation: null, evidence: ['KH số 1', 'KH số 2'] }]);
  });

  it('names each wrong criterion: above its maximum, not a number, negative, without evidence or explanation, unfilled when sending', () => {
    const typed = rows({
      '1.1': { points: '4,5', evidence: 'KH' },
      '1.2.1': { points: '2.5.1', evidence: 'KH' },
      '1.2.2': { points: '-1', evidence: 'KH' },
      '2.1': { points: '1' },
    });
    expect(checkRows(leaves, typed, true)).toEqual({
      scores: [],
      errors: {
        '1.1': 'Tiêu chí 1.1: 4,5 điểm vượt điểm tối đa 4',
        '1.2.1': 'Tiêu chí 1.2.1: "2.5.1" không phải là số (ví dụ 12,5)',
        '1.2.2': 'Tiêu chí 1.2.2: điểm không được âm',
        '2.1': 'Tiêu chí 2.1: hãy nêu tài liệu kiểm chứng, hoặc giải trình khi không có tài liệu',
      },
    });
    expect(checkRows(leaves, rows({}), true).errors['1.1']).toBe('Tiêu chí 1.1: chưa nhập điểm tự đánh giá');
    expect(checkRows(leaves, rows({}), false)).toEqual({ scores: [], errors: {} });
  });

  it('sends a "not applicable" leaf without points, and only with the reason', () => {
    expect(checkRows(leaves, rows({ '2.1': { applicable: false } }), false).errors['2.1']).toBe(
      'Tiêu chí 2.1: hãy giải trình vì sao tiêu chí không áp dụng với đơn vị',
    );
    const { scores } = checkRows(leaves, rows({ '2.1': { applicable: false, explanation: 'Huyện không ban hành VBQPPL' } }), false);
    expect(scores).toEqual([{ criterionCode: '2.1', applicable: false, explanation: 'Huyện không ban hành VBQPPL', evidence: [] }]);
  });

  it('fills the form from the draft where there is one, else from what was sent', () => {
    const filled = initialRows(leaves, [
      {
        code: '1.1',
        selfPoints: 3,
        applicable: true,
        explanation: null,
        evidence: ['KH cũ'],
        draft: { applicable: true, points: 3.25, explanation: 'mới', evidence: ['KH mới'] },
      },
      { code: '1.2.1', selfPoints: 2.5, applicable: true, explanation: null, evidence: ['BC'], draft: null },
      { code: '2.1', selfPoints: null, applicable: true, notApplicableClaim: 'PENDING', explanation: 'không có', evidence: [] },
    ]);
    expect(filled['1.1']).toEqual({ points: '3,25', applicable: true, evidence: 'KH mới', explanation: 'mới' });
    expect(filled['1.2.1']).toEqual({ points: '2,5', applicable: true, evidence: 'BC', explanation: '' });
    expect(filled['1.2.2']).toEqual(blank);
    expect(filled['2.1']).toEqual({ points: '', applicable: false, evidence: '', explanation: 'không có' });
  });

  it('shows what was sent once the self-assessment is sent, not a draft left on a leaf', () => {
    const saved = [
      { code: '1.1', selfPoints: 3, applicable: true, explanation: null, evidence: ['KH'], draft: null },
      { code: '1.2.1', selfPoints: null, applicable: true, explanation: null, evidence: [], draft: { applicable: true, points: 2, evidence: ['BC'] } },
    ];
    const shown = initialRows(leaves, saved, true);
    expect(shown['1.1']).toEqual({ points: '3', applicable: true, evidence: 'KH', explanation: '' });
    expect(shown['1.2.1']).toEqual(blank);
  });
});
