import 'reflect-metadata';
import { once } from 'node:events';
import { hostname } from 'node:os';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import express, { type NextFunction, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import { CommandHandler, systemClock, type Clock } from './commands/commandHandler';
import { actorFromAuthorization, resolveJwtSecret } from './commands/identity';
import { ParCommands } from './commands/parCommands';
import type { Config } from './config';
import { DomainError } from './domain/errors';
import type { EventStore } from './events/store/eventStore';
import { ChainVerifier } from './events/chainVerifier';
import { allProjections } from './projections/allProjections';
import { AsOfReader } from './projections/asOf';
import { ProjectionRunner } from './projections/runner/projectionRunner';
import { ReadModels } from './projections/readModels';
import type { ReadStore } from './projections/store/readStore';
import { createLoaders, type RequestContext } from './resolvers/context';
import { buildParSchema } from './schema/buildParSchema';
import { formatError } from './schema/errorFormatting';
import { aliasLimitRule, queryCostPlugin } from './schema/queryLimits';
import { seedIfEmpty } from './seed/seed';
import { openStores } from './stores';

export interface RunningService {
  url: string;
  port: number;
  jwtSecret: string;
  events: EventStore;
  readStore: ReadStore;
  runner: ProjectionRunner;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  clock?: Clock;
  log?: (message: string) => void;
  /** How long a mutation waits for its own events to reach the read models. */
  readYourWritesTimeoutMs?: number;
}

const MAX_QUERY_DEPTH = 12;
const MAX_QUERY_TOKENS = 5000;

/** Composes the service: stores, projections, seed, GraphQL over HTTP. Resolves once it listens. */
export async function startService(config: Config, options: ServiceOptions = {}): Promise<RunningService> {
  const log = options.log ?? ((m: string) => console.log(m));
  const clock = options.clock ?? systemClock;
  const jwtSecret = resolveJwtSecret(config.PAR_JWT_SECRET, config.PAR_DATA_DIR);
  const { events, readStore } = await openStores(config);

  const runner = new ProjectionRunner(events, readStore, allProjections, {
    log,
    instanceId: config.PAR_INSTANCE_ID ?? `${hostname()}-${process.pid}`,
    leaseTtlMs: config.PAR_PROJECTION_LEASE_MS,
  });
  let ready = false;
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'starting', position: ready ? runner.position() : null });
  });

  const httpServer: Server = createServer(app);
  httpServer.listen(config.PORT, config.HOST);
  await once(httpServer, 'listening');
  const port = (httpServer.address() as AddressInfo).port;

  let apollo: ApolloServer<RequestContext> | null = null;
  let stopping: Promise<void> | null = null;
  /** Stops taking requests, lets those in flight finish (the drain plugin), then closes the stores. */
  const stop = () => {
    stopping ??= (async () => {
      ready = false;
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
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
    const commands = new ParCommands(new CommandHandler(events, clock), {
      agenciesInGroups: async (groups) => {
        await runner.catchUp();
        return read.agenciesInGroups(groups);
      },
    });
    if (config.PAR_SEED && (await seedIfEmpty(events, commands, log))) await runner.catchUp();

    apollo = new ApolloServer<RequestContext>({
      schema: await buildParSchema(),
      includeStacktraceInErrorResponses: false,
      // main.ts owns the signals: it stops HTTP, Apollo, projections and stores in order.
      stopOnTerminationSignals: false,
      plugins: [ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 5000 }), queryCostPlugin(config.PAR_MAX_QUERY_COST)],
      formatError: (formatted, error) => formatError(formatted, error),
      // Reported as a validation error: graphql-armor's default is to throw, which Apollo turns into a 500.
      validationRules: [
        maxDepthRule({ n: MAX_QUERY_DEPTH, propagateOnRejection: false, onReject: [(context, error) => context?.reportError(error)] }),
        aliasLimitRule(config.PAR_MAX_ALIASES),
      ],
      parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    });
    await apollo.start();

    const timeout = options.readYourWritesTimeoutMs ?? 10_000;
    app.use(
      '/graphql',
      express.json({ limit: config.PAR_MAX_BODY }),
      expressMiddleware(apollo, {
        context: async ({ req }) => ({
          actor: actorFromAuthorizationOrThrow(req.headers.authorization, jwtSecret),
          commands,
          read,
          asOf,
          readYourWrites: (outcome) => runner.waitFor(outcome.lastPosition, timeout),
          now: () => clock.now(),
          projections: runner,
          verifyLog: (verifyOptions) => verifier.verify(verifyOptions),
          loaders: createLoaders(read),
        }),
      }),
    );
    app.use(requestErrorHandler(log));
    await runner.catchUp();
    ready = true;
    const url = `http://localhost:${port}/graphql`;
    return { url, port, jwtSecret, events, readStore, runner, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/** Apollo turns an error thrown while building the context into a 500; a bad token is a 401 with the DESIGN code. */
function actorFromAuthorizationOrThrow(header: string | undefined, secret: string) {
  try {
    return actorFromAuthorization(header, secret);
  } catch (error) {
    if (error instanceof DomainError) {
      throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
    }
    throw error;
  }
}

/** Malformed JSON and oversized bodies get a GraphQL-shaped answer instead of an HTML page. */
function requestErrorHandler(log: (m: string) => void) {
  return (error: { type?: string; status?: number; message?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    if (error.type === 'entity.parse.failed') {
      return res.status(400).json({ errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    }
    if (error.type === 'entity.too.large') {
      return res.status(413).json({ errors: [{ message: 'request body is too large', extensions: { code: 'BAD_REQUEST' } }] });
    }
    log(`request failed: ${error.message}`);
    return res.status(error.status ?? 500).json({ errors: [{ message: 'request failed', extensions: { code: 'BAD_REQUEST' } }] });
  };
}
