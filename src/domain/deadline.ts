import { badInput } from './errors';

/** A deadline set now for someone else's work: a valid date-time later than `now`, as ISO text. */
export function requireFutureDeadline(field: string, value: Date | string, now: Date): string {
  const due = value instanceof Date ? value.getTime() : Date.parse(value);
  if (!Number.isFinite(due)) throw badInput(field, 'must be a date and time');
  if (due <= now.getTime()) throw badInput(field, `must be later than now (${now.toISOString()})`);
  return new Date(due).toISOString();
}
