import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { DomainError } from '../domain/errors';

/**
 * Every error leaves with `extensions.code` from DESIGN.md and, for input errors, the offending `field`.
 * Anything unexpected is logged here and reaches the client as a bare INTERNAL_SERVER_ERROR: no stack, no internals.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (message: string, error: unknown) => void = console.error,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    return {
      ...base,
      message: original.message,
      extensions: { code: original.code, ...(original.field ? { field: original.field } : {}), ...(original.details ?? {}) },
    };
  }
  if (original instanceof ArgumentValidationError) {
    const first = original.extensions.validationErrors?.[0];
    const leaf = first ? innermost(first) : undefined;
    const field = leaf?.path;
    const reason = leaf?.node.constraints ? Object.values(leaf.node.constraints)[0] : 'invalid input';
    return { ...base, message: `${field ?? 'input'}: ${reason}`, extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } };
  }
  // Errors that already carry a code (Apollo's parse and validation errors, a bad token) are deliberate.
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    // A refused request says which input (`field`) or which limit (`cost`, `limit`: queryLimits.ts); nothing else leaves.
    const { field, cost, limit } = formatted.extensions ?? {};
    return { ...base, extensions: { code, ...(field !== undefined ? { field } : {}), ...(cost !== undefined ? { cost, limit } : {}) } };
  }
  log('unexpected error', original);
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

interface ValidationErrorLike {
  property: string;
  children?: ValidationErrorLike[];
  constraints?: Record<string, string>;
}

/** The nested error that carries the broken constraint (e.g. `scores[0].evidence`), and its path. */
function innermost(error: ValidationErrorLike): { path: string; node: ValidationErrorLike } {
  let path = error.property;
  let node = error;
  while (node.children && node.children.length > 0 && !node.constraints) {
    node = node.children[0];
    path += /^\d+$/.test(node.property) ? `[${node.property}]` : `.${node.property}`;
  }
  return { path, node };
}
