import type { FrameworkInput } from '../domain/framework/frameworkInput';
import type { CommandHandler, CommandOutcome } from './commandHandler';
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
  ImportPublishedRankingInput,
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
import type { CommandRequest } from './commandBase';
import { CatalogCommands } from './catalogCommands';
import { CycleCommands, type AgencyDirectory } from './cycleCommands';
import { RankingCommands } from './rankingCommands';
import { AssessmentCommands } from './assessmentCommands';
import { LineageCommands } from './lineageCommands';
import { AssignmentCommands } from './assignmentCommands';
import { ProvincialIndexCommands } from './provincialIndexCommands';
import { PlanCommands } from './planCommands';
import { ProposalCommands } from './proposalCommands';
import { CommendationCommands } from './commendationCommands';
import { ReportingCommands } from './reportingCommands';
import { InspectionCommands } from './inspectionCommands';

export type { AgencyDirectory };

/**
 * One method per mutation, the one object resolvers, the seed and the CLI call. Each delegates to the part that
 * wires its aggregate's stream (authorise, load what the decision needs, let the decider rule); business rules
 * stay in src/domain.
 */
export class ParCommands {
  private readonly catalog: CatalogCommands;
  private readonly cycle: CycleCommands;
  private readonly ranking: RankingCommands;
  private readonly assessment: AssessmentCommands;
  /** Reorganisations of agencies and jurisdictions (the lineage stream), called directly: one method per mutation. */
  readonly lineage: LineageCommands;
  /** Decision 2824's standing responsibilities (the responsibility-matrix stream). */
  readonly assignments: AssignmentCommands;
  /** The province's own assessment of a year (provincial-assessment-<year>). */
  readonly provincialIndex: ProvincialIndexCommands;
  /** PAR plans and programmes (Art. 3, `plan-<code>` streams), called directly: one method per mutation. */
  readonly plans: PlanCommands;
  /** Reform proposals (Art. 6), one stream each: one method per mutation. */
  readonly proposals: ProposalCommands;
  /** Commendation and accountability after a published ranking, and remedial plans (Art. 16(6)). */
  readonly commendations: CommendationCommands;
  /** Reporting rounds and issues with the regulation (Art. 4, 17(3)), called directly: one method per mutation. */
  readonly reporting: ReportingCommands;
  /** Inspection plans, inspections and their follow-up (Art. 5), called directly: one method per mutation. */
  readonly inspections: InspectionCommands;

  constructor(handler: CommandHandler, directory: AgencyDirectory, rules: { complaintDays: number } = { complaintDays: 15 }) {
    this.catalog = new CatalogCommands(handler);
    this.cycle = new CycleCommands(handler, directory);
    this.ranking = new RankingCommands(handler);
    this.assessment = new AssessmentCommands(handler, rules);
    this.lineage = new LineageCommands(handler);
    this.assignments = new AssignmentCommands(handler);
    this.provincialIndex = new ProvincialIndexCommands(handler);
    this.plans = new PlanCommands(handler);
    this.proposals = new ProposalCommands(handler);
    this.commendations = new CommendationCommands(handler);
    this.reporting = new ReportingCommands(handler);
    this.inspections = new InspectionCommands(handler);
  }

  // ── agency-<code>, framework-<code> ─────────────────────────────────────────────────────────────────────────
  registerAgency(request: CommandRequest, input: RegisterAgencyInput): Promise<CommandOutcome> {
    return this.catalog.registerAgency(request, input);
  }

  publishFramework(request: CommandRequest, input: FrameworkInput): Promise<CommandOutcome> {
    return this.catalog.publishFramework(request, input);
  }

  // ── cycle-<year> ────────────────────────────────────────────────────────────────────────────────────────────
  openAssessmentCycle(request: CommandRequest, input: OpenAssessmentCycleInput): Promise<CommandOutcome> {
    return this.cycle.openAssessmentCycle(request, input);
  }

  amendCycleSchedule(request: CommandRequest, input: AmendCycleScheduleInput): Promise<CommandOutcome> {
    return this.cycle.amendCycleSchedule(request, input);
  }

