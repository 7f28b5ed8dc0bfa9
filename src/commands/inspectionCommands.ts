import { authorize } from '../auth/authorization';
import type { Actor } from '../events/envelope';
import type { InspectionCommand, IssueInspectionPlan, RecordInspection, ReportInspectionFollowUp } from '../domain/inspection/inspectionCommands';
import { inspectionDecider } from '../domain/inspection/inspectionDecider';
import { streams } from '../events/parEvents';
import { CommandBase, type CommandRequest } from './commandBase';
import type { CommandEnvelope, CommandOutcome } from './commandHandler';

// The inputs as ParCommands receives them: the commands less what the handler adds (the actor, the moment).
type IssueInspectionPlanInput = Omit<IssueInspectionPlan, 'type' | 'by' | 'now'>;
type RecordInspectionInput = Omit<RecordInspection, 'type' | 'by' | 'now'>;
type ReportInspectionFollowUpInput = Omit<ReportInspectionFollowUp, 'type' | 'by'>;

const acting = (actor: Actor) => ({ roles: actor.roles, agency: actor.agency });

/** The province's inspections (the `inspections` stream, Art. 5): whose agency may act is the decider's to check. */
export class InspectionCommands extends CommandBase {
  issueInspectionPlan(request: CommandRequest, input: IssueInspectionPlanInput): Promise<CommandOutcome> {
    const actor = authorize(request.actor, 'IssueInspectionPlan');
    return this.inspect({ ...request, actor }, 'IssueInspectionPlan', input, async (now) => {
      const named = input.inspections.flatMap((i) => [i.targetAgencyCode, i.leadAgencyCode, ...(i.coordinators ?? [])]);
      await this.requireActiveAgencies('inspections', named, now);
      return { type: 'IssueInspectionPlan', ...input, by: acting(actor), now };
    });
  }

  recordInspection(request: CommandRequest, input: RecordInspectionInput): Promise<CommandOutcome> {
    const actor = authorize(request.actor, 'RecordInspection');
    return this.inspect({ ...request, actor }, 'RecordInspection', input, (now) => ({ type: 'RecordInspection', ...input, by: acting(actor), now }));
  }

  reportInspectionFollowUp(request: CommandRequest, input: ReportInspectionFollowUpInput): Promise<CommandOutcome> {
    const actor = authorize(request.actor, 'ReportInspectionFollowUp');
    return this.inspect({ ...request, actor }, 'ReportInspectionFollowUp', input, () => ({ type: 'ReportInspectionFollowUp', ...input, by: acting(actor) }));
  }

  private inspect(
    envelope: CommandEnvelope,
    commandName: InspectionCommand['type'],
    input: unknown,
    command: (now: Date) => Promise<InspectionCommand> | InspectionCommand,
  ): Promise<CommandOutcome> {
    return this.handler.handle({
      commandName,
      input,
      streamId: streams.inspections(),
      decider: inspectionDecider,
      envelope,
      prepare: (_s, now) => command(now),
    });
  }
}
