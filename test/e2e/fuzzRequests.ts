import fc from 'fast-check';
import { INPUT_BOUNDS as B } from '../../src/schema/inputBounds';
import { AUDIT, districtFramework } from './operations';

/**
 * Generators of invalid GraphQL requests for the fuzz test. Every mutation input is invalid by construction
 * (one field gets a value of the wrong type, over its bound, null where required, or an unknown field), so no
 * request may append, whatever token it carries.
 */

const VALID_TOKENS = ['admin', 'coordinator', 'officer', 'otherOfficer', 'appraiser', 'inspector', 'analyst'] as const;
const INVALID_TOKENS = ['none', 'tampered', 'garbage', 'basic', 'emptyBearer'] as const;
export type TokenName = (typeof VALID_TOKENS)[number] | (typeof INVALID_TOKENS)[number];
/** Mostly valid tokens, so most requests get past authentication to the parts under test. */
const anyToken: fc.Arbitrary<TokenName> = fc.oneof(
  { arbitrary: fc.constantFrom(...VALID_TOKENS), weight: 3 },
  { arbitrary: fc.constantFrom(...INVALID_TOKENS), weight: 1 },
);

export interface FuzzRequest {
  kind: string;
  method: 'GET' | 'POST';
  token: TokenName;
  contentType: string | null;
  /** POST body, sent as is. */
  body?: string;
  /** GET query string, without "?". */
  search?: string;
}

type Kind = 'id' | 'string' | 'int' | 'float' | 'points' | 'enum' | 'date' | 'bool' | 'list';
interface FieldSpec {
  path: (string | number)[];
  kind: Kind;
  max?: number;
  required?: boolean;
}

const YEAR = 2026;
const score = { criterionCode: '1.1', points: 1, applicable: true, explanation: 'giải trình', evidence: ['KH 12/KH-UBND'] };
const criterion = { code: '1.1', title: 'Tiêu chí', maxPoints: 1, method: 'SELF_ASSESSED', children: [{ code: '1.1.1', title: 'Con', maxPoints: 1 }] };
const id = (path: FieldSpec['path'], required = true): FieldSpec => ({ path, kind: 'id', max: B.codeChars, required });
const text = (path: FieldSpec['path'], max: number, required = false): FieldSpec => ({ path, kind: 'string', max, required });
const list = (path: FieldSpec['path'], max: number, required = true): FieldSpec => ({ path, kind: 'list', max, required });
const year: FieldSpec = { path: ['year'], kind: 'int', required: true };