  grantExtension(request: CommandRequest, input: GrantExtensionInput): Promise<CommandOutcome> {
    return this.cycle.grantExtension(request, input);
  }

  excludeFromRanking(request: CommandRequest, input: ExcludeFromRankingInput): Promise<CommandOutcome> {
    return this.cycle.excludeFromRanking(request, input);
  }

  waiveSurvey(request: CommandRequest, input: WaiveSurveyInput): Promise<CommandOutcome> {
    return this.cycle.waiveSurvey(request, input);
  }

  recordSurvey(request: CommandRequest, input: RecordSurveyInput): Promise<CommandOutcome> {
    return this.cycle.recordSurvey(request, input);
  }

  proposeRanking(request: CommandRequest, input: ProposeRankingInput): Promise<CommandOutcome> {
    return this.ranking.proposeRanking(request, input);
  }

  publishRanking(request: CommandRequest, input: PublishRankingInput): Promise<CommandOutcome> {
    return this.ranking.publishRanking(request, input);
  }

  // ── ranking-import-<year>-<group>[-<jurisdiction>] ──────────────────────────────────────────────────────────
  importPublishedRanking(request: CommandRequest, input: ImportPublishedRankingInput): Promise<CommandOutcome> {
    return this.ranking.importPublishedRanking(request, input);
  }

  // ── assessment-<year>-<agencyCode> ──────────────────────────────────────────────────────────────────────────
  submitSelfAssessment(request: CommandRequest, input: SubmitSelfAssessmentInput): Promise<CommandOutcome> {
    return this.assessment.submitSelfAssessment(request, input);
  }

  saveSelfAssessmentDraft(request: CommandRequest, input: SubmitSelfAssessmentInput): Promise<CommandOutcome> {
    return this.assessment.saveSelfAssessmentDraft(request, input);
  }

  requestExplanation(request: CommandRequest, input: RequestExplanationInput): Promise<CommandOutcome> {
    return this.assessment.requestExplanation(request, input);
  }

  submitExplanation(request: CommandRequest, input: SubmitExplanationInput): Promise<CommandOutcome> {
    return this.assessment.submitExplanation(request, input);
  }

  appraiseCriterion(request: CommandRequest, input: AppraiseCriterionInput): Promise<CommandOutcome> {
    return this.assessment.appraiseCriterion(request, input);
  }

  appraiseCriteria(request: CommandRequest, input: AppraiseCriteriaInput): Promise<CommandOutcome> {
    return this.assessment.appraiseCriteria(request, input);
  }

  recordSurveyScores(request: CommandRequest, input: RecordSurveyScoresInput): Promise<CommandOutcome> {
    return this.assessment.recordSurveyScores(request, input);
  }

  finalizeAssessment(request: CommandRequest, input: AssessmentKeyInput): Promise<CommandOutcome> {
    return this.assessment.finalizeAssessment(request, input);
  }

  proposeAdjustment(request: CommandRequest, input: ProposeAdjustmentInput): Promise<CommandOutcome> {
    return this.assessment.proposeAdjustment(request, input);
  }

  decideAdjustment(request: CommandRequest, input: DecideAdjustmentInput): Promise<CommandOutcome> {
    return this.assessment.decideAdjustment(request, input);
  }

  assignAppraiser(request: CommandRequest, input: AssignAppraiserInput): Promise<CommandOutcome> {
    return this.assessment.assignAppraiser(request, input);
  }

  recordNonSubmission(request: CommandRequest, input: RecordNonSubmissionInput): Promise<CommandOutcome> {
    return this.assessment.recordNonSubmission(request, input);
  }

  lodgeComplaint(request: CommandRequest, input: LodgeComplaintInput): Promise<CommandOutcome> {
    return this.assessment.lodgeComplaint(request, input);
  }

  resolveComplaint(request: CommandRequest, input: ResolveComplaintInput): Promise<CommandOutcome> {
    return this.assessment.resolveComplaint(request, input);
  }

  reopenAssessment(request: CommandRequest, input: ReopenAssessmentInput): Promise<CommandOutcome> {
    return this.assessment.reopenAssessment(request, input);
  }
}
