import { event, type LineageEvent, type LineageTarget } from '../../events/parEvents';
import { AGENCY_GROUPS } from '../enums';
import { requireCalendarDate, type CalendarDate } from '../calendarDate';
import { DomainError, badInput } from '../errors';
import { requireLegalBasis } from '../legalBasis';
import { optionalText, requireCode, requireText } from '../validation';
import { HOME_JURISDICTION, isActiveOn, unitOf, type LineageState, type Unit } from './lineage';
import type { DissolveAgency, MergeAgencies, MoveAgency, RenameAgency, SplitAgency, TargetInput } from './lineageCommands';

type Registered = RenameAgency['registered'];

/** The jurisdiction a code stands for on `date`: itself, or what its mergers led to by then. */
function jurisdictionOn(state: LineageState, code: string, date: CalendarDate): string {
  let current = code;
  for (let hops = 0; hops < 100; hops++) {
    const next = state.jurisdictions[current]?.mergedInto;
    if (!next || next.effectiveFrom > date) return current;
    current = next.code;
  }
  return current;
}

function requireJurisdiction(state: LineageState, field: string, raw: string, date: CalendarDate): string {
  const code = requireCode(field, raw);
  const jurisdiction = state.jurisdictions[code];
  if (!jurisdiction && code !== HOME_JURISDICTION) throw new DomainError('NOT_FOUND', `${field}: jurisdiction ${code} is not registered`, field);
  if (jurisdiction && !isActiveOn(jurisdiction, date)) throw badInput(field, `jurisdiction ${code} is not active on ${date}`);
  return code;
}

/** A unit the change applies to: known, active when the change takes effect, and not changed since. */
function requireActiveUnit(state: LineageState, registered: Registered, field: string, raw: string, effectiveFrom: CalendarDate): Unit {
  const code = requireCode(field, raw);
  const unit = unitOf(state, registered[code], code);
  if (!unit) throw new DomainError('NOT_FOUND', `${field}: agency ${code} is not registered`, field);
  if (unit.activeUntil !== null && unit.activeUntil < effectiveFrom) {
    throw badInput(field, `agency ${code} ended on ${unit.activeUntil}, before ${effectiveFrom}`);
  }
  if (unit.activeFrom !== null && unit.activeFrom > effectiveFrom) throw badInput(field, `agency ${code} only starts on ${unit.activeFrom}`);
  if (unit.lastChange !== null && unit.lastChange >= effectiveFrom) {
    throw badInput('effectiveFrom', `agency ${code} last changed on ${unit.lastChange}; record changes in the order they took effect`);
  }
  return unit;
}

function change(command: { effectiveFrom: Date | string; legalBasis: RenameAgency['legalBasis'] }) {
  return { effectiveFrom: requireCalendarDate('effectiveFrom', command.effectiveFrom), legalBasis: requireLegalBasis('legalBasis', command.legalBasis) };
}

/**
 * Where a merger or split leads: an existing unit (active then, named as it is) or a new code, which the change
 * registers with the name and group given (and the sources' jurisdiction unless another is named).
 */
function requireTarget(
  state: LineageState,
  registered: Registered,
  field: string,
  target: TargetInput,
  effectiveFrom: CalendarDate,
  defaultJurisdiction: string | null,
): LineageTarget {
  const code = requireCode(`${field}.code`, target.code);
  const existing = unitOf(state, registered[code], code);
  if (existing) {
    if (!isActiveOn(existing, effectiveFrom)) throw badInput(`${field}.code`, `agency ${code} is not active on ${effectiveFrom}`);
    if (target.name && target.name.trim() !== existing.name) {
      throw badInput(`${field}.name`, `agency ${code} is "${existing.name}": omit the name, or rename it with renameAgency`);
    }
    if (target.group && target.group !== existing.group) {
      throw badInput(`${field}.group`, `agency ${code} is in ${existing.group}: omit the group, or move it with moveAgency`);
    }
    const jurisdiction = jurisdictionOn(state, existing.jurisdiction, effectiveFrom);
    return { code, name: existing.name, group: existing.group, jurisdiction, isNew: false };
  }
  const name = requireText(`${field}.name`, target.name ?? '', 200);
  if (!target.group || !AGENCY_GROUPS.includes(target.group)) throw badInput(`${field}.group`, `a new unit ${code} needs its group`);
  const named = target.jurisdiction ?? defaultJurisdiction;
  if (!named) throw badInput(`${field}.jurisdiction`, `the units merged belong to different jurisdictions: name the new unit's`);
  return { code, name, group: target.group, jurisdiction: requireJurisdiction(state, `${field}.jurisdiction`, named, effectiveFrom), isNew: true };
}

