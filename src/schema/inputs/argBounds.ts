import type { ArgOptions } from 'type-graphql';
import { badInput } from '../../domain/errors';
import { COMMAND_ID_PATTERN, INPUT_BOUNDS as B } from '../inputBounds';

/**
 * Bounds for plain (scalar) arguments. class-validator only sees input objects, so these use type-graphql's
 * per-argument `validateFn`; the error names the argument like any other bad input.
 */
export function checkCommandId(value: unknown): void {
  if (value === null || value === undefined) return;
  const id = String(value);
  if (id.length === 0 || id.length > B.commandIdChars)
    throw badInput('commandId', `must have at least 1 and at most ${B.commandIdChars} characters, got ${id.length}`);
  if (!COMMAND_ID_PATTERN.test(id)) throw badInput('commandId', 'may contain only letters, digits and . _ : -');
}

/** Options of every mutation's optional `commandId` argument: one definition, so none is left unbounded. */
export const commandIdArg: ArgOptions = {
  nullable: true,
  description: `Idempotency key: the same id twice appends once. 1 to ${B.commandIdChars} of A–Z a–z 0–9 . _ : -`,
  validateFn: (value) => checkCommandId(value),
};

/** A string argument of at most `max` characters (codes, names, cursors). */
export function boundedArg(name: string, max: number, options: ArgOptions = {}): ArgOptions {
  return {
    ...options,
    validateFn: (value) => {
      if (typeof value === 'string' && value.length > max) throw badInput(name, `must be at most ${max} characters`);
    },
  };
}