/** Each mutation: its operation, a valid input to start from, and the fields that may be broken. */
const MUTATIONS: { name: string; type: string; selection: string; input: object; fields: FieldSpec[] }[] = [
  {
    name: 'registerAgency',
    type: 'RegisterAgencyInput',
    selection: '{ code }',
    input: { code: 'FUZZ1', name: 'Đơn vị thử', group: 'COMMUNE' },
    fields: [id(['code']), text(['name'], B.nameChars, true), { path: ['group'], kind: 'enum', required: true }],
  },
  {
    name: 'publishFramework',
    type: 'PublishFrameworkInput',
    selection: '{ code }',
    input: {
      code: 'FUZZ-FW',
      title: 'Bộ chỉ số thử',
      group: 'COMMUNE',
      sample: true,
      methodology: 'thử',
      areas: [{ code: '1', title: 'Lĩnh vực', appraiserCode: 'SNV', criteria: [criterion] }],
    },
    fields: [
      id(['code']),
      text(['title'], B.nameChars, true),
      { path: ['group'], kind: 'enum', required: true },
      { path: ['sample'], kind: 'bool' },
      text(['methodology'], B.methodologyChars),
      list(['areas'], B.frameworkAreas),
      id(['areas', 0, 'code']),
      text(['areas', 0, 'title'], B.nameChars, true),
      id(['areas', 0, 'appraiserCode'], false),
      list(['areas', 0, 'criteria'], B.criteriaPerParent),
      id(['areas', 0, 'criteria', 0, 'code']),
      text(['areas', 0, 'criteria', 0, 'title'], B.nameChars, true),
      { path: ['areas', 0, 'criteria', 0, 'maxPoints'], kind: 'float' },
      { path: ['areas', 0, 'criteria', 0, 'method'], kind: 'enum' },
      list(['areas', 0, 'criteria', 0, 'children'], B.criteriaPerParent, false),
      text(['areas', 0, 'criteria', 0, 'children', 0, 'title'], B.nameChars, true),
    ],
  },
  {
    name: 'openAssessmentCycle',
    type: 'OpenAssessmentCycleInput',
    selection: '{ year }',
    input: {
      year: 2040,
      frameworkCodes: [districtFramework.code],
      selfAssessmentDeadline: '2040-01-15T17:00:00+07:00',
      appraisalDeadline: '2040-03-15T17:00:00+07:00',
      bands: [{ label: 'Tốt', minIndexPercent: 80 }],
      agencyCodes: ['TAMKY'],
    },
    fields: [
      year,
      list(['frameworkCodes'], B.cycleFrameworks),
      id(['frameworkCodes', 0]),
      { path: ['selfAssessmentDeadline'], kind: 'date', required: true },
      { path: ['appraisalDeadline'], kind: 'date', required: true },
      list(['bands'], B.bands, false),
      text(['bands', 0, 'label'], B.labelChars, true),
      { path: ['bands', 0, 'minIndexPercent'], kind: 'float', required: true },
      list(['agencyCodes'], B.cycleAgencies, false),
      id(['agencyCodes', 0]),
    ],
  },
  {
    name: 'submitSelfAssessment',
    type: 'SubmitSelfAssessmentInput',
    selection: '{ version }',
    input: { year: YEAR, agencyCode: 'TAMKY', scores: [score] },
    fields: [
      year,
      id(['agencyCode']),
      list(['scores'], B.frameworkLeaves),
      id(['scores', 0, 'criterionCode']),
      { path: ['scores', 0, 'points'], kind: 'points' },
      { path: ['scores', 0, 'applicable'], kind: 'bool' },
      text(['scores', 0, 'explanation'], B.textChars),
      list(['scores', 0, 'evidence'], B.evidenceItems, false),
      text(['scores', 0, 'evidence', 0], B.evidenceChars, true),
    ],
  },
  {
    name: 'appraiseCriterion',
    type: 'AppraiseCriterionInput',
    selection: '{ version }',
    input: { year: YEAR, agencyCode: 'TAMKY', criterionCode: '1.1', points: 1, comment: 'đạt', round: 1, applicable: true },
    fields: [
      year,
      id(['agencyCode']),
      id(['criterionCode']),
      { path: ['points'], kind: 'points' },
      text(['comment'], B.textChars),
      { path: ['round'], kind: 'int', required: true },
      { path: ['applicable'], kind: 'bool' },
    ],
  },
  {
    name: 'recordSurveyScores',
    type: 'RecordSurveyScoresInput',
    selection: '{ version }',
    input: { year: YEAR, agencyCode: 'TAMKY', scores: [{ criterionCode: '3.1', points: 1 }] },
    fields: [
      year,
      id(['agencyCode']),
      list(['scores'], B.frameworkLeaves),
      id(['scores', 0, 'criterionCode']),
      { path: ['scores', 0, 'points'], kind: 'points' },
    ],
  },
  {
    name: 'finalizeAssessment',
    type: 'FinalizeAssessmentInput',
    selection: '{ version }',
    input: { year: YEAR, agencyCode: 'TAMKY' },
    fields: [year, id(['agencyCode'])],
  },
  {
    name: 'publishRanking',
    type: 'PublishRankingInput',
    selection: '{ year }',
    input: { year: YEAR, group: 'DISTRICT', reason: 'sửa', decisionNumber: '123/QĐ-UBND', decisionDate: '2026-03-01' },
    fields: [
      year,
      { path: ['group'], kind: 'enum', required: true },
      text(['reason'], B.textChars),
      text(['decisionNumber'], B.decisionNumberChars, true),
      { path: ['decisionDate'], kind: 'date', required: true },
    ],
  },
];

const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const notObject = fc.oneof(fc.boolean(), fc.constant({}), fc.array(fc.constant({}), { minLength: 1, maxLength: 3 }));

/** A value that the field must refuse: wrong type, over its bound, or null where required. */
function invalidValue(field: FieldSpec, current: unknown): fc.Arbitrary<unknown> {
  const over = (max: number) => fc.integer({ min: max + 1, max: max + 40 });
  const options: fc.Arbitrary<unknown>[] = [];
  switch (field.kind) {
    case 'id':
    case 'string':
      options.push(
        over(field.max!)
          .chain((n) => fc.string({ unit: 'grapheme-composite', minLength: n, maxLength: n }))
          .filter((s) => s.length > field.max!),
        notObject,
      );
      if (field.kind === 'string')
        options.push(fc.integer()); // String never takes a number; ID does, so it gets only non-integers
      else options.push(fc.double({ min: 0.5, max: 1e6, noNaN: true }).filter((x) => !Number.isInteger(x)));
      break;
    case 'int':
      options.push(
        fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Number.isInteger(x)),
        fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53),
        anyText,
        notObject,
      );
      break;
    case 'float':
      options.push(anyText, notObject);
      break;
    case 'points':
      // Above every leaf's maximum, negative, or finer than ten-thousandths: the domain refuses these.
      options.push(
        fc.double({ min: 1000, max: 1e15, noNaN: true }),
        fc.double({ min: -1e15, max: -0.001, noNaN: true }),
        fc.constant(1.00001),
        anyText,
        notObject,
      );
      break;
    case 'enum':
      options.push(
        anyText.filter((s) => !/^(DEPARTMENT|PROVINCIAL_BRANCH|DISTRICT|COMMUNE|SELF_ASSESSED|SURVEY)$/.test(s)),
        fc.integer(),
        notObject,
      );
      break;
    case 'date':
      options.push(
        anyText.map((s) => `x${s}`),
        fc.constant('2026-13-45T99:00:00Z'),
        notObject,
      );
      break;
    case 'bool':
      options.push(fc.constantFrom('true', 'yes', 1, 0), notObject);
      break;
    case 'list': {
      const item = Array.isArray(current) ? current[0] : null;
      options.push(
        over(field.max!).map((n) => Array.from({ length: n }, () => item)),
        fc.constant({ not: 'a list' }),
      );
      break;
    }
  }
  if (field.required) options.push(fc.constant(null));
  return fc.oneof(...options);
}

