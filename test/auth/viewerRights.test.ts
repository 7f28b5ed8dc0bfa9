import { commandsAllowed } from '../../src/auth/authorization';
import { widestRule } from '../../src/auth/readScopes';

describe('what the viewer query tells a front end', () => {
  it('an agency officer may draft and send its self-assessment, and may not appraise', () => {
    const commands = commandsAllowed(['AGENCY_OFFICER']);
    expect(commands).toEqual(expect.arrayContaining(['SaveSelfAssessmentDraft', 'SubmitSelfAssessment', 'SubmitExplanation']));
    expect(commands).not.toContain('AppraiseCriteria');
  });

  it('a token with several roles gets the commands of each', () => {
    const commands = commandsAllowed(['APPRAISER', 'AGENCY_OFFICER']);
    expect(commands).toEqual(expect.arrayContaining(['AppraiseCriteria', 'SubmitSelfAssessment']));
  });

  it('the widest read rule of several roles wins, and an unknown role reads nothing', () => {
    expect(widestRule(['AGENCY_OFFICER'], 'assessments')).toBe('OWN_AGENCY');
    expect(widestRule(['AGENCY_OFFICER', 'COORDINATOR'], 'assessments')).toBe('ALL');
    expect(widestRule(['NOBODY'], 'assessments')).toBe('NONE');
  });
});
