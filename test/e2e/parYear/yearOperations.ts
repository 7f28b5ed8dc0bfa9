/** What the whole-year suite sends, as an SNV officer's, an agency officer's or an appraiser's front end would. */

/** A district criteria set with caps: bonus and penalty up to 2 points each; 20 points, of which 10 by survey. */
export const yearFramework = {
  code: 'NAM-2027-HUYEN',
  title: 'Bộ chỉ số CCHC cấp huyện năm 2027 (mẫu)',
  group: 'DISTRICT',
  sample: true,
  methodology: 'QĐ 1149/QĐ-BNV (mẫu)',
  bonusMaxPoints: 2,
  penaltyMaxPoints: 2,
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

export const YEAR_AGENCIES = [
  { code: 'SNV', name: 'Sở Nội vụ', group: 'DEPARTMENT' },
  { code: 'STP', name: 'Sở Tư pháp', group: 'DEPARTMENT' },
  { code: 'TAMKY', name: 'UBND Thành phố Tam Kỳ', group: 'DISTRICT' },
  { code: 'HOIAN', name: 'UBND Thành phố Hội An', group: 'DISTRICT' },
  { code: 'NONGSON', name: 'UBND huyện Nông Sơn', group: 'DISTRICT' },
  { code: 'DAILOC', name: 'UBND huyện Đại Lộc', group: 'DISTRICT' },
  { code: 'BACTRAMY', name: 'UBND huyện Bắc Trà My', group: 'DISTRICT' },
  { code: 'DIENBAN', name: 'UBND thị xã Điện Bàn', group: 'DISTRICT' },
];

const ASSESSMENT = `status version totalPoints selfTotalPoints bonusPoints penaltyPoints applicableMaxPoints indexPercent band { label minIndexPercent }
  criteria { code selfPoints appraisedPoints surveyPoints surveyCode finalPoints applicable notApplicableClaim appraiser { code }
    appraisals { round points appraiser { code } } explanationRequests { question answeredAt revisedPoints } }
  adjustments { id kind proposedPoints acceptedPoints status }
  complaints { id criterionCode status outcome comment }
  reopenings { reason previousTotalPoints }
  nonSubmission { reason }
  tree { code points selfPoints appraisedPoints children { code points } }`;

/** Mutations whose input is not named after them: a draft takes what a submission takes. */
const INPUT_TYPE: Record<string, string> = { saveSelfAssessmentDraft: 'SubmitSelfAssessmentInput' };

/** `mutation($input: <Name>Input!) { <name>(input: $input) { <selection> } }` for one mutation. */
export const mutation = (name: string, selection: string = ASSESSMENT) =>
  `mutation($input: ${INPUT_TYPE[name] ?? `${name[0].toUpperCase()}${name.slice(1)}Input`}!) { ${name}(input: $input) { ${selection} } }`;

export const ASSESSMENT_QUERY = `query($year: Int!, $agencyCode: ID!) { assessment(year: $year, agencyCode: $agencyCode) { ${ASSESSMENT} } }`;

export const RANKING_SELECTION = `status decisionNumber decisionDate publicationCount republishReason
  entries { rank agency { code } totalPoints indexPercent band { label minIndexPercent } }
  notRanked { agency { code } reason }
  changes { agency { code } rankBefore rankAfter indexBefore indexAfter }`;

export const RANKING_QUERY = `query($year: Int!) { ranking(year: $year, group: DISTRICT) { ${RANKING_SELECTION} } }`;

export const SURVEYS_QUERY = `query($year: Int!) { surveys(year: $year) { code title respondents scores { agency { code } criterionCode points } } }`;

export const AUDIT_TYPES = `query($agencyCode: ID!) { auditTrail(filter: { agencyCode: $agencyCode }, first: 200) { totalCount edges { node { type actor { sub } } } } }`;
