/**
 * The authorisation matrix's own expectations, written from the issue's rules and independent of the service's
 * read-scope table (src/auth/readScopes.ts), so that a wrong entry there makes the test fail.
 *
 * Readers: no token, and one token per role. Subjects per reader: its `own` agency, an `other` agency it has no
 * tie to and, for the appraiser, an agency it `appraised` (its agency appraises a leaf of that criteria set).
 * Phases: `before` (every assessment a draft) and `after` (all finalised and both groups' rankings published).
 */

export const YEAR = 2025;

export type Reader = 'none' | 'ADMIN' | 'COORDINATOR' | 'PROVINCIAL_LEADER' | 'INSPECTOR' | 'ANALYST' | 'AGENCY_OFFICER' | 'APPRAISER';
export type Relation = 'own' | 'other' | 'appraised';
export type Phase = 'before' | 'after';
export type Outcome = 'DATA' | 'LISTED' | 'HIDDEN' | 'ALLOWED' | 'FORBIDDEN' | 'UNAUTHENTICATED';

/** Each reader's token claims and which agency each relation means for it. */
export const READERS: Record<Exclude<Reader, 'none'>, { agency: string | null; subjects: Partial<Record<Relation, string>> }> = {
  ADMIN: { agency: null, subjects: { own: 'HOIAN', other: 'TAMKY' } },
  COORDINATOR: { agency: 'SNV', subjects: { own: 'SNV', other: 'TAMKY' } },
  PROVINCIAL_LEADER: {
    agency: null,
    subjects: { own: 'HOIAN', other: 'TAMKY' },
  },
  INSPECTOR: { agency: null, subjects: { own: 'HOIAN', other: 'TAMKY' } },
  // An analyst working at an agency still reads no drafts, not even that agency's.
  ANALYST: { agency: 'HOIAN', subjects: { own: 'HOIAN', other: 'TAMKY' } },
  AGENCY_OFFICER: {
    agency: 'HOIAN',
    subjects: { own: 'HOIAN', other: 'TAMKY' },
  },
  // STP appraises leaf 2.1 of the district set, nothing of the department set.
  APPRAISER: {
    agency: 'STP',
    subjects: { own: 'STP', appraised: 'TAMKY', other: 'SNV' },
  },
};

export const GROUP_OF: Record<string, 'DISTRICT' | 'DEPARTMENT'> = {
  HOIAN: 'DISTRICT',
  TAMKY: 'DISTRICT',
  SNV: 'DEPARTMENT',
  STP: 'DEPARTMENT',
};

/**
 * - `data` / `forbidden`: always; `allowed`: the mutation's role check passes (the test's inputs are then
 *   refused by a later domain rule, so nothing is appended);
 * - `own`: the own agency's, others' only after publication; `appraised`: also those it appraises;
 * - `public`: only after publication (finalised or published);
 * - `ownMutation`: allowed for the own agency only, in either phase.
 */
type Rule = 'data' | 'forbidden' | 'own' | 'appraised' | 'public' | 'allowed' | 'ownMutation';

const readAll = (o: Partial<Record<Exclude<Reader, 'none'>, Rule>> = {}): Record<Exclude<Reader, 'none'>, Rule> => ({
  ADMIN: 'data',
  COORDINATOR: 'data',
  PROVINCIAL_LEADER: 'data',
  INSPECTOR: 'data',
  ANALYST: 'data',
  AGENCY_OFFICER: 'data',
  APPRAISER: 'data',
  ...o,
});
const operationsOnly = readAll({
  ANALYST: 'forbidden',
  AGENCY_OFFICER: 'forbidden',
  APPRAISER: 'forbidden',
});
const mutation = (o: Partial<Record<Exclude<Reader, 'none'>, Rule>>) =>
  readAll({
    ADMIN: 'forbidden',
    COORDINATOR: 'forbidden',
    PROVINCIAL_LEADER: 'forbidden',
    INSPECTOR: 'forbidden',
    ANALYST: 'forbidden',
    AGENCY_OFFICER: 'forbidden',
    APPRAISER: 'forbidden',
    ...o,
  });
const compiles = { ADMIN: 'allowed', COORDINATOR: 'allowed' } as const;

