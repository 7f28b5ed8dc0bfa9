import type { DocumentWrite, Filter, FindOptions, Scalar } from './readStore';

/**
 * The read-store query rules in one place: the memory adapter evaluates them directly and the other adapters
 * validate with them before translating, so every adapter accepts and rejects exactly the same input.
 *
 * Semantics (MongoDB's, restricted to what every adapter can do the same way):
 * - a path walks nested objects only; through an array, a scalar or a missing key it is missing;
 * - equality (a plain value, `$eq`, `$in`) is type-strict (1 ≠ '1' ≠ true) and matches an array-valued field
 *   when an element is equal; `null` also matches a missing field;
 * - ranges compare numbers with numbers and strings with strings (by code point) and never match arrays,
 *   booleans, null or a value of the other type;
 * - sort puts missing and null first (ascending), then numbers, strings, objects, arrays, booleans; only the
 *   order within one type and the place of missing/null are part of the contract (SQLite orders booleans as 0/1
 *   and objects/arrays as their JSON text).
 */

export type SortKey = NonNullable<FindOptions['sort']>[number];
type RangeOperator = '$gt' | '$gte' | '$lt' | '$lte';

/** One validated condition; a filter is their conjunction. `$eq` and plain values are `$in` with one value. */
export type Condition = { kind: 'in'; path: string; values: Scalar[] } | { kind: 'range'; path: string; operator: RangeOperator; value: string | number };

const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const RANGE_OPERATORS: readonly string[] = ['$gt', '$gte', '$lt', '$lte'];

// ---------------------------------------------------------------------------------------------- validation

/** Paths end up inside SQL (json_extract) and MongoDB keys, so only plain identifiers are allowed. */
function assertFieldPath(path: string): void {
  if (typeof path !== 'string' || !FIELD_PATH.test(path)) {
    throw new Error(`Invalid field path ${JSON.stringify(path)}: expected dot-separated identifiers like "a.b_c"`);
  }
}

/** Collection names end up in index names and SQL literals. */
export function assertCollectionName(name: string): void {
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name)) {
    throw new Error(`Invalid collection name ${JSON.stringify(name)}: expected a letter then letters, digits or _`);
  }
}

function isScalar(value: unknown): value is Scalar {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates a filter and turns it into conditions. Keys whose value is `undefined` are skipped (as JSON and the
 * MongoDB driver's ignoreUndefined would), so optional bounds can be passed straight through; an operator object
 * left empty therefore matches every document.
 */
export function parseFilter(filter: Filter | undefined): Condition[] {
  if (filter === undefined) return [];
  if (!isPlainObject(filter)) throw new Error('A filter must be an object of field conditions');
  const conditions: Condition[] = [];
  for (const [path, condition] of Object.entries(filter)) {
    assertFieldPath(path);
    if (condition === undefined) continue;
    if (isScalar(condition)) {
      conditions.push({ kind: 'in', path, values: [condition] });
      continue;
    }
    if (!isPlainObject(condition)) {
      throw new Error(`Invalid condition on field "${path}": expected a string, finite number, boolean, null or operators`);
    }
    for (const [operator, operand] of Object.entries(condition)) {
      if (operand === undefined) continue;
      conditions.push(parseOperator(path, operator, operand));
    }
  }
  return conditions;
}

function parseOperator(path: string, operator: string, operand: unknown): Condition {
  if (operator === '$eq') {
    if (!isScalar(operand)) throw new Error(`$eq on field "${path}" needs a string, finite number, boolean or null`);
    return { kind: 'in', path, values: [operand] };
  }
  if (operator === '$in') {
    if (!Array.isArray(operand) || !operand.every(isScalar)) {
      throw new Error(`$in on field "${path}" needs an array of strings, finite numbers, booleans or null`);
    }
    return { kind: 'in', path, values: [...operand] };
  }
  if (RANGE_OPERATORS.includes(operator)) {
    if (typeof operand !== 'string' && !(typeof operand === 'number' && Number.isFinite(operand))) {
      throw new Error(`${operator} on field "${path}" needs a string or a finite number`);
    }
    return { kind: 'range', path, operator: operator as RangeOperator, value: operand };
  }
  throw new Error(`Unknown operator "${operator}" on field "${path}" (supported: $eq, $in, $gt, $gte, $lt, $lte)`);
}

export function parseSort(sort: FindOptions['sort']): SortKey[] {
  if (sort === undefined) return [];
  if (!Array.isArray(sort)) throw new Error('sort must be an array of { field, direction }');
  return sort.map(({ field, direction }) => {
    assertFieldPath(field);
    if (direction !== 1 && direction !== -1) {
      throw new Error(`Invalid sort direction ${JSON.stringify(direction)} for field "${field}": expected 1 or -1`);
    }
    return { field, direction };
  });
}

/** `undefined` means no limit; 0 means no documents (unlike MongoDB, where 0 means no limit). */
export function parseLimit(limit: number | undefined): number | undefined {
  if (limit === undefined) return undefined;
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new Error(`Invalid limit ${JSON.stringify(limit)}: expected a non-negative integer`);
  }
  return limit;
}

export function parseIndexes(collection: string, indexes: string[][]): string[][] {
  if (!Array.isArray(indexes)) throw new Error(`indexes of collection "${collection}" must be an array of field lists`);
  return indexes.map((fields) => {
    if (!Array.isArray(fields) || fields.length === 0) {
      throw new Error(`Each index of collection "${collection}" must list at least one field`);
    }
    fields.forEach(assertFieldPath);
    return [...fields];
  });
}

function assertPosition(position: number, what: string): void {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new Error(`Invalid position ${JSON.stringify(position)} for ${what}: expected a non-negative integer`);
  }
}

