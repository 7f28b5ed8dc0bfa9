import { authorize } from '../auth/authorization';
import type { ProposeRanked, SubmitRemedialPlan } from '../domain/commendation/commendationCommands';
import { commendationDecider } from '../domain/commendation/commendationDecider';
import { publishedRankingsFold } from '../domain/commendation/publishedRankings';
import { isCode, requireYear } from '../domain/validation';
import { streams } from '../events/parEvents';
import { CommandBase, type CommandRequest } from './commandBase';
import type { CommandEnvelope, CommandOutcome } from './commandHandler';

type Input<C> = C extends unknown ? Omit<C, 'type' | 'now' | 'rankings' | 'agencyGroup'> : never;
type ProposeRankedInput = Input<ProposeRanked>;
type SubmitRemedialPlanInput = Input<SubmitRemedialPlan>;

/** Commendation and accountability after a published ranking (Art. 16(6)): one stream per year, `commendation-<year>`. */
export class CommendationCommands extends CommandBase {
  proposeCommendation(request: CommandRequest, input: ProposeRankedInput) {
    return this.propose({ ...request, actor: authorize(request.actor, 'ProposeCommendation') }, 'ProposeCommendation', input);
  }

  proposeAccountability(request: CommandRequest, input: ProposeRankedInput) {
    return this.propose({ ...request, actor: authorize(request.actor, 'ProposeAccountability') }, 'ProposeAccountability', input);
  }

  async submitRemedialPlan(request: CommandRequest, input: SubmitRemedialPlanInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'SubmitRemedialPlan', { agencyCode: input.agencyCode }) };
    const year = requireYear('year', input.year);
    return this.handler.handle({
      commandName: 'SubmitRemedialPlan',
      input,
      streamId: streams.commendation(year),
      decider: commendationDecider,
      envelope,
      prepare: (_state, now) => ({ type: 'SubmitRemedialPlan' as const, ...input, now }),
    });
  }

  /** Loads the year's published rankings (the cycle stream) and the agency's current group. */
  private async propose(envelope: CommandEnvelope, type: 'ProposeCommendation' | 'ProposeAccountability', input: ProposeRankedInput): Promise<CommandOutcome> {
    const year = requireYear('year', input.year);
    return this.handler.handle({
      commandName: type,
      input,
      streamId: streams.commendation(year),
      decider: commendationDecider,
      envelope,
      prepare: async (_state, now) => {
        const [{ state: rankings }, unit] = await Promise.all([
          this.handler.load(streams.cycle(year), publishedRankingsFold),
          isCode(input.agencyCode) ? this.currentUnit(input.agencyCode) : Promise.resolve(null),
        ]);
        return { type, ...input, now, rankings, agencyGroup: unit?.group ?? null };
      },
    });
  }
}
