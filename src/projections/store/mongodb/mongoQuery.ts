import type { Filter as MongoFilter, Sort } from 'mongodb';
import type { Condition, SortKey } from '../documentFilter';
import type { StoredRow } from './mongoLayout';

/**
 * Translates validated conditions into a MongoDB filter on `doc.<path>` with exactly the answers of
 * documentFilter.ts. MongoDB's own semantics already match for equality (type-strict, an array matches when an
 * element is equal, null matches missing), ranges across types, and paths through scalars. They differ in two
 * places, which the translation closes (checked against MongoDB semantics and FerretDB 1.24 by the contract):
 *
 * 1. a range matches an array when an element is in range: `$not: { $type: 'array' }` excludes arrays;
 * 2. a path through an array reaches into its elements (`a.b` matches `{ a: [{ b: 1 }] }`), whereas here a path
 *    through an array is missing: every proper prefix of the path must not be an array, except for conditions
 *    that also accept null, which then match when some prefix is an array (the value is missing).
 */
export function toMongoFilter(conditions: readonly Condition[]): MongoFilter<StoredRow> {
  const merged: Record<string, unknown> = {};
  const and: Record<string, unknown>[] = [];
  for (const clause of conditions.flatMap(conditionClauses)) {
    const [key] = Object.keys(clause);
    // Plain `{ field: condition }` keeps the filter simple for the server's planner; repeats go into $and.
    if (Object.keys(clause).length === 1 && !key.startsWith('$') && !(key in merged)) merged[key] = clause[key];
    else and.push(clause);
  }
  if (and.length > 0) merged.$and = and;
  return merged as MongoFilter<StoredRow>;
}

function conditionClauses(condition: Condition): Record<string, unknown>[] {
  const field = `doc.${condition.path}`;
  const segments = condition.path.split('.');
  const prefixes = segments.slice(0, -1).map((_, i) => `doc.${segments.slice(0, i + 1).join('.')}`);
  const notThroughArrays = prefixes.map((prefix) => ({ [prefix]: { $not: { $type: 'array' } } }));

  if (condition.kind === 'range') {
    const range = { [condition.operator]: condition.value, $not: { $type: 'array' } };
    return [{ [field]: range }, ...notThroughArrays];
  }
  const { values } = condition;
  const equality = { [field]: values.length === 1 ? values[0] : { $in: values } };
  if (prefixes.length === 0) return [equality];
  if (!values.includes(null)) return [equality, ...notThroughArrays];
  // Null also matches a path that runs into an array (it is missing there), whatever MongoDB finds inside.
  return [{ $or: [equality, ...prefixes.map((prefix) => ({ [prefix]: { $type: 'array' } }))] }];
}

/**
 * `doc.<field>` in order, then `_id` to break ties. MongoDB and FerretDB compare strings bytewise in UTF-8, which is
 * code-point order, and put missing and null first; they order booleans after strings and objects, as documentFilter
 * does. Arrays sort by their least (ascending) or greatest (descending) element, with `[]` before null: the contract
 * leaves the order of arrays open.
 */
export function toMongoSort(sort: readonly SortKey[]): Sort {
  const keys: Record<string, 1 | -1> = {};
  for (const { field, direction } of sort) {
    const key = `doc.${field}`;
    if (!(key in keys)) keys[key] = direction; // a repeated field cannot change the order
  }
  keys._id = 1;
  return keys;
}
