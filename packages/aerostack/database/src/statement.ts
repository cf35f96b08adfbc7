import type { Body } from './spec';
import { fail } from './validate';

/** One SQL statement: text with positional `?` placeholders, and the values bound to them in order. */
export type Statement = Body<'dbQuery'>;

/**
 * Checks the values bound by one statement; `at` prefixes field names (`queries[3].`). A value may
 * be bound when it survives JSON as itself: `undefined`, NaN, Infinity, functions and symbols would
 * turn into null (use null for SQL NULL), bigints cannot be sent, and an array would bind as one
 * value (`IN (${ids})`: use `join`). The rest (`sql` a non-empty string, `params` an array) the
 * server checks, answering 400 VALIDATION_ERROR.
 */
export function checkStatement(statement: Statement, at = ''): void {
  const params: unknown = (statement as Statement | null)?.params;
  if (Array.isArray(params)) {
    params.forEach((value: unknown, i) => {
      const type = typeof value;
      // By type: undefined, function, symbol, bigint.
      if (/^(u|fu|sy|bi)/.test(type) || Array.isArray(value) || (type === 'number' && !isFinite(value as number))) {
        fail(`${at}params[${i}]: not a JSON value (null for SQL NULL, join for lists)`, `${at}params[${i}]`);
      }
    });
  }
}
