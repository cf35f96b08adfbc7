import { checkParam } from './statement';
import { invalid } from './validate';

// `sql` builds statements whose text comes only from the template's literal parts: every
// interpolated value becomes a `?` placeholder and a bound parameter, so user input never lands in
// SQL text. Fragments made by `sql` itself (and `sql.join`, `sql.unsafeRaw`) are spliced in as
// SQL. A fragment is recognised by a symbol property, which no JSON or user input can forge: an
// object that merely looks like `{ sql, params }` is bound as a value like any other.
const FRAGMENT = Symbol.for('aerostack.database.sql');

/** A statement (or a piece of one) built by `sql`: the text with `?` placeholders, and the values in order. */
export interface SqlQuery {
  readonly sql: string;
  readonly params: unknown[];
}

function fragment(text: string, params: unknown[]): SqlQuery {
  // Non-enumerable, so the JSON body and spreads carry only `sql` and `params`.
  return Object.defineProperty({ sql: text, params }, FRAGMENT, { value: true });
}

function isFragment(value: unknown): value is SqlQuery {
  return typeof value === 'object' && value !== null && FRAGMENT in value;
}

/** Appends one interpolated value to `parts`: a fragment as SQL, anything else as a parameter. */
function append(parts: { text: string; params: unknown[] }, value: unknown, field: string): void {
  if (isFragment(value)) {
    parts.text += value.sql;
    parts.params.push(...value.params);
    return;
  }
  // `IN (${ids})` would bind the whole array to one placeholder: a frequent mistake.
  if (Array.isArray(value)) invalid(field, 'one value (lists: sql.join)', value);
  checkParam(value, field);
  parts.text += '?';
  parts.params.push(value);
}

function template(strings: TemplateStringsArray, ...values: unknown[]): SqlQuery {
  // Called as a function with a plain array, the "literal" text could be anything.
  if (!Array.isArray(strings.raw)) invalid('sql', 'used as a tag: sql`...`', strings);
  const parts = { text: strings[0] ?? '', params: [] as unknown[] };
  values.forEach((value, i) => {
    append(parts, value, `sql value ${i + 1}`);
    parts.text += strings[i + 1] ?? '';
  });
  return fragment(parts.text, parts.params);
}

/**
 * A comma-separated list (or another `separator` fragment): values become placeholders, fragments
 * are spliced in. `` sql`SELECT * FROM users WHERE id IN (${sql.join(ids)})` ``. An empty list is refused
 * (`IN ()` is a syntax error): check for it before building the query.
 */
function join(items: readonly unknown[], separator: SqlQuery = fragment(', ', [])): SqlQuery {
  if (!Array.isArray(items) || items.length === 0) invalid('sql.join list', 'a non-empty array', items);
  if (!isFragment(separator)) invalid('sql.join separator', 'made with sql`...`', separator);
  const parts = { text: '', params: [] as unknown[] };
  items.forEach((item, i) => {
    if (i > 0) append(parts, separator, 'separator');
    append(parts, item, `sql.join item ${i + 1}`);
  });
  return fragment(parts.text, parts.params);
}

/**
 * SQL text spliced in exactly as given, for what cannot be a parameter (a table or column name
 * chosen from a fixed list). NEVER pass user input: that is SQL injection.
 */
function unsafeRaw(text: string): SqlQuery {
  if (typeof text !== 'string') invalid('sql.unsafeRaw text', 'a string', text);
  return fragment(text, []);
}

/**
 * Tagged template for SQL statements: ``sql`SELECT * FROM users WHERE id = ${id}` `` gives
 * `{ sql: 'SELECT * FROM users WHERE id = ?', params: [id] }`. Nested `sql` fragments compose,
 * their parameters merged in order; `sql.join(values)` makes a list; `sql.unsafeRaw(text)` splices
 * trusted text.
 */
export const sql: typeof template & { join: typeof join; unsafeRaw: typeof unsafeRaw } = /* @__PURE__ */ Object.assign(template, { join, unsafeRaw });
