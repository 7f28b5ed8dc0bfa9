import { INPUT_BOUNDS as B } from '../../src/schema/inputBounds';
import { expectData, startTestService, type TestService } from '../support/service';
import { OPEN_CYCLE, PUBLISH_FRAMEWORK, REGISTER_AGENCY, districtFramework } from './operations';

const DAY = 24 * 3600 * 1000;
const text = (n: number) => 'ạ'.repeat(n); // Vietnamese letters count as one character each
const list = <T>(n: number, item: (i: number) => T) => Array.from({ length: n }, (_, i) => item(i));

// Every mutation takes the same optional commandId; each names its own input type.
const M = {
  registerAgency: 'mutation($input: RegisterAgencyInput!, $commandId: ID) { registerAgency(input: $input, commandId: $commandId) { code } }',
  publishFramework: 'mutation($input: PublishFrameworkInput!, $commandId: ID) { publishFramework(input: $input, commandId: $commandId) { code } }',
  openAssessmentCycle: 'mutation($input: OpenAssessmentCycleInput!, $commandId: ID) { openAssessmentCycle(input: $input, commandId: $commandId) { year } }',
  submitSelfAssessment:
    'mutation($input: SubmitSelfAssessmentInput!, $commandId: ID) { submitSelfAssessment(input: $input, commandId: $commandId) { version } }',
  appraiseCriterion: 'mutation($input: AppraiseCriterionInput!, $commandId: ID) { appraiseCriterion(input: $input, commandId: $commandId) { version } }',
  recordSurveyScores: 'mutation($input: RecordSurveyScoresInput!, $commandId: ID) { recordSurveyScores(input: $input, commandId: $commandId) { version } }',
  finalizeAssessment: 'mutation($input: FinalizeAssessmentInput!, $commandId: ID) { finalizeAssessment(input: $input, commandId: $commandId) { version } }',
  publishRanking: 'mutation($input: PublishRankingInput!, $commandId: ID) { publishRanking(input: $input, commandId: $commandId) { year } }',
};
type MutationName = keyof typeof M;
type Who = 'coordinator' | 'officer' | 'appraiser' | 'admin' | 'leader';

/** Inputs that would be accepted (or refused only by a later rule), so a missing bound shows up as an append or a different error. */
const leaf = (code: string, title = `Tiêu chí ${code}`) => ({ code, title, maxPoints: 1 });
const framework = (areas: object[] = [{ code: '1', title: 'Lĩnh vực 1', appraiserCode: 'SNV', criteria: [leaf('1.1')] }]) => ({
  code: 'BOUNDS-FW',
  title: 'Bộ chỉ số kiểm tra giới hạn',
  group: 'DEPARTMENT',
  areas,
});
/** A chain of criteria `depth` levels deep: 1.1 → 1.1.1 → … with one leaf at the bottom. */
const nest = (depth: number, code = '1.1'): object => (depth === 1 ? leaf(code) : { code, title: 'Lồng', children: [nest(depth - 1, `${code}.1`)] });
const score = (extra: object = {}) => ({ criterionCode: '1.1', points: 1, evidence: ['KH 12/KH-UBND'], ...extra });
const valid: Record<MutationName, object> = {
  registerAgency: { code: 'BOUNDS1', name: 'Đơn vị kiểm tra', group: 'COMMUNE' },
  publishFramework: framework(),
  openAssessmentCycle: {
    year: 2031,
    frameworkCodes: [districtFramework.code],
    selfAssessmentDeadline: new Date(Date.now() + 30 * DAY).toISOString(),
    appraisalDeadline: new Date(Date.now() + 60 * DAY).toISOString(),
  },
  submitSelfAssessment: { year: 2030, agencyCode: 'TAMKY', scores: [score()] },
  appraiseCriterion: { year: 2030, agencyCode: 'TAMKY', criterionCode: '1.1', points: 1, round: 1 },
  recordSurveyScores: { year: 2030, agencyCode: 'TAMKY', scores: [{ criterionCode: '3.1', points: 1 }] },
  finalizeAssessment: { year: 2030, agencyCode: 'TAMKY' },
  publishRanking: { year: 2030, group: 'DISTRICT', decisionNumber: '123/QĐ-UBND', decisionDate: '2031-03-01' },
};
const who: Record<MutationName, Who> = {
  registerAgency: 'coordinator',
  publishFramework: 'coordinator',
  openAssessmentCycle: 'coordinator',
  submitSelfAssessment: 'officer',
  appraiseCriterion: 'appraiser',
  recordSurveyScores: 'coordinator',
  finalizeAssessment: 'coordinator',
  publishRanking: 'leader',
};

