import type { Condition, SortKey } from '../documentFilter';
import type { Scalar } from '../readStore';

type SqlParam = string | number;
export interface Query {
  sql: string;
  params: SqlParam[];
}

/** The collection is a literal (it is validated): SQLite only uses a partial index when the query names it. */
export function buildWhere(collection: string, conditions: readonly Condition[], indexed: ReadonlySet<string>): Query {
  const params: SqlParam[] = [];
  const terms = [`collection = '${collection}'`, ...conditions.map((c) => conditionSql(collection, c, indexed.has(c.path), params))];
  return { sql: terms.join(' AND '), params };
}

export function buildOrderBy(sort: readonly SortKey[]): string {
  // json_extract alone (no type-rank expression) so that an index on the field can serve the sort; ties by id.
  const keys = sort.map(({ field, direction }) => `${jsonExtract(field)} ${direction === 1 ? 'ASC' : 'DESC'}`);
  return [...keys, 'id ASC'].join(', ');
}

export function jsonExtract(path: string): string {
  return `json_extract(doc, '$.${path}')`;
}

function jsonType(path: string): string {
  return `json_type(doc, '$.${path}')`;
}

const NUMBER_TYPES = `('integer', 'real')`;

function conditionSql(collection: string, condition: Condition, indexed: boolean, params: SqlParam[]): string {
  const type = jsonType(condition.path);
  const value = jsonExtract(condition.path);
  if (condition.kind === 'range') {
    // json_type guards against comparing across types: json_extract turns true into 1 and arrays into text.
    params.push(condition.value);
    const types = typeof condition.value === 'number' ? `${type} IN ${NUMBER_TYPES}` : `${type} = 'text'`;
    return `(${value} ${RANGE_SQL[condition.operator]} ? AND ${types})`;
  }
  if (condition.values.length === 0) return '0';
  const terms = valuesEqualSql(type, value, condition.values, params);
  const onElement = valuesEqualSql('element.type', 'element.value', condition.values, params);
  // Array-valued fields match when an element is equal (MongoDB semantics). json_extract gives an array as its
  // JSON text, which starts with '[': that range lets this term use the field's index too.
  terms.push(
    `${value} >= '[' AND ${value} < '\\' AND ${type} = 'array' AND EXISTS ` +
      `(SELECT 1 FROM json_each(doc, '$.${condition.path}') AS element WHERE ${onElement.join(' OR ')})`,
  );
  if (!indexed) return `((${terms.join(') OR (')}))`;
  // Without ANALYZE statistics SQLite plans an OR as a scan of the collection; one SELECT per term, each naming
  // the collection (partial indexes require it), makes every term an index search (measured: 58 ms -> 5 ms on
  // 50k documents). Not used on fields without an index, where it would scan once per term.
  const selects = terms.map((term) => `SELECT rowid FROM documents WHERE collection = '${collection}' AND ${term}`);
  return `rowid IN (${selects.join(' UNION ALL ')})`;
}

const RANGE_SQL: Record<Exclude<Condition, { kind: 'in' }>['operator'], string> = {
  $gt: '>',
  $gte: '>=',
  $lt: '<',
  $lte: '<=',
};

/** Above this many strings or numbers, a list travels as one JSON parameter rather than one term per value. */
const LIST_AS_PARAMETER = 16;

/**
 * Type-strict equality with any of the values. A long list (a reader's thousands of visible streams) as one term
 * each would exceed SQLite's expression depth limit (1000) and plan slowly; strings and numbers then become one
 * `IN (SELECT value FROM json_each(?))` term per type, which an expression index still serves.
 */
function valuesEqualSql(type: string, value: string, values: readonly Scalar[], params: SqlParam[]): string[] {
  const strings = values.filter((v): v is string => typeof v === 'string');
  const numbers = values.filter((v): v is number => typeof v === 'number');
  const listed = (list: readonly Scalar[]) => list.length > LIST_AS_PARAMETER;
  const terms = values.filter((v) => !(listed(strings) && typeof v === 'string') && !(listed(numbers) && typeof v === 'number'));
  const sql = terms.map((v) => scalarEqualsSql(type, value, v, params));
  for (const [list, types] of [
    [strings, `${type} = 'text'`],
    [numbers, `${type} IN ${NUMBER_TYPES}`],
  ] as const) {
    if (!listed(list)) continue;
    params.push(JSON.stringify(list));
    sql.push(`(${value} IN (SELECT value FROM json_each(?)) AND ${types})`);
  }
  return sql;
}

/**
 * Type-strict equality of a JSON value, given as its json_type and SQL value, with a scalar. Each form starts
 * with a comparison on the value so that an expression index on it applies; json_type then rules out the
 * look-alikes (true is 1, arrays and objects are text).
 */
function scalarEqualsSql(type: string, value: string, expected: Scalar, params: SqlParam[]): string {
  // NULL is both JSON null and a missing field, which is exactly what equality with null means here.
  if (expected === null) return `${value} IS NULL`;
  if (typeof expected === 'boolean') return `(${value} = ${expected ? 1 : 0} AND ${type} = '${expected}')`;
  params.push(expected);
  const types = typeof expected === 'number' ? `${type} IN ${NUMBER_TYPES}` : `${type} = 'text'`;
  return `(${value} = ? AND ${types})`;
}
