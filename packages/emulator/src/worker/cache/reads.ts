// The cache reads: get, getMany, list, keys.
import { Hono } from 'hono';
import { Checker, readBody } from '../body';
import type { AppEnv } from '../env';
import { listAll, listPage, prefixOf, readEntry } from './store';

export const cacheReads = new Hono<AppEnv>();

/** `get` answers a string (spec: `value: string | null`): a stored string as is, any other JSON value as JSON text. */
const asText = (value: unknown): string | null => (value === null ? null : typeof value === 'string' ? value : JSON.stringify(value));

cacheReads.post('/get', async (c) => {
  const check = new Checker(await readBody(c));
  const key = check.string('key', { required: true });
  check.done();
  const entry = await readEntry(c.env.CACHE, prefixOf(c.get('project').id) + String(key));
  return c.json(entry ? { value: asText(entry.value), exists: true } : { value: null, exists: false });
});

cacheReads.post('/getMany', async (c) => {
  const check = new Checker(await readBody(c));
  const keys = check.stringArray('keys', 100);
  check.done();
  const base = prefixOf(c.get('project').id);
  const results = await Promise.all(
    keys.map(async (key) => {
      const entry = await readEntry(c.env.CACHE, base + key);
      return entry ? { key, value: entry.value, exists: true } : { key, value: null, exists: false };
    }),
  );
  return c.json({ results });
});

cacheReads.post('/list', async (c) => {
  const check = new Checker(await readBody(c));
  const prefix = check.string('prefix') ?? '';
  const limit = check.int('limit', { min: 1, max: 1000 }) ?? 100;
  const cursor = check.string('cursor');
  check.done();
  const page = await listPage(c.env.CACHE, c.get('project').id, prefix, limit, cursor || undefined);
  return c.json(page.complete ? { keys: page.keys, list_complete: true } : { keys: page.keys, list_complete: false, cursor: page.cursor });
});

cacheReads.post('/keys', async (c) => {
  const check = new Checker(await readBody(c));
  const prefix = check.string('prefix') ?? '';
  check.done();
  return c.json(await listAll(c.env.CACHE, c.get('project').id, prefix, 10_000));
});
