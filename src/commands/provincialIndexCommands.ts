import { authorize } from '../auth/authorization';
import type { RecordNationalResult } from '../domain/provincialIndex/provincialIndexDecider';
import { provincialIndexDecider } from '../domain/provincialIndex/provincialIndexDecider';
import { badInput } from '../domain/errors';
import { requireCode, requireYear } from '../domain/validation';
import { streams } from '../events/parEvents';
import { CommandBase, type CommandRequest } from './commandBase';
import type { CommandOutcome } from './commandHandler';

interface RequestCriterionDataInput {
  year: number;
  criterionCodes: string[];
  agencyCode: string;
  dueAt: Date;
  frameworkCode?: string | null;
}
interface ProvideCriterionDataInput {
  year: number;
  criterionCode: string;
  value: number;
  evidence?: string[] | null;
  note?: string | null;
}

/** The province's own assessment of a year (provincial-assessment-<year>), Decision 2824 Art. 7. */
export class ProvincialIndexCommands extends CommandBase {
  private command<C extends Parameters<typeof provincialIndexDecider.decide>[0]>(
    request: CommandRequest,
    commandName: C['type'],
    input: { year: number },
    prepare: (state: ReturnType<typeof provincialIndexDecider.initialState>, now: Date) => Promise<C> | C,
  ): Promise<CommandOutcome> {
    const envelope = { ...request, actor: authorize(request.actor, commandName) };
    const year = requireYear('year', input.year);
    return this.handler.handle({ commandName, input, streamId: streams.provincialAssessment(year), decider: provincialIndexDecider, envelope, prepare });
  }

  requestCriterionData(request: CommandRequest, input: RequestCriterionDataInput) {
    return this.command(request, 'RequestCriterionData', input, async (state, now) => {
      const code = input.frameworkCode ?? state.frameworkCode;
      if (input.frameworkCode && state.frameworkCode && input.frameworkCode !== state.frameworkCode) {
        throw badInput('frameworkCode', `the ${input.year} assessment uses ${state.frameworkCode}; omit frameworkCode`);
      }
      const framework = code ? await this.loadFramework('frameworkCode', requireCode('frameworkCode', code)) : null;
      const agencyRegistered = await this.agencyExists(requireCode('agencyCode', input.agencyCode));
      return { type: 'RequestCriterionData' as const, ...input, framework, agencyRegistered, now };
    });
  }

  provideCriterionData(request: CommandRequest, input: ProvideCriterionDataInput) {
    const agencyCode = request.actor?.agency ?? null;
    return this.command(request, 'ProvideCriterionData', input, () => ({ type: 'ProvideCriterionData' as const, ...input, agencyCode }));
  }

  compileProvincialAssessment(request: CommandRequest, input: { year: number }) {
    return this.command(request, 'CompileProvincialAssessment', input, () => ({ type: 'CompileProvincialAssessment' as const, year: input.year }));
  }

  recordNationalResult(request: CommandRequest, input: Omit<RecordNationalResult, 'type'>) {
    return this.command(request, 'RecordNationalResult', input, () => ({ type: 'RecordNationalResult' as const, ...input }));
  }
}