/**
 * Validates a document write and returns the document as JSON text: every adapter stores JSON, so `undefined`
 * members disappear and Dates become strings in all of them alike.
 */
export function serializeWrite(write: DocumentWrite): string {
  assertCollectionName(write.collection);
  if (typeof write.id !== 'string') {
    throw new Error(`Invalid document id ${JSON.stringify(write.id)}: expected a string`);
  }
  assertPosition(write.position, `document ${write.collection}/${write.id}`);
  const text: unknown = JSON.stringify(write.doc);
  if (typeof text !== 'string') throw new Error(`Document ${write.collection}/${write.id} is not JSON-serialisable`);
  return text;
}

export function assertCheckpoint(checkpoint: { projection: string; position: number }): void {
  if (typeof checkpoint.projection !== 'string' || checkpoint.projection === '') {
    throw new Error(`Invalid projection name ${JSON.stringify(checkpoint.projection)}`);
  }
  assertPosition(checkpoint.position, `checkpoint ${checkpoint.projection}`);
}

export function assertIds(ids: readonly string[]): void {
  const bad = ids.find((id) => typeof id !== 'string');
  if (bad !== undefined) throw new Error(`Invalid document id ${JSON.stringify(bad)}: expected a string`);
}

// ---------------------------------------------------------------------------------------------- evaluation

/** The value at a dot-separated path, or `undefined` when the path does not lead through objects to a key. */
function getPath(doc: unknown, path: string): unknown {
  let current: unknown = doc;
  for (const key of path.split('.')) {
    if (!isPlainObject(current) || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

/** For callers that test many documents against one filter: parse once, then match. */
export function matchesConditions(doc: unknown, conditions: readonly Condition[]): boolean {
  return conditions.every((condition) => matchesCondition(getPath(doc, condition.path), condition));
}

function matchesCondition(value: unknown, condition: Condition): boolean {
  if (condition.kind === 'in') return condition.values.some((expected) => equalsScalar(value, expected));
  return matchesRange(value, condition.operator, condition.value);
}

function equalsScalar(value: unknown, expected: Scalar): boolean {
  if (expected === null && value === undefined) return true;
  // Objects and arrays are never identical to a scalar, so `===` is the whole type-strict comparison.
  if (Array.isArray(value)) return value.some((element) => element === expected);
  return value === expected;
}

function matchesRange(value: unknown, operator: RangeOperator, bound: string | number): boolean {
  let order: number;
  if (typeof bound === 'number' && typeof value === 'number') order = Math.sign(value - bound);
  else if (typeof bound === 'string' && typeof value === 'string') order = compareStrings(value, bound);
  else return false;
  switch (operator) {
    case '$gt':
      return order > 0;
    case '$gte':
      return order >= 0;
    case '$lt':
      return order < 0;
    case '$lte':
      return order <= 0;
  }
}

/** Ties return 0: callers break them by id so that paging is deterministic. */
export function compareBySort(a: unknown, b: unknown, sort: readonly SortKey[]): number {
  for (const { field, direction } of sort) {
    const order = compareValues(getPath(a, field), getPath(b, field));
    if (order !== 0) return order * direction;
  }
  return 0;
}

function typeRank(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return 1;
  if (typeof value === 'string') return 2;
  if (Array.isArray(value)) return 4;
  if (typeof value === 'object') return 3;
  return 5; // boolean
}

function compareValues(a: unknown, b: unknown): number {
  const rankOrder = typeRank(a) - typeRank(b);
  if (rankOrder !== 0) return Math.sign(rankOrder);
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'object' && a !== null) return compareStrings(JSON.stringify(a), JSON.stringify(b));
  return 0; // both missing or null
}

/**
 * Code-point order, which is what SQLite (BINARY collation on UTF-8) and MongoDB (bytewise UTF-8) use. JavaScript's
 * `<` compares UTF-16 code units instead, which differs when a surrogate pair (a code point above U+FFFF) meets a
 * character in U+E000–U+FFFF; lifting surrogates above the BMP restores code-point order.
 */
export function compareStrings(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return Math.sign(codePointWeight(x) - codePointWeight(y));
  }
  return Math.sign(a.length - b.length);
}

function codePointWeight(codeUnit: number): number {
  return codeUnit >= 0xd800 && codeUnit <= 0xdfff ? codeUnit + 0x10000 : codeUnit;
}

/** Lease names and holders are non-empty strings, TTLs positive integers: the same checks in every adapter. */
export function assertLease(name: string, holder: string, ttlMs?: number): void {
  if (typeof name !== 'string' || name === '') throw new Error(`Invalid lease name ${JSON.stringify(name)}`);
  if (typeof holder !== 'string' || holder === '') throw new Error(`Invalid lease holder ${JSON.stringify(holder)}`);
  if (ttlMs !== undefined && !(Number.isSafeInteger(ttlMs) && ttlMs > 0)) {
    throw new Error(`Invalid lease duration ${JSON.stringify(ttlMs)} ms: expected a positive integer`);
  }
}