function setPath(root: unknown, path: FieldSpec['path'], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  path.slice(0, -1).forEach((key) => (node = node[key] as Record<string | number, unknown>));
  node[path[path.length - 1]] = value;
  return copy;
}

const invalidCommandId = fc.oneof(
  fc.constant(undefined),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).filter((s) => !/^[A-Za-z0-9._:-]+$/.test(s)),
  fc.constant('c'.repeat(B.commandIdChars + 1)),
  fc.constant(''),
);

const post = (kind: string, payload: unknown, token: fc.Arbitrary<TokenName> = anyToken) =>
  token.map((t): FuzzRequest => ({ kind, method: 'POST', token: t, contentType: 'application/json', body: JSON.stringify(payload) }));

/** Invalid input for each mutation, with any token (writers included). */
const invalidMutation = fc.constantFrom(...MUTATIONS).chain((m) => {
  const doc = `mutation($input: ${m.type}!, $commandId: ID) { ${m.name}(input: $input, commandId: $commandId) ${m.selection} }`;
  const broken = fc.oneof(
    fc.constantFrom(...m.fields).chain((f) =>
      invalidValue(
        f,
        f.path.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], m.input),
      ).map((v) => setPath(m.input, f.path, v)),
    ),
    fc.constant({ ...m.input, bogus: 1 }),
  );
  return fc
    .record({ input: broken, commandId: invalidCommandId, token: anyToken })
    .chain(({ input, commandId, token }) => post(`invalid ${m.name}`, { query: doc, variables: { input, commandId } }, fc.constant(token)));
});

/** A valid input with an invalid commandId: the only thing wrong is the id. */
const invalidCommandIdOnly = fc.constantFrom(...MUTATIONS).chain((m) =>
  invalidCommandId
    .filter((c) => c !== undefined)
    .chain((commandId) =>
      post(`commandId ${m.name}`, {
        query: `mutation($input: ${m.type}!, $commandId: ID) { ${m.name}(input: $input, commandId: $commandId) ${m.selection} }`,
        variables: { input: m.input, commandId },
      }),
    ),
);

/** Anything as the input or as the whole variables object. */
const wrongVariables = fc
  .constantFrom(...MUTATIONS)
  .chain((m) =>
    fc
      .oneof(fc.record({ input: fc.jsonValue() }), fc.jsonValue())
      .chain((variables) =>
        post(`wrong variables ${m.name}`, { query: `mutation($input: ${m.type}!) { ${m.name}(input: $input) ${m.selection} }`, variables }),
      ),
  );

const VALID_QUERIES = [
  '{ agencies { code name group } }',
  `query($year: Int!) { assessments(year: $year) { agency { code } status criteria { code evidence } } }`,
  AUDIT,
  '{ logVerification { checked headHash firstBreak { position reason } } }',
  `{ ranking(year: ${YEAR}, group: DISTRICT, asOf: { position: 3 }) { entries { rank } } }`,
  // Refused however it is cut: TAMKY has submitted nothing, so it cannot be finalised.
  `mutation { finalizeAssessment(input: { year: ${YEAR}, agencyCode: "TAMKY" }) { version } }`,
];

/** Valid queries cut, spliced and sprinkled with random text, or random text alone. */
const malformedQuery = fc
  .oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc
      .tuple(fc.constantFrom(...VALID_QUERIES), fc.nat(), fc.string({ unit: 'grapheme', maxLength: 12 }))
      .map(([q, at, junk]) => q.slice(0, at % q.length) + junk + q.slice(at % q.length).replace(/^[^ ]*/, '')),
    fc.tuple(fc.constantFrom(...VALID_QUERIES), fc.nat()).map(([q, at]) => q.slice(0, at % q.length)),
    fc.constantFrom(
      'subscription { agencies { code } }',
      'query A { agencies { code } } query B { cycles { year } }',
      '{ __schema { types { name fields { name } } } }',
      '{ agencies(group: NOWHERE) { code } }',
      'fragment F on Query { ...F } { ...F }',
    ),
  )
  .chain((query) => post('malformed query', { query, variables: {} }));

