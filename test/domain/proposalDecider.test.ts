import { proposalDecider } from '../../src/domain/proposal/proposalDecider';
import type { ProposalCommand } from '../../src/domain/proposal/proposalCommands';
import { event } from '../../src/events/parEvents';
import { specFor } from './givenWhenThen';

const spec = specFor(proposalDecider);
const NOW = new Date('2026-03-01T02:00:00Z');
const DUE = '2026-03-15T10:00:00.000Z';
const registered = { SXD: true, STP: true, STC: true, SKHCN: true };

const submit = (c: Partial<Extract<ProposalCommand, { type: 'SubmitReformProposal' }>> = {}): ProposalCommand => ({
  type: 'SubmitReformProposal',
  code: 'DA-2026-01',
  title: 'Đề án số hoá hồ sơ cấp phép xây dựng',
  submittingAgencyCode: 'SXD',
  summary: 'Số hoá toàn bộ hồ sơ cấp phép xây dựng trong năm 2026.',
  attachments: ['https://example.vn/da-2026-01.pdf'],
  registered,
  ...c,
});
const request = (c: Partial<Extract<ProposalCommand, { type: 'RequestProposalOpinions' }>> = {}): ProposalCommand => ({
  type: 'RequestProposalOpinions',
  code: 'DA-2026-01',
  agencyCodes: ['STP', 'STC'],
  dueAt: DUE,
  now: NOW,
  registered,
  ...c,
});
type Cmd<T extends ProposalCommand['type']> = Extract<ProposalCommand, { type: T }>;
const give = (agencyCode = 'STP'): Cmd<'GiveProposalOpinion'> => ({
  type: 'GiveProposalOpinion',
  code: 'DA-2026-01',
  agencyCode,
  opinion: 'AGREE',
  text: 'Nhất trí.',
});
const appraise = (): Cmd<'AppraiseProposal'> => ({
  type: 'AppraiseProposal',
  code: 'DA-2026-01',
  recommendation: 'APPROVE',
  text: 'Đủ điều kiện trình phê duyệt.',
});
const decide = (): Cmd<'DecideProposal'> => ({
  type: 'DecideProposal',
  code: 'DA-2026-01',
  decision: 'APPROVED',
  decisionNumber: '123/QĐ-UBND',
  decisionDate: '2026-04-01',
});

const submitted = event('ReformProposalSubmitted', {
  code: 'DA-2026-01',
  title: 'Đề án số hoá hồ sơ cấp phép xây dựng',
  agencyCode: 'SXD',
  summary: 'Số hoá toàn bộ hồ sơ cấp phép xây dựng trong năm 2026.',
  attachments: ['https://example.vn/da-2026-01.pdf'],
});
const requested = event('ProposalOpinionsRequested', { code: 'DA-2026-01', agencyCodes: ['STP', 'STC'], dueAt: DUE });
const given = event('ProposalOpinionGiven', { code: 'DA-2026-01', agencyCode: 'STP', opinion: 'AGREE', text: 'Nhất trí.' });
const appraised = event('ProposalAppraised', { code: 'DA-2026-01', agencyCode: 'SXD', recommendation: 'APPROVE', text: 'Đủ điều kiện trình phê duyệt.' });

describe('proposalDecider: submitReformProposal', () => {
  it('records the proposal of the submitting agency', () => {
    spec.given([]).when(submit()).then([submitted]);
  });
  it('refuses a code already used, an unregistered agency, an empty title and a bad code', () => {
    spec.given([submitted]).when(submit()).thenError('CONFLICT', 'code');
    spec
      .given([])
      .when(submit({ submittingAgencyCode: 'KHONGCO' }))
      .thenError('NOT_FOUND', 'submittingAgencyCode');
    spec
      .given([])
      .when(submit({ title: '  ' }))
      .thenError('BAD_USER_INPUT', 'title');
    spec
      .given([])
      .when(submit({ code: 'không hợp lệ' }))
      .thenError('BAD_USER_INPUT', 'code');
  });
});

