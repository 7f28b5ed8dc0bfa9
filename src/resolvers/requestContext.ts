import type { ParCommands } from '../commands/parCommands';
import type { ChainVerifier } from '../events/chainVerifier';
import type { Actor } from '../events/envelope';
import { AnswerSources } from '../http/answerCache';
import type { AsOfReader } from '../projections/asOf';
import type { ReadModels } from '../projections/readModels';
import type { ProjectionRunner } from '../projections/runner/projectionRunner';
import type { ChangeFeed } from '../subscriptions/changeFeed';
import { awaitVisible, CommandReports } from './commandReports';
import { createLoaders, type RequestContext } from './context';

interface ContextServices {
  commands: ParCommands;
  read: ReadModels;
  asOf: AsOfReader;
  runner: ProjectionRunner;
  verifier: ChainVerifier;
  changes: ChangeFeed;
  now(): Date;
  /** How long a mutation waits for its own events to reach the read models. */
  readYourWritesTimeoutMs: number;
}

/**
 * The context of one GraphQL operation for a verified reader, over HTTP and over WebSocket alike, so that a
 * subscription reads with the same read models, scopes and loaders as a query.
 */
export function contextFactory(services: ContextServices): (actor: Actor | null) => RequestContext {
  const { commands, read, asOf, runner, verifier, changes, now, readYourWritesTimeoutMs } = services;
  const create = (actor: Actor | null): RequestContext => {
    const commandReports = new CommandReports();
    const answerSources = new AnswerSources();
    return {
      actor,
      commands,
      read,
      asOf,
      readYourWrites: (outcome) =>
        awaitVisible(
          commandReports,
          outcome,
          (position, projections) => runner.waitFor(position, readYourWritesTimeoutMs, projections),
          (position, projections) => (projections ?? []).some((name) => runner.failedAtOrBefore(name, position)),
        ),
      commandReports,
      now,
      projections: runner,
      verifyLog: (verifyOptions) => verifier.verify(verifyOptions),
      loaders: createLoaders(read, answerSources),
      answerSources,
      changes,
      renew: () => create(actor),
    };
  };
  return create;
}
