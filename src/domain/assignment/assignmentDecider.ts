import { event, type AssignmentEvent } from '../../events/parEvents';
import { requireCalendarDate } from '../calendarDate';
import type { Decider } from '../decider';
import { TASK_KINDS, type TaskKind } from '../enums';
import { DomainError, badInput } from '../errors';
import { isActiveOn, type Unit } from '../lineage/lineage';
import { optionalText, requireCode, requireCriterionCode, requireText } from '../validation';

export type AssignResponsibility = {
  type: 'AssignResponsibility';
  code?: string | null;
  taskKind: TaskKind;
  lead: string;
  coordinators?: string[] | null;
  legalBasis: string;
  effectiveFrom: Date | string;
  effectiveUntil?: Date | string | null;
  description: string;
  area?: string | null;
  criterionCode?: string | null;
  /** Every agency named, as it stands after its reorganisations (loaded by the handler); null: not registered. */
  units: Readonly<Record<string, Unit | null>>;
};

/** The codes already used: an assignment is recorded once and stands until its `effectiveUntil`. */
type AssignmentState = { codes: Record<string, true> };

/** A code from what the assignment is (kind, lead, what it concerns, from when) when none is given. */
export const assignmentCode = (c: Pick<AssignResponsibility, 'code' | 'taskKind' | 'lead' | 'area' | 'criterionCode'>, from: string) =>
  c.code ?? [c.taskKind, c.lead, c.criterionCode ?? c.area ?? '', from].filter((p) => p !== '').join('-');

function requireUnit(units: AssignResponsibility['units'], field: string, raw: string, from: string): string {
  const code = requireCode(field, raw);
  const unit = units[code];
  if (!unit) throw new DomainError('NOT_FOUND', `${field}: agency ${code} is not registered`, field);
  if (!isActiveOn(unit, from) && (unit.activeFrom === null || unit.activeFrom <= from)) {
    throw badInput(field, `agency ${code} ended on ${unit.activeUntil}, before ${from}: assign its successor`);
  }
  return code;
}

function decideAssign(command: AssignResponsibility, state: AssignmentState): AssignmentEvent[] {
  if (!TASK_KINDS.includes(command.taskKind)) throw badInput('taskKind', `unknown task kind ${command.taskKind}`);
  const effectiveFrom = requireCalendarDate('effectiveFrom', command.effectiveFrom);
  const effectiveUntil = command.effectiveUntil ? requireCalendarDate('effectiveUntil', command.effectiveUntil) : null;
  if (effectiveUntil !== null && effectiveUntil < effectiveFrom) throw badInput('effectiveUntil', `must not come before effectiveFrom (${effectiveFrom})`);
  const lead = requireUnit(command.units, 'lead', command.lead, effectiveFrom);
  const coordinators = (command.coordinators ?? []).map((c, i) => {
    const code = requireUnit(command.units, `coordinators[${i}]`, c, effectiveFrom);
    if (code === lead) throw badInput(`coordinators[${i}]`, `${code} leads this work; a lead does not also coordinate it`);
    return code;
  });
  if (new Set(coordinators).size !== coordinators.length) throw badInput('coordinators', 'an agency is listed twice');
  const area = optionalText('area', command.area, 20);
  const criterionCode = command.criterionCode ? requireCriterionCode('criterionCode', command.criterionCode) : null;
  const code = requireCode('code', assignmentCode({ ...command, lead, area, criterionCode }, effectiveFrom));
  if (state.codes[code]) throw new DomainError('CONFLICT', `responsibility ${code} is already assigned`, 'code');
  return [
    event('ResponsibilityAssigned', {
      code,
      taskKind: command.taskKind,
      lead,
      coordinators,
      legalBasis: requireText('legalBasis', command.legalBasis, 300),
      effectiveFrom,
      effectiveUntil,
      description: requireText('description', command.description, 2000),
      area,
      criterionCode,
    }),
  ];
}

export const assignmentDecider: Decider<AssignResponsibility, AssignmentEvent, AssignmentState> = {
  initialState: () => ({ codes: {} }),
  decide: decideAssign,
  evolve: (state, e) => ({ codes: { ...state.codes, [e.data.code]: true } }),
};
