import { badInput } from '../errors';

/** A deadline given as a moment (the `DateTime` scalar, or ISO text from the seed and tests), refused when already past. */
export function requireFutureDeadline(field: string, value: Date | string, now: Date): string {
  const at = typeof value === 'string' ? new Date(value) : value;
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw badInput(field, 'is not a valid date-time');
  if (at.getTime() <= now.getTime()) throw badInput(field, `${at.toISOString()} is already past`);
  return at.toISOString();
}
