import type * as Jose from 'jose' with { 'resolution-mode': 'import' };

/**
 * jose ships only ES modules. This CommonJS project loads it with require(), which Node ≥ 20.19 allows for
 * ES modules without top-level await (jest transpiles it instead: see jest.config.js); the types come from the
 * ES build. Every use goes through this one file.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const jose = require('jose') as typeof Jose;
export type { JWTPayload, JWTVerifyGetKey } from 'jose' with { 'resolution-mode': 'import' };