const ALIAS_FIELDS = [
  'logVerification { checked }',
  `assessment(year: ${YEAR}, agencyCode: "TAMKY", asOf: { position: 2 }) { version }`,
  `ranking(year: ${YEAR}, group: DISTRICT, asOf: { position: 2 }) { published }`,
  'agencies { code }',
  'auditTrail(first: 500) { totalCount }',
  'cycles { year }',
];

/** Many aliases, deep nesting, fragment fan-out, directives. */
const heavySelection = fc
  .oneof(
    fc
      .tuple(fc.constantFrom(...ALIAS_FIELDS), fc.integer({ min: 1, max: 400 }))
      .map(([field, n]) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`),
    fc
      .integer({ min: 1, max: 30 })
      .map((depth) => `{ framework(code: "${districtFramework.code}") { areas { criteria { ${'children { '.repeat(depth)}code${' }'.repeat(depth)} } } } }`),
    fc.tuple(fc.integer({ min: 1, max: 14 }), fc.integer({ min: 2, max: 30 })).map(([levels, fanOut]) => {
      // Each fragment spreads the one below fanOut times: fanOut^levels copies of logVerification once expanded.
      const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i + 1} on Query { ${`...F${i} `.repeat(fanOut)}}`).join(' ');
      return `{ ...F${levels} } fragment F0 on Query { logVerification { checked } } ${fragments}`;
    }),
    fc
      .tuple(fc.constantFrom(...ALIAS_FIELDS), fc.boolean())
      .map(([field, skip]) => `{ a: ${field} @skip(if: ${skip}) b: ${field} @include(if: ${!skip}) c: ${field} }`),
  )
  .chain((query) => post('heavy selection', { query }));

/** Bodies that are not GraphQL requests at all, under any content type. */
const randomBody = fc
  .record({
    body: fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.constant(''),
      fc.constant('null'),
      fc.constant('[{"query":"{ agencies { code } }"}]'),
    ),
    contentType: fc.constantFrom('application/json', 'text/plain', 'application/graphql', 'application/x-www-form-urlencoded', null),
    token: anyToken,
  })
  .map(({ body, contentType, token }): FuzzRequest => ({ kind: 'random body', method: 'POST', token, contentType, body }));

/** GET requests: mutations and junk in the query string, with and without the CSRF preflight header. */
const getRequest = fc
  .record({
    query: fc.oneof(fc.constantFrom(...VALID_QUERIES), fc.string({ unit: 'binary', maxLength: 100 })),
    variables: fc.oneof(
      fc.constant(undefined),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 30 }),
    ),
    contentType: fc.constantFrom('application/json', null),
    token: anyToken,
  })
  .map(({ query, variables, contentType, token }): FuzzRequest => {
    const params = new URLSearchParams({ query });
    if (variables !== undefined) params.set('variables', variables);
    return { kind: 'GET', method: 'GET', token, contentType, search: params.toString() };
  });

/** Queries with wrong or missing variables and random unicode in arguments. */
const wrongQueryArguments = fc
  .oneof(
    fc
      .record({ year: fc.jsonValue(), agencyCode: fc.jsonValue() })
      .map((variables) => ({ query: 'query($year: Int!, $agencyCode: ID!) { assessment(year: $year, agencyCode: $agencyCode) { version } }', variables })),
    fc.record({ first: fc.jsonValue(), after: fc.jsonValue(), filter: fc.jsonValue() }).map((variables) => ({ query: AUDIT, variables })),
    fc
      .string({ unit: 'binary', maxLength: 60 })
      .map((code) => ({ query: `{ agency(code: ${JSON.stringify(code)}) { code } framework(code: ${JSON.stringify(code)}) { code } }`, variables: {} })),
    fc
      .jsonValue()
      .map((asOf) => ({ query: `query($asOf: AsOfInput) { assessment(year: ${YEAR}, agencyCode: "TAMKY", asOf: $asOf) { version } }`, variables: { asOf } })),
  )
  .chain((payload) => post('wrong query arguments', payload));

export const invalidRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  { arbitrary: invalidMutation, weight: 4 },
  { arbitrary: invalidCommandIdOnly, weight: 1 },
  { arbitrary: wrongVariables, weight: 2 },
  { arbitrary: malformedQuery, weight: 2 },
  { arbitrary: heavySelection, weight: 2 },
  { arbitrary: randomBody, weight: 2 },
  { arbitrary: getRequest, weight: 1 },
  { arbitrary: wrongQueryArguments, weight: 2 },
);
