// The cache reads: get, getMany, list, keys.
import { Hono } from 'hono';
import { Checker, readBody } from '../body';
import type { AppEnv } from '../env';
import { checkKey, checkPrefix } from './limits';
import { asListed, cacheOf, decodeCursor, decodeValue, encodeCursor, listAll } from './store';

export const cacheReads = new Hono<AppEnv>();

/** `get` answers a string (spec: `value: string | null`): a stored string as is, any other JSON value as JSON text. */
const asText = (value: unknown): string | null => (value === null ? null : typeof value === 'string' ? value : JSON.stringify(value));

cacheReads.post('/get', async (c) => {
  const check = new Checker(await readBody(c));
  const key = check.string('key', { required: true });
  check.done();
  checkKey(String(key), 'key');
  const entry = await cacheOf(c).cacheGet(String(key));
  return c.json(entry ? { value: asText(decodeValue(entry.bytes)), exists: true } : { value: null, exists: false });
});

cacheReads.post('/getMany', async (c) => {
  const check = new Checker(await readBody(c));
  const keys = check.stringArray('keys', 100);
  check.done();
  keys.forEach((key, i) => checkKey(key, `keys[${i}]`));
  const stub = cacheOf(c);
  const entries = await stub.cacheGetMany(keys);
  const results = await Promise.all(
    keys.map(async (key, i) => {
      // Values too big to come back together are read one by one.
      const entry = entries[i];
      const found = entry === 'large' ? await stub.cacheGet(key) : entry;
      return found ? { key, value: decodeValue(found.bytes), exists: true } : { key, value: null, exists: false };
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
  checkPrefix(prefix);
  // One more than asked: whether the list is complete.
  const rows = await cacheOf(c).cacheList(prefix, limit + 1, cursor ? decodeCursor(cursor) : undefined);
  const keys = rows.slice(0, limit);
  const last = keys.at(-1);
  return c.json(rows.length > limit && last ? { keys: keys.map(asListed), list_complete: false, cursor: encodeCursor(last.key) } : { keys: keys.map(asListed), list_complete: true });
});

cacheReads.post('/keys', async (c) => {
  const check = new Checker(await readBody(c));
  const prefix = check.string('prefix') ?? '';
  check.done();
  checkPrefix(prefix);
  return c.json(await listAll(cacheOf(c), prefix, 10_000));
});
