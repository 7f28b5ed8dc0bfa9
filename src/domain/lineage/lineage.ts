import type { AgencyGroup, LineageEvent } from '../../events/parEvents';
import type { CalendarDate } from '../calendarDate';
import { dayBefore } from '../calendarDate';

/** The province-level jurisdiction agencies belong to when they name none (every agency registered before issue 9). */
export const HOME_JURISDICTION = 'QNA';
/** Its name, shown until the jurisdiction is registered with its own (the seed registers it). */
export const HOME_JURISDICTION_NAME = 'Tỉnh Quảng Nam';

/** An agency as registered in its own stream (agency-<code>), before the lineage stream changed anything. */
export interface RegisteredUnit {
  code: string;
  name: string;
  group: AgencyGroup;
  jurisdiction: string;
  activeFrom: CalendarDate | null;
}

/** A unit as it stands after every recorded change: what the next change is decided against. */
export interface Unit extends RegisteredUnit {
  activeUntil: CalendarDate | null;
  /** The day the latest change to it took effect: later changes must take effect after it. */
  lastChange: CalendarDate | null;
  /** The unit it was merged into, for work that follows a merged unit (its appraisals in open cycles). */
  mergedInto: { code: string; effectiveFrom: CalendarDate } | null;
}

interface Jurisdiction {
  code: string;
  name: string;
  activeFrom: CalendarDate | null;
  activeUntil: CalendarDate | null;
  lastChange: CalendarDate | null;
  mergedInto: { code: string; effectiveFrom: CalendarDate } | null;
}

/**
 * The lineage stream folded: only units some change touched (the others are as registered) and every jurisdiction.
 * Units a change registered (a merger or split into a new code) are kept whole; the others as what changed.
 */
export interface LineageState {
  units: Record<string, Partial<Unit> & { code: string; created: boolean }>;
  jurisdictions: Record<string, Jurisdiction>;
}

export const initialLineage = (): LineageState => ({ units: {}, jurisdictions: {} });

/** The unit as it stands now: its registration overlaid with what the lineage stream changed; null when unknown. */
export function unitOf(state: LineageState, registered: RegisteredUnit | null | undefined, code: string): Unit | null {
  const changed = state.units[code];
  if (!registered && !changed?.created) return null;
  const base: Unit = { ...(registered as RegisteredUnit), activeUntil: null, lastChange: registered?.activeFrom ?? null, mergedInto: null };
  if (!changed) return base;
  const { created: _created, ...overrides } = changed;
  return { ...base, ...overrides } as Unit;
}

/** Whether a code is taken by a unit some change registered (registerAgency must not reuse it). */
export const createdByLineage = (state: LineageState, code: string) => state.units[code]?.created === true;

export function isActiveOn(unit: { activeFrom: CalendarDate | null; activeUntil: CalendarDate | null }, date: CalendarDate): boolean {
  return (unit.activeFrom === null || unit.activeFrom <= date) && (unit.activeUntil === null || unit.activeUntil >= date);
}

/**
 * The unit that carries a merged unit's work on `date`: itself, or the unit its chain of mergers leads to by then.
 * Splits lead nowhere here: which part inherits which work is not a rule, the coordinator assigns it.
 */
export function carrierOn(state: LineageState, code: string, date: CalendarDate): string {
  let current = code;
  for (let hops = 0; hops < 100; hops++) {
    const next = state.units[current]?.mergedInto;
    if (!next || next.effectiveFrom > date) return current;
    current = next.code;
  }
  return current;
}

/**
 * The codes whose work `code` carries on `date`: itself and every unit merged into it (transitively) by then; none
 * once it was merged away itself (its successor carries it).
 */
export function carriedBy(state: LineageState, code: string, date: CalendarDate): string[] {
  if (carrierOn(state, code, date) !== code) return [];
  return [code, ...Object.keys(state.units).filter((c) => c !== code && carrierOn(state, c, date) === code)];
}

function touch(state: LineageState, code: string, change: Partial<Unit>): LineageState {
  const previous = state.units[code] ?? { code, created: false };
  return { ...state, units: { ...state.units, [code]: { ...previous, ...change } } };
}

function end(state: LineageState, code: string, effectiveFrom: CalendarDate, mergedInto: string | null): LineageState {
  return touch(state, code, {
    activeUntil: dayBefore(effectiveFrom),
    lastChange: effectiveFrom,
    mergedInto: mergedInto ? { code: mergedInto, effectiveFrom } : null,
  });
}

function arrive(
  state: LineageState,
  target: { code: string; name: string; group: AgencyGroup; jurisdiction: string; isNew: boolean },
  effectiveFrom: CalendarDate,
) {
  if (!target.isNew) return touch(state, target.code, { lastChange: effectiveFrom });
  const { isNew: _isNew, ...unit } = target;
  return {
    ...state,
    units: {
      ...state.units,
      [target.code]: { ...unit, created: true, activeFrom: effectiveFrom, activeUntil: null, lastChange: effectiveFrom, mergedInto: null },
    },
  };
}

export function evolveLineage(state: LineageState, event: LineageEvent): LineageState {
  switch (event.type) {
    case 'JurisdictionRegistered': {
      const { code, name, activeFrom } = event.data;
      const jurisdiction: Jurisdiction = { code, name, activeFrom, activeUntil: null, lastChange: activeFrom, mergedInto: null };
      return { ...state, jurisdictions: { ...state.jurisdictions, [code]: jurisdiction } };
    }
    case 'JurisdictionsMerged': {
      const { sourceCodes, into, effectiveFrom } = event.data;
      const jurisdictions = { ...state.jurisdictions };
      for (const code of sourceCodes) {
        jurisdictions[code] = {
          ...jurisdictions[code],
          activeUntil: dayBefore(effectiveFrom),
          lastChange: effectiveFrom,
          mergedInto: { code: into.code, effectiveFrom },
        };
      }
      jurisdictions[into.code] = into.isNew
        ? { code: into.code, name: into.name, activeFrom: effectiveFrom, activeUntil: null, lastChange: effectiveFrom, mergedInto: null }
        : { ...jurisdictions[into.code], lastChange: effectiveFrom };
      return { ...state, jurisdictions };
    }
    case 'AgencyRenamed':
      return touch(state, event.data.code, { name: event.data.name, lastChange: event.data.effectiveFrom });
    case 'AgencyMoved': {
      const { code, group, jurisdiction, effectiveFrom } = event.data;
      return touch(state, code, { group, jurisdiction, lastChange: effectiveFrom });
    }
    case 'AgencyDissolved':
      return end(state, event.data.code, event.data.effectiveFrom, null);
    case 'AgenciesMerged': {
      const { sourceCodes, into, effectiveFrom } = event.data;
      const ended = sourceCodes.reduce((s, code) => end(s, code, effectiveFrom, into.code), state);
      return arrive(ended, into, effectiveFrom);
    }
    case 'AgencySplit': {
      const { sourceCode, into, effectiveFrom } = event.data;
      return into.reduce((s, target) => arrive(s, target, effectiveFrom), end(state, sourceCode, effectiveFrom, null));
    }
  }
}
