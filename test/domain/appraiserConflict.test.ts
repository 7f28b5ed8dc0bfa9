import { assessmentDecider, type AppraiseCriterion } from '../../src/domain/assessment/assessmentDecider';
import type { RequestExplanation } from '../../src/domain/assessment/explanations';
import { appraised, contextFor, daysFromNow, openedCycle, PARTICIPANTS, selfSubmitted } from './fixtures';
import { specFor } from './givenWhenThen';

const spec = specFor(assessmentDecider);

/** SNV appraises area 1 for the whole group and is itself a participant of the year. */
const withSnv = openedCycle({ participants: [...PARTICIPANTS, { code: 'SNV', name: 'Sở Nội vụ', group: 'DEPARTMENT' }] });
const snv = contextFor('SNV', { cycle: withSnv });
const snvSubmitted = selfSubmitted('SNV', [
  { criterionCode: '1.1', points: 2 },
  { criterionCode: '2.1', points: 3, appraiserCode: 'STP' },
]);

const appraise = (overrides: Partial<AppraiseCriterion> = {}): AppraiseCriterion => ({
  type: 'AppraiseCriterion',
  context: snv,
  criterionCode: '1.1',
  round: 1,
  points: 2,
  appraiserAgency: 'SNV',
  ...overrides,
});

describe('conflicts of interest: an agency never appraises its own self-assessment', () => {
  it('the appraising agency appraising its own leaf: FORBIDDEN, saying why', () => {
    const error = spec.given([snvSubmitted]).when(appraise()).thenError('FORBIDDEN');
    expect(error.message).toMatch(/SNV may not appraise its own self-assessment \(criterion 1\.1\).*assignAppraiser/);
  });

  it('the same appraiser still appraises that leaf for the other agencies, and others appraise the agency’s other leaves', () => {
    const other = spec
      .given([selfSubmitted('SYT', [{ criterionCode: '1.1', points: 2 }])])
      .when(appraise({ context: contextFor('SYT', { cycle: withSnv }) }))
      .events();
    expect(other).toMatchObject([{ type: 'CriterionAppraised', data: { agencyCode: 'SYT', appraiserCode: 'SNV' } }]);
    const stp = spec
      .given([snvSubmitted])
      .when(appraise({ criterionCode: '2.1', points: 3, appraiserAgency: 'STP' }))
      .events();
    expect(stp).toMatchObject([{ type: 'CriterionAppraised', data: { agencyCode: 'SNV', appraiserCode: 'STP' } }]);
  });

  it('nor does it ask itself for an explanation: FORBIDDEN', () => {
    const ask: RequestExplanation = {
      type: 'RequestExplanation',
      context: snv,
      criterionCode: '1.1',
      question: 'Vì sao?',
      dueAt: daysFromNow(5),
      appraiserAgency: 'SNV',
    };
    spec
      .given([snvSubmitted, appraised('SNV', '1.1', 1, 2, 'STP')])
      .when(ask)
      .thenError('FORBIDDEN');
  });
});
