/** The error codes of DESIGN.md; each reaches GraphQL clients as `extensions.code`. */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'DEADLINE_PASSED' | 'INVALID_STATE' | 'NOT_YET_VISIBLE';

/** A rule of the PAR cycle said no. Nothing was appended. `field` names the offending input, when there is one. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (field: string, message: string) => new DomainError('BAD_USER_INPUT', `${field}: ${message}`, field);
export const invalidState = (message: string, details?: Record<string, unknown>) => new DomainError('INVALID_STATE', message, undefined, details);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
