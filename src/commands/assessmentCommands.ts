import { assessmentDecider, type AssessmentContext } from '../domain/assessment/assessmentDecider';
import { frameworkCodeFor, participantOf, type OpenedCycle } from '../domain/cycle/cycle';
import { DomainError } from '../domain/errors';
import { requireCode, requireYear } from '../domain/validation';
import { streams } from '../events/parEvents';
import { authorize } from '../auth/authorization';
import type { CommandEnvelope, CommandHandler, CommandOutcome } from './commandHandler';
import type {
  SubmitSelfAssessmentInput,
  RequestExplanationInput,
  SubmitExplanationInput,
  AppraiseCriterionInput,
  RecordSurveyScoresInput,
  AssessmentKeyInput,
  ProposeAdjustmentInput,
  DecideAdjustmentInput,
  AppraiseCriteriaInput,
  AssignAppraiserInput,
  RecordNonSubmissionInput,
  LodgeComplaintInput,
  ResolveComplaintInput,
  ReopenAssessmentInput,
} from './commandInputs';
import { CommandBase, type CommandRequest } from './commandBase';

/**
 * One agency's assessment of the year (assessment-<year>-<agencyCode>): every decision on it is made against the
 * cycle and the framework of the agency's group, loaded here.
 */
export class AssessmentCommands extends CommandBase {
  constructor(
    handler: CommandHandler,
    private readonly rules: { complaintDays: number },
  ) {
    super(handler);
  }

  submitSelfAssessment(request: CommandRequest, input: SubmitSelfAssessmentInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'SubmitSelfAssessment', { agencyCode: input.agencyCode }) };
    return this.assessmentCommand(envelope, 'SubmitSelfAssessment', input, (context) => ({ type: 'SubmitSelfAssessment', context, scores: input.scores }));
  }

  async requestExplanation(request: CommandRequest, input: RequestExplanationInput): Promise<CommandOutcome> {
    const actor = authorize(request.actor, 'RequestExplanation');
    const carries = await this.carriesFor(actor.agency);
    return this.assessmentCommand({ ...request, actor }, 'RequestExplanation', input, (context) => ({
      type: 'RequestExplanation',
      context,
      criterionCode: input.criterionCode,
      question: input.question,
      dueAt: input.dueAt,
      appraiserAgency: actor.agency,
      carries: carries(context.now),
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

  async appraiseCriterion(request: CommandRequest, input: AppraiseCriterionInput): Promise<CommandOutcome> {
    const actor = authorize(request.actor, 'AppraiseCriterion');
    const envelope = { ...request, actor };
    const carries = await this.carriesFor(actor.agency);
    return this.assessmentCommand(envelope, 'AppraiseCriterion', input, (context) => ({
      type: 'AppraiseCriterion',
      context,
      criterionCode: input.criterionCode,
      round: input.round,
      points: input.points,
      applicable: input.applicable,
      comment: input.comment,
      appraiserAgency: actor.agency,
      carries: carries(context.now),
    }));
  }

  async appraiseCriteria(request: CommandRequest, input: AppraiseCriteriaInput): Promise<CommandOutcome> {
    const actor = authorize(request.actor, 'AppraiseCriteria');
    const envelope = { ...request, actor };
    const carries = await this.carriesFor(actor.agency);
    return this.assessmentCommand(envelope, 'AppraiseCriteria', input, (context) => ({
      type: 'AppraiseCriteria',
      context,
      round: input.round,
      items: input.items,
      appraiserAgency: actor.agency,
      carries: carries(context.now),
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

  private assessmentCommand<C extends Parameters<typeof assessmentDecider.decide>[0]>(
    envelope: CommandEnvelope,
    commandName: C['type'],
    input: AssessmentKeyInput,
    build: (context: AssessmentContext) => C,
  ): Promise<CommandOutcome> {
    const year = requireYear('year', input.year);
    const agencyCode = requireCode('agencyCode', input.agencyCode);
    // Read beside the assessment stream rather than after it: on PostgreSQL the two round trips overlap. A retry
    // after a conflict reads the cycle again. Handled here too, so a command refused before prepare runs does not
    // leave a rejected promise unobserved.
    let cycleRead: Promise<OpenedCycle> | null = this.loadCycle(year);
    cycleRead.catch(() => undefined);
    return this.handler.handle({
      commandName,
      input,
      streamId: streams.assessment(year, agencyCode),
      decider: assessmentDecider,
      envelope,
      prepare: async (_state, now) => {
        const cycle = await (cycleRead ?? this.loadCycle(year));
        cycleRead = null;
        const participant = participantOf(cycle, agencyCode);
        if (!participant) throw new DomainError('NOT_FOUND', `agency ${agencyCode} is not assessed in the ${year} cycle`, 'agencyCode');
        const framework = await this.loadFramework('year', frameworkCodeFor(cycle, participant.group) as string);
        return build({ cycle, framework, agencyCode, now });
      },
    });
  }
}
