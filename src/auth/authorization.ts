import type { Actor } from '../events/envelope';
import { DomainError } from '../domain/errors';

/** PROVINCIAL_LEADER (the People's Committee's leadership) reads what a coordinator reads and publishes rankings. */
export type Role = 'ADMIN' | 'COORDINATOR' | 'PROVINCIAL_LEADER' | 'AGENCY_OFFICER' | 'APPRAISER' | 'INSPECTOR' | 'ANALYST';
export const ROLES: readonly Role[] = ['ADMIN', 'COORDINATOR', 'PROVINCIAL_LEADER', 'AGENCY_OFFICER', 'APPRAISER', 'INSPECTOR', 'ANALYST'];

type CommandName =
  | 'RegisterAgency'
  | 'PublishFramework'
  | 'OpenAssessmentCycle'
  | 'SubmitSelfAssessment'
  | 'SaveSelfAssessmentDraft'
  | 'RequestExplanation'
  | 'SubmitExplanation'
  | 'AppraiseCriterion'
  | 'RecordSurveyScores'
  | 'FinalizeAssessment'
  | 'ProposeRanking'
  | 'PublishRanking'
  | 'ImportPublishedRanking'
  | 'AmendCycleSchedule'
  | 'GrantExtension'
  | 'ExcludeFromRanking'
  | 'RecordNonSubmission'
  | 'ProposeAdjustment'
  | 'DecideAdjustment'
  | 'AssignAppraiser'
  | 'AppraiseCriteria'
  | 'LodgeComplaint'
  | 'ResolveComplaint'
  | 'ReopenAssessment'
  | 'WaiveSurvey'
  | 'RecordSurvey'
  | 'RenameAgency'
  | 'MergeAgencies'
  | 'SplitAgency'
  | 'DissolveAgency'
  | 'MoveAgency'
  | 'RegisterJurisdiction'
  | 'MergeJurisdictions'
  | 'AssignResponsibility'
  | 'RequestCriterionData'
  | 'ProvideCriterionData'
  | 'CompileProvincialAssessment'
  | 'RecordNationalResult'
  | 'DraftPlan'
  | 'RequestPlanComments'
  | 'SubmitPlanComment'
  | 'NotifyHigherLevelChange'
  | 'AdoptPlan'
  | 'AmendPlan'
  | 'SubmitReformProposal'
  | 'RequestProposalOpinions'
  | 'GiveProposalOpinion'
  | 'AppraiseProposal'
  | 'DecideProposal'
  | 'ProposeCommendation'
  | 'ProposeAccountability'
  | 'SubmitRemedialPlan'
  | 'ScheduleReporting'
  | 'SubmitProgressReport'
  | 'CompileProvincialReport'
  | 'ReportRegulationIssue'
  | 'IssueInspectionPlan'
  | 'RecordInspection'
  | 'ReportInspectionFollowUp';

