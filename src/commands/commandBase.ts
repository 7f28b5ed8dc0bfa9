import { agencyDecider } from '../domain/agency/agencyDecider';
import type { AssessmentState } from '../domain/assessment/assessment';
import { assessmentDecider } from '../domain/assessment/assessmentDecider';
import { frameworkCodeFor, type CycleState, type OpenedCycle } from '../domain/cycle/cycle';
import { cycleDecider } from '../domain/cycle/cycleDecider';
import { vietnamDayOf } from '../domain/calendarDate';
import { badInput, DomainError } from '../domain/errors';
import { requireCode } from '../domain/validation';
import type { Framework } from '../domain/framework/framework';
import { frameworkDecider } from '../domain/framework/frameworkDecider';
import { carriedBy, isActiveOn, unitOf, type LineageState, type RegisteredUnit, type Unit } from '../domain/lineage/lineage';
import { lineageDecider } from '../domain/lineage/lineageDecider';
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

  /** The reorganisations recorded so far (one small stream, cached by the handler like any other). */
  protected async loadLineage(): Promise<LineageState> {
    return (await this.handler.load(streams.lineage(), lineageDecider)).state;
  }

  /** An agency as registered in its own stream, or null. */
  protected async registrationOf(code: string): Promise<RegisteredUnit | null> {
    const { state } = await this.handler.load(streams.agency(code), agencyDecider);
    return state.registered ? { code: state.code, name: state.name, group: state.group, jurisdiction: state.jurisdiction, activeFrom: state.activeFrom } : null;
  }

  /** An agency as it stands after every reorganisation: registered in its stream, or by a merger or split. */
  protected async currentUnit(code: string): Promise<Unit | null> {
    const registered = await this.registrationOf(code);
    const lineage = await this.loadLineage();
    return unitOf(lineage, registered, code);
  }

  /**
   * What an appraiser's agency may act for on a day: itself, and every unit merged into it by then (its appraisals
   * in open cycles follow it). Loaded before the decision; the day is the decision's.
   */
  protected async carriesFor(agency: string | null): Promise<(now: Date) => string[]> {
    if (agency === null) return () => [];
    const lineage = await this.loadLineage();
    return (now) => carriedBy(lineage, agency, vietnamDayOf(now));
  }

  protected async loadAgency(field: string, code: string): Promise<Participant> {
    const unit = await this.currentUnit(code);
    if (!unit) throw new DomainError('NOT_FOUND', `${field}: agency ${code} is not registered`, field);
    return { code: unit.code, name: unit.name, group: unit.group };
  }

  /**
   * Every agency named must be registered and active on the day (not merged away or dissolved), so no duty is owed
   * by a unit that cannot act: NOT_FOUND or BAD_USER_INPUT naming `field`.
   */
  protected async requireActiveAgencies(field: string, codes: readonly string[], now: Date): Promise<void> {
    const day = vietnamDayOf(now);
    for (const code of new Set(codes)) {
      requireCode(field, code);
      const unit = await this.currentUnit(code);
      if (!unit) throw new DomainError('NOT_FOUND', `${field}: agency ${code} is not registered`, field);
      if (!isActiveOn(unit, day)) throw badInput(field, `${code} is not active on ${day}${unit.mergedInto ? ` (merged into ${unit.mergedInto.code})` : ''}`);
    }
  }

  protected async agencyExists(code: string): Promise<boolean> {
    return (await this.currentUnit(code)) !== null;
  }
}
