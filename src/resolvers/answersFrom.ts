import type { ProjectionName } from '../projections/allProjections';

const agencies: readonly ProjectionName[] = ['agencies'];
const provincialIndex: readonly ProjectionName[] = ['provincialIndex'];
const assessment: readonly ProjectionName[] = ['assessments'];
const cycle: readonly ProjectionName[] = ['cycles'];
const ranking: readonly ProjectionName[] = ['rankings'];
const plans: readonly ProjectionName[] = ['plans'];
const proposals: readonly ProjectionName[] = ['proposals'];

/**
 * For every mutation that runs a command, the read models its answer shows the command's own write from: its
 * read-your-writes waits for these only, not for every projection (a mutation answering an assessment does not
 * wait for the audit trail or the responsibilities). Fields of the answer that read other projections (an
 * assessment's framework, an appraiser's agency) show reference data the command did not change.
 * fixCommandIds refuses to build a schema with a mutation missing here, so a new mutation must be added.
 */
export const ANSWERS_FROM: Readonly<Record<string, readonly ProjectionName[]>> = {
  registerAgency: agencies,
  renameAgency: agencies,
  mergeAgencies: agencies,
  splitAgency: agencies,
  dissolveAgency: agencies,
  moveAgency: agencies,
  registerJurisdiction: agencies,
  mergeJurisdictions: agencies,
  assignResponsibility: ['assignments'],
  requestCriterionData: provincialIndex,
  provideCriterionData: provincialIndex,
  compileProvincialAssessment: provincialIndex,
  recordNationalResult: provincialIndex,
  publishFramework: ['frameworks'],
  recordSurvey: ['surveys'],

  openAssessmentCycle: cycle,
  amendCycleSchedule: cycle,
  grantExtension: cycle,
  waiveSurvey: cycle,

  proposeRanking: ranking,
  publishRanking: ranking,
  excludeFromRanking: ranking,
  importPublishedRanking: ranking,

  submitSelfAssessment: assessment,
  saveSelfAssessmentDraft: assessment,
  appraiseCriterion: assessment,
  appraiseCriteria: assessment,
  requestExplanation: assessment,
  submitExplanation: assessment,
  recordSurveyScores: assessment,
  proposeAdjustment: assessment,
  decideAdjustment: assessment,
  lodgeComplaint: assessment,
  resolveComplaint: assessment,
  reopenAssessment: assessment,
  recordNonSubmission: assessment,
  assignAppraiser: assessment,
  finalizeAssessment: assessment,

  draftPlan: plans,
  requestPlanComments: plans,
  submitPlanComment: plans,
  notifyHigherLevelChange: plans,
  adoptPlan: plans,
  amendPlan: plans,
  submitReformProposal: proposals,
  requestProposalOpinions: proposals,
  giveProposalOpinion: proposals,
  appraiseProposal: proposals,
  decideProposal: proposals,
  proposeCommendation: proposals,
  proposeAccountability: proposals,
  submitRemedialPlan: proposals,
  scheduleReporting: ['reporting'],
  submitProgressReport: ['reporting'],
  compileProvincialReport: ['reporting'],
  reportRegulationIssue: ['reporting'],
  issueInspectionPlan: ['inspections'],
  recordInspection: ['inspections'],
  reportInspectionFollowUp: ['inspections'],
};
