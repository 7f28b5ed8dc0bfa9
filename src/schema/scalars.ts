import { DateResolver, DateTimeResolver, JSONResolver } from 'graphql-scalars';

/** ISO 8601 date-times (`DateTime`) and free JSON (`JSON`, for event payloads in the audit trail). */
export const DateTimeScalar = DateTimeResolver;
/** Calendar dates (`Date`, e.g. 2028-03-01) of decisions; moments stay `DateTime`. Parsed to UTC midnight. */
export const CalendarDateScalar = DateResolver;
export const JSONScalar = JSONResolver;
