import { DomainError } from '../domain/errors';

/** A read model that should exist after a command is missing: the command was not for that key. */
export function notFoundError(field: string, what: string): never {
  throw new DomainError('NOT_FOUND', `${what} was not found`, field);
}

/** An `asOf` argument needs a point: a position of the log (0 or more) or a time. */
export function checkAsOf(asOf: { position?: number | null; time?: Date | null }): void {
  if ((asOf.position === null || asOf.position === undefined) && !asOf.time) {
    throw new DomainError('BAD_USER_INPUT', 'asOf: give a position, a time or both', 'asOf');
  }
  if (asOf.position !== null && asOf.position !== undefined && asOf.position < 0) {
    throw new DomainError('BAD_USER_INPUT', `asOf.position: must be 0 or more, got ${asOf.position}`, 'asOf.position');
  }
}
