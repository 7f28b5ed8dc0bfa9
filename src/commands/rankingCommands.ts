import { agencyDecider } from '../domain/agency/agencyDecider';
import { cycleDecider } from '../domain/cycle/cycleDecider';
import { importedRankingDecider } from '../domain/ranking/importedRanking';
import { isCode, requireCode, requireYear } from '../domain/validation';
import { streams, type AgencyGroup } from '../events/parEvents';
import { authorize } from '../auth/authorization';
import type { CommandOutcome } from './commandHandler';
import type { ImportPublishedRankingInput, ProposeRankingInput, PublishRankingInput } from './commandInputs';
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

  /**
   * A ranking published outside PAR Ledger, on its own stream (ranking-import-…). Loads what the decider weighs
   * against: the year's own cycle (a ranking PAR Ledger published stands) and the listed codes that are registered.
   */
  importPublishedRanking(request: CommandRequest, input: ImportPublishedRankingInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'ImportPublishedRanking') };
    const year = requireYear('year', input.year);
    const jurisdiction = input.jurisdiction ? requireCode('jurisdiction', input.jurisdiction) : null;
    return this.handler.handle({
      commandName: 'ImportPublishedRanking',
      input,
      streamId: streams.importedRanking(year, input.group, jurisdiction),
      decider: importedRankingDecider,
      envelope,
      prepare: async () => {
        const { state: cycle } = await this.handler.load(streams.cycle(year), cycleDecider);
        // Invalid codes are the decider's to refuse by name; they name no stream to load.
        const codes = [...new Set(input.entries.map((e) => e.agencyCode))].filter(isCode);
        const agencies = await Promise.all(codes.map((code) => this.handler.load(streams.agency(code), agencyDecider)));
        const registeredGroups: Record<string, AgencyGroup> = {};
        for (const { state } of agencies) if (state.registered) registeredGroups[state.code] = state.group;
        return {
          type: 'ImportPublishedRanking' as const,
          ...input,
          year,
          jurisdiction,
          publishedHere: cycle.opened && cycle.published[input.group] !== undefined,
          registeredGroups,
        };
      },
    });
  }
}
