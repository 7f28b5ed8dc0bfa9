/** The GraphQL operations the end-to-end tests send, as a frontend would. */

export const ASSESSMENT_FIELDS = `
  year version status totalPoints applicableMaxPoints indexPercent band { label minIndexPercent }
  agency { code name }
  areas { code title points maxPoints indexPercent }
  criteria { code title maxPoints selfPoints appraisedPoints surveyPoints finalPoints applicable appraisals { round points } }
`;

export const REGISTER_AGENCY = `mutation($input: RegisterAgencyInput!, $commandId: ID) {
  registerAgency(input: $input, commandId: $commandId) { code name group }
}`;

export const PUBLISH_FRAMEWORK = `mutation($input: PublishFrameworkInput!) {
  publishFramework(input: $input) { code title group sample maxPoints areas { code maxPoints criteria { code maxPoints method appraiserCode children { code maxPoints appraiserCode } } } }
}`;

export const OPEN_CYCLE = `mutation($input: OpenAssessmentCycleInput!) {
  openAssessmentCycle(input: $input) { year participants { code name } frameworks { group frameworkCode rankingPublished } bands { label minIndexPercent } groupBands { group bands { label } } selfAssessmentDeadline }
}`;

export const SUBMIT = `mutation($input: SubmitSelfAssessmentInput!, $commandId: ID, $expectedVersion: Int) {
  submitSelfAssessment(input: $input, commandId: $commandId, expectedVersion: $expectedVersion) { ${ASSESSMENT_FIELDS} }
}`;

export const APPRAISE = `mutation($input: AppraiseCriterionInput!) {
  appraiseCriterion(input: $input) { ${ASSESSMENT_FIELDS} }
}`;

export const SURVEY = `mutation($input: RecordSurveyScoresInput!) {
  recordSurveyScores(input: $input) { ${ASSESSMENT_FIELDS} }
}`;

export const FINALIZE = `mutation($input: FinalizeAssessmentInput!) {
  finalizeAssessment(input: $input) { ${ASSESSMENT_FIELDS} }
}`;

export const PUBLISH_RANKING = `mutation($input: PublishRankingInput!) {
  publishRanking(input: $input) { year group published publishedAt decisionNumber decisionDate entries { rank agency { code name } totalPoints maxPoints indexPercent band { label minIndexPercent } } }
}`;

/** The People's Committee's decision approving a ranking, as publishRanking takes it. */
export const DECISION = { decisionNumber: '123/QĐ-UBND', decisionDate: '2027-03-01' };

export const RANKING = `query($year: Int!, $group: AgencyGroup!) {
  ranking(year: $year, group: $group) { year group published entries { rank agency { code name } totalPoints maxPoints indexPercent band { label minIndexPercent } } }
}`;

export const ASSESSMENT = `query($year: Int!, $agencyCode: ID!) { assessment(year: $year, agencyCode: $agencyCode) { ${ASSESSMENT_FIELDS} } }`;

export const AUDIT = `query($filter: AuditTrailFilter, $first: Int, $after: String) {
  auditTrail(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { position type time stream streamVersion agencyCode commandId data hash prevHash actor { sub name agency roles } } }
  }
}`;

export const RESPONSIBILITIES = `query($agencyCode: ID!) {
  responsibilities(agencyCode: $agencyCode) {
    agency { code }
    cycles { year selfAssessment { frameworkCode deadline submittedAt overdue } appraises { group criterionCodes } pendingAppraisals { agencyCode criterionCode } appraisalsOverdue }
  }
}`;

/** A small DISTRICT criteria set: areas 1 (SNV), 2 (STP) and 3 (survey), 20 points in all. */
export const districtFramework = {
  code: 'TEST-HUYEN-2025',
  title: 'Bộ chỉ số thử nghiệm — UBND cấp huyện',
  group: 'DISTRICT',
  sample: true,
  methodology: 'test',
  areas: [
    {
      code: '1',
      title: 'Công tác chỉ đạo, điều hành CCHC',
      appraiserCode: 'SNV',
      criteria: [
        { code: '1.1', title: 'Ban hành kế hoạch CCHC năm', maxPoints: 4 },
        {
          code: '1.2',
          title: 'Thực hiện kế hoạch',
          children: [
            { code: '1.2.1', title: 'Mức độ hoàn thành kế hoạch', maxPoints: 2.5 },
            { code: '1.2.2', title: 'Báo cáo định kỳ', maxPoints: 1.5 },
          ],
        },
      ],
    },
    { code: '2', title: 'Văn bản quy phạm pháp luật', criteria: [{ code: '2.1', title: 'Rà soát VBQPPL', maxPoints: 2, appraiserCode: 'STP' }] },
    { code: '3', title: 'Tác động của CCHC', criteria: [{ code: '3.1', title: 'Mức độ hài lòng (điều tra XHH)', maxPoints: 10, method: 'SURVEY' }] },
  ],
};

/** Self points per leaf of the sample district framework. */
export const SELF_SCORES: Record<string, number> = { '1.1': 4, '1.2.1': 2, '1.2.2': 1.5, '2.1': 2 };

/** Live updates (graphql-ws on /graphql). */
export const ASSESSMENT_CHANGED = `subscription($year: Int!, $agencyCode: ID!) {
  assessmentChanged(year: $year, agencyCode: $agencyCode) { year version status totalPoints agency { code } }
}`;
export const RANKING_CHANGED = `subscription($year: Int!, $group: AgencyGroup!) {
  rankingChanged(year: $year, group: $group) { year group published entries { rank agency { code } totalPoints } }
}`;
export const DUTIES_CHANGED = `subscription($agencyCode: ID!, $year: Int) {
  dutiesChanged(agencyCode: $agencyCode, year: $year) { agency { code } cycles { year pendingAppraisals { agencyCode criterionCode } } }
}`;
export const AUDIT_APPENDED = `subscription($filter: AuditTrailFilter, $after: String) {
  auditAppended(filter: $filter, after: $after) { position type stream agencyCode actor { sub } }
}`;

/** A complete self-assessment of the sample district framework, with evidence. */
export function selfAssessment(year: number, agencyCode: string) {
  const scores = Object.entries(SELF_SCORES).map(([criterionCode, points]) => ({
    criterionCode,
    points,
    evidence: [`KH số 1/KH-UBND ${criterionCode}`],
    explanation: `Đã thực hiện đầy đủ tiêu chí ${criterionCode}`,
  }));
  return { input: { year, agencyCode, scores } };
}
