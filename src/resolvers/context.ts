import DataLoader from 'dataloader';
import type { CommandOutcome } from '../commands/commandHandler';
import type { ParCommands } from '../commands/parCommands';
import type { CommandReports } from './commandReports';
import type { AnswerSources } from '../http/answerCache';
import type { Actor } from '../events/envelope';
import type { AgencyDocument } from '../projections/agencies/agenciesProjection';
import type { LogVerificationResult } from '../events/chainVerifier';
import type { FrameworkDocument } from '../projections/frameworks/frameworksProjection';
import type { AsOfReader } from '../projections/asOf';
import type { ProjectionRunner } from '../projections/runner/projectionRunner';
import type { ReadModels } from '../projections/readModels';
import type { ChangeFeed } from '../subscriptions/changeFeed';

export interface RequestContext {
  actor: Actor | null;
  commands: ParCommands;
  read: ReadModels;
  /** Past states, rebuilt from the log (the `asOf` argument). */
  asOf: AsOfReader;
  /**
   * Resolves once the read models the mutation's answer reads (ANSWERS_FROM) include the command's events, so a
   * mutation returns what it did; rejects with NOT_YET_VISIBLE when they do not within the bound. Records the
   * outcome for `extensions.command`.
   */
  readYourWrites(outcome: CommandOutcome): Promise<void>;
  /** The commands this request ran, reported in `extensions.command`. */
  commandReports: CommandReports;
  now(): Date;
  /** Service operations: projection status and rebuilds, log verification. */
  projections: ProjectionRunner;
  /** Continues from the last verified head; `full` re-checks from the genesis (rate-limited). */
  verifyLog(options: { full: boolean }): Promise<LogVerificationResult>;
  /** Root fields whose answer may be kept whole declare it here, with what it was read from (AnswerCache). */
  answerSources: AnswerSources;
  /** One batched read per kind and request, however many assessments, leaves and rounds ask for it. */
  loaders: { agency: DataLoader<string, AgencyDocument | null>; framework: DataLoader<string, FrameworkDocument | null> };
  /** What subscriptions watch: the read models' advances, by topic. */
  changes: ChangeFeed;
  /**
   * A new context for the same reader: a subscription re-reads with one per message, so the read scope and loaders
   * (kept for one request) never answer from what they learned before the change.
   */
  renew(): RequestContext;
}

/** `sources` learns that the answer read what no check covers: it is not kept (AnswerCache). */
export function createLoaders(read: ReadModels, sources: AnswerSources): RequestContext['loaders'] {
  // Made on first use: most requests never load through them.
  let agency: DataLoader<string, AgencyDocument | null> | undefined;
  let framework: DataLoader<string, FrameworkDocument | null> | undefined;
  return {
    get agency() {
      return (agency ??= new DataLoader((codes: readonly string[]) => {
        sources.untracked = true;
        return read.agenciesByCodes(codes);
      }));
    },
    get framework() {
      return (framework ??= new DataLoader((codes: readonly string[]) => {
        sources.untracked = true;
        return read.frameworksByCodes(codes);
      }));
    },
  };
}
