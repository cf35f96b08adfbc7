// The items of a project's collections, in the project's own database: one table for all of them
// (src/db-worker/items.ts, whose triggers publish each change as the item under its collection's
// realtime topic). An item is `{id, ...fields}`; its fields are stored as their JSON text.
import { ApiError } from '../errors';
import type { ProjectDb, Row } from '../db/project-db';

/** The table (made by the database worker before any statement runs). */
const ITEMS = '_aerostack_collection_items';

export type Item = Record<string, unknown>;

const toItem = (row: Row): Item => ({ id: row.id, ...(JSON.parse(String(row.data)) as Item) });

export const notFound = (id: string): ApiError => new ApiError(404, 'NOT_FOUND', `Item ${id} not found`);

/**
 * One equality filter: the field's value equals the query's text — a string field that text, a
 * number field the number it spells, a boolean or null field the word (`true`, `false`, `null`).
 */
function filterClause(field: string, text: string): { sql: string; params: unknown[] } {
  if (field === 'id') return { sql: 'i.id = ?', params: [text] };
  const number = text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : null;
  return {
    sql: "EXISTS (SELECT 1 FROM json_each(i.data) j WHERE j.key = ? AND ((j.type = 'text' AND j.value = ?) OR (j.type IN ('integer', 'real') AND j.value = ?) OR (j.type IN ('true', 'false', 'null') AND j.type = ?)))",
    params: [field, text, number, text],
  };
}

export async function listItems(db: ProjectDb, collection: string, filters: [string, string][], limit: number | undefined, offset: number): Promise<Item[]> {
  const clauses = filters.map(([field, text]) => filterClause(field, text));
  const where = ['i.collection = ?', ...clauses.map((c) => c.sql)].join(' AND ');
  const rows = await db.query(`SELECT i.id, i.data FROM ${ITEMS} i WHERE ${where} ORDER BY i.seq LIMIT ? OFFSET ?`, [collection, ...clauses.flatMap((c) => c.params), limit ?? -1, offset]);
  return rows.map(toItem);
}

export async function getItem(db: ProjectDb, id: string): Promise<Item> {
  const [row] = await db.query(`SELECT id, data FROM ${ITEMS} WHERE id = ?`, [id]);
  if (!row) throw notFound(id);
  return toItem(row);
}

export async function createItem(db: ProjectDb, collection: string, fields: Item): Promise<Item> {
  const id = crypto.randomUUID();
  await db.query(`INSERT INTO ${ITEMS} (id, collection, data) VALUES (?, ?, ?)`, [id, collection, JSON.stringify(fields)]);
  return { id, ...fields };
}

/** How often an update re-reads an item that changed under it before giving up (409). */
const UPDATE_ATTEMPTS = 10;

/** Keys a JSON path can name quoted (`$."key"`): no `"` or `\`. D1 binds at most 100 parameters. */
const PATH_SAFE = /^[^"\\]*$/;
const MAX_ATOMIC_FIELDS = 90;

/**
 * Sets the given fields, keeping the others. In one statement where it can (`json_set` of each field
 * into the stored JSON): however many updates of one item run at once, each lands (a read-then-write
 * lost 124 of 200 concurrent ones to 409s). Otherwise (a key JSON paths cannot quote, or too many
 * fields for D1's 100 parameters): read, merge, then write only if the item is still as read
 * (compare-and-set), re-read up to UPDATE_ATTEMPTS times.
 */
export async function updateItem(db: ProjectDb, id: string, changes: Item): Promise<void> {
  const keys = Object.keys(changes);
  if (keys.length <= MAX_ATOMIC_FIELDS && keys.every((key) => PATH_SAFE.test(key))) {
    // json(?) makes each value JSON (a string stays a string: it is sent as its JSON text).
    const set = keys.reduce((expr) => `json_set(${expr}, ?, json(?))`, 'data');
    const params = keys.flatMap((key) => [`$."${key}"`, JSON.stringify(changes[key])]);
    const done = await db.query(`UPDATE ${ITEMS} SET data = ${set} WHERE id = ? RETURNING id`, [...params, id]);
    if (!done.length) throw notFound(id);
    return;
  }
  for (let attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
    const [row] = await db.query(`SELECT data FROM ${ITEMS} WHERE id = ?`, [id]);
    if (!row) throw notFound(id);
    const merged = { ...(JSON.parse(String(row.data)) as Item), ...changes };
    const done = await db.query(`UPDATE ${ITEMS} SET data = ? WHERE id = ? AND data = ? RETURNING id`, [JSON.stringify(merged), id, row.data]);
    if (done.length) return;
  }
  throw new ApiError(409, 'CONFLICT', `Item ${id} kept changing; try again`);
}

export async function deleteItem(db: ProjectDb, id: string): Promise<void> {
  const done = await db.query(`DELETE FROM ${ITEMS} WHERE id = ? RETURNING id`, [id]);
  if (!done.length) throw notFound(id);
}
