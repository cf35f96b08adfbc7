// Which collection names the emulator takes. Items of every collection live in one table of the
// project's database (src/db-worker/items.ts), so a name is never an SQL identifier; it is a path
// segment and a realtime topic (`table/<name>`), which is what these rules protect.
import { ApiError, validationError } from '../errors';
import type { ProjectDb } from '../db/project-db';

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/**
 * A letter, then letters, digits or `_` (64 at most). `items` is refused: `GET /collections/items/items`
 * would be both "the items of collection items" and "the item with id items".
 */
export function checkName(name: string): void {
  if (!NAME.test(name)) throw validationError({ collection: ['A letter, then letters, digits or _ (64 characters at most)'] });
  if (name === 'items') throw validationError({ collection: ['"items" cannot name a collection (GET /collections/items/{id} reads an item)'] });
}

/**
 * A collection and a table of the same name would share the realtime topic `table/<name>`: a
 * subscriber could not tell an item from a row. Refused (case-insensitively, as SQLite names tables).
 */
export async function checkNoTable(db: ProjectDb, name: string): Promise<void> {
  const rows = await db.query("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name = ? COLLATE NOCASE", [name]);
  const table = rows[0]?.name;
  if (typeof table === 'string') {
    throw new ApiError(400, 'VALIDATION_ERROR', `collection: "${name}" is also a table of your database ("${table}"); both would publish to the realtime topic table/${name}. Name the collection otherwise.`, {
      fieldErrors: { collection: [`Clashes with the table "${table}"`] },
    });
  }
}
