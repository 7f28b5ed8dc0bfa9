import { frameworkDecider, type PublishFramework } from '../../src/domain/framework/frameworkDecider';
import { normaliseFramework, type FrameworkInput } from '../../src/domain/framework/frameworkInput';
import { appraisalAssignments, leafIndex, leavesOf } from '../../src/domain/framework/framework';
import type { FrameworkPublished } from '../../src/events/parEvents';
import { isRegistered, smallFramework, smallFrameworkInput } from './fixtures';
import { domainErrorOf, specFor } from './givenWhenThen';

const spec = specFor(frameworkDecider);
const publish = (input: FrameworkInput = smallFrameworkInput(), registered: (code: string) => boolean = isRegistered): PublishFramework => ({
  type: 'PublishFramework',
  input,
  isRegisteredAgency: registered,
});
/** The small fixture framework, changed by `edit` before it is published. */
const publishEdited = (edit: (input: FrameworkInput) => void) => {
  const input = smallFrameworkInput();
  edit(input);
  return publish(input);
};

describe('frameworkDecider: publish', () => {
  it('publishes the normalised framework', () => {
    const [event] = spec.given([]).when(publish()).events();
    expect(event).toEqual({
      type: 'FrameworkPublished',
      schemaVersion: 3,
      data: {
        code: 'DEPT-2024',
        title: 'Bộ chỉ số CCHC sở, ban, ngành 2024 (mẫu)',
        group: 'DEPARTMENT',
        sample: true,
        methodology: 'QĐ 876/QĐ-BNV',
        legalBasis: null,
        maxPoints: 10.1734,
        bonusMaxPoints: 0,
        penaltyMaxPoints: 0,
        areas: [
          {
            code: '1',
            title: 'Công tác chỉ đạo, điều hành',
            maxPoints: 2.55,
            criteria: [
              { code: '1.1', title: 'Kế hoạch CCHC', maxPoints: 2.25, method: 'SELF_ASSESSED', appraiserCode: 'SNV', children: [] },
              {
                code: '1.2',
                title: 'Báo cáo CCHC',
                maxPoints: 0.3,
                method: null,
                appraiserCode: null,
                children: [
                  { code: '1.2.1', title: 'Báo cáo quý', maxPoints: 0.1, method: 'SELF_ASSESSED', appraiserCode: 'SNV', children: [] },
                  { code: '1.2.2', title: 'Báo cáo năm', maxPoints: 0.2, method: 'SELF_ASSESSED', appraiserCode: 'STP', children: [] },
                ],
              },
            ],
          },
          {
            code: '2',
            title: 'Xây dựng và thi hành VBQPPL',
            maxPoints: 7.6234,
            criteria: [
              { code: '2.1', title: 'Rà soát văn bản', maxPoints: 3.1234, method: 'SELF_ASSESSED', appraiserCode: 'STP', children: [] },
              { code: '2.2', title: 'Mức độ hài lòng', maxPoints: 4.5, method: 'SURVEY', appraiserCode: null, children: [] },
            ],
          },
        ],
      },
    });
  });

  it('inherits the appraiser from a parent criterion', () => {
    const [event] = spec
      .given([])
      .when(
        publishEdited((input) => {
          input.areas[1].criteria.push({
            code: '2.3',
            title: 'Kiểm tra văn bản',
            appraiserCode: 'SNV',
            children: [
              { code: '2.3.1', title: 'a', maxPoints: 1 },
              { code: '2.3.2', title: 'b', maxPoints: 1, appraiserCode: 'STP' },
              { code: '2.3.3', title: 'c', maxPoints: 1, method: 'SURVEY' },
            ],
          });
        }),
      )
      .events();
    const leaves = leavesOf(event.data.areas);
    expect(leaves.filter((l) => l.code.startsWith('2.3')).map((l) => [l.code, l.method, l.appraiserCode])).toEqual([
      ['2.3.1', 'SELF_ASSESSED', 'SNV'],
      ['2.3.2', 'SELF_ASSESSED', 'STP'],
      ['2.3.3', 'SURVEY', null],
    ]);
    // The index deciders look criteria up in: built once per framework state, the same leaves, read-only.
    const index = leafIndex(event.data.areas);
    expect(leafIndex(event.data.areas)).toBe(index);
    expect([...index.values()]).toEqual(leaves);
    expect(Object.isFrozen(index.get('2.3.2'))).toBe(true);
    expect(leafIndex(structuredClone(event.data.areas))).not.toBe(index);
    const inner = event.data.areas[1].criteria[2];
    expect([inner.maxPoints, inner.method, inner.appraiserCode]).toEqual([3, null, null]);
    expect(event.data.maxPoints).toBe(13.1734);
  });

  it('accepts an inner maxPoints equal to the exact sum of its children (0.1 + 0.2 = 0.3)', () => {
    const [event] = spec
      .given([])
      .when(publishEdited((input) => void (input.areas[0].criteria[1].maxPoints = 0.3)))
      .events();
    expect(event.data.areas[0].criteria[1].maxPoints).toBe(0.3);
  });

  it('defaults sample to false and methodology to null; trims text', () => {
    const [event] = spec
      .given([])
      .when(
        publishEdited((input) => {
          input.title = '  Bộ chỉ số 2024 ';
          input.sample = null;
          input.methodology = '   ';
          input.areas[0].title = ' Lĩnh vực 1 ';
        }),
      )
      .events();
    expect(event.data.sample).toBe(false);
    expect(event.data.methodology).toBeNull();
    expect(event.data.title).toBe('Bộ chỉ số 2024');
    expect(event.data.areas[0].title).toBe('Lĩnh vực 1');
  });

  it('records the legal basis: number and date required, title and address optional, text trimmed', () => {
    const [full] = spec
      .given([])
      .when(
        publishEdited((input) => {
          input.methodology = 'QĐ 1149/QĐ-BNV: phương pháp đánh giá theo lĩnh vực, tiêu chí, tiêu chí thành phần';
          input.legalBasis = { number: ' 1149/QĐ-BNV ', date: new Date('2020-12-30T00:00:00Z'), title: ' Đề án ', url: 'https://example.gov.vn/qd-1149' };
        }),
      )
      .events();
    expect(full.data.legalBasis).toEqual({ number: '1149/QĐ-BNV', date: '2020-12-30', title: 'Đề án', url: 'https://example.gov.vn/qd-1149' });
    expect(full.data.methodology).toContain('phương pháp đánh giá');
    const [bare] = spec
      .given([])
      .when(publishEdited((input) => void (input.legalBasis = { number: '876/QĐ-BNV', date: '2022-11-10' })))
      .events();
    expect(bare.data.legalBasis).toEqual({ number: '876/QĐ-BNV', date: '2022-11-10', title: null, url: null });
  });

  it.each([
    ['legalBasis.number', { number: '  ', date: '2020-12-30' }],
    ['legalBasis.date', { number: '1149/QĐ-BNV', date: '2020-02-30' }],
    ['legalBasis.date', { number: '1149/QĐ-BNV', date: '30/12/2020' }],
    ['legalBasis.date', { number: '1149/QĐ-BNV', date: new Date('invalid') }],
    ['legalBasis.url', { number: '1149/QĐ-BNV', date: '2020-12-30', url: 'javascript:alert(1)' }],
    ['legalBasis.title', { number: '1149/QĐ-BNV', date: '2020-12-30', title: 'x'.repeat(501) }],
  ])('refuses a legal basis with a bad %s, naming it', (field, legalBasis) => {
    spec
      .given([])
      .when(publishEdited((input) => void (input.legalBasis = legalBasis)))
      .thenError('BAD_USER_INPUT', field);
  });

  it('caps bonus and penalty points exactly as given, from 0 up to the framework maximum', () => {
    const [capped] = spec
      .given([])
      .when(
        publishEdited((input) => {
          input.bonusMaxPoints = 2.5001;
          input.penaltyMaxPoints = 0;
        }),
      )
      .events();
    expect([capped.data.bonusMaxPoints, capped.data.penaltyMaxPoints]).toEqual([2.5001, 0]);
    const [atMax] = spec
      .given([])
      .when(
        publishEdited((input) => {
          input.bonusMaxPoints = 10.1734;
          input.penaltyMaxPoints = 10.1734;
        }),
      )
      .events();
    expect([atMax.data.bonusMaxPoints, atMax.data.penaltyMaxPoints]).toEqual([10.1734, 10.1734]);
    const [omitted] = spec
      .given([])
      .when(
        publishEdited((input) => {
          input.bonusMaxPoints = null;
          delete input.penaltyMaxPoints;
        }),
      )
      .events();
    expect([omitted.data.bonusMaxPoints, omitted.data.penaltyMaxPoints]).toEqual([0, 0]);
  });

  it('evolves to the published framework; lists appraisal assignments in framework order', () => {
    const published: FrameworkPublished = { type: 'FrameworkPublished', schemaVersion: 3, data: smallFramework };
    expect(spec.given([published]).state).toEqual({ published: true, framework: smallFramework });
    expect(appraisalAssignments(smallFramework.areas)).toEqual(
      new Map([
        ['SNV', ['1.1', '1.2.1']],
        ['STP', ['1.2.2', '2.1']],
      ]),
    );
  });

  it('refuses to republish a framework: CONFLICT on code', () => {
    const published: FrameworkPublished = { type: 'FrameworkPublished', schemaVersion: 3, data: smallFramework };
    spec.given([published]).when(publish()).thenError('CONFLICT', 'code');
  });
});

