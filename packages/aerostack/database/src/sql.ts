import { fail } from './validate';

// `sql` builds statements whose text comes only from the template's literal parts: every
// interpolated value becomes a `?` placeholder and a bound parameter, so user input never lands in
// SQL text. Fragments made by `sql` itself (and by `join`, `unsafeRaw`) are spliced in as SQL. A
// fragment is recognised by a symbol property, which no JSON or user input can forge: an object
// that merely looks like `{ sql, params }` is bound as a value like any other.
const FRAGMENT = Symbol.for('aerostack.database.sql');

/** A statement (or a piece of one) built by `sql`: the text with `?` placeholders, and the values in order. */
export interface SqlQuery {
  readonly sql: string;
  readonly params: unknown[];
}

type Parts = { sql: string; params: unknown[] };

/** A fragment; its mark is non-enumerable, so the JSON body and spreads carry only `sql` and `params`. */
export const fragment = (text: string, params: unknown[] = []): Parts => Object.defineProperty({ sql: text, params }, FRAGMENT, {});

export const isFragment = (value: unknown): value is SqlQuery => typeof value === 'object' && value !== null && FRAGMENT in value;

/**
 * Appends one interpolated value to `parts`: a fragment as SQL, anything else as a parameter
 * (checked, with the statement, by `query` and `batch` before sending).
 */
export function append(parts: Parts, value: unknown): void {
  if (isFragment(value)) {
    parts.sql += value.sql;
    parts.params.push(...value.params);
    return;
  }
  parts.sql += '?';
  parts.params.push(value);
}

/**
 * Tagged template for SQL statements: ``sql`SELECT * FROM users WHERE id = ${id}` `` gives
 * `{ sql: 'SELECT * FROM users WHERE id = ?', params: [id] }`. Nested `sql` fragments compose,
 * their parameters merged in order. `join(values)` makes a list; `unsafeRaw(text)` splices
 * trusted text.
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlQuery {
  // Called as a function with a plain array, the "literal" text could be anything.
  if (!Array.isArray(strings.raw)) fail('sql: use it as a tag, sql`...`', 'sql');
  const parts = fragment('');
  strings.forEach((text, i) => {
    if (i) append(parts, values[i - 1]);
    parts.sql += text;
  });
  return parts;
}
