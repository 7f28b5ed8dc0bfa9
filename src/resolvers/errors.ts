import { DomainError } from '../domain/errors';

/** A read model that should exist after a command is missing: the command was not for that key. */
export function notFoundError(field: string, what: string): never {
  throw new DomainError('NOT_FOUND', `${what} was not found`, field);
}
