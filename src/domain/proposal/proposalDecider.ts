import { event, type ProposalEvent } from '../../events/parEvents';
import { requireCalendarDate } from '../calendarDate';
import { requireFutureDeadline } from '../deadline';
import type { Decider } from '../decider';
import { PROPOSAL_DECISIONS, PROPOSAL_OPINIONS, PROPOSAL_RECOMMENDATIONS } from '../enums';
import { DomainError, badInput } from '../errors';
import { requireCode, requireText } from '../validation';
import { evolveProposal, initialProposal, type ProposalState, type SubmittedProposal } from './proposal';
import type { ProposalCommand, RequestProposalOpinions, SubmitReformProposal } from './proposalCommands';

const MAX_ATTACHMENTS = 50;

function requireRegistered(registered: Readonly<Record<string, boolean>>, field: string, raw: string): string {
  const code = requireCode(field, raw);
  if (!registered[code]) throw new DomainError('NOT_FOUND', `${field}: agency ${code} is not registered`, field);
  return code;
}

function requireSubmitted(state: ProposalState, code: string): SubmittedProposal {
  if (!state.submitted) throw new DomainError('NOT_FOUND', `code: there is no reform proposal ${code}`, 'code');
  return state;
}

/** Opinions and the appraisal are given on the proposal as submitted: once SNV appraised it, they are closed. */
function requireNotAppraised(state: SubmittedProposal, action: string): void {
  if (state.appraisal) throw new DomainError('INVALID_STATE', `proposal ${state.code} is already appraised: ${action} no longer`);
}

function oneOf<V extends string>(field: string, values: readonly V[], value: string): V {
  if (!values.includes(value as V)) throw badInput(field, `must be one of ${values.join(', ')}`);
  return value as V;
}

function decideSubmit(command: SubmitReformProposal, state: ProposalState): ProposalEvent[] {
  const code = requireCode('code', command.code);
  if (state.submitted) throw new DomainError('CONFLICT', `code: reform proposal ${code} is already submitted`, 'code');
  const agencyCode = requireRegistered(command.registered, 'submittingAgencyCode', command.submittingAgencyCode);
  const attachments = command.attachments ?? [];
  if (attachments.length > MAX_ATTACHMENTS) throw badInput('attachments', `at most ${MAX_ATTACHMENTS}`);
  return [
    event('ReformProposalSubmitted', {
      code,
      title: requireText('title', command.title, 500),
      agencyCode,
      summary: requireText('summary', command.summary, 20_000),
      attachments: attachments.map((a, i) => requireText(`attachments[${i}]`, a, 2000)),
    }),
  ];
}

function decideRequest(command: RequestProposalOpinions, state: ProposalState): ProposalEvent[] {
  const proposal = requireSubmitted(state, command.code);
  requireNotAppraised(proposal, 'opinions are asked');
  if (command.agencyCodes.length === 0) throw badInput('agencyCodes', 'name at least one agency');
  const seen = new Set<string>();
  const agencyCodes = command.agencyCodes.map((raw, i) => {
    const field = `agencyCodes[${i}]`;
    const code = requireRegistered(command.registered, field, raw);
    if (seen.has(code)) throw badInput(field, `${code} is listed twice`);
    if (code === proposal.agencyCode) throw badInput(field, `${code} submitted the proposal: it gives no opinion on its own`);
    if (proposal.given.includes(code)) throw badInput(field, `${code} already gave its opinion`);
    seen.add(code);
    return code;
  });
  const dueAt = requireFutureDeadline('dueAt', command.dueAt, command.now);
  return [event('ProposalOpinionsRequested', { code: proposal.code, agencyCodes, dueAt })];
}

export const proposalDecider: Decider<ProposalCommand, ProposalEvent, ProposalState> = {
  initialState: initialProposal,
  evolve: (state, e) => evolveProposal(state, e),
  decide(command, state) {
    switch (command.type) {
      case 'SubmitReformProposal':
        return decideSubmit(command, state);
      case 'RequestProposalOpinions':
        return decideRequest(command, state);
      case 'GiveProposalOpinion': {
        const proposal = requireSubmitted(state, command.code);
        const agencyCode = requireCode('agencyCode', command.agencyCode);
        requireNotAppraised(proposal, 'opinions are given');
        if (!(agencyCode in proposal.asked)) {
          throw new DomainError('INVALID_STATE', `agencyCode: ${agencyCode} was not asked for an opinion on ${proposal.code}`, 'agencyCode');
        }
        if (proposal.given.includes(agencyCode)) {
          throw new DomainError('INVALID_STATE', `agencyCode: ${agencyCode} already gave its opinion on ${proposal.code}`, 'agencyCode');
        }
        // Late opinions are accepted (the duty shows them late) as long as SNV has not appraised yet.
        const opinion = oneOf('opinion', PROPOSAL_OPINIONS, command.opinion);
        return [event('ProposalOpinionGiven', { code: proposal.code, agencyCode, opinion, text: requireText('text', command.text, 20_000) })];
      }
      case 'AppraiseProposal': {
        const proposal = requireSubmitted(state, command.code);
        requireNotAppraised(proposal, 'it is appraised');
        const recommendation = oneOf('recommendation', PROPOSAL_RECOMMENDATIONS, command.recommendation);
        const text = requireText('text', command.text, 20_000);
        return [event('ProposalAppraised', { code: proposal.code, agencyCode: proposal.agencyCode, recommendation, text })];
      }
      case 'DecideProposal': {
        const proposal = requireSubmitted(state, command.code);
        if (!proposal.appraisal) throw new DomainError('INVALID_STATE', `proposal ${proposal.code} is not appraised yet: SNV appraises it first`);
        if (proposal.decision) throw new DomainError('INVALID_STATE', `proposal ${proposal.code} is already decided (${proposal.decision.decision})`);
        return [
          event('ProposalDecided', {
            code: proposal.code,
            agencyCode: proposal.agencyCode,
            decision: oneOf('decision', PROPOSAL_DECISIONS, command.decision),
            decisionNumber: requireText('decisionNumber', command.decisionNumber, 100),
            decisionDate: requireCalendarDate('decisionDate', command.decisionDate),
          }),
        ];
      }
    }
  },
};
