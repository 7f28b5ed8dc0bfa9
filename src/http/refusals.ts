import type { Response } from 'express';
import { DomainError, type ErrorCode } from '../domain/errors';
import { noteErrorCodes } from './requestLog';

/** HTTP statuses of the refusals the file routes answer; DEADLINE_PASSED and the like only come from imports. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DEADLINE_PASSED: 409,
  INVALID_STATE: 409,
};

/**
 * Answers a refusal (a DomainError) as JSON in the GraphQL error shape with the HTTP status of its code. Anything
 * else is the service's own failure: rethrown, so the request error handler answers it (500) and logs it.
 */
export function answerRefusal(res: Response, error: unknown): void {
  if (!(error instanceof DomainError)) throw error;
  const status = STATUS[error.code];
  if (status === undefined) throw error;
  noteErrorCodes(res, [error.code]);
  if (error.code === 'UNAUTHENTICATED') res.setHeader('www-authenticate', 'Bearer');
  const extensions = error.field ? { code: error.code, field: error.field } : { code: error.code };
  res.status(status).json({ errors: [{ message: error.message, extensions }] });
}