describe('frameworkDecider: errors name the offending field', () => {
  const rejects = (edit: (input: FrameworkInput) => void, field: string, code: 'BAD_USER_INPUT' = 'BAD_USER_INPUT') =>
    spec.given([]).when(publishEdited(edit)).thenError(code, field);

  it('a leaf without maxPoints', () => {
    rejects((input) => void (input.areas[0].criteria[1] = { code: '1.2', title: 'Báo cáo' }), 'areas[0].criteria[1].maxPoints');
    rejects((input) => void (input.areas[0].criteria[1] = { code: '1.2', title: 'Báo cáo', maxPoints: null, children: [] }), 'areas[0].criteria[1].maxPoints');
  });

  it.each([-1, 0, 0.12345, NaN, Infinity])('a leaf with maxPoints %p', (maxPoints) => {
    rejects((input) => void (input.areas[0].criteria[1].children![1].maxPoints = maxPoints), 'areas[0].criteria[1].children[1].maxPoints');
  });

  it('an inner maxPoints that is not the sum of its children', () => {
    const error = domainErrorOf(() =>
      frameworkDecider.decide(
        publishEdited((input) => void (input.areas[0].criteria[1].maxPoints = 0.4)),
        { published: false },
      ),
    );
    expect([error.code, error.field]).toEqual(['BAD_USER_INPUT', 'areas[0].criteria[1].maxPoints']);
    expect(error.message).toContain('0.3');
    rejects((input) => void (input.areas[0].criteria[1].maxPoints = 0.30001), 'areas[0].criteria[1].maxPoints');
  });

  it.each([-0.0001, 0.00001, NaN, Infinity, 10.1735])(
    'a bonus or penalty cap of %p (negative, a 5th decimal, not finite, over the framework maximum)',
    (cap) => {
      rejects((input) => void (input.bonusMaxPoints = cap), 'bonusMaxPoints');
      rejects((input) => void (input.penaltyMaxPoints = cap), 'penaltyMaxPoints');
    },
  );

  it('a criterion code used twice (the second use is named)', () => {
    rejects((input) => void (input.areas[1].criteria[0].code = '1.2.1'), 'areas[1].criteria[0].code');
    rejects((input) => void (input.areas[0].criteria[1].children![1].code = '1.1'), 'areas[0].criteria[1].children[1].code');
    rejects((input) => void (input.areas[1].code = '1'), 'areas[1].code');
  });

  it('an invalid criterion code', () => {
    rejects((input) => void (input.areas[0].criteria[0].code = '1..1'), 'areas[0].criteria[0].code');
    rejects((input) => void (input.areas[1].code = ''), 'areas[1].code');
  });

  it('a method on an inner criterion', () => {
    rejects((input) => void (input.areas[0].criteria[1].method = 'SELF_ASSESSED'), 'areas[0].criteria[1].method');
  });

  it('a self-assessed leaf with no appraiser on it, its parents or its area', () => {
    rejects((input) => void (input.areas[1].criteria[1].method = null), 'areas[1].criteria[1].appraiserCode');
    rejects((input) => void (input.areas[1].criteria[1].method = 'SELF_ASSESSED'), 'areas[1].criteria[1].appraiserCode');
  });

  it('an unregistered appraiser, named where the code was written: on the area', () => {
    const error = rejects((input) => void (input.areas[0].appraiserCode = 'SKHDT'), 'areas[0].appraiserCode');
    expect(error.message).toContain('SKHDT');
  });

  it('an unregistered appraiser, named where the code was written: on a leaf', () => {
    rejects((input) => void (input.areas[0].criteria[1].children![1].appraiserCode = 'SKHDT'), 'areas[0].criteria[1].children[1].appraiserCode');
    rejects((input) => void (input.areas[1].criteria[0].appraiserCode = 'SKHDT'), 'areas[1].criteria[0].appraiserCode');
  });

  it('an unregistered appraiser, named where the code was written: on an inner criterion', () => {
    rejects((input) => void (input.areas[0].criteria[1].appraiserCode = 'SKHDT'), 'areas[0].criteria[1].appraiserCode');
  });

  it('an unregistered appraiser that every leaf below overrides is still refused where it was written', () => {
    rejects((input) => {
      input.areas[1].appraiserCode = 'SKHDT';
      input.areas[1].criteria.forEach((c) => void (c.method === 'SURVEY' || (c.appraiserCode = 'STP')));
    }, 'areas[1].appraiserCode');
  });

  it('a survey leaf with an appraiser', () => {
    rejects((input) => void (input.areas[1].criteria[1].appraiserCode = 'SNV'), 'areas[1].criteria[1].appraiserCode');
  });

  it('no areas; an area without criteria', () => {
    rejects((input) => void (input.areas = []), 'areas');
    rejects((input) => void (input.areas[1].criteria = []), 'areas[1].criteria');
  });

  it('an invalid framework code, an empty title, an empty criterion title', () => {
    rejects((input) => void (input.code = 'dept 2024'), 'code');
    rejects((input) => void (input.title = '  '), 'title');
    rejects((input) => void (input.areas[0].criteria[1].children![0].title = ''), 'areas[0].criteria[1].children[0].title');
    rejects((input) => void (input.areas[1].title = ''), 'areas[1].title');
  });

  it('normaliseFramework asks the registry about appraisers only', () => {
    const asked: string[] = [];
    normaliseFramework(smallFrameworkInput(), (code) => {
      asked.push(code);
      return true;
    });
    expect(new Set(asked)).toEqual(new Set(['SNV', 'STP']));
  });
});
