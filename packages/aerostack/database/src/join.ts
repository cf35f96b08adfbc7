import { append, fragment, isFragment, type SqlQuery } from './sql';
import { fail } from './validate';

/**
 * A comma-separated list (or another `separator` fragment) for `sql`: values become placeholders,
 * fragments are spliced in. `` sql`SELECT * FROM users WHERE id IN (${join(ids)})` ``. An empty list
 * is refused (`IN ()` is a syntax error): check for it before building the query.
 */
export function join(items: readonly unknown[], separator: SqlQuery = fragment(', ')): SqlQuery {
  if (!Array.isArray(items) || items.length === 0) fail('join: a non-empty array of items', 'join');
  if (!isFragment(separator)) fail('join separator: made with sql`...`', 'separator');
  const parts = fragment('');
  items.forEach((item, i) => {
    if (i > 0) append(parts, separator);
    append(parts, item);
  });
  return parts;
}

/**
 * SQL text spliced into `sql` exactly as given, for what cannot be a parameter (a table or column
 * name chosen from a fixed list). NEVER pass user input: that is SQL injection.
 */
export function unsafeRaw(text: string): SqlQuery {
  if (typeof text !== 'string') fail('unsafeRaw: a string', 'unsafeRaw');
  return fragment(text);
}
