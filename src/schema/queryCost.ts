import { getNullableType, isListType, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, simpleEstimator, type ComplexityEstimator, type ComplexityEstimatorArgs } from 'graphql-query-complexity';

/**
 * What a request costs, in one table (graphql-query-complexity units). Every field of the answer costs 1
 * (simpleEstimator); root fields add what they do underneath. The default budget (PAR_MAX_QUERY_COST, 1000) lets a
 * screen ask for what it shows, and refuses one request that multiplies the expensive fields with aliases or
 * fragments, before anything runs.
 */
export const QUERY_COST = {
  /** A root field that reads one read-model document (an agency, a cycle, the current assessment). */
  read: 5,
  /** A root field that reads a list of documents: a base, and its selection counted for this many items. */
  listRead: 10,
  listItems: 10,
  /** A field read through the request's DataLoader (an appraiser, an assessment's framework): batched, one query per kind. */
  loadedRead: 2,
  /** A mutation: load a stream, decide, append, wait for the read models. */
  command: 20,
  /** `assessment(asOf:)` rebuilds one assessment from its stream. */
  asOfAssessment: 200,
  /** `ranking(asOf:)` rebuilds a group's assessments. */
  asOfRanking: 300,
  /** `logVerification` walks the hash chain (from the last verified event, or all of it with `full`). */
  logVerification: 600,
  logVerificationFull: 900,
  /** `auditTrail`: per event asked for with `first` (default page 50). */
  auditEvent: 1,
  auditDefaultPage: 50,
  /** Fields counted before giving up: fragments spread inside fragments multiply, and counting them costs time too. */
  maxNodes: 2000,
} as const;

type Args = ComplexityEstimatorArgs;

/** Field-level costs, set with type-graphql's `complexity` option on the expensive fields. */
export const cost = {
  assessment: ({ args, childComplexity }: Args) => (args.asOf ? QUERY_COST.asOfAssessment : QUERY_COST.read) + childComplexity,
  ranking: ({ args, childComplexity }: Args) => (args.asOf ? QUERY_COST.asOfRanking : QUERY_COST.read) + childComplexity,
  loaded: ({ childComplexity }: Args) => QUERY_COST.loadedRead + childComplexity,
  logVerification: ({ args, childComplexity }: Args) => (args.full ? QUERY_COST.logVerificationFull : QUERY_COST.logVerification) + childComplexity,
  auditTrail: ({ args, childComplexity }: Args) => {
    const first = typeof args.first === 'number' && args.first > 0 ? args.first : QUERY_COST.auditDefaultPage;
    return QUERY_COST.listRead + first * QUERY_COST.auditEvent + childComplexity;
  },
};

/**
 * Root fields without a cost of their own: mutations run a command, lists read many documents, the rest one.
 * Nested lists (criteria of an assessment, entries of a ranking) are parts of a document already read and are
 * bounded by the input bounds, so their selection counts once.
 */
function rootFieldEstimator(schema: GraphQLSchema): ComplexityEstimator {
  const mutation = schema.getMutationType();
  const query = schema.getQueryType();
  return ({ type, field, childComplexity }) => {
    if (mutation && type === mutation) return QUERY_COST.command + childComplexity;
    if (query && type === query && !field.name.startsWith('__')) {
      return isListType(getNullableType(field.type)) ? QUERY_COST.listRead + QUERY_COST.listItems * childComplexity : QUERY_COST.read + childComplexity;
    }
    return undefined;
  };
}

/** The estimators in order: a field's own `complexity`, then the root defaults, then 1 per field. */
export function costEstimators(schema: GraphQLSchema): ComplexityEstimator[] {
  return [fieldExtensionsEstimator(), rootFieldEstimator(schema), simpleEstimator({ defaultComplexity: 1 })];
}