interface Case {
  bound: string;
  mutation: MutationName;
  input: object;
  field: string;
  commandId?: string;
}

/** One case per bound: the smallest input over it, the field the error must name. */
const cases: Case[] = [
  {
    bound: 'evidence items',
    mutation: 'submitSelfAssessment',
    input: { ...valid.submitSelfAssessment, scores: [score({ evidence: list(B.evidenceItems + 1, (i) => `KH ${i}`) })] },
    field: 'scores[0].evidence',
  },
  {
    bound: 'evidence item length',
    mutation: 'submitSelfAssessment',
    input: { ...valid.submitSelfAssessment, scores: [score({ evidence: ['KH 1', text(B.evidenceChars + 1)] })] },
    field: 'scores[0].evidence',
  },
  {
    bound: 'explanation length',
    mutation: 'submitSelfAssessment',
    input: { ...valid.submitSelfAssessment, scores: [score({ explanation: text(B.textChars + 1) })] },
    field: 'scores[0].explanation',
  },
  {
    bound: 'self-score criterion code',
    mutation: 'submitSelfAssessment',
    input: { ...valid.submitSelfAssessment, scores: [score({ criterionCode: '1'.repeat(B.codeChars + 1) })] },
    field: 'scores[0].criterionCode',
  },
  {
    bound: 'self-score list',
    mutation: 'submitSelfAssessment',
    input: { ...valid.submitSelfAssessment, scores: list(B.frameworkLeaves + 1, () => score()) },
    field: 'scores',
  },
  {
    bound: 'assessment agency code',
    mutation: 'submitSelfAssessment',
    input: { ...valid.submitSelfAssessment, agencyCode: 'T'.repeat(B.codeChars + 1) },
    field: 'agencyCode',
  },
  { bound: 'appraisal comment', mutation: 'appraiseCriterion', input: { ...valid.appraiseCriterion, comment: text(B.textChars + 1) }, field: 'comment' },
  {
    bound: 'appraised criterion code',
    mutation: 'appraiseCriterion',
    input: { ...valid.appraiseCriterion, criterionCode: '1'.repeat(B.codeChars + 1) },
    field: 'criterionCode',
  },
  {
    bound: 'survey score list',
    mutation: 'recordSurveyScores',
    input: { ...valid.recordSurveyScores, scores: list(B.frameworkLeaves + 1, () => ({ criterionCode: '3.1', points: 1 })) },
    field: 'scores',
  },
  {
    bound: 'survey criterion code',
    mutation: 'recordSurveyScores',
    input: { ...valid.recordSurveyScores, scores: [{ criterionCode: '3'.repeat(B.codeChars + 1), points: 1 }] },
    field: 'scores[0].criterionCode',
  },
  {
    bound: 'finalised agency code',
    mutation: 'finalizeAssessment',
    input: { ...valid.finalizeAssessment, agencyCode: 'T'.repeat(B.codeChars + 1) },
    field: 'agencyCode',
  },
  { bound: 'republication reason', mutation: 'publishRanking', input: { ...valid.publishRanking, reason: text(B.textChars + 1) }, field: 'reason' },
  {
    bound: 'decision number',
    mutation: 'publishRanking',
    input: { ...valid.publishRanking, decisionNumber: text(B.decisionNumberChars + 1) },
    field: 'decisionNumber',
  },
  { bound: 'agency code', mutation: 'registerAgency', input: { ...valid.registerAgency, code: 'B'.repeat(B.codeChars + 1) }, field: 'code' },
  { bound: 'agency name', mutation: 'registerAgency', input: { ...valid.registerAgency, name: text(B.nameChars + 1) }, field: 'name' },
  { bound: 'framework code', mutation: 'publishFramework', input: { ...framework(), code: 'F'.repeat(B.codeChars + 1) }, field: 'code' },
  { bound: 'framework title', mutation: 'publishFramework', input: { ...framework(), title: text(B.nameChars + 1) }, field: 'title' },
  { bound: 'framework methodology', mutation: 'publishFramework', input: { ...framework(), methodology: text(B.methodologyChars + 1) }, field: 'methodology' },
  {
    bound: 'framework areas',
    mutation: 'publishFramework',
    input: framework(list(B.frameworkAreas + 1, (i) => ({ code: `${i + 1}`, title: 'A', appraiserCode: 'SNV', criteria: [leaf(`${i + 1}.1`)] }))),
    field: 'areas',
  },
  {
    bound: 'area code',
    mutation: 'publishFramework',
    input: framework([{ code: '1'.repeat(B.codeChars + 1), title: 'A', criteria: [leaf('1.1')] }]),
    field: 'areas[0].code',
  },
  {
    bound: 'area title',
    mutation: 'publishFramework',
    input: framework([{ code: '1', title: text(B.nameChars + 1), criteria: [leaf('1.1')] }]),
    field: 'areas[0].title',
  },
  {
    bound: 'area appraiser code',
    mutation: 'publishFramework',
    input: framework([{ code: '1', title: 'A', appraiserCode: 'S'.repeat(B.codeChars + 1), criteria: [leaf('1.1')] }]),
    field: 'areas[0].appraiserCode',
  },
  {
    bound: 'criteria of an area',
    mutation: 'publishFramework',
    input: framework([{ code: '1', title: 'A', appraiserCode: 'SNV', criteria: list(B.criteriaPerParent + 1, (i) => leaf(`1.${i + 1}`)) }]),
    field: 'areas[0].criteria',
  },
  {
    bound: 'criterion code',
    mutation: 'publishFramework',
    input: framework([{ code: '1', title: 'A', appraiserCode: 'SNV', criteria: [leaf('1'.repeat(B.codeChars + 1))] }]),
    field: 'areas[0].criteria[0].code',
  },
  {
    bound: 'criterion title',
    mutation: 'publishFramework',
    input: framework([{ code: '1', title: 'A', appraiserCode: 'SNV', criteria: [leaf('1.1', text(B.nameChars + 1))] }]),
    field: 'areas[0].criteria[0].title',
  },
  {
    bound: 'criterion appraiser code',
    mutation: 'publishFramework',
    input: framework([{ code: '1', title: 'A', criteria: [{ ...leaf('1.1'), appraiserCode: 'S'.repeat(B.codeChars + 1) }] }]),
    field: 'areas[0].criteria[0].appraiserCode',
  },
  {
    bound: 'children of a criterion',
    mutation: 'publishFramework',
    input: framework([
      {
        code: '1',
        title: 'A',
        appraiserCode: 'SNV',
        criteria: [{ code: '1.1', title: 'B', children: list(B.criteriaPerParent + 1, (i) => leaf(`1.1.${i + 1}`)) }],
      },
    ]),
    field: 'areas[0].criteria[0].children',
  },
  {
    bound: 'criteria depth',
    mutation: 'publishFramework',
    input: framework([{ code: '1', title: 'A', appraiserCode: 'SNV', criteria: [nest(B.criteriaDepth + 1)] }]),
    field: 'areas',
  },
  {
    bound: 'criteria in a framework',
    mutation: 'publishFramework',
    // 30 areas of 34 leaves: every list is within its own bound, the whole tree is not.
    input: framework(
      list(B.frameworkAreas, (a) => ({
        code: `${a + 1}`,
        title: 'A',
        appraiserCode: 'SNV',
        criteria: list(Math.ceil((B.frameworkLeaves + 1) / B.frameworkAreas), (i) => leaf(`${a + 1}.${i + 1}`)),
      })),
    ),
    field: 'areas',
  },
  {
    bound: 'cycle frameworks',
    mutation: 'openAssessmentCycle',
    input: { ...valid.openAssessmentCycle, frameworkCodes: list(B.cycleFrameworks + 1, () => districtFramework.code) },
    field: 'frameworkCodes',
  },
  {
    bound: 'cycle framework code',
    mutation: 'openAssessmentCycle',
    input: { ...valid.openAssessmentCycle, frameworkCodes: ['F'.repeat(B.codeChars + 1)] },
    field: 'frameworkCodes',
  },
  {
    bound: 'bands',
    mutation: 'openAssessmentCycle',
    input: { ...valid.openAssessmentCycle, bands: list(B.bands + 1, (i) => ({ label: `Loại ${i}`, minIndexPercent: 90 - i })) },
    field: 'bands',
  },
  {
    bound: 'band label',
    mutation: 'openAssessmentCycle',
    input: { ...valid.openAssessmentCycle, bands: [{ label: text(B.labelChars + 1), minIndexPercent: 90 }] },
    field: 'bands[0].label',
  },
  {
    bound: 'cycle agencies',
    mutation: 'openAssessmentCycle',
    input: { ...valid.openAssessmentCycle, agencyCodes: list(B.cycleAgencies + 1, () => 'TAMKY') },
    field: 'agencyCodes',
  },
  {
    bound: 'cycle agency code',
    mutation: 'openAssessmentCycle',
    input: { ...valid.openAssessmentCycle, agencyCodes: ['T'.repeat(B.codeChars + 1)] },
    field: 'agencyCodes',
  },
  { bound: 'commandId length', mutation: 'registerAgency', input: valid.registerAgency, commandId: 'c'.repeat(B.commandIdChars + 1), field: 'commandId' },
  { bound: 'commandId alphabet', mutation: 'registerAgency', input: valid.registerAgency, commandId: 'mở chu kỳ/2026 <script>', field: 'commandId' },
];

