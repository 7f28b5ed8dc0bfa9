import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { noteErrorCodes, REQUEST_ID_HEADER } from './requestLog';

interface BodyError {
  type?: string;
  status?: number;
  message?: string;
}

/** Malformed JSON and oversized bodies get a GraphQL-shaped answer instead of an HTML page or a stack trace. */
export function requestErrorHandler(logger: Logger) {
  return (error: BodyError, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    noteErrorCodes(res, ['BAD_REQUEST']);
    if (error.type === 'entity.parse.failed') {
      return res.status(400).json({ errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    }
    if (error.type === 'entity.too.large') {
      return res.status(413).json({ errors: [{ message: 'request body is too large', extensions: { code: 'BAD_REQUEST' } }] });
    }
    logger.warn({ requestId: res.getHeader(REQUEST_ID_HEADER), error: error.message, type: error.type }, 'request failed');
    return res.status(error.status ?? 500).json({ errors: [{ message: 'request failed', extensions: { code: 'BAD_REQUEST' } }] });
  };
}
