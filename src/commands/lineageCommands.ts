import { authorize } from '../auth/authorization';
import type { RegisteredUnit } from '../domain/lineage/lineage';
import { agencyCodesOf, type LineageCommand, type Unloaded } from '../domain/lineage/lineageCommands';
import { lineageDecider } from '../domain/lineage/lineageDecider';
import { requireCode } from '../domain/validation';
import { streams } from '../events/parEvents';
import { CommandBase, type CommandRequest } from './commandBase';
import type { CommandOutcome } from './commandHandler';
import type {
  DissolveAgencyInput,
  MergeAgenciesInput,
  MergeJurisdictionsInput,
  MoveAgencyInput,
  RegisterJurisdictionInput,
  RenameAgencyInput,
  SplitAgencyInput,
} from './commandInputs';

/**
 * Reorganisations (the lineage stream): each is decided against every earlier one, with the registrations of the
 * agencies it names loaded from their own streams.
 */
export class LineageCommands extends CommandBase {
  renameAgency(request: CommandRequest, input: RenameAgencyInput) {
    return this.change(request, { type: 'RenameAgency', ...input });
  }

  mergeAgencies(request: CommandRequest, input: MergeAgenciesInput) {
    return this.change(request, { type: 'MergeAgencies', ...input });
  }

  splitAgency(request: CommandRequest, input: SplitAgencyInput) {
    return this.change(request, { type: 'SplitAgency', ...input });
  }

  dissolveAgency(request: CommandRequest, input: DissolveAgencyInput) {
    return this.change(request, { type: 'DissolveAgency', ...input });
  }

  moveAgency(request: CommandRequest, input: MoveAgencyInput) {
    return this.change(request, { type: 'MoveAgency', ...input });
  }

  registerJurisdiction(request: CommandRequest, input: RegisterJurisdictionInput) {
    return this.change(request, { type: 'RegisterJurisdiction', ...input });
  }

  mergeJurisdictions(request: CommandRequest, input: MergeJurisdictionsInput) {
    return this.change(request, { type: 'MergeJurisdictions', ...input });
  }

  private change(request: CommandRequest, command: Unloaded<LineageCommand>): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, command.type) };
    return this.handler.handle({
      commandName: command.type,
      input: command,
      streamId: streams.lineage(),
      decider: lineageDecider,
      envelope,
      prepare: async () => {
        const registered: Record<string, RegisteredUnit | null> = {};
        // Codes are checked by the decider; an invalid one is not looked up (it names no stream).
        const codes = agencyCodesOf(command).filter((code) => {
          try {
            return requireCode('code', code) !== '';
          } catch {
            return false;
          }
        });
        await Promise.all(codes.map(async (code) => (registered[code] = await this.registrationOf(code))));
        return { ...command, registered } as LineageCommand;
      },
    });
  }
}
