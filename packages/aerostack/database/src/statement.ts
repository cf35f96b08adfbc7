import type { Body } from './spec';
import { invalid } from './validate';

/** One SQL statement: text with positional `?` placeholders, and the values bound to them in order. */
export type Statement = Body<'dbQuery'>;

/**
 * A value may be bound when it survives JSON unchanged. `undefined` would vanish (use null for SQL
 * NULL), NaN and Infinity would turn into null, and functions, symbols and bigints cannot be sent.
 */
export function checkParam(value: unknown, field: string): void {
  const type = typeof value;
  if (value === undefined || type === 'function' || type === 'symbol' || type === 'bigint' || (type === 'number' && !Number.isFinite(value))) {
    invalid(field, 'a JSON value (null for SQL NULL)', value);
  }
}

/** Checks one statement and returns the JSON body part for it: `{ sql, params }`. `at` prefixes field names (`queries[3].`). */
export function checkStatement(statement: Statement, at = ''): Statement {
  // Typed callers cannot pass a bare string, but JavaScript can; that is the mistake to catch.
  const given: unknown = statement;
  if (typeof given !== 'object' || given === null) {
    invalid(at ? at.slice(0, -1) : 'statement', '{ sql, params } (use sql`...`)', given);
  }
  const { sql, params } = statement;
  if (typeof sql !== 'string' || !sql.trim()) invalid(`${at}sql`, 'a non-empty string', sql);
  if (params !== undefined) {
    if (!Array.isArray(params)) invalid(`${at}params`, 'an array', params);
    params.forEach((value, i) => checkParam(value, `${at}params[${i}]`));
  }
  return { sql, params };
}
