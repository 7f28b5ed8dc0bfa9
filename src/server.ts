import 'reflect-metadata';
import { once } from 'node:events';
import { hostname } from 'node:os';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import express from 'express';
import type { DestinationStream, Logger } from 'pino';
import { serviceJwtSecret } from './auth/jwtSecret';
import { createTokenVerifier } from './auth/tokenVerifier';
import { CommandHandler, systemClock, type Clock } from './commands/commandHandler';
import { ParCommands } from './commands/parCommands';
import type { Config } from './config';
import type { EventStore } from './events/store/eventStore';
import { ChainVerifier } from './events/chainVerifier';
import { allProjections } from './projections/allProjections';
import { AsOfReader } from './projections/asOf';
import { ProjectionRunner } from './projections/runner/projectionRunner';
import { ReadModels } from './projections/readModels';
import type { ReadStore } from './projections/store/readStore';
import type { RequestContext } from './resolvers/context';
import { commandReportsPlugin, fixCommandIds } from './resolvers/commandReports';
import { contextFactory } from './resolvers/requestContext';
import { buildParSchema } from './schema/buildParSchema';
import { formatError } from './schema/errorFormatting';
import { knownOperationTypeRule } from './schema/knownOperationTypeRule';
import { aliasLimitRule, aliasPreCheck, queryCostPlugin } from './schema/queryLimits';
import { AnswerCache } from './http/answerCache';
import { authenticate } from './http/authenticate';
import { consoleRoutes } from './http/console';
import { corsFor } from './http/cors';
import { exportRoutes } from './http/exports';
import { importRoutes } from './http/imports';
import { createLogger } from './http/logger';
import { requestErrorHandler } from './http/requestErrors';
import { linkContextToResponse, requestLogging, requestLogPlugin } from './http/requestLog';
import { seedIfEmpty } from './seed/seed';
import { liveDirectory } from './projections/agencies/agencyDirectory';
import { openStores } from './stores';
import { ChangeFeed } from './subscriptions/changeFeed';
import { serveSubscriptions } from './subscriptions/websocketServer';

export interface RunningService {
  url: string;
  port: number;
  /** The HS256 key, or null when only identity-provider (JWKS) tokens are accepted. */
  jwtSecret: string | null;
  events: EventStore;
  readStore: ReadStore;
  runner: ProjectionRunner;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  clock?: Clock;
  /** Where the service's own messages go; by default the JSON logger, at info. */
  log?: (message: string) => void;
  /** The JSON logger for requests and messages; by default one at LOG_LEVEL writing to `logDestination` or stdout. */
  logger?: Logger;
  logDestination?: DestinationStream;
  /** How long a mutation waits for its own events to reach the read models. */
  readYourWritesTimeoutMs?: number;
}

const MAX_QUERY_DEPTH = 12;
const MAX_QUERY_TOKENS = 5000;

