import { event, type LineageEvent } from '../../events/parEvents';
import { requireCalendarDate } from '../calendarDate';
import { DomainError, badInput } from '../errors';
import { requireLegalBasis } from '../legalBasis';
import { requireCode, requireText } from '../validation';
import { isActiveOn, type LineageState } from './lineage';
import type { MergeJurisdictions, RegisterJurisdiction } from './lineageCommands';

export function decideRegisterJurisdiction(command: RegisterJurisdiction, state: LineageState): LineageEvent[] {
  const code = requireCode('code', command.code);
  const name = requireText('name', command.name, 200);
  const activeFrom = command.activeFrom ? requireCalendarDate('activeFrom', command.activeFrom) : null;
  const existing = state.jurisdictions[code];
  if (existing) throw new DomainError('CONFLICT', `jurisdiction ${code} is already registered (as "${existing.name}")`, 'code');
  return [event('JurisdictionRegistered', { code, name, activeFrom })];
}

/** Jurisdictions merge like agencies: the sources end the day before, the target (new or existing) carries on. */
export function decideMergeJurisdictions(command: MergeJurisdictions, state: LineageState): LineageEvent[] {
  const effectiveFrom = requireCalendarDate('effectiveFrom', command.effectiveFrom);
  const legalBasis = requireLegalBasis('legalBasis', command.legalBasis);
  if (command.sourceCodes.length === 0) throw badInput('sourceCodes', 'name at least one jurisdiction to merge');
  const intoCode = requireCode('into.code', command.into.code);
  const seen = new Set<string>();
  const sourceCodes = command.sourceCodes.map((raw, i) => {
    const field = `sourceCodes[${i}]`;
    const code = requireCode(field, raw);
    if (seen.has(code)) throw badInput(field, `${code} is listed twice`);
    if (code === intoCode) throw badInput(field, `${code} is the jurisdiction merged into`);
    seen.add(code);
    const source = state.jurisdictions[code];
    if (!source) throw new DomainError('NOT_FOUND', `${field}: jurisdiction ${code} is not registered`, field);
    if (!isActiveOn(source, effectiveFrom)) throw badInput(field, `jurisdiction ${code} is not active on ${effectiveFrom}`);
    if (source.lastChange && source.lastChange >= effectiveFrom) {
      throw badInput('effectiveFrom', `${code} last changed on ${source.lastChange}; record changes in the order they took effect`);
    }
    return code;
  });
  const existing = state.jurisdictions[intoCode];
  if (existing) {
    if (!isActiveOn(existing, effectiveFrom)) throw badInput('into.code', `jurisdiction ${intoCode} is not active on ${effectiveFrom}`);
    if (command.into.name && command.into.name.trim() !== existing.name) {
      throw badInput('into.name', `jurisdiction ${intoCode} is "${existing.name}"; omit the name when merging into an existing jurisdiction`);
    }
    return [event('JurisdictionsMerged', { sourceCodes, into: { code: intoCode, name: existing.name, isNew: false }, effectiveFrom, legalBasis })];
  }
  const name = requireText('into.name', command.into.name ?? '', 200);
  return [event('JurisdictionsMerged', { sourceCodes, into: { code: intoCode, name, isNew: true }, effectiveFrom, legalBasis })];
}
