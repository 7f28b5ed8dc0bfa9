import { authorize } from '../auth/authorization';
import { regulationIssuesDecider, type ReportRegulationIssue } from '../domain/reporting/regulationIssues';
import type { CompileProvincialReport, ScheduleReporting, SubmitProgressReport } from '../domain/reporting/reportingCommands';
import { reportingDecider } from '../domain/reporting/reportingDecider';
import { roundOf } from '../domain/reporting/reportingRound';
import { requireCode } from '../domain/validation';
import { streams } from '../events/parEvents';
import { CommandBase, type CommandRequest } from './commandBase';
import type { CommandEnvelope, CommandOutcome } from './commandHandler';

// The inputs as ParCommands receives them (GraphQL input classes satisfy these shapes): the commands less what the
// handler adds (the moment, the acting agency).
type ScheduleReportingInput = Omit<ScheduleReporting, 'type' | 'now'>;
type SubmitProgressReportInput = Omit<SubmitProgressReport, 'type' | 'now'>;
type CompileProvincialReportInput = Omit<CompileProvincialReport, 'type' | 'now'>;
type ReportRegulationIssueInput = Omit<ReportRegulationIssue, 'type' | 'agencyCode'>;

/** Reporting rounds (`reporting-<id>`, Art. 4) and issues with the regulation (`regulation-issues`, Art. 17(3)). */
export class ReportingCommands extends CommandBase {
  async scheduleReporting(request: CommandRequest, input: ScheduleReportingInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'ScheduleReporting') };
    // The id names the stream, so a bad period, quarter or code is refused before any stream is read.
    const { reportingId } = roundOf(input);
    return this.handler.handle({
      commandName: 'ScheduleReporting',
      input,
      streamId: streams.reporting(reportingId),
      decider: reportingDecider,
      envelope,
      prepare: async (_state, now) => {
        await this.requireActiveAgencies('agencyCodes', input.agencyCodes, now);
        return { type: 'ScheduleReporting' as const, ...input, now };
      },
    });
  }

  submitProgressReport(request: CommandRequest, input: SubmitProgressReportInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'SubmitProgressReport', { agencyCode: input.agencyCode }) };
    return this.onRound(envelope, 'SubmitProgressReport', input, input.reportingId, (now) => ({ type: 'SubmitProgressReport', ...input, now }));
  }

  compileProvincialReport(request: CommandRequest, input: CompileProvincialReportInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'CompileProvincialReport') };
    return this.onRound(envelope, 'CompileProvincialReport', input, input.reportingId, (now) => ({ type: 'CompileProvincialReport', ...input, now }));
  }

  reportRegulationIssue(request: CommandRequest, input: ReportRegulationIssueInput): Promise<CommandOutcome> {
    const actor = authorize(request.actor, 'ReportRegulationIssue');
    return this.handler.handle({
      commandName: 'ReportRegulationIssue',
      input,
      streamId: streams.regulationIssues(),
      decider: regulationIssuesDecider,
      envelope: { ...request, actor },
      prepare: () => ({ type: 'ReportRegulationIssue' as const, ...input, agencyCode: actor.agency }),
    });
  }

  private async onRound(
    envelope: CommandEnvelope,
    commandName: string,
    input: unknown,
    reportingId: string,
    command: (now: Date) => SubmitProgressReport | CompileProvincialReport,
  ): Promise<CommandOutcome> {
    requireCode('reportingId', reportingId);
    return this.handler.handle({
      commandName,
      input,
      streamId: streams.reporting(reportingId),
      decider: reportingDecider,
      envelope,
      prepare: (_s, now) => command(now),
    });
  }
}