/** Composes the service: stores, projections, seed, GraphQL over HTTP. Resolves once it listens. */
export async function startService(config: Config, options: ServiceOptions = {}): Promise<RunningService> {
  const instanceId = config.PAR_INSTANCE_ID ?? `${hostname()}-${process.pid}`;
  const logger = (options.logger ?? createLogger(config.LOG_LEVEL, options.logDestination)).child({ instance: instanceId });
  const log = options.log ?? ((m: string) => logger.info(m));
  const clock = options.clock ?? systemClock;
  const jwtSecret = serviceJwtSecret(config);
  const verifyToken = createTokenVerifier({
    secret: jwtSecret,
    jwksUrl: config.PAR_JWKS_URL,
    issuer: config.PAR_JWT_ISSUER,
    audience: config.PAR_JWT_AUDIENCE,
    maxHours: config.PAR_TOKEN_MAX_HOURS,
    log: (m) => logger.warn(m),
    now: () => clock.now().getTime(),
  });
  const { events, readStore } = await openStores(config);

  const runner = new ProjectionRunner(events, readStore, allProjections, {
    log,
    logError: options.log ?? ((m: string) => logger.error(m)),
    instanceId,
    leaseTtlMs: config.PAR_PROJECTION_LEASE_MS,
  });
  let ready = false;
  const app = express();
  app.disable('x-powered-by');
  // ETags serve GET revalidation; answers here are POSTed and never revalidated, and hashing each large one cost.
  app.set('etag', false);
  app.use(requestLogging(logger));
  const cors = corsFor(config.PAR_CORS_ORIGINS);
  if (cors) app.use(cors);
  app.get('/health', (_req, res) => {
    res.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'starting', position: ready ? runner.position() : null });
  });

  const httpServer: Server = createServer(app);
  httpServer.listen(config.PORT, config.HOST);
  await once(httpServer, 'listening');
  const port = (httpServer.address() as AddressInfo).port;

  let apollo: ApolloServer<RequestContext> | null = null;
  let stopSubscriptions: (() => Promise<void>) | null = null;
  let stopping: Promise<void> | null = null;
  /** Stops taking requests, lets those in flight finish (the drain plugin), then closes the stores. */
  const stop = () => {
    stopping ??= (async () => {
      ready = false;
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      // Subscribers are told 1001 (going away) and reconnect elsewhere; their sockets would keep the server open.
      await stopSubscriptions?.();
      if (apollo) await apollo.stop();
      else httpServer.closeAllConnections();
      await closed;
      await runner.stop();
      await readStore.close();
      await events.close();
    })();
    return stopping;
  };

  try {
    await runner.start();
    const read = new ReadModels(readStore, runner);
    const asOf = new AsOfReader(events);
    const verifier = new ChainVerifier((after, limit) => events.readAll(after, limit), readStore, {
      fullIntervalMs: config.PAR_FULL_VERIFY_INTERVAL_S * 1000,
      now: () => clock.now(),
    });
    const commands = new ParCommands(
      // What commands append reaches the projections without being read back from the log.
      new CommandHandler(events, clock, { onAppended: (recorded) => runner.offer(recorded) }),
      liveDirectory(runner, read.agencyHistory),
      { complaintDays: config.PAR_COMPLAINT_DAYS },
    );
    if (config.PAR_SEED && (await seedIfEmpty(events, commands, log))) await runner.catchUp();

    const timeout = options.readYourWritesTimeoutMs ?? 10_000;
    const newContext = contextFactory({
      commands,
      read,
      asOf,
      runner,
      verifier,
      changes: new ChangeFeed(
        runner,
        (after, limit) => events.readAll(after, limit),
        (m) => logger.error(m),
      ),
      now: () => clock.now(),
      readYourWritesTimeoutMs: timeout,
    });
    const schema = fixCommandIds(await buildParSchema());
    // Reported as validation errors: graphql-armor's default is to throw, which Apollo turns into a 500.
    const limits = [
      maxDepthRule({ n: MAX_QUERY_DEPTH, propagateOnRejection: false, onReject: [(context, error) => context?.reportError(error)] }),
      aliasLimitRule(config.PAR_MAX_ALIASES),
    ];
    const answers = new AnswerCache(config.PAR_ANSWER_CACHE_MB * 1024 * 1024);
    apollo = new ApolloServer<RequestContext>({
      schema,
      includeStacktraceInErrorResponses: false,
      // main.ts owns the signals: it stops HTTP, Apollo, projections and stores in order.
      stopOnTerminationSignals: false,
      // Requests in flight get 3 s to finish, so a stop (closing stores too) fits in main.ts's 5 s deadline.
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 3000 }),
        requestLogPlugin(),
        queryCostPlugin(config.PAR_MAX_QUERY_COST),
        commandReportsPlugin(),
        answers.plugin(),
        // No type or field declares a cache hint, yet Apollo's default cache-control plugin wraps every resolved
        // field to collect them: a ranking's few thousand fields paid for it on every request.
        ApolloServerPluginCacheControlDisabled(),
      ],
      formatError: (formatted, error) => formatError(formatted, error),
      validationRules: [...limits, knownOperationTypeRule],
      parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    });
    await apollo.start();

    app.use(
      '/graphql',
      express.json({ limit: config.PAR_MAX_BODY }),
      // A kept answer needs neither parsing nor validation: it was answered without error before.
      answers.middleware((authorization, res) => authenticate(verifyToken, authorization, res).catch(() => null)),
      // Hundreds of aliases are refused here, before Apollo's validation walks every one of them.
      aliasPreCheck(config.PAR_MAX_ALIASES, MAX_QUERY_TOKENS),
      expressMiddleware(apollo, {
        context: async ({ req, res }) => {
          // Verified already when the answer cache looked the request up.
          const actor = (res.locals.actor as RequestContext['actor'] | undefined) ?? (await authenticate(verifyToken, req.headers.authorization, res));
          const context = newContext(actor);
          linkContextToResponse(context, res);
          return context;
        },
      }),
    );
    // Files of what the queries `ranking` and `assessment` answer, for Excel: same token, scopes and read models.
    app.use('/exports', exportRoutes({ verifyToken, read, position: () => runner.position(), now: () => clock.now() }));
    app.use('/imports', importRoutes({ verifyToken, read, commands, waitFor: (position) => runner.waitFor(position, timeout) }));
    // The web console last: whatever the API does not answer is one of its pages or files.
    app.use(consoleRoutes(config));
    app.use(requestErrorHandler(logger));
    stopSubscriptions = serveSubscriptions(httpServer, '/graphql', {
      schema,
      verifyToken,
      contextFor: newContext,
      validationRules: limits,
      maxTokens: MAX_QUERY_TOKENS,
      formatError: (error) => formatError(error.toJSON(), error),
    });
    await runner.catchUp();
    ready = true;
    const url = `http://localhost:${port}/graphql`;
    return { url, port, jwtSecret, events, readStore, runner, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
