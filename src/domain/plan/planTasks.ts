import type { PlanTask } from '../../events/parEvents';
import { vietnamDayOf } from '../calendarDate';
import { DomainError, badInput } from '../errors';
import { requireCode, requireText } from '../validation';
import type { KnownAgency, PlanTaskInput } from './planCommands';

/** A deadline given as a moment: it must be a valid time still ahead (a request already overdue helps no one). */
export function requireDeadline(field: string, value: Date | string, now: Date): string {
  const at = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(at.getTime())) throw badInput(field, 'is not a valid date-time');
  if (at.getTime() <= now.getTime()) throw badInput(field, `must be later than now (${now.toISOString()})`);
  return at.toISOString();
}

/** An agency a plan names: registered (NOT_FOUND otherwise, naming the field) and not ended by today. */
export function requireAgency(field: string, raw: string, agencies: Readonly<Record<string, KnownAgency>>, now: Date): string {
  const code = requireCode(field, raw);
  const agency = agencies[code];
  if (!agency) throw new DomainError('NOT_FOUND', `${field}: agency ${code} is not registered`, field);
  const today = vietnamDayOf(now);
  if (agency.activeUntil !== null && agency.activeUntil < today) throw badInput(field, `agency ${code} ended on ${agency.activeUntil}`);
  return code;
}

/**
 * The tasks of a draft or an amendment, checked one by one: each has a code unique in the list, a title, one lead
 * (Art. 2: exactly one agency leads and follows up), coordinators other than the lead, and a deadline ahead.
 */
export function requireTasks(inputs: readonly PlanTaskInput[], agencies: Readonly<Record<string, KnownAgency>>, now: Date): PlanTask[] {
  if (inputs.length === 0) throw badInput('tasks', 'name at least one task');
  const seen = new Set<string>();
  return inputs.map((input, i) => {
    const at = `tasks[${i}]`;
    const code = requireCode(`${at}.code`, input.code);
    if (seen.has(code)) throw badInput(`${at}.code`, `task ${code} is listed twice`);
    seen.add(code);
    const title = requireText(`${at}.title`, input.title, 300);
    const lead = requireAgency(`${at}.lead`, input.lead, agencies, now);
    const coordinators: string[] = [];
    (input.coordinators ?? []).forEach((raw, j) => {
      const field = `${at}.coordinators[${j}]`;
      const agency = requireAgency(field, raw, agencies, now);
      if (agency === lead) throw badInput(field, `${agency} leads the task; a lead does not also coordinate it`);
      if (coordinators.includes(agency)) throw badInput(field, `${agency} is listed twice`);
      coordinators.push(agency);
    });
    return { code, title, lead, coordinators, dueAt: requireDeadline(`${at}.dueAt`, input.dueAt, now) };
  });
}
