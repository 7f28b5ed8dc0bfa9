import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import type { RequestHandler } from 'express';
import { buildSchema, GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { INPUT_BOUNDS } from './inputBounds';
import { costEstimators, QUERY_COST } from './queryCost';

/** The code of a request refused for its cost (DESIGN.md's codes are for commands; this one is for queries). */
const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

const refuse = (message: string, code: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, ...extensions, http: { status: 400 } } });

/**
 * At most `max` aliases per operation (graphql-armor), reported as a validation error (HTTP 400): armor's default is
 * to throw, which Apollo turns into a 500.
 */
export function aliasLimitRule(max: number): ValidationRule {
  return maxAliasesRule({
    n: max,
    propagateOnRejection: false,
    onReject: [(context, error) => context?.reportError(new GraphQLError(`${error.message.replace(/^Syntax Error: /, '')} (PAR_MAX_ALIASES)`))],
  });
}

/** How many variable sets' costs are remembered per query document (clients vary variables more than queries). */
const COSTS_PER_DOCUMENT = 256;

/** How many distinct passing queries aliasPreCheck remembers. */
const PASSED_QUERIES = 1000;

/** Alias counting reads only the document, so the pre-check validates against a schema with nothing in it. */
const NO_TYPES = buildSchema('type Query { _: Boolean }');

/**
 * Refuses a request over the alias limit before Apollo sees it, with the same rule and the same answer as Apollo's
 * validation would give. Inside Apollo every other validation rule still walks the whole document after the alias
 * rule has reported (validation cannot stop early): for hundreds of aliases that is most of the cost of saying no.
 */
export function aliasPreCheck(maxAliases: number, maxTokens: number): RequestHandler {
  const rule = aliasLimitRule(maxAliases);
  // Queries that passed: clients send the same few again and again, and parsing and walking each again cost a
  // twentieth of a `{ __typename }` request. Bounded; the oldest pass is forgotten first.
  const passed = new Set<string>();
  return (req, res, next) => {
    const query: unknown = req.method === 'GET' ? req.query?.query : (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string' || passed.has(query)) return next();
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens });
    } catch {
      return next(); // Apollo answers syntax errors
    }
    const [error] = validate(NO_TYPES, document, [rule]);
    if (!error) {
      if (passed.size >= PASSED_QUERIES) passed.delete(passed.values().next().value as string);
      passed.add(query);
      return next();
    }
    res.status(400).json({ errors: [{ message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
  };
}

/**
 * Refuses, before anything runs, a request whose cost exceeds `maxCost`, and one whose variables nest deeper than any
 * input needs. It runs once the operation is known (Apollo's didResolveOperation), because the cost depends on the
 * variables (`first: $n`, `asOf: $asOf`), which a validation rule never sees.
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  const knownCosts = new WeakMap<DocumentNode, Map<string, number>>();
  const rememberCost = (document: DocumentNode, key: string, cost: number) => {
    let costs = knownCosts.get(document);
    if (!costs) knownCosts.set(document, (costs = new Map()));
    if (costs.size < COSTS_PER_DOCUMENT) costs.set(key, cost);
  };
  const estimators = new WeakMap<GraphQLSchema, ComplexityEstimator[]>();
  const estimatorsFor = (schema: GraphQLSchema) => {
    if (!estimators.has(schema)) estimators.set(schema, costEstimators(schema));
    return estimators.get(schema)!;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          const variables = request.variables ?? {};
          const tooDeep = deeperThan(variables, INPUT_BOUNDS.variableDepth);
          if (tooDeep) {
            throw refuse(`${tooDeep}: variables may nest at most ${INPUT_BOUNDS.variableDepth} levels`, 'BAD_USER_INPUT', { field: tooDeep });
          }
          // The same query with the same variables costs the same: Apollo hands the same document object for the
          // same query text, so its cost is computed once (per operation and variables), not on every request.
          const costKey = `${operationName ?? ''}\n${JSON.stringify(variables)}`;
          let cost = knownCosts.get(document)?.get(costKey);
          if (cost === undefined) {
            try {
              cost = getComplexity({
                schema,
                query: document,
                variables,
                operationName: operationName ?? undefined,
                estimators: estimatorsFor(schema),
                maxQueryNodes: QUERY_COST.maxNodes,
              });
            } catch (error) {
              const message = error instanceof GraphQLError ? error.message : 'the request could not be analysed';
              if (/maximum allowed number of nodes/.test(message)) {
                throw refuse(`query selects more than ${QUERY_COST.maxNodes} fields once its fragments are expanded`, QUERY_TOO_COMPLEX);
              }
              // Variables that do not fit their types are the client's mistake, as they would be at execution.
              throw refuse(message, 'BAD_USER_INPUT');
            }
            rememberCost(document, costKey, cost);
          }
          if (cost > maxCost) {
            throw refuse(
              `query cost ${cost} exceeds the limit of ${maxCost} (PAR_MAX_QUERY_COST): ask for fewer aliases, asOf reads or audit events per request`,
              QUERY_TOO_COMPLEX,
              { cost, limit: maxCost },
            );
          }
        },
      };
    },
  };
}

/** The path of the first value nested deeper than `max` levels, e.g. "input.areas[0].criteria[0]…", or null. Walks without recursion. */
function deeperThan(root: Record<string, unknown>, max: number): string | null {
  const stack: { value: unknown; depth: number; path: string }[] = Object.entries(root).map(([name, value]) => ({ value, depth: 1, path: name }));
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > max) return path;
    if (Array.isArray(value)) value.forEach((item, i) => stack.push({ value: item, depth: depth + 1, path: `${path}[${i}]` }));
    else Object.entries(value).forEach(([key, item]) => stack.push({ value: item, depth: depth + 1, path: `${path}.${key}` }));
  }
  return null;
}
