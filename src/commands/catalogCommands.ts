import { agencyDecider } from '../domain/agency/agencyDecider';
import { createdByLineage } from '../domain/lineage/lineage';
import { frameworkDecider } from '../domain/framework/frameworkDecider';
import type { FrameworkInput } from '../domain/framework/frameworkInput';
import { requireCode } from '../domain/validation';
import { streams } from '../events/parEvents';
import { authorize } from '../auth/authorization';
import type { CommandOutcome } from './commandHandler';
import type { RegisterAgencyInput } from './commandInputs';
import { CommandBase, type CommandRequest } from './commandBase';

/** The catalogue every cycle draws on: agencies (agency-<code>) and criteria frameworks (framework-<code>). */
export class CatalogCommands extends CommandBase {
  registerAgency(request: CommandRequest, input: RegisterAgencyInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'RegisterAgency') };
    return this.handler.handle({
      commandName: 'RegisterAgency',
      input,
      streamId: streams.agency(requireCode('code', input.code)),
      decider: agencyDecider,
      envelope,
      prepare: async () => {
        const lineage = await this.loadLineage();
        const jurisdiction = input.jurisdiction ?? null;
        return {
          type: 'RegisterAgency' as const,
          ...input,
          takenByLineage: createdByLineage(lineage, input.code),
          jurisdictionKnown: jurisdiction !== null && lineage.jurisdictions[jurisdiction] !== undefined,
        };
      },
    });
  }

  async publishFramework(request: CommandRequest, input: FrameworkInput): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, 'PublishFramework') };
    const appraisers = new Set<string>();
    const collect = (nodes: { appraiserCode?: string | null; children?: unknown[] | null; criteria?: unknown[] }[]) => {
      for (const node of nodes) {
        if (node.appraiserCode) appraisers.add(node.appraiserCode);
        collect((node.children ?? node.criteria ?? []) as typeof nodes);
      }
    };
    collect(input.areas);
    return this.handler.handle({
      commandName: 'PublishFramework',
      input,
      streamId: streams.framework(requireCode('code', input.code)),
      decider: frameworkDecider,
      envelope,
      prepare: async () => {
        const registered = new Set<string>();
        for (const code of appraisers) if (await this.agencyExists(code)) registered.add(code);
        return { type: 'PublishFramework', input, isRegisteredAgency: (code: string) => registered.has(code) };
      },
    });
  }
}