/** Who may ask for each command (the issue's "who may do what"); finer rules (own agency, own leaves) follow. */
const allowed: Record<CommandName, readonly Role[]> = {
  RegisterAgency: ['ADMIN', 'COORDINATOR'],
  // Reorganisations are recorded by SNV (the coordinator) from the decisions that made them.
  RenameAgency: ['ADMIN', 'COORDINATOR'],
  MergeAgencies: ['ADMIN', 'COORDINATOR'],
  SplitAgency: ['ADMIN', 'COORDINATOR'],
  DissolveAgency: ['ADMIN', 'COORDINATOR'],
  MoveAgency: ['ADMIN', 'COORDINATOR'],
  RegisterJurisdiction: ['ADMIN', 'COORDINATOR'],
  MergeJurisdictions: ['ADMIN', 'COORDINATOR'],
  // Who leads and who coordinates what (Decision 2824 as data) is recorded by SNV.
  AssignResponsibility: ['ADMIN', 'COORDINATOR'],
  // The provincial index (Art. 7): SNV asks the departments for their criteria's data, compiles it and records what
  // the ministry published; a department's officer provides its own data (the decider checks which department).
  RequestCriterionData: ['ADMIN', 'COORDINATOR'],
  ProvideCriterionData: ['AGENCY_OFFICER'],
  CompileProvincialAssessment: ['ADMIN', 'COORDINATOR'],
  RecordNationalResult: ['ADMIN', 'COORDINATOR'],
  PublishFramework: ['ADMIN', 'COORDINATOR'],
  OpenAssessmentCycle: ['ADMIN', 'COORDINATOR'],
  RecordSurveyScores: ['ADMIN', 'COORDINATOR'],
  FinalizeAssessment: ['ADMIN', 'COORDINATOR'],
  // SNV compiles and proposes the ranking; the People's Committee (UBND) approves it by a numbered decision.
  ProposeRanking: ['ADMIN', 'COORDINATOR'],
  PublishRanking: ['ADMIN', 'PROVINCIAL_LEADER'],
  // Years run elsewhere are entered by SNV from the published decision.
  ImportPublishedRanking: ['ADMIN', 'COORDINATOR'],
  // The schedule and who takes part are the coordinator's (SNV's) to manage.
  AmendCycleSchedule: ['ADMIN', 'COORDINATOR'],
  GrantExtension: ['ADMIN', 'COORDINATOR'],
  ExcludeFromRanking: ['ADMIN', 'COORDINATOR'],
  RecordNonSubmission: ['ADMIN', 'COORDINATOR'],
  // Naming another appraiser (conflicts of interest) is the coordinator's.
  AssignAppraiser: ['ADMIN', 'COORDINATOR'],
  // A bonus is the agency officer's to propose, a penalty the coordinator's or an appraiser's (the assessment decider
  // checks which kind, whose agency and until when); deciding either is the coordinator's.
  ProposeAdjustment: ['ADMIN', 'COORDINATOR', 'APPRAISER', 'AGENCY_OFFICER'],
  DecideAdjustment: ['ADMIN', 'COORDINATOR'],
  // After publication: the agency complains about its own result; the coordinator answers and corrects.
  LodgeComplaint: ['AGENCY_OFFICER'],
  ResolveComplaint: ['ADMIN', 'COORDINATOR'],
  ReopenAssessment: ['ADMIN', 'COORDINATOR'],
  SubmitSelfAssessment: ['AGENCY_OFFICER'],
  SaveSelfAssessmentDraft: ['AGENCY_OFFICER'],
  SubmitExplanation: ['AGENCY_OFFICER'],
  // Like appraisal: only the leaf's appraising agency may ask (the assessment decider checks that part).
  RequestExplanation: ['APPRAISER'],
  // Which leaves an appraiser may score depends on the framework: the assessment decider checks that part.
  AppraiseCriterion: ['APPRAISER'],
  AppraiseCriteria: ['APPRAISER'],
  // The survey (điều tra xã hội học) is SNV's to organise, describe or, where the province makes it optional, waive.
  WaiveSurvey: ['ADMIN', 'COORDINATOR'],
  RecordSurvey: ['ADMIN', 'COORDINATOR'],
  // PAR plans (Art. 3): SNV drafts them, asks for comments and records amendments; the asked departments comment
  // (their own agency's comment only); any department notifies SNV of a higher-level change (its officer, for the
  // agency in the token); the People's Committee adopts the plan by a decision.
  DraftPlan: ['ADMIN', 'COORDINATOR'],
  RequestPlanComments: ['ADMIN', 'COORDINATOR'],
  SubmitPlanComment: ['AGENCY_OFFICER'],
  NotifyHigherLevelChange: ['AGENCY_OFFICER'],
  AdoptPlan: ['ADMIN', 'PROVINCIAL_LEADER'],
  AmendPlan: ['ADMIN', 'COORDINATOR'],
  // Reform proposals (Art. 6): an agency submits its own and gives its own opinion when asked; SNV asks for
  // opinions and appraises; the People's Committee decides.
  SubmitReformProposal: ['AGENCY_OFFICER'],
  GiveProposalOpinion: ['AGENCY_OFFICER'],
  RequestProposalOpinions: ['ADMIN', 'COORDINATOR'],
  AppraiseProposal: ['ADMIN', 'COORDINATOR'],
  DecideProposal: ['ADMIN', 'PROVINCIAL_LEADER'],
  // After publication (Art. 16(6)): SNV proposes commendation or accountability; the agency held accountable sends
  // its own remedial plan.
  ProposeCommendation: ['ADMIN', 'COORDINATOR'],
  ProposeAccountability: ['ADMIN', 'COORDINATOR'],
  SubmitRemedialPlan: ['AGENCY_OFFICER'],
  // Reporting (Art. 4, 17(3)): SNV schedules and compiles the rounds; each agency reports for itself (own agency) and
  // raises issues with the regulation as its own.
  ScheduleReporting: ['ADMIN', 'COORDINATOR'],
  SubmitProgressReport: ['AGENCY_OFFICER'],
  CompileProvincialReport: ['ADMIN', 'COORDINATOR'],
  ReportRegulationIssue: ['AGENCY_OFFICER'],
  // Inspections (Art. 5): SNV plans for the province, a department the inspections it leads; the lead or SNV records
  // one; the inspected agency reports the follow-up. Whose agency fits is known from the inspection register only:
  // the inspection decider checks it (src/domain/inspection).
  IssueInspectionPlan: ['ADMIN', 'COORDINATOR', 'AGENCY_OFFICER'],
  RecordInspection: ['ADMIN', 'COORDINATOR', 'AGENCY_OFFICER'],
  ReportInspectionFollowUp: ['AGENCY_OFFICER'],
};

