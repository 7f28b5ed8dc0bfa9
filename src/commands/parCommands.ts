import { agencyDecider } from '../domain/agency/agencyDecider';
import type { AssessmentState } from '../domain/assessment/assessment';
import { assessmentDecider, type AssessmentContext } from '../domain/assessment/assessmentDecider';
import { frameworkCodeFor, participantOf, type CycleState, type OpenedCycle } from '../domain/cycle/cycle';
import { cycleDecider } from '../domain/cycle/cycleDecider';
import { DomainError } from '../domain/errors';
import type { Framework } from '../domain/framework/framework';
import { frameworkDecider } from '../domain/framework/frameworkDecider';
import type { FrameworkInput } from '../domain/framework/frameworkInput';
import { requireCode, requireYear } from '../domain/validation';
import type { AgencyGroup, Participant } from '../events/parEvents';
import { streams } from '../events/parEvents';
import { authorize } from '../auth/authorization';
import type { Actor } from '../events/envelope';
import type { CommandEnvelope, CommandHandler, CommandOutcome } from './commandHandler';
import type {
  RegisterAgencyInput,
  OpenAssessmentCycleInput,
  SubmitSelfAssessmentInput,
  RequestExplanationInput,
  SubmitExplanationInput,
  AppraiseCriterionInput,
  RecordSurveyScoresInput,
  AssessmentKeyInput,
  ProposeRankingInput,
  PublishRankingInput,
  AmendCycleScheduleInput,
  GrantExtensionInput,
  ProposeAdjustmentInput,
  DecideAdjustmentInput,
  AppraiseCriteriaInput,
  AssignAppraiserInput,
  RecordNonSubmissionInput,
  ExcludeFromRankingInput,
  LodgeComplaintInput,
  ResolveComplaintInput,
  ReopenAssessmentInput,
  WaiveSurveyInput,
  RecordSurveyInput,
} from './commandInputs';

/** A mutation as it arrives: the actor is null when the request carried no token. */
type CommandRequest = Omit<CommandEnvelope, 'actor'> & { actor: Actor | null };

/** The registered agencies, as the read side knows them once it has caught up with the log. */
export interface AgencyDirectory {
  agenciesInGroups(groups: readonly AgencyGroup[]): Promise<Participant[]>;
}

/**
 * One method per mutation: authorise, load what the decision needs from other streams, and let the aggregate's
 * decider rule. Business rules stay in src/domain; this file only wires streams together.
 */
export class ParCommands {
  constructor(
    private readonly handler: CommandHandler,
    private readonly directory: AgencyDirectory,
    private readonly rules: { complaintDays: number } = { complaintDays: 15 },
  ) {}