/** The table: one row per query and mutation of the schema (a test checks that none is missing). */
export const EXPECTED: Record<string, Record<Exclude<Reader, 'none'>, Rule>> = {
  agencies: readAll(),
  agency: readAll(),
  framework: readAll(),
  frameworks: readAll(),
  cycle: readAll(),
  cycles: readAll(),
  ranking: readAll(),
  rankingHistory: readAll(),
  // Compares finalised assessments only (public to every reader of assessments), like the ranking built from them.
  areaComparison: readAll(),
  // Years of published (or imported, or provisional over finalised) rankings, with the public lineage: like the ranking.
  agencyTrend: readAll(),
  rankingChanges: readAll(),
  assessment: readAll({
    ANALYST: 'public',
    AGENCY_OFFICER: 'own',
    APPRAISER: 'appraised',
  }),
  assessmentAsOf: readAll({
    ANALYST: 'public',
    AGENCY_OFFICER: 'own',
    APPRAISER: 'appraised',
  }),
  assessments: readAll({
    ANALYST: 'public',
    AGENCY_OFFICER: 'own',
    APPRAISER: 'appraised',
  }),
  auditTrail: readAll({
    ANALYST: 'public',
    AGENCY_OFFICER: 'own',
    APPRAISER: 'appraised',
  }),
  responsibilities: readAll({
    ANALYST: 'public',
    AGENCY_OFFICER: 'own',
    APPRAISER: 'own',
  }),
  // The coordinating role's work list: a role's, not an agency's; those who run and oversee the year read it.
  coordinatorDuties: readAll({ ANALYST: 'forbidden', AGENCY_OFFICER: 'forbidden', APPRAISER: 'forbidden' }),
  projections: operationsOnly,
  serviceInstance: operationsOnly,
  logVerification: operationsOnly,
  registerAgency: mutation(compiles),
  publishFramework: mutation(compiles),
  openAssessmentCycle: mutation(compiles),
  recordSurveyScores: mutation(compiles),
  finalizeAssessment: mutation(compiles),
  // The People's Committee (UBND) approves rankings; SNV (COORDINATOR) compiles and proposes them.
  proposeRanking: mutation(compiles),
  publishRanking: mutation({ ADMIN: 'allowed', PROVINCIAL_LEADER: 'allowed' }),
  amendCycleSchedule: mutation(compiles),
  grantExtension: mutation(compiles),
  excludeFromRanking: mutation(compiles),
  importPublishedRanking: mutation(compiles),
  recordNonSubmission: mutation(compiles),
  assignAppraiser: mutation(compiles),
  // Role level: which kind, whose agency and until when is the assessment decider's rule (domain tests).
  proposeAdjustment: mutation({ ...compiles, APPRAISER: 'allowed', AGENCY_OFFICER: 'allowed' }),
  decideAdjustment: mutation(compiles),
  // After publication: the agency complains about its own result; the coordinator answers and corrects.
  lodgeComplaint: mutation({ AGENCY_OFFICER: 'ownMutation' }),
  resolveComplaint: mutation(compiles),
  reopenAssessment: mutation(compiles),
  submitSelfAssessment: mutation({ AGENCY_OFFICER: 'ownMutation' }),
  saveSelfAssessmentDraft: mutation({ AGENCY_OFFICER: 'ownMutation' }),
  submitExplanation: mutation({ AGENCY_OFFICER: 'ownMutation' }),
  // Role level, like appraisal: only the leaf's appraiser may ask (domain tests).
  requestExplanation: mutation({ APPRAISER: 'allowed' }),
  // Role level: which leaves an appraiser may score is the assessment decider's rule (domain tests).
  appraiseCriterion: mutation({ APPRAISER: 'allowed' }),
  appraiseCriteria: mutation({ APPRAISER: 'allowed' }),
  rebuildProjection: mutation({ ADMIN: 'allowed' }),
  // Read like the cycle they belong to.
  surveys: readAll(),
  // The survey is SNV's to describe or waive.
  waiveSurvey: mutation(compiles),
  recordSurvey: mutation(compiles),
  // Agencies through time: who existed when is public like the agencies; SNV records the reorganisations.
  jurisdictions: readAll(),
  // Who the token says the reader is: every role reads its own.
  viewer: readAll(),
  // SNV's follow-up list of every agency's coordination duties: like coordinatorDuties.
  responsibilityAssignments: readAll(),
  assignResponsibility: mutation(compiles),
  provincialAssessment: readAll(),
  requestCriterionData: mutation(compiles),
  // Role level: which department provides which criterion is the decider's rule (domain tests).
  provideCriterionData: mutation({ AGENCY_OFFICER: 'allowed' }),
  compileProvincialAssessment: mutation(compiles),
  recordNationalResult: mutation(compiles),
  workload: readAll({ ANALYST: 'forbidden', AGENCY_OFFICER: 'forbidden', APPRAISER: 'forbidden' }),
  renameAgency: mutation(compiles),
  mergeAgencies: mutation(compiles),
  splitAgency: mutation(compiles),
  dissolveAgency: mutation(compiles),
  moveAgency: mutation(compiles),
  registerJurisdiction: mutation(compiles),
  mergeJurisdictions: mutation(compiles),
  // PAR plans (Art. 3): the province's coordination record, read by everyone (departments comment on drafts and
  // carry out the tasks). SNV drafts, asks and amends; the asked department comments for itself only; any
  // department's officer notifies a higher-level change; the People's Committee adopts.
  plans: readAll(),
  plan: readAll(),
  draftPlan: mutation(compiles),
  requestPlanComments: mutation(compiles),
  submitPlanComment: mutation({ AGENCY_OFFICER: 'ownMutation' }),
  notifyHigherLevelChange: mutation({ AGENCY_OFFICER: 'allowed' }),
  adoptPlan: mutation({ ADMIN: 'allowed', PROVINCIAL_LEADER: 'allowed' }),
  amendPlan: mutation(compiles),
  // Reform proposals circulate between agencies for their opinion: everyone reads them. An agency submits its own and
  // gives its own opinion; SNV asks and appraises; the People's Committee decides.
  reformProposals: readAll(),
  reformProposal: readAll(),
  submitReformProposal: mutation({ AGENCY_OFFICER: 'ownMutation' }),
  giveProposalOpinion: mutation({ AGENCY_OFFICER: 'ownMutation' }),
  requestProposalOpinions: mutation(compiles),
  appraiseProposal: mutation(compiles),
  decideProposal: mutation({ ADMIN: 'allowed', PROVINCIAL_LEADER: 'allowed' }),
  // Commendation and accountability follow a published ranking (public): read like it. SNV proposes; the agency held
  // accountable sends its own remedial plan.
  commendationSuggestions: readAll(),
  commendations: readAll(),
  proposeCommendation: mutation(compiles),
  proposeAccountability: mutation(compiles),
  submitRemedialPlan: mutation({ AGENCY_OFFICER: 'ownMutation' }),
  // Reporting and inspections (Decision 2824, Art. 4, 5, 17(3)): coordination records, read by everyone.
  reportings: readAll(),
  reporting: readAll(),
  regulationIssues: readAll(),
  inspectionPlans: readAll(),
  inspection: readAll(),
  scheduleReporting: mutation(compiles),
  compileProvincialReport: mutation(compiles),
  submitProgressReport: mutation({ AGENCY_OFFICER: 'ownMutation' }),
  reportRegulationIssue: mutation({ AGENCY_OFFICER: 'allowed' }),
  // Role level: a department plans and records only the inspections it leads (inspection decider tests).
  issueInspectionPlan: mutation({ ...compiles, AGENCY_OFFICER: 'allowed' }),
  recordInspection: mutation({ ...compiles, AGENCY_OFFICER: 'allowed' }),
  // Role level: only the inspected agency's officer (inspection decider tests).
  reportInspectionFollowUp: mutation({ AGENCY_OFFICER: 'allowed' }),
};

/** Lists answer with the subject's entries or without them, never FORBIDDEN. */
export const LISTS = new Set(['assessments', 'auditTrail']);

export function expectedOutcome(operation: string, reader: Reader, relation: Relation, phase: Phase): Outcome {
  if (reader === 'none') return 'UNAUTHENTICATED';
  const rule = EXPECTED[operation][reader];
  const readable = (() => {
    switch (rule) {
      case 'data':
      case 'allowed':
        return true;
      case 'forbidden':
        return false;
      case 'own':
        return relation === 'own' || phase === 'after';
      case 'appraised':
        return relation !== 'other' || phase === 'after';
      case 'public':
        return phase === 'after';
      case 'ownMutation':
        return relation === 'own';
    }
  })();
  if (rule === 'allowed' || rule === 'ownMutation') return readable ? 'ALLOWED' : 'FORBIDDEN';
  if (LISTS.has(operation)) return readable ? 'LISTED' : 'HIDDEN';
  return readable ? 'DATA' : 'FORBIDDEN';
}