/** Plain arguments of queries (and rebuildProjection) are bounded too, although they append nothing. */
const argumentCases: { bound: string; query: string; variables: object; field: string; as?: Who }[] = [
  { bound: 'agency lookup code', query: 'query($c: ID!) { agency(code: $c) { code } }', variables: { c: 'A'.repeat(B.codeChars + 1) }, field: 'code' },
  { bound: 'framework lookup code', query: 'query($c: ID!) { framework(code: $c) { code } }', variables: { c: 'F'.repeat(B.codeChars + 1) }, field: 'code' },
  {
    bound: 'assessment agency code',
    query: 'query($c: ID!) { assessment(year: 2030, agencyCode: $c) { version } }',
    variables: { c: 'T'.repeat(B.codeChars + 1) },
    field: 'agencyCode',
  },
  {
    bound: 'responsibilities agency code',
    query: 'query($c: ID!) { responsibilities(agencyCode: $c) { agency { code } } }',
    variables: { c: 'T'.repeat(B.codeChars + 1) },
    field: 'agencyCode',
  },
  {
    bound: 'audit cursor',
    query: 'query($a: String) { auditTrail(after: $a) { totalCount } }',
    variables: { a: 'x'.repeat(B.cursorChars + 1) },
    field: 'after',
  },
  {
    bound: 'audit filter agency',
    query: 'query($f: AuditTrailFilter) { auditTrail(filter: $f) { totalCount } }',
    variables: { f: { agencyCode: 'T'.repeat(B.codeChars + 1) } },
    field: 'agencyCode',
  },
  {
    bound: 'audit filter stream',
    query: 'query($f: AuditTrailFilter) { auditTrail(filter: $f) { totalCount } }',
    variables: { f: { streamId: 's'.repeat(B.streamIdChars + 1) } },
    field: 'streamId',
  },
  {
    bound: 'audit filter actor',
    query: 'query($f: AuditTrailFilter) { auditTrail(filter: $f) { totalCount } }',
    variables: { f: { actor: 'u'.repeat(B.actorChars + 1) } },
    field: 'actor',
  },
  {
    bound: 'audit filter event type',
    query: 'query($f: AuditTrailFilter) { auditTrail(filter: $f) { totalCount } }',
    variables: { f: { eventType: 'E'.repeat(B.eventTypeChars + 1) } },
    field: 'eventType',
  },
  {
    bound: 'projection name',
    query: 'mutation($n: String!) { rebuildProjection(name: $n) { name } }',
    variables: { n: 'p'.repeat(B.projectionNameChars + 1) },
    field: 'name',
    as: 'admin',
  },
  {
    bound: 'variable nesting',
    query: M.publishFramework,
    variables: { input: framework([{ code: '1', title: 'A', appraiserCode: 'SNV', criteria: [nest(B.variableDepth)] }]) },
    // input(1).areas(2)[0](3).criteria(4)[0](5), then two levels per children[0]: the first object past the bound.
    field: `input.areas[0].criteria[0]${'.children[0]'.repeat((B.variableDepth + 1 - 5) / 2)}`,
  },
];