describe('proposalDecider: requestProposalOpinions', () => {
  it('asks the named agencies by a deadline', () => {
    spec.given([submitted]).when(request()).then([requested]);
  });
  it('refuses an unknown proposal, a deadline in the past, the submitting agency, an unknown agency, a duplicate', () => {
    spec.given([]).when(request()).thenError('NOT_FOUND', 'code');
    spec
      .given([submitted])
      .when(request({ dueAt: '2026-02-28T00:00:00Z' }))
      .thenError('BAD_USER_INPUT', 'dueAt');
    spec
      .given([submitted])
      .when(request({ agencyCodes: ['SXD'] }))
      .thenError('BAD_USER_INPUT', 'agencyCodes[0]');
    spec
      .given([submitted])
      .when(request({ agencyCodes: ['STP', 'KHONGCO'] }))
      .thenError('NOT_FOUND', 'agencyCodes[1]');
    spec
      .given([submitted])
      .when(request({ agencyCodes: ['STP', 'STP'] }))
      .thenError('BAD_USER_INPUT', 'agencyCodes[1]');
    spec
      .given([submitted])
      .when(request({ agencyCodes: [] }))
      .thenError('BAD_USER_INPUT', 'agencyCodes');
  });
  it('refuses asking once the proposal is appraised', () => {
    spec.given([submitted, appraised]).when(request()).thenError('INVALID_STATE');
  });
});

describe('proposalDecider: giveProposalOpinion', () => {
  it('records the opinion of an asked agency', () => {
    spec.given([submitted, requested]).when(give()).then([given]);
  });
  it('refuses an agency not asked, a second opinion, and an opinion after the appraisal', () => {
    spec.given([submitted, requested]).when(give('SKHCN')).thenError('INVALID_STATE', 'agencyCode');
    spec.given([submitted, requested, given]).when(give()).thenError('INVALID_STATE', 'agencyCode');
    spec.given([submitted, requested, appraised]).when(give('STC')).thenError('INVALID_STATE');
  });
  it('refuses an empty text and an unknown opinion', () => {
    spec
      .given([submitted, requested])
      .when({ ...give(), text: '' })
      .thenError('BAD_USER_INPUT', 'text');
    spec
      .given([submitted, requested])
      .when({ ...give(), opinion: 'MAYBE' as never })
      .thenError('BAD_USER_INPUT', 'opinion');
  });
});

describe('proposalDecider: appraiseProposal', () => {
  it('appraises with opinions missing (their duties are then cancelled)', () => {
    spec.given([submitted, requested, given]).when(appraise()).then([appraised]);
  });
  it('refuses appraising twice, an unknown proposal and an unknown recommendation', () => {
    spec.given([submitted, appraised]).when(appraise()).thenError('INVALID_STATE');
    spec.given([]).when(appraise()).thenError('NOT_FOUND', 'code');
    spec
      .given([submitted])
      .when({ ...appraise(), recommendation: 'MAYBE' as never })
      .thenError('BAD_USER_INPUT', 'recommendation');
  });
});

describe('proposalDecider: decideProposal', () => {
  it('records the decision on an appraised proposal', () => {
    spec
      .given([submitted, appraised])
      .when(decide())
      .then([
        event('ProposalDecided', { code: 'DA-2026-01', agencyCode: 'SXD', decision: 'APPROVED', decisionNumber: '123/QĐ-UBND', decisionDate: '2026-04-01' }),
      ]);
  });
  it('refuses deciding before the appraisal, twice, or with a bad date', () => {
    spec.given([submitted, requested]).when(decide()).thenError('INVALID_STATE');
    const decided = spec.given([submitted, appraised]).when(decide()).events();
    spec
      .given([submitted, appraised, ...decided])
      .when(decide())
      .thenError('INVALID_STATE');
    spec
      .given([submitted, appraised])
      .when({ ...decide(), decisionDate: '2026-02-30' })
      .thenError('BAD_USER_INPUT', 'decisionDate');
  });
});
