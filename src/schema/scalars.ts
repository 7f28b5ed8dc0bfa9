import { DateTimeResolver, JSONResolver } from 'graphql-scalars';

/** ISO 8601 date-times (`DateTime`) and free JSON (`JSON`, for event payloads in the audit trail). */
export const DateTimeScalar = DateTimeResolver;
export const JSONScalar = JSONResolver;
