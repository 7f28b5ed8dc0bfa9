import { authorize } from '../auth/authorization';
import type { AssignResponsibility } from '../domain/assignment/assignmentDecider';
import { assignmentDecider } from '../domain/assignment/assignmentDecider';
import type { Unit } from '../domain/lineage/lineage';
import { isCode } from '../domain/validation';
import { streams } from '../events/parEvents';
import { CommandBase, type CommandRequest } from './commandBase';
import type { CommandOutcome } from './commandHandler';

type AssignResponsibilityInput = Omit<AssignResponsibility, 'type' | 'units'>;

/** Decision 2824's standing responsibilities (the responsibility-matrix stream), decided against the agencies as they stand. */
export class AssignmentCommands extends CommandBase {
  assignResponsibility(request: CommandRequest, input: AssignResponsibilityInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'AssignResponsibility') };
    return this.handler.handle({
      commandName: 'AssignResponsibility',
      input,
      streamId: streams.responsibilityMatrix(),
      decider: assignmentDecider,
      envelope,
      prepare: async () => {
        const codes = [input.lead, ...(input.coordinators ?? [])].filter(isCode);
        const units: Record<string, Unit | null> = {};
        await Promise.all(codes.map(async (code) => (units[code] = await this.currentUnit(code))));
        return { type: 'AssignResponsibility' as const, ...input, units };
      },
    });
  }
}
