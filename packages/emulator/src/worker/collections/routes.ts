// /collections (reference §22): list, get, create, update, delete of a project's collection items,
// in the project's own D1 database (store.ts). Get, update and delete find an item by its id alone,
// as the platform's routes do; ids are UUIDs (the reference names no format).
import { Hono } from 'hono';
import { readBody, type Json } from '../body';
import { queryFailed } from '../db/run';
import type { AppEnv } from '../env';
import { validationError } from '../errors';
import { checkName, checkNoTable } from './names';
import { createItem, deleteItem, getItem, listItems, updateItem } from './store';

export const collections = new Hono<AppEnv>();

/** Engine failures (a timeout, say) as DB_QUERY_FAILED; our own errors as they are. */
async function engine<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw queryFailed(error);
  }
}

/** The item's fields: `id` is the platform's to give. */
function fields(body: Json): Json {
  if ('id' in body) throw validationError({ id: ['Assigned by the server: leave it out'] });
  return body;
}

function int(text: string | null, field: string, min: number, max: number): number | undefined {
  if (text === null) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw validationError({ [field]: [`An integer from ${min} to ${max}`] });
  return n;
}

// Before `/:name/items`: `/items/<id>` is an item (and no collection may be named `items`).
collections.get('/items/:id', async (c) => {
  const { db } = c.get('project');
  return c.json(await engine(() => getItem(db, c.req.param('id'))));
});

collections.put('/items/:id', async (c) => {
  const changes = fields(await readBody(c));
  const { db } = c.get('project');
  await engine(() => updateItem(db, c.req.param('id'), changes));
  return c.json({ success: true });
});

collections.delete('/items/:id', async (c) => {
  const { db } = c.get('project');
  await engine(() => deleteItem(db, c.req.param('id')));
  return c.json({ success: true });
});

collections.get('/:name/items', async (c) => {
  const name = c.req.param('name');
  checkName(name);
  const query = new URL(c.req.url).searchParams;
  const limit = int(query.get('limit'), 'limit', 1, 1000);
  const offset = int(query.get('offset'), 'offset', 0, Number.MAX_SAFE_INTEGER) ?? 0;
  const filters: [string, string][] = [];
  for (const field of new Set(query.keys())) {
    if (field === 'limit' || field === 'offset') continue;
    const values = query.getAll(field);
    if (values.length > 1) throw validationError({ [field]: ['One value per field'] });
    filters.push([field, values[0] ?? '']);
  }
  const { db } = c.get('project');
  return c.json(
    await engine(async () => {
      await checkNoTable(db, name);
      return listItems(db, name, filters, limit, offset);
    }),
  );
});

collections.post('/:name/items', async (c) => {
  const name = c.req.param('name');
  checkName(name);
  const body = fields(await readBody(c));
  const { db } = c.get('project');
  const item = await engine(async () => {
    await checkNoTable(db, name);
    return createItem(db, name, body);
  });
  return c.json(item, 201);
});