export function decideRename(command: RenameAgency, state: LineageState): LineageEvent[] {
  const { effectiveFrom, legalBasis } = change(command);
  const unit = requireActiveUnit(state, command.registered, 'code', command.code, effectiveFrom);
  const name = requireText('name', command.name, 200);
  if (name === unit.name) throw badInput('name', `agency ${unit.code} is already named "${name}"`);
  return [event('AgencyRenamed', { code: unit.code, name, previousName: unit.name, effectiveFrom, legalBasis })];
}

export function decideMerge(command: MergeAgencies, state: LineageState): LineageEvent[] {
  const { effectiveFrom, legalBasis } = change(command);
  if (command.sourceCodes.length === 0) throw badInput('sourceCodes', 'name at least one agency to merge');
  const intoCode = requireCode('into.code', command.into.code);
  const seen = new Set<string>();
  const sources = command.sourceCodes.map((raw, i) => {
    const unit = requireActiveUnit(state, command.registered, `sourceCodes[${i}]`, raw, effectiveFrom);
    if (seen.has(unit.code)) throw badInput(`sourceCodes[${i}]`, `${unit.code} is listed twice`);
    if (unit.code === intoCode) throw badInput(`sourceCodes[${i}]`, `${unit.code} is the unit merged into; list only the units that end`);
    seen.add(unit.code);
    return unit;
  });
  const jurisdictions = new Set(sources.map((s) => jurisdictionOn(state, s.jurisdiction, effectiveFrom)));
  const into = requireTarget(state, command.registered, 'into', command.into, effectiveFrom, jurisdictions.size === 1 ? [...jurisdictions][0] : null);
  if (!into.isNew) requireActiveUnit(state, command.registered, 'into.code', into.code, effectiveFrom);
  return [event('AgenciesMerged', { sourceCodes: sources.map((s) => s.code), into, effectiveFrom, legalBasis })];
}

export function decideSplit(command: SplitAgency, state: LineageState): LineageEvent[] {
  const { effectiveFrom, legalBasis } = change(command);
  const source = requireActiveUnit(state, command.registered, 'sourceCode', command.sourceCode, effectiveFrom);
  if (command.into.length < 2) throw badInput('into', 'a split leads into at least two units (one is a rename or a merger)');
  const seen = new Set<string>();
  const into = command.into.map((target, i) => {
    const resolved = requireTarget(state, command.registered, `into[${i}]`, target, effectiveFrom, jurisdictionOn(state, source.jurisdiction, effectiveFrom));
    if (resolved.code === source.code) throw badInput(`into[${i}].code`, `${source.code} is the unit that is split`);
    if (seen.has(resolved.code)) throw badInput(`into[${i}].code`, `${resolved.code} is listed twice`);
    seen.add(resolved.code);
    return resolved;
  });
  return [event('AgencySplit', { sourceCode: source.code, into, effectiveFrom, legalBasis })];
}

export function decideDissolve(command: DissolveAgency, state: LineageState): LineageEvent[] {
  const { effectiveFrom, legalBasis } = change(command);
  const unit = requireActiveUnit(state, command.registered, 'code', command.code, effectiveFrom);
  return [event('AgencyDissolved', { code: unit.code, reason: optionalText('reason', command.reason, 2000), effectiveFrom, legalBasis })];
}

export function decideMove(command: MoveAgency, state: LineageState): LineageEvent[] {
  const { effectiveFrom, legalBasis } = change(command);
  const unit = requireActiveUnit(state, command.registered, 'code', command.code, effectiveFrom);
  const previousJurisdiction = jurisdictionOn(state, unit.jurisdiction, effectiveFrom);
  if (command.group && !AGENCY_GROUPS.includes(command.group)) throw badInput('group', `unknown group ${command.group}`);
  const group = command.group ?? unit.group;
  const jurisdiction = command.jurisdiction ? requireJurisdiction(state, 'jurisdiction', command.jurisdiction, effectiveFrom) : previousJurisdiction;
  if (group === unit.group && jurisdiction === previousJurisdiction) {
    throw badInput(
      command.group ? 'group' : 'jurisdiction',
      `agency ${unit.code} is already in ${group} of ${jurisdiction}: name another group or jurisdiction`,
    );
  }
  return [event('AgencyMoved', { code: unit.code, group, jurisdiction, previousGroup: unit.group, previousJurisdiction, effectiveFrom, legalBasis })];
}
