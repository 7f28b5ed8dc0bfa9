import { authorize } from '../auth/authorization';
import type { ProposalCommand } from '../domain/proposal/proposalCommands';
import { proposalDecider } from '../domain/proposal/proposalDecider';
import { isCode, requireCode } from '../domain/validation';
import { streams } from '../events/parEvents';
import { CommandBase, type CommandRequest } from './commandBase';
import type { CommandEnvelope, CommandOutcome } from './commandHandler';

type Input<C> = C extends unknown ? Omit<C, 'type' | 'registered' | 'now'> : never;
type Of<T extends ProposalCommand['type']> = Input<Extract<ProposalCommand, { type: T }>>;
type SubmitReformProposalInput = Of<'SubmitReformProposal'>;
type RequestProposalOpinionsInput = Of<'RequestProposalOpinions'>;
type GiveProposalOpinionInput = Of<'GiveProposalOpinion'>;
type AppraiseProposalInput = Of<'AppraiseProposal'>;
type DecideProposalInput = Of<'DecideProposal'>;

/** Reform proposals (Art. 6): one stream per proposal, `proposal-<code>`. */
export class ProposalCommands extends CommandBase {
  submitReformProposal(request: CommandRequest, input: SubmitReformProposalInput) {
    const actor = authorize(request.actor, 'SubmitReformProposal', { agencyCode: input.submittingAgencyCode });
    return this.run({ ...request, actor }, { type: 'SubmitReformProposal', ...input }, [input.submittingAgencyCode]);
  }

  requestProposalOpinions(request: CommandRequest, input: RequestProposalOpinionsInput) {
    const actor = authorize(request.actor, 'RequestProposalOpinions');
    return this.run({ ...request, actor }, { type: 'RequestProposalOpinions', ...input }, input.agencyCodes);
  }

  giveProposalOpinion(request: CommandRequest, input: GiveProposalOpinionInput) {
    const actor = authorize(request.actor, 'GiveProposalOpinion', { agencyCode: input.agencyCode });
    return this.run({ ...request, actor }, { type: 'GiveProposalOpinion', ...input }, []);
  }

  appraiseProposal(request: CommandRequest, input: AppraiseProposalInput) {
    const actor = authorize(request.actor, 'AppraiseProposal');
    return this.run({ ...request, actor }, { type: 'AppraiseProposal', ...input }, []);
  }

  decideProposal(request: CommandRequest, input: DecideProposalInput) {
    const actor = authorize(request.actor, 'DecideProposal');
    return this.run({ ...request, actor }, { type: 'DecideProposal', ...input }, []);
  }

  /** Loads whether each agency the command names is registered (invalid codes are the decider's to refuse). */
  private async run(
    envelope: CommandEnvelope,
    command: Input<ProposalCommand> & { type: ProposalCommand['type'] },
    agencyCodes: readonly string[],
  ): Promise<CommandOutcome> {
    // The code names the stream: an invalid one is refused before it is used as one.
    const code = requireCode('code', command.code);
    return this.handler.handle({
      commandName: command.type,
      input: command,
      streamId: streams.proposal(code),
      decider: proposalDecider,
      envelope,
      prepare: async (_state, now) => {
        const registered: Record<string, boolean> = {};
        await Promise.all(agencyCodes.filter(isCode).map(async (code) => (registered[code] = await this.agencyExists(code))));
        return { ...command, registered, now } as ProposalCommand;
      },
    });
  }
}
