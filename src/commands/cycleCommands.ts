import { assessmentDecider } from '../domain/assessment/assessmentDecider';
import { requireCode, requireYear } from '../domain/validation';
import type { AgencyGroup } from '../events/parEvents';
import type { Enrolment } from '../domain/cycle/enrolment';
import { streams } from '../events/parEvents';
import { authorize } from '../auth/authorization';
import type { CommandHandler, CommandOutcome } from './commandHandler';
import type {
  OpenAssessmentCycleInput,
  AmendCycleScheduleInput,
  GrantExtensionInput,
  ExcludeFromRankingInput,
  WaiveSurveyInput,
  RecordSurveyInput,
} from './commandInputs';
import { CommandBase, type CommandRequest } from './commandBase';

/** The registered agencies through time, as the read side knows them once it has caught up with the log. */
export interface AgencyDirectory {
  enrolment(year: number, scope: { groups: readonly AgencyGroup[] } | { codes: readonly string[] }, jurisdiction?: string | null): Promise<Enrolment>;
}

/** The year's cycle (cycle-<year>): opening it, its schedule, per-agency extensions and exclusions, its surveys. */
export class CycleCommands extends CommandBase {
  constructor(
    handler: CommandHandler,
    private readonly directory: AgencyDirectory,
  ) {
    super(handler);
  }

  openAssessmentCycle(request: CommandRequest, input: OpenAssessmentCycleInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'OpenAssessmentCycle') };
    const year = requireYear('year', input.year);
    return this.cycleCommand(envelope, 'OpenAssessmentCycle', input, year, async (state) => {
      // An open cycle is refused by the decider before any framework or agency needs loading.
      if (state.opened)
        return {
          type: 'OpenAssessmentCycle' as const,
          year,
          frameworks: [],
          participants: [],
          selfAssessmentDeadline: input.selfAssessmentDeadline,
          appraisalDeadline: input.appraisalDeadline,
          bands: [],
          groupBands: [],
          enrolment: { named: false, inactive: [], endedDuringYear: [] },
          excludeEndedMidYear: false,
        };
      const frameworks = await Promise.all(input.frameworkCodes.map((code, i) => this.loadFramework(`frameworkCodes[${i}]`, code)));
      const named = (input.agencyCodes?.length ?? 0) > 0;
      const loaded = named ? await Promise.all(input.agencyCodes!.map((code, i) => this.loadAgency(`agencyCodes[${i}]`, code))) : [];
      const scope = named ? { codes: input.agencyCodes! } : { groups: frameworks.map((f) => f.group) };
      const enrolment = await this.directory.enrolment(year, scope, input.jurisdiction);
      // Named codes keep the order given (errors point at agencyCodes[i]), with the names of the year where the
      // directory knows them.
      const participants = named ? loaded.map((unit) => enrolment.participants.find((p) => p.code === unit.code) ?? unit) : enrolment.participants;
      return {
        type: 'OpenAssessmentCycle' as const,
        year,
        frameworks,
        participants,
        selfAssessmentDeadline: input.selfAssessmentDeadline,
        appraisalDeadline: input.appraisalDeadline,
        bands: input.bands ?? [],
        groupBands: input.groupBands ?? [],
        enrolment: { named, inactive: enrolment.inactive, endedDuringYear: enrolment.endedDuringYear },
        excludeEndedMidYear: input.excludeEndedMidYear ?? false,
      };
    });
  }

  amendCycleSchedule(request: CommandRequest, input: AmendCycleScheduleInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'AmendCycleSchedule') };
    const year = requireYear('year', input.year);
    return this.cycleCommand(envelope, 'AmendCycleSchedule', input, year, () => ({ type: 'AmendCycleSchedule' as const, ...input, year }));
  }

  grantExtension(request: CommandRequest, input: GrantExtensionInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'GrantExtension') };
    const year = requireYear('year', input.year);
    const agencyCode = requireCode('agencyCode', input.agencyCode);
    return this.cycleCommand(envelope, 'GrantExtension', input, year, async (_state, now) => {
      const { state: assessment } = await this.handler.load(streams.assessment(year, agencyCode), assessmentDecider);
      return { type: 'GrantExtension' as const, ...input, year, agencyCode, now, assessmentFinalized: assessment.status === 'FINALIZED' };
    });
  }

  excludeFromRanking(request: CommandRequest, input: ExcludeFromRankingInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'ExcludeFromRanking') };
    const year = requireYear('year', input.year);
    const agencyCode = requireCode('agencyCode', input.agencyCode);
    return this.cycleCommand(envelope, 'ExcludeFromRanking', input, year, () => ({ type: 'ExcludeFromRanking' as const, ...input, year, agencyCode }));
  }

  /** The group's assessments are loaded like publishRanking's: a finalised one stands in the way of the waiver. */
  waiveSurvey(request: CommandRequest, input: WaiveSurveyInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'WaiveSurvey') };
    const year = requireYear('year', input.year);
    return this.cycleCommand(envelope, 'WaiveSurvey', input, year, async (state) => ({
      type: 'WaiveSurvey' as const,
      ...input,
      year,
      assessments: await this.groupAssessments(state, year, input.group),
    }));
  }

  recordSurvey(request: CommandRequest, input: RecordSurveyInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'RecordSurvey') };
    const year = requireYear('year', input.year);
    return this.cycleCommand(envelope, 'RecordSurvey', input, year, () => ({ type: 'RecordSurvey' as const, ...input, year }));
  }
}
