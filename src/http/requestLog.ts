import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from 'pino';
import type { RequestHandler } from 'express';

/** What a proxy may hand us as a request id: short and plain, so it cannot forge log lines or headers. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;
export const REQUEST_ID_HEADER = 'x-request-id';

/** What the GraphQL layer learns about a request, for its log line. */
interface GraphQLDetails {
  actor?: string;
  operation?: string;
  operationType?: string;
  errorCodes?: string[];
}

const details = new WeakMap<ServerResponse, GraphQLDetails>();
/**
 * Apollo hands plugins a copy of the context (Object.assign per operation), so the response travels in an own
 * symbol-keyed property, which the copy keeps, rather than in a map keyed by the context object.
 */
const RESPONSE = Symbol('http response');

function noteOn(res: ServerResponse, patch: GraphQLDetails): void {
  details.set(res, { ...details.get(res), ...patch });
}

/** The actor's `sub`, once the token is verified (never the token). */
export function noteActor(res: ServerResponse, sub: string): void {
  noteOn(res, { actor: sub });
}

/** Error codes of an answer given outside Apollo's plugins (a refused token, a malformed body). */
export function noteErrorCodes(res: ServerResponse, codes: string[]): void {
  noteOn(res, { errorCodes: codes });
}

/** Lets the Apollo plugin find the HTTP response of a GraphQL request through its context. */
export function linkContextToResponse(context: object, res: ServerResponse): void {
  (context as { [RESPONSE]?: ServerResponse })[RESPONSE] = res;
}

/** The HTTP response of a GraphQL request, from its context (linkContextToResponse), if linked. */
export function contextResponse(context: object): ServerResponse | undefined {
  return (context as { [RESPONSE]?: ServerResponse })[RESPONSE];
}

/** The operation of an answer given outside Apollo (a cached answer), for the log line. */
export function noteOperation(res: ServerResponse, operation: string | undefined, operationType: string): void {
  noteOn(res, { operation, operationType });
}

/** The path as the client sent it, without the query string (express rewrites req.url inside a mounted app). */
function pathOf(req: IncomingMessage): string {
  return ((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '').split('?')[0];
}

function requestIdFor(req: IncomingMessage): string {
  const offered = req.headers[REQUEST_ID_HEADER];
  return typeof offered === 'string' && SAFE_REQUEST_ID.test(offered) ? offered : randomUUID();
}

/**
 * One JSON line per request: id (also sent back in x-request-id), method, path, status, duration, and for GraphQL
 * the actor's sub, the operation and the error codes. Built field by field: headers, bodies and query strings
 * (which may hold a token) are never logged.
 */
export function requestLogging(logger: Logger): RequestHandler {
  const line = (req: IncomingMessage, res: ServerResponse, durationMs: number) => {
    const graphql = details.get(res) ?? {};
    return {
      method: req.method,
      path: pathOf(req),
      status: res.statusCode,
      durationMs,
      remoteAddress: req.socket.remoteAddress,
      ...(graphql.actor ? { actor: graphql.actor } : {}),
      ...(graphql.operation ? { operation: graphql.operation } : {}),
      ...(graphql.operationType ? { operationType: graphql.operationType } : {}),
      ...(graphql.errorCodes?.length ? { errorCodes: graphql.errorCodes } : {}),
    };
  };
  /*
   * The line pino-http wrote with these settings, written directly: pino-http made two child loggers per request
   * (with request serialisers and redaction) even when nothing was logged, a tenth of a `{ __typename }` request.
   */
  return (req, res, next) => {
    const requestId = requestIdFor(req);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const started = Date.now();
    const done = () => {
      res.removeListener('close', done);
      res.removeListener('finish', done);
      const failed = res.statusCode >= 500;
      // Health probes come every few seconds: visible at debug only.
      const level = failed ? 'error' : pathOf(req) === '/health' ? 'debug' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const entry = { requestId, ...line(req, res, Date.now() - started), ...(failed ? { error: `failed with status code ${res.statusCode}` } : {}) };
      logger[level](entry, `${req.method} ${pathOf(req)} ${res.statusCode}`);
    };
    res.on('close', done);
    res.on('finish', done);
    next();
  };
}

/** Records the operation and the answer's error codes (as the client sees them, after formatting). */
export function requestLogPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operationName, operation, request, response }) {
          const res = contextResponse(contextValue);
          if (!res) return;
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const codes = [...new Set(errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
          noteOn(res, {
            operation: operationName ?? request.operationName ?? undefined,
            operationType: operation?.operation,
            ...(codes.length ? { errorCodes: codes } : {}),
          });
        },
      };
    },
  };
}
