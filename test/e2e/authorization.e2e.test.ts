import { parse, type ObjectTypeDefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../../src/auth/authorization';
import { availableBackends } from '../support/backends';
import { expectData, startTestService, type GraphQLResponse, type TestService } from '../support/service';
import { EXPECTED, GROUP_OF, LISTS, READERS, YEAR, expectedOutcome, type Outcome, type Phase, type Reader, type Relation } from './authorizationMatrix';
import { APPRAISE, DECISION, FINALIZE, OPEN_CYCLE, PUBLISH_FRAMEWORK, PUBLISH_RANKING, REGISTER_AGENCY, SUBMIT } from './operations';

const DAY = 24 * 3600 * 1000;

/** The operations the schema offers, so that a new query or mutation without a row in the table fails the test. */
const schema = parse(readFileSync(join(__dirname, '../../schema.graphql'), 'utf8'));
const fieldsOf = (type: string) =>
  (schema.definitions.find((d) => d.kind === 'ObjectTypeDefinition' && d.name.value === type) as ObjectTypeDefinitionNode).fields!.map((f) => f.name.value);
const QUERIES = fieldsOf('Query');
const MUTATIONS = new Set(fieldsOf('Mutation'));
const deadlines = {
  selfAssessmentDeadline: new Date(Date.now() + 30 * DAY).toISOString(),
  appraisalDeadline: new Date(Date.now() + 60 * DAY).toISOString(),
};

const districtSet = {
  code: 'AUTH-HUYEN',
  title: 'Bộ chỉ số thử phân quyền — UBND cấp huyện',
  group: 'DISTRICT',
  sample: true,
  areas: [
    {
      code: '1',
      title: 'Công tác chỉ đạo, điều hành CCHC',
      appraiserCode: 'SNV',
      criteria: [{ code: '1.1', title: 'Ban hành kế hoạch CCHC năm', maxPoints: 6 }],
    },
    {
      code: '2',
      title: 'Văn bản quy phạm pháp luật',
      criteria: [
        {
          code: '2.1',
          title: 'Rà soát VBQPPL',
          maxPoints: 4,
          appraiserCode: 'STP',
        },
      ],
    },
  ],
};
const departmentSet = {
  code: 'AUTH-SO',
  title: 'Bộ chỉ số thử phân quyền — sở, ban, ngành',
  group: 'DEPARTMENT',
  sample: true,
  areas: [
    {
      code: '1',
      title: 'Công tác chỉ đạo, điều hành CCHC',
      appraiserCode: 'SNV',
      criteria: [{ code: '1.1', title: 'Ban hành kế hoạch CCHC năm', maxPoints: 10 }],
    },
  ],
};
const cycleInput = {
  year: YEAR,
  frameworkCodes: [districtSet.code, departmentSet.code],
  ...deadlines,
};

interface Request {
  query: string;
  variables?: Record<string, unknown>;
}

/** The request each row sends for a subject agency; mutations carry inputs the domain refuses after the role check. */
function request(operation: string, subject: string): Request {
  const group = GROUP_OF[subject];
  const key = { year: YEAR, agencyCode: subject };
  const unknownLeaf = '9.9';
  const requests: Record<string, Request> = {
    agencies: { query: '{ agencies { code } }' },
    agency: {
      query: 'query($c: ID!) { agency(code: $c) { code } }',
      variables: { c: subject },
    },
    framework: { query: `{ framework(code: "${districtSet.code}") { code } }` },
    frameworks: { query: '{ frameworks { code } }' },
    cycle: { query: `{ cycle(year: ${YEAR}) { year participants { code } } }` },
    cycles: { query: '{ cycles { year } }' },
    ranking: {
      query: `{ ranking(year: ${YEAR}, group: ${group}) { published entries { rank } } }`,
    },
    rankingHistory: { query: `{ rankingHistory(group: ${group}) { year } }` },
    areaComparison: {
      query: `{ areaComparison(year: ${YEAR}, group: ${group}) { frameworkCode areas { code mean } rows { agency { code } areas { indexPercent } } } }`,
    },
    agencyTrend: {
      query: 'query($c: ID!) { agencyTrend(agencyCode: $c) { agency { code } points { year rank indexPercent relation } frameworksDiffer } }',
      variables: { c: subject },
    },
    // The year against itself: the matrix has one year; comparing two is the trend test's.
    rankingChanges: {
      query: `{ rankingChanges(group: ${group}, year: ${YEAR}, comparedToYear: ${YEAR}) { moves { agencyCode rankChange } appeared { agencyCode } frameworksDiffer } }`,
    },
    assessment: {
      query: 'query($y: Int!, $c: ID!) { assessment(year: $y, agencyCode: $c) { status criteria { code selfPoints evidence } } }',
      variables: { y: YEAR, c: subject },
    },
    assessmentAsOf: {
      query: 'query($y: Int!, $c: ID!) { assessment(year: $y, agencyCode: $c, asOf: { position: 1000000 }) { status } }',
      variables: { y: YEAR, c: subject },
    },
    assessments: {
      query: `{ assessments(year: ${YEAR}) { agency { code } } }`,
    },
    auditTrail: {
      query: '{ auditTrail(first: 500) { totalCount edges { node { stream type data } } } }',
    },
    responsibilities: {
      query: 'query($c: ID!) { responsibilities(agencyCode: $c, year: 2025) { agency { code } cycles { year } } }',
      variables: { c: subject },
    },
    coordinatorDuties: {
      query: `{ coordinatorDuties(year: ${YEAR}) { year complaintsToResolve { id } adjustmentsToDecide { id } assessmentsToFinalize { agency { code } } } }`,
    },
    projections: { query: '{ projections { name } }' },
    serviceInstance: { query: '{ serviceInstance { position } }' },
    logVerification: { query: '{ logVerification { checked } }' },
    jurisdictions: { query: '{ jurisdictions { code name } }' },
    viewer: { query: '{ viewer { roles commands reads { resource scope } } }' },
    workload: { query: '{ workload { open } }' },
    responsibilityAssignments: { query: '{ responsibilityAssignments { code } }' },
    provincialAssessment: { query: '{ provincialAssessment(year: 2031) { year } }' },
    // Each is refused after the role check: 1.1 is no criterion of the 2031 set, nothing of 2032 exists.
    requestCriterionData: {
      query: 'mutation($input: RequestCriterionDataInput!) { requestCriterionData(input: $input) { year } }',
      variables: { input: { year: 2031, criterionCodes: ['1.1'], agencyCode: 'STP', dueAt: '2099-03-01T00:00:00Z' } },
    },
    provideCriterionData: {
      query: 'mutation($input: ProvideCriterionDataInput!) { provideCriterionData(input: $input) { year } }',
      variables: { input: { year: 2031, criterionCode: '1.1', value: 1 } },
    },
    compileProvincialAssessment: {
      query: 'mutation($input: CompileProvincialAssessmentInput!) { compileProvincialAssessment(input: $input) { year } }',
      variables: { input: { year: 2032 } },
    },
    recordNationalResult: {
      query: 'mutation($input: RecordNationalResultInput!) { recordNationalResult(input: $input) { year } }',
      variables: { input: { year: 2031, indexPercent: 101, rank: 1, ofProvinces: 34, decisionNumber: '1/QĐ-BNV' } },
    },
    // A lead that is not registered: refused after the role check.
    assignResponsibility: {
      query: 'mutation($input: AssignResponsibilityInput!) { assignResponsibility(input: $input) { code } }',
      variables: {
        input: {
          taskKind: 'COMMUNICATION',
          lead: 'KHONGCO',
          legalBasis: 'QĐ 2824/QĐ-UBND, Điều 16',
          effectiveFrom: '2030-01-01',
          description: 'Truyền thông CCHC',
        },
      },
    },
    // Reorganisations of units that do not exist: refused after the role check, nothing appended.
    ...lineageRequests('KHONGCO'),
    ...planRequests(subject),
    ...proposalRequests(subject),
    ...coordinationRequests(subject),
    registerAgency: {
      query: REGISTER_AGENCY,
      variables: { input: { code: subject, name: 'Trùng mã', group } },
    },
    publishFramework: {
      query: PUBLISH_FRAMEWORK,
      variables: { input: districtSet },
    },
    openAssessmentCycle: {
      query: OPEN_CYCLE,
      variables: { input: cycleInput },
    },
    submitSelfAssessment: {
      query: SUBMIT,
      variables: {
        input: {
          ...key,
          scores: [{ criterionCode: unknownLeaf, points: 1, evidence: ['QĐ số 1'] }],
        },
      },
    },
    saveSelfAssessmentDraft: {
      query: 'mutation($input: SubmitSelfAssessmentInput!) { saveSelfAssessmentDraft(input: $input) { status } }',
      variables: {
        input: {
          ...key,
          scores: [{ criterionCode: unknownLeaf, points: 1, evidence: ['QĐ số 1'] }],
        },
      },
    },
    requestExplanation: {
      query: 'mutation($input: RequestExplanationInput!) { requestExplanation(input: $input) { status } }',
      variables: { input: { ...key, criterionCode: unknownLeaf, question: 'Vì sao?', dueAt: '2099-01-01T00:00:00Z' } },
    },
    submitExplanation: {
      query: 'mutation($input: SubmitExplanationInput!) { submitExplanation(input: $input) { status } }',
      variables: { input: { ...key, criterionCode: unknownLeaf, text: 'Đã bổ sung', evidence: ['QĐ số 1'] } },
    },
    appraiseCriterion: {
      query: APPRAISE,
      variables: {
        input: {
          ...key,
          criterionCode: unknownLeaf,
          points: 1,
          round: 1,
          comment: 'x',
        },
      },
    },
    // An unknown leaf: refused by the assessment decider after the role check, so nothing is appraised here.
    appraiseCriteria: {
      query: 'mutation($input: AppraiseCriteriaInput!) { appraiseCriteria(input: $input) { status } }',
      variables: { input: { ...key, round: 1, items: [{ criterionCode: unknownLeaf, points: 1, comment: 'x' }] } },
    },
    recordSurveyScores: {
      query: 'mutation($input: RecordSurveyScoresInput!) { recordSurveyScores(input: $input) { status } }',
      variables: {
        input: { ...key, scores: [{ criterionCode: unknownLeaf, points: 1 }] },
      },
    },
    // Before publication no assessment is complete; after, all are finalised: refused either way.
    finalizeAssessment: { query: FINALIZE, variables: { input: key } },
    // A group the cycle does not cover: refused by the cycle decider after the role check.
    proposeRanking: {
      query: 'mutation($input: ProposeRankingInput!) { proposeRanking(input: $input) { year status } }',
      variables: { input: { year: YEAR, group: 'COMMUNE' } },
    },
    publishRanking: {
      query: PUBLISH_RANKING,
      variables: { input: { year: YEAR, group: 'COMMUNE', ...DECISION } },
    },
    rebuildProjection: {
      query: 'mutation { rebuildProjection(name: "no-such-projection") { name } }',
    },
    // Schedule: inputs a coordinator could send, refused by the cycle decider (nothing is appended).
    amendCycleSchedule: {
      query: 'mutation($input: AmendCycleScheduleInput!) { amendCycleSchedule(input: $input) { year } }',
      variables: {
        input: { year: YEAR, selfAssessmentDeadline: deadlines.appraisalDeadline, appraisalDeadline: deadlines.selfAssessmentDeadline, reason: 'x' },
      },
    },
    grantExtension: {
      query: 'mutation($input: GrantExtensionInput!) { grantExtension(input: $input) { year } }',
      variables: { input: { ...key, phase: 'SELF_ASSESSMENT', until: '2000-01-01T00:00:00Z', reason: 'x' } },
    },
    // A blank reason: refused by the cycle decider after the role check, so no agency is ever left out here.
    excludeFromRanking: {
      query: 'mutation($input: ExcludeFromRankingInput!) { excludeFromRanking(input: $input) { year notRanked { reason } } }',
      variables: { input: { ...key, reason: ' ' } },
    },
    // No entries: refused by the import decider after the role check, so nothing is ever imported here.
    importPublishedRanking: {
      query: 'mutation($input: ImportPublishedRankingInput!) { importPublishedRanking(input: $input) { year imported } }',
      variables: {
        input: { year: 2019, group: 'DEPARTMENT', decisionNumber: '1/QĐ-UBND', decisionDate: '2020-01-10', source: 'Công báo', entries: [] },
      },
    },
    // A blank reason: refused by the assessment decider after the role check, so no non-submission is ever recorded here.
    recordNonSubmission: {
      query: 'mutation($input: RecordNonSubmissionInput!) { recordNonSubmission(input: $input) { status nonSubmission { reason } } }',
      variables: { input: { ...key, reason: ' ' } },
    },
    // A blank reason: refused by the assessment decider after the role check, so no appraiser is ever named here.
    assignAppraiser: {
      query: 'mutation($input: AssignAppraiserInput!) { assignAppraiser(input: $input) { status criteria { code appraiserCode } } }',
      variables: { input: { ...key, criterionCodes: ['1.1'], appraiserCode: 'STP', reason: ' ' } },
    },
    // A blank reason: refused by the assessment decider after the role check, so nothing is ever proposed here.
    proposeAdjustment: {
      query: 'mutation($input: ProposeAdjustmentInput!) { proposeAdjustment(input: $input) { status adjustments { id } } }',
      variables: { input: { ...key, kind: 'BONUS', points: 1, reason: ' ', evidence: ['QĐ số 1'] } },
    },
    // No such proposal: refused by the assessment decider after the role check.
    decideAdjustment: {
      query: 'mutation($input: DecideAdjustmentInput!) { decideAdjustment(input: $input) { status adjustments { id } } }',
      variables: { input: { ...key, adjustmentId: 'ADJ-999', acceptedPoints: 0, comment: 'x' } },
    },
    // Blank text: refused by the assessment decider after the role check, so no complaint is ever lodged here.
    lodgeComplaint: {
      query: 'mutation($input: LodgeComplaintInput!) { lodgeComplaint(input: $input) { status complaints { id } } }',
      variables: { input: { ...key, criterionCode: '1.1', text: ' ' } },
    },
    // No such complaint: refused by the assessment decider after the role check.
    resolveComplaint: {
      query: 'mutation($input: ResolveComplaintInput!) { resolveComplaint(input: $input) { status complaints { id } } }',
      variables: { input: { ...key, complaintId: 'KN-999', outcome: 'UPHELD' } },
    },
    // A blank reason: refused by the assessment decider after the role check, so nothing is ever reopened here.
    reopenAssessment: {
      query: 'mutation($input: ReopenAssessmentInput!) { reopenAssessment(input: $input) { status reopenings { reason } } }',
      variables: { input: { ...key, reason: ' ' } },
    },
    surveys: { query: `{ surveys(year: ${YEAR}) { code scores { agency { code } points } } }` },
    // A blank reason: refused by the cycle decider after the role check, so no survey is ever waived here.
    waiveSurvey: {
      query: 'mutation($input: WaiveSurveyInput!) { waiveSurvey(input: $input) { year surveyWaivers { group } } }',
      variables: { input: { year: YEAR, group, reason: ' ' } },
    },
    // No respondents: refused by the cycle decider after the role check, so no survey is ever recorded here.
    recordSurvey: {
      query: 'mutation($input: RecordSurveyInput!) { recordSurvey(input: $input) { code } }',
      variables: {
        input: {
          year: YEAR,
          group,
          code: 'KS-1',
          title: 'Khảo sát',
          conductedBy: 'Viện',
          respondents: 0,
          reportReference: 'BC số 1',
          conductedAt: '2025-01-01T00:00:00Z',
        },
      },
    },
  };
  return requests[operation];
}

/** What came back, in the table's terms; anything else is reported as it is, so a mismatch says what happened. */
/** One request per reorganisation mutation, each naming `missing`, a unit (or jurisdiction) that is not registered. */
function lineageRequests(missing: string): Record<string, Request> {
  const change = { effectiveFrom: '2030-01-01', legalBasis: { number: '1/QĐ-UBND', date: '2029-12-01' } };
  const request = (name: string, input: object) => ({
    query: `mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { __typename } }`,
    variables: { input: { ...change, ...input } },
  });
  return {
    renameAgency: request('renameAgency', { code: missing, name: 'Tên mới' }),
    mergeAgencies: request('mergeAgencies', { sourceCodes: [missing], into: { code: 'SNV' } }),
    splitAgency: request('splitAgency', { sourceCode: missing, into: [{ code: 'SNV' }, { code: 'STP' }] }),
    dissolveAgency: request('dissolveAgency', { code: missing }),
    moveAgency: request('moveAgency', { code: missing, group: 'COMMUNE' }),
    registerJurisdiction: { query: REGISTER_JURISDICTION, variables: { input: { code: 'not a code', name: 'Tỉnh' } } },
    mergeJurisdictions: request('mergeJurisdictions', { sourceCodes: [missing], into: { code: 'DNG', name: 'Thành phố Đà Nẵng' } }),
  };
}

/** The national criteria set the province's own assessment of 2031 uses. */
const provinceSet = {
  code: 'TEST-TINH-2031',
  title: 'Bộ chỉ số thử nghiệm — cấp tỉnh',
  group: 'PROVINCE',
  sample: true,
  areas: [{ code: '2', title: 'Văn bản quy phạm pháp luật', criteria: [{ code: '2.1', title: 'Rà soát VBQPPL', maxPoints: 2, appraiserCode: 'STP' }] }],
};
/** The plan every reader reads (drafted before the matrix runs). */
const MATRIX_PLAN = 'KH-MATRIX';

/**
 * One request per plan query and mutation. The mutations name a plan never drafted (or, for draftPlan, a lead never
 * registered): refused after the role check (and the own-agency check for comments), nothing appended.
 */
function planRequests(subject: string): Record<string, Request> {
  const missing = 'KH-KHONGCO';
  const request = (name: string, input: object) => ({
    query: `mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { code } }`,
    variables: { input },
  });
  const task = { code: 'NV-01', title: 'Nhiệm vụ', lead: 'KHONGCO', dueAt: '2099-01-01T00:00:00Z' };
  const decision = { decisionNumber: '1/QĐ-UBND', decisionDate: '2030-01-20' };
  return {
    plans: { query: '{ plans(year: 2030) { code status } }' },
    plan: { query: 'query($c: ID!) { plan(code: $c) { code tasks { code status } } }', variables: { c: MATRIX_PLAN } },
    draftPlan: request('draftPlan', { code: missing, kind: 'YEARLY', year: 2030, title: 'Kế hoạch', tasks: [task] }),
    requestPlanComments: request('requestPlanComments', { planCode: missing, agencyCodes: ['STP'], dueAt: '2099-01-01T00:00:00Z' }),
    submitPlanComment: request('submitPlanComment', { planCode: missing, agencyCode: subject, text: 'Góp ý' }),
    notifyHigherLevelChange: request('notifyHigherLevelChange', { planCode: missing, text: 'Thay đổi', legalBasis: { number: '1/NĐ-CP', date: '2030-01-01' } }),
    adoptPlan: request('adoptPlan', { planCode: missing, ...decision }),
    amendPlan: request('amendPlan', { planCode: missing, reason: 'Lý do', ...decision, tasks: [task] }),
  };
}

/**
 * One request per reform-proposal and commendation query and mutation; the mutations name a proposal that does not
 * exist, an agency that is not registered or one no accountability was proposed for: refused after the role check.
 */
function proposalRequests(subject: string): Record<string, Request> {
  const mutation = (name: string, input: object) => ({
    query: `mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { __typename } }`,
    variables: { input },
  });
  const missing = 'DA-KHONGCO';
  return {
    reformProposals: { query: '{ reformProposals { code opinions { missing { agencyCode } } } }' },
    reformProposal: { query: `{ reformProposal(code: "${missing}") { code } }` },
    commendationSuggestions: { query: `{ commendationSuggestions(year: ${YEAR}, group: ${GROUP_OF[subject]}) { agencyCode kind } }` },
    commendations: { query: `{ commendations(year: ${YEAR}) { agencyCode kind } }` },
    submitReformProposal: mutation('submitReformProposal', { code: 'not a code', title: 'Đề án', submittingAgencyCode: subject, summary: 'Tóm tắt' }),
    requestProposalOpinions: mutation('requestProposalOpinions', { code: missing, agencyCodes: [subject], dueAt: '2099-01-01T00:00:00Z' }),
    giveProposalOpinion: mutation('giveProposalOpinion', { code: missing, agencyCode: subject, opinion: 'AGREE', text: 'Nhất trí' }),
    appraiseProposal: mutation('appraiseProposal', { code: missing, recommendation: 'APPROVE', text: 'Đạt' }),
    decideProposal: mutation('decideProposal', { code: missing, decision: 'APPROVED', decisionNumber: '1/QĐ-UBND', decisionDate: '2030-01-20' }),
    proposeCommendation: mutation('proposeCommendation', { year: YEAR, agencyCode: 'KHONGCO', reason: 'Tốt', basis: 'QĐ' }),
    proposeAccountability: mutation('proposeAccountability', { year: YEAR, agencyCode: 'KHONGCO', reason: 'Yếu', basis: 'QĐ' }),
    submitRemedialPlan: mutation('submitRemedialPlan', {
      year: YEAR,
      agencyCode: subject,
      weakCriteria: ['1'],
      actions: [{ text: 'Khắc phục' }],
      dueAt: '2099-01-01T00:00:00Z',
    }),
  };
}

/**
 * Reporting and inspections: reads of a year with nothing in it or of ids never used (null, still DATA), and
 * mutations the deciders refuse after the role check (a past deadline, a round or inspection never scheduled).
 */
function coordinationRequests(subject: string): Record<string, Request> {
  const request = (name: string, input: object) => ({
    query: `mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { __typename } }`,
    variables: { input },
  });
  return {
    reportings: { query: `{ reportings(year: ${YEAR}) { id submissions { status } } }` },
    reporting: { query: '{ reporting(id: "BC-1999-Q1") { id } }' },
    regulationIssues: { query: '{ regulationIssues { id } }' },
    inspectionPlans: { query: `{ inspectionPlans(year: ${YEAR}) { issuingAgencyCode } }` },
    inspection: { query: '{ inspection(code: "KT-KHONGCO") { code } }' },
    scheduleReporting: request('scheduleReporting', { period: 'QUARTER', year: YEAR, quarter: 1, dueAt: '2020-01-01T00:00:00Z', agencyCodes: [subject] }),
    submitProgressReport: request('submitProgressReport', { reportingId: 'BC-1999-Q1', agencyCode: subject, progress: [] }),
    compileProvincialReport: request('compileProvincialReport', { reportingId: 'BC-1999-Q1', summary: 'Tổng hợp' }),
    reportRegulationIssue: request('reportRegulationIssue', { text: ' ' }),
    issueInspectionPlan: request('issueInspectionPlan', { year: YEAR, inspections: [] }),
    recordInspection: request('recordInspection', { code: 'KT-KHONGCO', conductedOn: '2025-01-01', findings: [] }),
    reportInspectionFollowUp: request('reportInspectionFollowUp', { code: 'KT-KHONGCO', text: 'x', done: true }),
  };
}

/** Lookups by id that answer null for an id never used: reading one is DATA. */
// The matrix's log has no reform proposal, reporting round or inspection: the one asked for is null to every
// reader let through (not FORBIDDEN).
const NULLABLE_LOOKUPS = new Set(['reformProposal', 'reporting', 'inspection']);

const REGISTER_JURISDICTION = 'mutation($input: RegisterJurisdictionInput!) { registerJurisdiction(input: $input) { code } }';

function outcomeOf(operation: string, subject: string, response: GraphQLResponse): string {
  const codes = (response.errors ?? []).map((e) => e.extensions?.code);
  const field = operation === 'assessmentAsOf' ? 'assessment' : operation;
  if (codes.includes('UNAUTHENTICATED')) return 'UNAUTHENTICATED';
  if (codes.includes('FORBIDDEN')) return response.data?.[field] == null ? 'FORBIDDEN' : 'FORBIDDEN with data';
  if (MUTATIONS.has(operation)) return 'ALLOWED';
  if (codes.length > 0) return `error ${codes.join(',')}`;
  const data = response.data?.[field];
  if (data == null) return NULLABLE_LOOKUPS.has(operation) ? 'DATA' : 'null';
  if (operation === 'assessments') return data.some((a: { agency: { code: string } }) => a.agency.code === subject) ? 'LISTED' : 'HIDDEN';
  if (operation === 'auditTrail') {
    const streams = data.edges.map((e: { node: { stream: string } }) => e.node.stream);
    // Public events (agencies, criteria sets, cycles) reach every reader of the trail, and the count matches.
    if (streams.filter((s: string) => s.startsWith('agency-')).length !== 4) return 'public events missing';
    if (data.totalCount !== streams.length) return `totalCount ${data.totalCount} for ${streams.length} events`;
    return streams.includes(`assessment-${YEAR}-${subject}`) ? 'LISTED' : 'HIDDEN';
  }
  return 'DATA';
}

// On every store pair: restricted readers' audit trails are range and set queries the read stores translate.
describe.each(availableBackends('the authorisation matrix').map((b) => [b.name, b] as const))(
  'the authorisation matrix over HTTP on %s: every role × every query and mutation × own/other agency × before/after publication',
  (_name, backend) => {
    let t: TestService;
    let coordinator: string;
    const tokens = new Map<Reader, string | null>();

    const officer = (agency: string) => t.token(['AGENCY_OFFICER'], agency, `officer.${agency}`);
    const appraiser = (agency: string) => t.token(['APPRAISER'], agency, `appraiser.${agency}`);
    const ok = async (query: string, variables: Record<string, unknown>, token: string) => expectData(await t.gql(query, variables, token));
    const appraise = (by: string, agencyCode: string, criterionCode: string, points: number) =>
      ok(
        APPRAISE,
        {
          input: {
            year: YEAR,
            agencyCode,
            criterionCode,
            points,
            round: 1,
            comment: 'đã kiểm tra',
          },
        },
        appraiser(by),
      );
    const finalize = (agencyCode: string) => ok(FINALIZE, { input: { year: YEAR, agencyCode } }, coordinator);

    beforeAll(async () => {
      t = await startTestService({}, {}, backend);
      coordinator = t.token(['COORDINATOR'], 'SNV', 'coordinator.snv');
      tokens.set('none', null);
      for (const [role, { agency }] of Object.entries(READERS)) tokens.set(role as Reader, t.token([role as Role], agency, `matrix.${role.toLowerCase()}`));

      for (const input of [
        { code: 'SNV', name: 'Sở Nội vụ', group: 'DEPARTMENT' },
        { code: 'STP', name: 'Sở Tư pháp', group: 'DEPARTMENT' },
        { code: 'TAMKY', name: 'UBND Thành phố Tam Kỳ', group: 'DISTRICT' },
        { code: 'HOIAN', name: 'UBND Thành phố Hội An', group: 'DISTRICT' },
      ]) {
        await ok(REGISTER_AGENCY, { input }, coordinator);
      }
      for (const set of [districtSet, departmentSet]) await ok(PUBLISH_FRAMEWORK, { input: set }, coordinator);
      // The province's assessment of 2031 exists, so `provincialAssessment` has data to read.
      await ok(PUBLISH_FRAMEWORK, { input: provinceSet }, coordinator);
      await ok(
        'mutation($input: RequestCriterionDataInput!) { requestCriterionData(input: $input) { year } }',
        { input: { year: 2031, frameworkCode: provinceSet.code, criterionCodes: ['2.1'], agencyCode: 'STP', dueAt: '2099-01-01T00:00:00Z' } },
        coordinator,
      );
      await ok(OPEN_CYCLE, { input: cycleInput }, coordinator);
      for (const code of ['TAMKY', 'HOIAN']) {
        const scores = [
          {
            criterionCode: '1.1',
            points: 5,
            evidence: [`KH số 12/KH-UBND của ${code}`],
          },
          {
            criterionCode: '2.1',
            points: 3,
            evidence: [`KQ rà soát VBQPPL của ${code}`],
          },
        ];
        await ok(SUBMIT, { input: { year: YEAR, agencyCode: code, scores } }, officer(code));
      }
      for (const code of ['SNV', 'STP']) {
        await ok(
          SUBMIT,
          {
            input: {
              year: YEAR,
              agencyCode: code,
              scores: [
                {
                  criterionCode: '1.1',
                  points: 8,
                  evidence: [`KH CCHC của ${code}`],
                },
              ],
            },
          },
          officer(code),
        );
      }
      // One appraisal so drafts have appraisal events too; nothing is complete yet.
      await appraise('SNV', 'TAMKY', '1.1', 4.5);
      const planTask = { code: 'NV-01', title: 'Nhiệm vụ', lead: 'SNV', dueAt: '2099-01-01T00:00:00Z' };
      await ok(
        'mutation($input: DraftPlanInput!) { draftPlan(input: $input) { code } }',
        { input: { code: MATRIX_PLAN, kind: 'YEARLY', year: 2030, title: 'Kế hoạch CCHC năm 2030', tasks: [planTask] } },
        coordinator,
      );
    });
    afterAll(async () => t?.stop());

    it('has a row for every query and mutation of the schema', () => {
      expect(
        Object.keys(EXPECTED)
          .filter((op) => op !== 'assessmentAsOf')
          .sort(),
      ).toEqual([...QUERIES, ...MUTATIONS].sort());
      expect([...LISTS].every((op) => QUERIES.includes(op))).toBe(true);
    });

    /** Runs every cell of one phase; collects mismatches so one failure lists them all. */
    async function runPhase(phase: Phase) {
      const headBefore = await t.service.events.headPosition();
      const mismatches: string[] = [];
      let cells = 0;
      for (const reader of tokens.keys()) {
        const subjects = reader === 'none' ? { own: 'HOIAN', other: 'TAMKY' } : READERS[reader].subjects;
        for (const [relation, subject] of Object.entries(subjects) as [Relation, string][]) {
          for (const operation of Object.keys(EXPECTED)) {
            const expected: Outcome = expectedOutcome(operation, reader, relation, phase);
            const { query, variables } = request(operation, subject);
            const actual = outcomeOf(operation, subject, await t.gql(query, variables, tokens.get(reader)));
            cells++;
            if (actual !== expected) mismatches.push(`${phase} ${reader} ${relation} (${subject}) ${operation}: expected ${expected}, got ${actual}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
      expect(cells).toBeGreaterThan(400);
      // Every allowed mutation was refused by a domain rule after the role check: the log did not move.
      expect(await t.service.events.headPosition()).toBe(headBefore);
    }

    it('before publication: drafts are readable only within scope', async () => {
      await runPhase('before');
    });

    it('a refused nullable field is FORBIDDEN on that field and the rest of the answer comes back', async () => {
      const response = await t.gql(
        `{ cycle(year: ${YEAR}) { year } own: assessment(year: ${YEAR}, agencyCode: "HOIAN") { status } other: assessment(year: ${YEAR}, agencyCode: "TAMKY") { status } }`,
        {},
        tokens.get('AGENCY_OFFICER'),
      );
      expect(response.data).toEqual({
        cycle: { year: YEAR },
        own: { status: 'SUBMITTED' },
        other: null,
      });
      expect(response.errors).toHaveLength(1);
      expect(response.errors![0]).toMatchObject({
        path: ['other'],
        extensions: { code: 'FORBIDDEN' },
      });
      expect(response.errors![0].message).toMatch(/TAMKY/);
    });

    it('an audit trail filtered to a stream outside the scope is FORBIDDEN; the own stream is readable', async () => {
      const trail = (streamId: string) => t.gql(`{ auditTrail(filter: { streamId: "${streamId}" }) { totalCount } }`, {}, tokens.get('AGENCY_OFFICER'));
      expect((await trail(`assessment-${YEAR}-TAMKY`)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'filter.streamId' });
      expect(expectData(await trail(`assessment-${YEAR}-HOIAN`)).auditTrail.totalCount).toBe(1);
      // Filtering by the other agency leaves only its public registration.
      const byAgency = expectData(
        await t.gql('{ auditTrail(filter: { agencyCode: "TAMKY" }) { totalCount edges { node { type } } } }', {}, tokens.get('AGENCY_OFFICER')),
      );
      expect(byAgency.auditTrail.edges.map((e: { node: { type: string } }) => e.node.type)).toEqual(['AgencyRegistered']);
    });

    it('a finalised assessment is readable by every role before its ranking is published', async () => {
      await appraise('STP', 'TAMKY', '2.1', 3);
      await finalize('TAMKY');
      for (const reader of ['ANALYST', 'AGENCY_OFFICER'] as const) {
        const data = expectData(await t.gql(`{ assessment(year: ${YEAR}, agencyCode: "TAMKY") { status } }`, {}, tokens.get(reader)));
        expect(data.assessment.status).toBe('FINALIZED');
      }
      const analystList = expectData(await t.gql(`{ assessments(year: ${YEAR}) { agency { code } } }`, {}, tokens.get('ANALYST'))).assessments;
      expect(analystList.map((a: { agency: { code: string } }) => a.agency.code)).toEqual(['TAMKY']);
    });

    it('after publication: everything published is readable by every role', async () => {
      await appraise('SNV', 'HOIAN', '1.1', 5);
      await appraise('STP', 'HOIAN', '2.1', 3);
      // SNV never appraises its own self-assessment: the coordinator names STP for SNV's 1.1.
      const assign = 'mutation($input: AssignAppraiserInput!) { assignAppraiser(input: $input) { year } }';
      const reason = 'Sở Nội vụ không tự thẩm định';
      await ok(assign, { input: { year: YEAR, agencyCode: 'SNV', criterionCodes: ['1.1'], appraiserCode: 'STP', reason } }, coordinator);
      await appraise('STP', 'SNV', '1.1', 8);
      await appraise('SNV', 'STP', '1.1', 7);
      for (const code of ['HOIAN', 'SNV', 'STP']) await finalize(code);
      const leader = t.token(['PROVINCIAL_LEADER'], null, 'leader.ubnd');
      for (const group of ['DISTRICT', 'DEPARTMENT']) await ok(PUBLISH_RANKING, { input: { year: YEAR, group, ...DECISION } }, leader);
      await runPhase('after');
    });
  },
);