/** Commands an agency officer gives for their own agency only. */
const OWN_AGENCY_COMMANDS: ReadonlySet<CommandName> = new Set([
  'SubmitSelfAssessment',
  'SaveSelfAssessmentDraft',
  'SubmitExplanation',
  'LodgeComplaint',
  'SubmitPlanComment',
  'SubmitReformProposal',
  'GiveProposalOpinion',
  'SubmitRemedialPlan',
  'SubmitProgressReport',
]);

function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new DomainError('UNAUTHENTICATED', 'this operation needs a token: send Authorization: Bearer <JWT>');
  return actor;
}

export function authorize(actor: Actor | null, command: CommandName, subject?: { agencyCode?: string }): Actor {
  const who = requireActor(actor);
  const roles = allowed[command];
  if (!who.roles.some((r) => roles.includes(r as Role))) {
    throw new DomainError('FORBIDDEN', `${command} needs one of the roles ${roles.join(', ')}; the token has ${who.roles.join(', ') || 'none'}`);
  }
  if (OWN_AGENCY_COMMANDS.has(command) && subject?.agencyCode !== who.agency) {
    throw new DomainError(
      'FORBIDDEN',
      `an agency officer of ${who.agency ?? 'no agency'} acts for that agency only, not for ${subject?.agencyCode} (${command})`,
    );
  }
  return who;
}

/** The commands some role of the token may give, in the table's order: what a front end offers to do. */
export function commandsAllowed(roles: readonly string[]): CommandName[] {
  return (Object.keys(allowed) as CommandName[]).filter((command) => allowed[command].some((role) => roles.includes(role)));
}

// What each role may read is the read-scope table, src/auth/readScopes.ts.

type OperationName = 'RebuildProjection';

/** Operations that change the service itself rather than the PAR cycle. */
const allowedOperations: Record<OperationName, readonly Role[]> = {
  RebuildProjection: ['ADMIN'],
};

export function authorizeOperation(actor: Actor | null, operation: OperationName): Actor {
  const who = requireActor(actor);
  const roles = allowedOperations[operation];
  if (!who.roles.some((r) => roles.includes(r as Role))) {
    throw new DomainError('FORBIDDEN', `${operation} needs one of the roles ${roles.join(', ')}`);
  }
  return who;
}
