import { assessmentDecider } from '../../src/domain/assessment/assessmentDecider';
import type { AppraiseCriteria, AppraisalItem } from '../../src/domain/assessment/bulkAppraisal';
import { appraised, contextFor, daysFromNow, selfSubmitted } from './fixtures';
import { specFor } from './givenWhenThen';

const spec = specFor(assessmentDecider);

const submitted = selfSubmitted('SYT', [
  { criterionCode: '1.1', points: 2 },
  { criterionCode: '1.2.1', points: 0.1 },
  { criterionCode: '1.2.2', points: 0.2, appraiserCode: 'STP' },
  { criterionCode: '2.1', points: null, applicable: false, appraiserCode: 'STP' },
]);
const bulk = (items: AppraisalItem[], overrides: Partial<AppraiseCriteria> = {}): AppraiseCriteria => ({
  type: 'AppraiseCriteria',
  context: contextFor(),
  round: 1,
  appraiserAgency: 'STP',
  items,
  ...overrides,
});

describe('appraiseCriteria: many leaves in one command, all or nothing', () => {
  it('gives, in one decision, the events the single appraisals would give one after the other', () => {
    const events = spec
      .given([submitted, appraised('SYT', '1.2.2', 1, 0.1, 'STP')])
      .when(
        bulk([
          { criterionCode: '2.1', applicable: false },
          { criterionCode: '1.2.2', points: 0.15, comment: 'bổ sung' },
        ]),
      )
      .events();
    expect(events).toMatchObject([
      { type: 'CriterionAppraised', data: { criterionCode: '2.1', round: 1, applicable: false, points: null, appraiserCode: 'STP' } },
      { type: 'AppraisalCorrected', data: { criterionCode: '1.2.2', points: 0.15, previousPoints: 0.1, comment: 'bổ sung' } },
    ]);
  });

  it('one refused item refuses the whole command, naming the item’s field', () => {
    const given = spec.given([submitted]);
    const error = given
      .when(
        bulk([
          { criterionCode: '1.2.2', points: 0.2 },
          { criterionCode: '2.1', points: 9 },
        ]),
      )
      .thenError('BAD_USER_INPUT', 'items[1].points');
    expect(error.message).toMatch(/^items\[1\]\.points: 9 is outside/);
    given
      .when(
        bulk([
          { criterionCode: '1.2.2', points: 0.2 },
          { criterionCode: '9.9', points: 1 },
        ]),
      )
      .thenError('BAD_USER_INPUT', 'items[1].criterionCode');
    given
      .when(
        bulk([
          { criterionCode: '1.2.2', points: 0.2 },
          { criterionCode: '1.2.2', points: 0.1 },
        ]),
      )
      .thenError('BAD_USER_INPUT', 'items[1].criterionCode');
    given.when(bulk([{ criterionCode: '1.2.2', points: 0.2, applicable: false }])).thenError('BAD_USER_INPUT', 'items[0].points');
  });

  it('a leaf of another appraiser: FORBIDDEN, saying which item', () => {
    const error = spec
      .given([submitted])
      .when(
        bulk([
          { criterionCode: '1.2.2', points: 0.2 },
          { criterionCode: '1.1', points: 1 },
        ]),
      )
      .thenError('FORBIDDEN');
    expect(error.message).toMatch(/^items\[1\]: criterion 1\.1 of SYT is appraised by SNV/);
  });

  it('the rules of the round and the phase hold for every item', () => {
    spec
      .given([])
      .when(bulk([{ criterionCode: '1.2.2', points: 0.2 }]))
      .thenError('INVALID_STATE');
    spec
      .given([submitted])
      .when(bulk([{ criterionCode: '1.2.2', points: 0.2 }], { round: 2 }))
      .thenError('INVALID_STATE');
    spec
      .given([submitted])
      .when(bulk([{ criterionCode: '1.2.2', points: 0.2 }], { round: 3 }))
      .thenError('BAD_USER_INPUT', 'round');
    spec
      .given([submitted])
      .when(bulk([{ criterionCode: '1.2.2', points: 0.2 }], { context: contextFor('SYT', { now: daysFromNow(41) }) }))
      .thenError('DEADLINE_PASSED', 'year');
  });

  it('no item, or more than 500: BAD_USER_INPUT on items', () => {
    spec.given([submitted]).when(bulk([])).thenError('BAD_USER_INPUT', 'items');
    const many = Array.from({ length: 501 }, (_, i) => ({ criterionCode: `1.${i}`, points: 0 }));
    spec.given([submitted]).when(bulk(many)).thenError('BAD_USER_INPUT', 'items');
  });
});
