import DataLoader from 'dataloader';
import type { CommandOutcome } from '../commands/commandHandler';
import type { ParCommands } from '../commands/parCommands';
import type { Actor } from '../events/envelope';
import type { AgencyDocument } from '../projections/agencies/agenciesProjection';
import type { LogVerificationResult } from '../events/chainVerifier';
import type { AsOfReader } from '../projections/asOf';
import type { ProjectionRunner } from '../projections/runner/projectionRunner';
import type { ReadModels } from '../projections/readModels';

export interface RequestContext {
  actor: Actor | null;
  commands: ParCommands;
  read: ReadModels;
  /** Past states, rebuilt from the log (the `asOf` argument). */
  asOf: AsOfReader;
  /** Resolves once the read models include the command's events, so a mutation returns what it did. */
  readYourWrites(outcome: CommandOutcome): Promise<void>;
  now(): Date;
  /** Service operations: projection status and rebuilds, log verification. */
  projections: ProjectionRunner;
  /** Continues from the last verified head; `full` re-checks from the genesis (rate-limited). */
  verifyLog(options: { full: boolean }): Promise<LogVerificationResult>;
  loaders: { agency: DataLoader<string, AgencyDocument | null> };
}

export function createLoaders(read: ReadModels): RequestContext['loaders'] {
  return { agency: new DataLoader((codes: readonly string[]) => read.agenciesByCodes(codes)) };
}
