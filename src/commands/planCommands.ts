import { authorize } from '../auth/authorization';
import { agencyCodesOf, type KnownAgency, type PlanCommand, type Unloaded } from '../domain/plan/planCommands';
import { planDecider } from '../domain/plan/planDecider';
import { isCode, requireCode } from '../domain/validation';
import { streams } from '../events/parEvents';
import { CommandBase, type CommandRequest } from './commandBase';
import type { CommandOutcome } from './commandHandler';
import type {
  AdoptPlanInput,
  AmendPlanInput,
  DraftPlanInput,
  NotifyHigherLevelChangeInput,
  RequestPlanCommentsInput,
  SubmitPlanCommentInput,
} from './commandInputs';

/**
 * PAR plans and programmes (Art. 3), one stream per plan: each command is decided on the plan's history, with the
 * agencies it names as they stand after every reorganisation and the time of deciding (deadlines must lie ahead).
 */
export class PlanCommands extends CommandBase {
  draftPlan(request: CommandRequest, input: DraftPlanInput) {
    return this.decide(request, { type: 'DraftPlan', ...input }, 'code', input.code);
  }

  requestPlanComments(request: CommandRequest, input: RequestPlanCommentsInput) {
    return this.decide(request, { type: 'RequestPlanComments', ...input }, 'planCode', input.planCode);
  }

  submitPlanComment(request: CommandRequest, input: SubmitPlanCommentInput) {
    return this.decide(request, { type: 'SubmitPlanComment', ...input }, 'planCode', input.planCode, { agencyCode: input.agencyCode });
  }

  notifyHigherLevelChange(request: CommandRequest, input: NotifyHigherLevelChangeInput) {
    // The department notifying is the officer's own: the token says which.
    return this.decide(request, { type: 'NotifyHigherLevelChange', ...input, agencyCode: request.actor?.agency ?? null }, 'planCode', input.planCode);
  }

  adoptPlan(request: CommandRequest, input: AdoptPlanInput) {
    return this.decide(request, { type: 'AdoptPlan', ...input }, 'planCode', input.planCode);
  }

  amendPlan(request: CommandRequest, input: AmendPlanInput) {
    return this.decide(request, { type: 'AmendPlan', ...input }, 'planCode', input.planCode);
  }

  private decide(
    request: CommandRequest,
    command: Unloaded<PlanCommand>,
    codeField: string,
    planCode: string,
    subject?: { agencyCode: string },
  ): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, command.type, subject) };
    // The code names the stream: checked before anything is read.
    requireCode(codeField, planCode);
    return this.handler.handle({
      commandName: command.type,
      input: command,
      streamId: streams.plan(planCode),
      decider: planDecider,
      envelope,
      prepare: async (_state, now) => {
        const agencies: Record<string, KnownAgency> = {};
        // Invalid codes name no stream: the decider refuses them, naming the field.
        const codes = [...new Set(agencyCodesOf(command).filter(isCode))];
        await Promise.all(
          codes.map(async (code) => {
            const unit = await this.currentUnit(code);
            agencies[code] = unit && { activeUntil: unit.activeUntil };
          }),
        );
        return { ...command, now, agencies } as PlanCommand;
      },
    });
  }
}
