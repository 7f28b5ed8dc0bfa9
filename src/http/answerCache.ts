import type { ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { RequestHandler, Response } from 'express';
import { Kind, type GraphQLResolveInfo } from 'graphql';
import type { Actor } from '../events/envelope';
import type { OnRead } from '../projections/readModels';
import { contextResponse, noteOperation } from './requestLog';

/**
 * What one request's root fields tell the answer cache: a field that calls `cacheable` promises that its answer
 * depends only on its arguments, the reader's roles and the reads it reports through the returned OnRead.
 */
export class AnswerSources {
  readonly fields = new Set<string>();
  readonly checks: (() => Promise<boolean>)[] = [];
  /** Set by a read no check covers (a DataLoader's batch): the answer is then never kept. */
  untracked = false;

  cacheable(info: GraphQLResolveInfo): OnRead {
    if (info.path.prev === undefined) this.fields.add(String(info.path.key));
    return (stillCurrent) => this.checks.push(stillCurrent);
  }
}

interface Entry {
  requestKey: string;
  body: Buffer;
  contentType: string;
  etag: string | undefined;
  checks: (() => Promise<boolean>)[];
  operation: string | undefined;
}

interface RequestBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

/** The part of the key the request itself gives; the reader's roles complete it. */
function requestKey(body: RequestBody): string | null {
  if (typeof body.query !== 'string') return null;
  return JSON.stringify([body.query, body.operationName ?? null, body.variables ?? null]);
}

const rolesKey = (actor: Actor) => [...actor.roles].sort().join(',');

/**
 * Whole answers of read-only queries, kept while what they were derived from is unchanged, as bytes ready to send.
 * A ranking answer is about 100 KB of JSON over some five thousand fields: executing and serialising it again for
 * every reader cost twenty times a `{ __typename }`, while it changes only when an assessment is finalised.
 *
 * Only an answer every root field of which declared itself cacheable (AnswerSources) and which had no error is
 * kept. A later request with the same query, operation name, variables and reader roles gets it back once every
 * read it came from is checked to be still current (one indexed lookup each); the token is verified every time.
 * Bounded by total size, least recently used out first.
 */
export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  /** How many entries (one per set of reader roles) each request key has: most requests have none. */
  private readonly variants = new Map<string, number>();
  private bytes = 0;

  constructor(private readonly maxBytes = 32 * 1024 * 1024) {}

  /** Answers from the cache when it can (before Apollo); `authenticate` gives the reader or null when refused. */
  middleware(authenticate: (authorization: string | undefined, res: ServerResponse) => Promise<Actor | null>): RequestHandler {
    return (req, res, next) => {
      const key = req.method === 'POST' && this.entries.size > 0 ? requestKey((req.body ?? {}) as RequestBody) : null;
      if (key === null || !this.variants.has(key)) return next();
      void (async () => {
        const actor = await authenticate(req.headers.authorization, res);
        if (actor === null) return next(); // Apollo answers the refusal as it always does
        res.locals.actor = actor;
        const full = `${rolesKey(actor)}\n${key}`;
        const entry = this.entries.get(full);
        if (entry === undefined) return next();
        if (!(await this.current(entry))) {
          this.drop(full);
          return next();
        }
        this.entries.delete(full); // re-inserted: Map order doubles as least-recently-used order
        this.entries.set(full, entry);
        noteOperation(res, entry.operation, 'query');
        res.setHeader('content-type', entry.contentType);
        if (entry.etag !== undefined) res.setHeader('etag', entry.etag);
        res.status(200).send(entry.body);
      })().catch(next);
    };
  }

  /** Keeps the answers of cacheable operations as Apollo sends them. */
  plugin<TContext extends BaseContext & { actor: Actor | null; answerSources: AnswerSources }>(): ApolloServerPlugin<TContext> {
    return {
      requestDidStart: async () => ({
        willSendResponse: async ({ contextValue, operation, request, response, operationName }) => {
          const res = contextResponse(contextValue) as Response | undefined;
          const key = requestKey(request as RequestBody);
          const actor = contextValue.actor;
          if (!res || key === null || actor === null || !operation || operation.operation !== 'query') return;
          if (response.body.kind !== 'single' || response.body.singleResult.errors || (response.http.status ?? 200) !== 200) return;
          const sources = contextValue.answerSources;
          // Every root field cacheable: no fragments at the root (conservative), __typename needs nothing. An
          // operation of nothing but __typename is not kept: it is what measures the cost of the request pipeline.
          const cacheable = operation.selectionSet.selections.every(
            (s) => s.kind === Kind.FIELD && (s.name.value === '__typename' || sources.fields.has(s.alias?.value ?? s.name.value)),
          );
          if (!cacheable || sources.fields.size === 0 || sources.untracked) return;
          const full = `${rolesKey(actor)}\n${key}`;
          const checks = [...sources.checks];
          const send = res.send.bind(res);
          // Apollo's express integration sends the serialised answer with res.send: keep exactly those bytes.
          res.send = (body: unknown) => {
            const sent = send(body);
            if (typeof body === 'string' && res.statusCode === 200) {
              this.keep(full, {
                requestKey: key,
                body: Buffer.from(body),
                contentType: String(res.getHeader('content-type') ?? 'application/json; charset=utf-8'),
                etag: res.getHeader('etag') as string | undefined,
                checks,
                operation: operationName ?? undefined,
              });
            }
            return sent;
          };
        },
      }),
    };
  }

  private async current(entry: Entry): Promise<boolean> {
    for (const check of entry.checks) if (!(await check())) return false;
    return true;
  }

  private keep(key: string, entry: Entry): void {
    if (entry.body.length > this.maxBytes / 8) return;
    this.drop(key);
    this.entries.set(key, entry);
    this.variants.set(entry.requestKey, (this.variants.get(entry.requestKey) ?? 0) + 1);
    this.bytes += entry.body.length;
    while (this.bytes > this.maxBytes) this.drop(this.entries.keys().next().value as string);
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.bytes -= entry.body.length;
    const left = (this.variants.get(entry.requestKey) ?? 1) - 1;
    if (left > 0) this.variants.set(entry.requestKey, left);
    else this.variants.delete(entry.requestKey);
  }
}
