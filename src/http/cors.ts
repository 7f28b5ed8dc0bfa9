import cors from 'cors';
import type { RequestHandler } from 'express';
import { REQUEST_ID_HEADER } from './requestLog';

/**
 * CORS for the browser front ends on the allow-list (PAR_CORS_ORIGINS), none otherwise. Only exact origins get
 * Access-Control-Allow-Origin; credentials (cookies) are not allowed because tokens travel in Authorization.
 * Apollo's CSRF prevention stays on behind this: a simple request without a preflight is still refused.
 */
export function corsFor(origins: readonly string[]): RequestHandler | null {
  if (origins.length === 0) return null;
  return cors({
    origin: [...origins],
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name', REQUEST_ID_HEADER],
    // A front end that downloads an export reads its file name and the log position it reflects.
    exposedHeaders: [REQUEST_ID_HEADER, 'content-disposition', 'x-par-log-position'],
    maxAge: 600,
  });
}
