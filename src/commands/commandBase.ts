import { agencyDecider } from '../domain/agency/agencyDecider';
import type { AssessmentState } from '../domain/assessment/assessment';
import { assessmentDecider } from '../domain/assessment/assessmentDecider';
import { frameworkCodeFor, type CycleState, type OpenedCycle } from '../domain/cycle/cycle';
import { cycleDecider } from '../domain/cycle/cycleDecider';
import { DomainError } from '../domain/errors';
import type { Framework } from '../domain/framework/framework';
import { frameworkDecider } from '../domain/framework/frameworkDecider';
import type { AgencyGroup, Participant } from '../events/parEvents';
import { streams } from '../events/parEvents';
import type { Actor } from '../events/envelope';
import type { CommandEnvelope, CommandHandler, CommandOutcome } from './commandHandler';

/** A mutation as it arrives: the actor is null when the request carried no token. */
export type CommandRequest = Omit<CommandEnvelope, 'actor'> & { actor: Actor | null };

/**
 * What every part of ParCommands shares: the handler, and loading from other streams what a decision needs
 * (a missing cycle, framework or agency is refused here as NOT_FOUND, naming the input field that pointed at it).
 */
export abstract class CommandBase {
  constructor(protected readonly handler: CommandHandler) {}

  /** A command on the year's cycle stream (`cycle-<year>`), decided by the cycle decider. */
  protected cycleCommand<C extends Parameters<typeof cycleDecider.decide>[0]>(
    envelope: CommandEnvelope,
    commandName: C['type'],
    input: unknown,
    year: number,
    prepare: (state: CycleState, now: Date) => Promise<C> | C,
  ): Promise<CommandOutcome> {
    return this.handler.handle({ commandName, input, streamId: streams.cycle(year), decider: cycleDecider, envelope, prepare });
  }

  /** The assessment of every participant of the group, with the group's framework: what a ranking is computed from. */
  protected async groupAssessments(
    state: CycleState,
    year: number,
    group: AgencyGroup,
  ): Promise<{ agencyCode: string; state: AssessmentState; framework: Framework }[]> {
    if (!state.opened) return [];
    const frameworkCode = frameworkCodeFor(state, group);
    const framework = frameworkCode ? await this.loadFramework('group', frameworkCode) : null;
    if (!framework) return [];
    // All at once, in participant order: on PostgreSQL a group's hundreds of reads share the pool's connections
    // instead of waiting for each other.
    const participants = state.participants.filter((p) => p.group === group);
    const loaded = await Promise.all(participants.map((p) => this.handler.load(streams.assessment(year, p.code), assessmentDecider)));
    return participants.map((p, i) => ({ agencyCode: p.code, state: loaded[i].state, framework }));
  }

  protected async loadCycle(year: number): Promise<OpenedCycle> {
    const { state } = await this.handler.load(streams.cycle(year), cycleDecider);
    if (!state.opened) throw new DomainError('NOT_FOUND', `there is no ${year} cycle: a coordinator opens it first`, 'year');
    return state;
  }

  protected async loadFramework(field: string, code: string): Promise<Framework> {
    const { state } = await this.handler.load(streams.framework(code), frameworkDecider);
    if (!state.published) throw new DomainError('NOT_FOUND', `${field}: framework ${code} is not published`, field);
    return state.framework;
  }

  protected async loadAgency(field: string, code: string): Promise<Participant> {
    const { state } = await this.handler.load(streams.agency(code), agencyDecider);
    if (!state.registered) throw new DomainError('NOT_FOUND', `${field}: agency ${code} is not registered`, field);
    return { code: state.code, name: state.name, group: state.group };
  }

  protected async agencyExists(code: string): Promise<boolean> {
    const { state } = await this.handler.load(streams.agency(code), agencyDecider);
    return state.registered;
  }
}