describe('every input has a bound, nested inputs too', () => {
  let t: TestService;
  const tokens = {} as Record<Who, string>;

  beforeAll(async () => {
    t = await startTestService();
    tokens.coordinator = t.token(['COORDINATOR'], 'SNV');
    tokens.admin = t.token(['ADMIN']);
    tokens.officer = t.token(['AGENCY_OFFICER'], 'TAMKY');
    tokens.appraiser = t.token(['APPRAISER'], 'SNV');
    tokens.leader = t.token(['PROVINCIAL_LEADER']);
    for (const input of [
      { code: 'SNV', name: 'Sở Nội vụ', group: 'DEPARTMENT' },
      { code: 'STP', name: 'Sở Tư pháp', group: 'DEPARTMENT' },
      { code: 'TAMKY', name: 'UBND Thành phố Tam Kỳ', group: 'DISTRICT' },
    ]) {
      expectData(await t.gql(REGISTER_AGENCY, { input }, tokens.coordinator));
    }
    expectData(await t.gql(PUBLISH_FRAMEWORK, { input: districtFramework }, tokens.coordinator));
    expectData(await t.gql(OPEN_CYCLE, { input: { ...valid.openAssessmentCycle, year: 2030 } }, tokens.coordinator));
  });
  afterAll(async () => t?.stop());

  it.each(cases)('$bound: refused with BAD_USER_INPUT naming $field, nothing appended', async ({ mutation, input, field, commandId }) => {
    const before = await t.service.events.headPosition();
    const response = await t.gql(M[mutation], { input, ...(commandId ? { commandId } : {}) }, tokens[who[mutation]]);
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
    // The message starts with the field and says the bound, e.g. "scores[0].evidence: must have at most 50 items".
    expect(response.errors?.[0].message).toMatch(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}: .*(at most \\d+|may contain only)`));
    expect(response.data ?? null).toBeNull();
    expect(await t.service.events.headPosition()).toBe(before);
  });

  it.each(Object.keys(M) as MutationName[])('%s bounds its commandId', async (mutation) => {
    const before = await t.service.events.headPosition();
    for (const commandId of ['x'.repeat(100_000), 'c'.repeat(B.commandIdChars + 1), 'a b', 'đ', '']) {
      const response = await t.gql(M[mutation], { input: valid[mutation], commandId }, tokens[who[mutation]]);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'commandId' });
    }
    expect(await t.service.events.headPosition()).toBe(before);
  });

  it.each(argumentCases)('$bound: refused with BAD_USER_INPUT naming $field', async ({ query, variables, field, as }) => {
    const before = await t.service.events.headPosition();
    const response = await t.gql(query, variables as Record<string, unknown>, tokens[as ?? 'coordinator']);
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
    expect(response.status).toBeLessThan(500);
    expect(await t.service.events.headPosition()).toBe(before);
  });

  it('accepts inputs at the bounds, and the commandIds clients use', async () => {
    const areas = list(B.frameworkAreas, (a) => ({
      code: `${a + 1}`,
      title: a === 0 ? text(B.nameChars) : `Lĩnh vực ${a + 1}`,
      appraiserCode: 'SNV',
      // 500 leaves in all, spread over the 30 areas; one of them at the deepest level allowed.
      criteria: list(Math.floor(B.frameworkLeaves / B.frameworkAreas) + (a < B.frameworkLeaves % B.frameworkAreas ? 1 : 0), (i) =>
        a === 1 && i === 0 ? nest(B.criteriaDepth, '2.1') : leaf(`${a + 1}.${i + 1}`),
      ),
    }));
    const published = await t.gql(
      M.publishFramework,
      { input: { ...framework(areas), code: 'F'.repeat(B.codeChars) }, commandId: 'publish-fw.2030:1_A' },
      tokens.coordinator,
    );
    expect(expectData(published).publishFramework.code).toBe('F'.repeat(B.codeChars));
    const submitted = await t.gql(
      M.submitSelfAssessment,
      {
        input: {
          ...valid.submitSelfAssessment,
          scores: [score({ evidence: list(B.evidenceItems, () => text(B.evidenceChars)), explanation: text(B.textChars) })],
        },
        commandId: 'c'.repeat(B.commandIdChars),
      },
      tokens.officer,
    );
    expect(expectData(submitted).submitSelfAssessment.version).toBeGreaterThan(0);
    const opened = await t.gql(
      M.openAssessmentCycle,
      { input: { ...valid.openAssessmentCycle, bands: list(B.bands, (i) => ({ label: `Loại ${i}`, minIndexPercent: 90 - i })) }, commandId: 'open-2031' },
      tokens.coordinator,
    );
    expect(expectData(opened).openAssessmentCycle.year).toBe(2031);
  });
});
