import type { Server } from 'node:http';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, parse, specifiedRules, validate, type GraphQLFormattedError, type GraphQLSchema, type ValidationRule } from 'graphql';
import { WebSocketServer } from 'ws';
import type { TokenVerifier } from '../auth/tokenVerifier';
import { DomainError } from '../domain/errors';
import type { Actor } from '../events/envelope';
import type { RequestContext } from '../resolvers/context';

/** A subscribe message is a query document and its variables: as small as an HTTP request's body. */
const MAX_MESSAGE_BYTES = 256 * 1024;
/** Each subscription re-reads on changes: one connection holds at most this many at once. */
const MAX_SUBSCRIPTIONS_PER_CONNECTION = 50;
const MAX_TIMER_MS = 2 ** 31 - 1;
/** The longest close reason a WebSocket close frame carries (123 bytes). */
const MAX_CLOSE_REASON = 123;

interface LiveUpdatesOptions {
  schema: GraphQLSchema;
  verifyToken: TokenVerifier;
  /** The same context as an HTTP request's, for the reader the connection's token names. */
  contextFor(actor: Actor): RequestContext;
  /** The limits HTTP requests get too (depth, aliases, tokens). */
  validationRules: readonly ValidationRule[];
  maxTokens: number;
  /** As HTTP answers them: `extensions.code`, no internals. */
  formatError(error: GraphQLError): GraphQLFormattedError;
}

/**
 * Refuses queries and mutations over WebSocket: they are served over HTTP, where the query cost limit, the answer
 * cache and `extensions.command` apply.
 */
const subscriptionsOnlyRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== 'subscription') {
      context.reportError(
        new GraphQLError(`${node.operation} operations are served over HTTP POST /graphql; WebSocket serves subscriptions`, { nodes: [node] }),
      );
    }
  },
});

/** Milliseconds until a verified token's `exp` (at least 0, at most what a timer holds). */
function untilExpiry(authorization: string): number {
  const payload = authorization.replace(/^Bearer\s+/i, '').split('.')[1] ?? '';
  const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { exp?: number };
  return Math.min(Math.max(0, (exp ?? 0) * 1000 - Date.now()), MAX_TIMER_MS);
}

/**
 * GraphQL subscriptions over graphql-ws on the HTTP server's own port and path. The token comes once, in the
 * connection's `connectionParams.authorization` (`Bearer <JWT>`), and is verified as an HTTP request's is: a
 * missing or invalid one closes the connection with 4401 and the reason. Returns the stop.
 */
export function serveSubscriptions(httpServer: Server, path: string, options: LiveUpdatesOptions): () => Promise<void> {
  const wss = new WebSocketServer({ server: httpServer, path, maxPayload: MAX_MESSAGE_BYTES });
  const actors = new WeakMap<object, Actor>();
  const rules = [...specifiedRules, ...options.validationRules, subscriptionsOnlyRule];
  const server = useServer(
    {
      schema: options.schema,
      // Parsed and validated here rather than by graphql-ws, which closes the whole connection on a syntax error.
      onSubscribe: (ctx, _id, payload) => {
        if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          const message = `at most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions per connection: complete some or open another connection`;
          return [new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', limit: MAX_SUBSCRIPTIONS_PER_CONNECTION } })];
        }
        let document;
        try {
          document = parse(payload.query, { maxTokens: options.maxTokens });
        } catch (error) {
          const message = error instanceof GraphQLError ? error.message : 'the query could not be parsed';
          return [new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        const errors = validate(options.schema, document, rules);
        if (errors.length > 0) return errors;
        return { schema: options.schema, document, variableValues: payload.variables, operationName: payload.operationName };
      },
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        const { socket } = ctx.extra;
        const refuse = (reason: string) => socket.close(CloseCode.Unauthorized, Buffer.byteLength(reason) <= MAX_CLOSE_REASON ? reason : 'UNAUTHENTICATED');
        try {
          actors.set(ctx, await options.verifyToken(typeof authorization === 'string' ? authorization : undefined));
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          refuse(`${error.code}: ${error.message}`);
          return false;
        }
        // A connection lives no longer than its token: the client reconnects with a fresh one.
        const expiry = setTimeout(() => refuse('UNAUTHENTICATED: the token expired'), untilExpiry(authorization as string));
        socket.once('close', () => clearTimeout(expiry));
        return true;
      },
      // A refused document answers GRAPHQL_VALIDATION_FAILED (unless it says otherwise), as Apollo does over HTTP.
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((error) => ({
          message: error.message,
          locations: error.locations,
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...error.extensions },
        })),
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map(options.formatError) } : undefined),
      context: (ctx) => {
        const actor = actors.get(ctx);
        // onConnect accepted the connection only with a verified token; graphql-ws subscribes only after it did.
        if (!actor) throw new Error('subscription on a connection without a verified token');
        return options.contextFor(actor);
      },
    },
    wss,
  );
  return async () => {
    await server.dispose();
  };
}
