import { authorize } from '../../src/auth/authorization';
import { domainErrorOf } from '../domain/givenWhenThen';

const officer = (agency: string) => ({ sub: `officer.${agency}`, name: agency, agency, roles: ['AGENCY_OFFICER'] });
const coordinator = { sub: 'snv', name: 'SNV', agency: 'SNV', roles: ['COORDINATOR'] };
const leader = { sub: 'leader', name: 'UBND', agency: null, roles: ['PROVINCIAL_LEADER'] };

describe('who acts on reform proposals and remedial plans', () => {
  it.each(['SubmitReformProposal', 'GiveProposalOpinion', 'SubmitRemedialPlan'] as const)('%s: an agency officer acts for its own agency only', (command) => {
    expect(authorize(officer('SXD'), command, { agencyCode: 'SXD' }).agency).toBe('SXD');
    expect(domainErrorOf(() => authorize(officer('STP'), command, { agencyCode: 'SXD' })).code).toBe('FORBIDDEN');
    expect(domainErrorOf(() => authorize(coordinator, command, { agencyCode: 'SNV' })).code).toBe('FORBIDDEN');
  });
  it('SNV asks, appraises and proposes; the People’s Committee decides', () => {
    for (const command of ['RequestProposalOpinions', 'AppraiseProposal', 'ProposeCommendation', 'ProposeAccountability'] as const) {
      expect(authorize(coordinator, command).sub).toBe('snv');
      expect(domainErrorOf(() => authorize(leader, command)).code).toBe('FORBIDDEN');
    }
    expect(authorize(leader, 'DecideProposal').sub).toBe('leader');
    expect(domainErrorOf(() => authorize(coordinator, 'DecideProposal')).code).toBe('FORBIDDEN');
  });
});
