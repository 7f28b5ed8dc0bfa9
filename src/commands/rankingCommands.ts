import { requireYear } from '../domain/validation';
import { authorize } from '../auth/authorization';
import type { CommandOutcome } from './commandHandler';
import type { ProposeRankingInput, PublishRankingInput } from './commandInputs';
import { CommandBase, type CommandRequest } from './commandBase';

/** A group's ranking, recorded on the cycle's stream and computed from every participant's assessment. */
export class RankingCommands extends CommandBase {
  proposeRanking(request: CommandRequest, input: ProposeRankingInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'ProposeRanking') };
    const year = requireYear('year', input.year);
    return this.cycleCommand(envelope, 'ProposeRanking', input, year, async (state) => ({
      type: 'ProposeRanking' as const,
      year,
      group: input.group,
      assessments: await this.groupAssessments(state, year, input.group),
    }));
  }

  publishRanking(request: CommandRequest, input: PublishRankingInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'PublishRanking') };
    const year = requireYear('year', input.year);
    return this.cycleCommand(envelope, 'PublishRanking', input, year, async (state) => {
      const assessments = await this.groupAssessments(state, year, input.group);
      const { group, reason, decisionNumber, decisionDate } = input;
      return { type: 'PublishRanking' as const, year, group, reason, decisionNumber, decisionDate, assessments };
    });
  }
}