  registerAgency(request: CommandRequest, input: RegisterAgencyInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'RegisterAgency') };
    return this.handler.handle({
      commandName: 'RegisterAgency',
      input,
      streamId: streams.agency(requireCode('code', input.code)),
      decider: agencyDecider,
      envelope,
      prepare: () => ({ type: 'RegisterAgency', ...input }),
    });
  }

  async publishFramework(request: CommandRequest, input: FrameworkInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'PublishFramework') };
    const appraisers = new Set<string>();
    const collect = (nodes: { appraiserCode?: string | null; children?: unknown[] | null; criteria?: unknown[] }[]) => {
      for (const node of nodes) {
        if (node.appraiserCode) appraisers.add(node.appraiserCode);
        collect((node.children ?? node.criteria ?? []) as typeof nodes);
      }
    };
    collect(input.areas);
    return this.handler.handle({
      commandName: 'PublishFramework',
      input,
      streamId: streams.framework(requireCode('code', input.code)),
      decider: frameworkDecider,
      envelope,
      prepare: async () => {
        const registered = new Set<string>();
        for (const code of appraisers) if (await this.agencyExists(code)) registered.add(code);
        return { type: 'PublishFramework', input, isRegisteredAgency: (code: string) => registered.has(code) };
      },
    });
  }

  openAssessmentCycle(request: CommandRequest, input: OpenAssessmentCycleInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'OpenAssessmentCycle') };
    const year = requireYear('year', input.year);
    return this.handler.handle({
      commandName: 'OpenAssessmentCycle',
      input,
      streamId: streams.cycle(year),
      decider: cycleDecider,
      envelope,
      prepare: async (state) => {
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
          };
        const frameworks = await Promise.all(input.frameworkCodes.map((code, i) => this.loadFramework(`frameworkCodes[${i}]`, code)));
        const participants = input.agencyCodes?.length
          ? await Promise.all(input.agencyCodes.map((code, i) => this.loadAgency(`agencyCodes[${i}]`, code)))
          : await this.directory.agenciesInGroups(frameworks.map((f) => f.group));
        return {
          type: 'OpenAssessmentCycle' as const,
          year,
          frameworks,
          participants,
          selfAssessmentDeadline: input.selfAssessmentDeadline,
          appraisalDeadline: input.appraisalDeadline,
          bands: input.bands ?? [],
          groupBands: input.groupBands ?? [],
        };
      },
    });
  }

  submitSelfAssessment(request: CommandRequest, input: SubmitSelfAssessmentInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'SubmitSelfAssessment', { agencyCode: input.agencyCode }) };
    return this.assessmentCommand(envelope, 'SubmitSelfAssessment', input, (context) => ({ type: 'SubmitSelfAssessment', context, scores: input.scores }));
  }

  requestExplanation(request: CommandRequest, input: RequestExplanationInput): Promise<CommandOutcome> {
    const actor = authorize(request.actor, 'RequestExplanation');
    return this.assessmentCommand({ ...request, actor }, 'RequestExplanation', input, (context) => ({
      type: 'RequestExplanation',
      context,
      criterionCode: input.criterionCode,
      question: input.question,
      dueAt: input.dueAt,
      appraiserAgency: actor.agency,
    }));
  }

  submitExplanation(request: CommandRequest, input: SubmitExplanationInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'SubmitExplanation', { agencyCode: input.agencyCode }) };
    return this.assessmentCommand(envelope, 'SubmitExplanation', input, (context) => ({
      type: 'SubmitExplanation',
      context,
      criterionCode: input.criterionCode,
      text: input.text,
      evidence: input.evidence,
      revisedPoints: input.revisedPoints,
    }));
  }

  saveSelfAssessmentDraft(request: CommandRequest, input: SubmitSelfAssessmentInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'SaveSelfAssessmentDraft', { agencyCode: input.agencyCode }) };
    return this.assessmentCommand(envelope, 'SaveSelfAssessmentDraft', input, (context) => ({
      type: 'SaveSelfAssessmentDraft',
      context,
      scores: input.scores,
    }));
  }

  appraiseCriterion(request: CommandRequest, input: AppraiseCriterionInput): Promise<CommandOutcome> {
    const actor = authorize(request.actor, 'AppraiseCriterion');
    const envelope = { ...request, actor };
    return this.assessmentCommand(envelope, 'AppraiseCriterion', input, (context) => ({
      type: 'AppraiseCriterion',
      context,
      criterionCode: input.criterionCode,
      round: input.round,
      points: input.points,
      applicable: input.applicable,
      comment: input.comment,
      appraiserAgency: actor.agency,
    }));
  }

  appraiseCriteria(request: CommandRequest, input: AppraiseCriteriaInput): Promise<CommandOutcome> {
    const actor = authorize(request.actor, 'AppraiseCriteria');
    const envelope = { ...request, actor };
    return this.assessmentCommand(envelope, 'AppraiseCriteria', input, (context) => ({
      type: 'AppraiseCriteria',
      context,
      round: input.round,
      items: input.items,
      appraiserAgency: actor.agency,
    }));
  }

  recordSurveyScores(request: CommandRequest, input: RecordSurveyScoresInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'RecordSurveyScores') };
    return this.assessmentCommand(envelope, 'RecordSurveyScores', input, (context) => ({
      type: 'RecordSurveyScores',
      context,
      scores: input.scores,
      surveyCode: input.surveyCode,
    }));
  }

  finalizeAssessment(request: CommandRequest, input: AssessmentKeyInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'FinalizeAssessment') };
    return this.assessmentCommand(envelope, 'FinalizeAssessment', input, (context) => ({ type: 'FinalizeAssessment', context }));
  }

  proposeAdjustment(request: CommandRequest, input: ProposeAdjustmentInput): Promise<CommandOutcome> {
    const actor = authorize(request.actor, 'ProposeAdjustment');
    return this.assessmentCommand({ ...request, actor }, 'ProposeAdjustment', input, (context) => ({
      type: 'ProposeAdjustment',
      context,
      kind: input.kind,
      points: input.points,
      reason: input.reason,
      evidence: input.evidence,
      proposer: { roles: actor.roles, agency: actor.agency },
    }));
  }

  decideAdjustment(request: CommandRequest, input: DecideAdjustmentInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'DecideAdjustment') };
    return this.assessmentCommand(envelope, 'DecideAdjustment', input, (context) => ({
      type: 'DecideAdjustment',
      context,
      adjustmentId: input.adjustmentId,
      acceptedPoints: input.acceptedPoints,
      comment: input.comment,
    }));
  }

  async assignAppraiser(request: CommandRequest, input: AssignAppraiserInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'AssignAppraiser') };
    const appraiserRegistered = await this.agencyExists(requireCode('appraiserCode', input.appraiserCode));
    return this.assessmentCommand(envelope, 'AssignAppraiser', input, (context) => ({
      type: 'AssignAppraiser',
      context,
      criterionCodes: input.criterionCodes,
      appraiserCode: input.appraiserCode,
      reason: input.reason,
      appraiserRegistered,
    }));
  }

  recordNonSubmission(request: CommandRequest, input: RecordNonSubmissionInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'RecordNonSubmission') };
    return this.assessmentCommand(envelope, 'RecordNonSubmission', input, (context) => ({ type: 'RecordNonSubmission', context, reason: input.reason }));
  }

  lodgeComplaint(request: CommandRequest, input: LodgeComplaintInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'LodgeComplaint', { agencyCode: input.agencyCode }) };
    const { criterionCode, text } = input;
    const complaintDays = this.rules.complaintDays;
    return this.assessmentCommand(envelope, 'LodgeComplaint', input, (context) => ({ type: 'LodgeComplaint', context, criterionCode, text, complaintDays }));
  }

  resolveComplaint(request: CommandRequest, input: ResolveComplaintInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'ResolveComplaint') };
    const { complaintId, outcome, comment } = input;
    return this.assessmentCommand(envelope, 'ResolveComplaint', input, (context) => ({ type: 'ResolveComplaint', context, complaintId, outcome, comment }));
  }

  reopenAssessment(request: CommandRequest, input: ReopenAssessmentInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'ReopenAssessment') };
    return this.assessmentCommand(envelope, 'ReopenAssessment', input, (context) => ({ type: 'ReopenAssessment', context, reason: input.reason }));
  }

  proposeRanking(request: CommandRequest, input: ProposeRankingInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'ProposeRanking') };
    const year = requireYear('year', input.year);
    return this.handler.handle({
      commandName: 'ProposeRanking',
      input,
      streamId: streams.cycle(year),
      decider: cycleDecider,
      envelope,
      prepare: async (state) => ({
        type: 'ProposeRanking' as const,
        year,
        group: input.group,
        assessments: await this.groupAssessments(state, year, input.group),
      }),
    });
  }

  publishRanking(request: CommandRequest, input: PublishRankingInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'PublishRanking') };
    const year = requireYear('year', input.year);
    return this.handler.handle({
      commandName: 'PublishRanking',
      input,
      streamId: streams.cycle(year),
      decider: cycleDecider,
      envelope,
      prepare: async (state) => {
        const assessments = await this.groupAssessments(state, year, input.group);
        const { group, reason, decisionNumber, decisionDate } = input;
        return { type: 'PublishRanking' as const, year, group, reason, decisionNumber, decisionDate, assessments };
      },
    });
  }

  /** The assessment of every participant of the group, with the group's framework: what a ranking is computed from. */
  private async groupAssessments(state: CycleState, year: number, group: AgencyGroup) {
    const assessments: { agencyCode: string; state: AssessmentState; framework: Framework }[] = [];
    if (!state.opened) return assessments;
    const frameworkCode = frameworkCodeFor(state, group);
    const framework = frameworkCode ? await this.loadFramework('group', frameworkCode) : null;
    for (const p of state.participants.filter((p) => p.group === group && framework)) {
      const loaded = await this.handler.load(streams.assessment(year, p.code), assessmentDecider);
      assessments.push({ agencyCode: p.code, state: loaded.state, framework: framework as Framework });
    }
    return assessments;
  }

  amendCycleSchedule(request: CommandRequest, input: AmendCycleScheduleInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'AmendCycleSchedule') };
    const year = requireYear('year', input.year);
    return this.handler.handle({
      commandName: 'AmendCycleSchedule',
      input,
      streamId: streams.cycle(year),
      decider: cycleDecider,
      envelope,
      prepare: () => ({ type: 'AmendCycleSchedule' as const, ...input, year }),
    });
  }

  grantExtension(request: CommandRequest, input: GrantExtensionInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'GrantExtension') };
    const year = requireYear('year', input.year);
    const agencyCode = requireCode('agencyCode', input.agencyCode);
    return this.handler.handle({
      commandName: 'GrantExtension',
      input,
      streamId: streams.cycle(year),
      decider: cycleDecider,
      envelope,
      prepare: async (_state, now) => {
        const { state: assessment } = await this.handler.load(streams.assessment(year, agencyCode), assessmentDecider);
        return { type: 'GrantExtension' as const, ...input, year, agencyCode, now, assessmentFinalized: assessment.status === 'FINALIZED' };
      },
    });
  }

  excludeFromRanking(request: CommandRequest, input: ExcludeFromRankingInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'ExcludeFromRanking') };
    const year = requireYear('year', input.year);
    const agencyCode = requireCode('agencyCode', input.agencyCode);
    return this.handler.handle({
      commandName: 'ExcludeFromRanking',
      input,
      streamId: streams.cycle(year),
      decider: cycleDecider,
      envelope,
      prepare: () => ({ type: 'ExcludeFromRanking' as const, ...input, year, agencyCode }),
    });
  }

  /** The group's assessments are loaded like publishRanking's: a finalised one stands in the way of the waiver. */
  waiveSurvey(request: CommandRequest, input: WaiveSurveyInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'WaiveSurvey') };
    const year = requireYear('year', input.year);
    return this.handler.handle({
      commandName: 'WaiveSurvey',
      input,
      streamId: streams.cycle(year),
      decider: cycleDecider,
      envelope,
      prepare: async (state) => ({ type: 'WaiveSurvey' as const, ...input, year, assessments: await this.groupAssessments(state, year, input.group) }),
    });
  }

  recordSurvey(request: CommandRequest, input: RecordSurveyInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'RecordSurvey') };
    const year = requireYear('year', input.year);
    return this.handler.handle({
      commandName: 'RecordSurvey',
      input,
      streamId: streams.cycle(year),
      decider: cycleDecider,
      envelope,
      prepare: () => ({ type: 'RecordSurvey' as const, ...input, year }),
    });
  }

  private assessmentCommand<C extends Parameters<typeof assessmentDecider.decide>[0]>(
    envelope: CommandEnvelope,
    commandName: C['type'],
    input: AssessmentKeyInput,
    build: (context: AssessmentContext) => C,
  ): Promise<CommandOutcome> {
    const year = requireYear('year', input.year);
    const agencyCode = requireCode('agencyCode', input.agencyCode);
    return this.handler.handle({
      commandName,
      input,
      streamId: streams.assessment(year, agencyCode),
      decider: assessmentDecider,
      envelope,
      prepare: async (_state, now) => {
        const cycle = await this.loadCycle(year);
        const participant = participantOf(cycle, agencyCode);
        if (!participant) throw new DomainError('NOT_FOUND', `agency ${agencyCode} is not assessed in the ${year} cycle`, 'agencyCode');
        const framework = await this.loadFramework('year', frameworkCodeFor(cycle, participant.group) as string);
        return build({ cycle, framework, agencyCode, now });
      },
    });
  }

  private async loadCycle(year: number): Promise<OpenedCycle> {
    const { state } = await this.handler.load(streams.cycle(year), cycleDecider);
    if (!state.opened) throw new DomainError('NOT_FOUND', `there is no ${year} cycle: a coordinator opens it first`, 'year');
    return state;
  }

  private async loadFramework(field: string, code: string): Promise<Framework> {
    const { state } = await this.handler.load(streams.framework(code), frameworkDecider);
    if (!state.published) throw new DomainError('NOT_FOUND', `${field}: framework ${code} is not published`, field);
    return state.framework;
  }

  private async loadAgency(field: string, code: string): Promise<Participant> {
    const { state } = await this.handler.load(streams.agency(code), agencyDecider);
    if (!state.registered) throw new DomainError('NOT_FOUND', `${field}: agency ${code} is not registered`, field);
    return { code: state.code, name: state.name, group: state.group };
  }

  private async agencyExists(code: string): Promise<boolean> {
    const { state } = await this.handler.load(streams.agency(code), agencyDecider);
    return state.registered;
  }
}
