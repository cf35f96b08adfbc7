// flush, expire, increment: the cache operations that read and rewrite.
import { Hono } from 'hono';
import { Checker, readBody } from '../body';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { expiryFromTtl, listAll, prefixOf, readEntry, writeEntry } from './store';

export const cacheAdmin = new Hono<AppEnv>();

cacheAdmin.post('/flush', async (c) => {
  const check = new Checker(await readBody(c));
  const prefix = check.string('prefix');
  if (prefix === '') check.fail('prefix', 'Must not be empty (omit it to flush every key)');
  check.done();
  const project = c.get('project').id;
  const { keys } = await listAll(c.env.CACHE, project, prefix ?? '', 10_000);
  await Promise.all(keys.map((key) => c.env.CACHE.delete(prefixOf(project) + key)));
  return c.json({ success: true, deleted: keys.length });
});

/** `success: false` when the key does not exist (there is nothing to set a ttl on). */
cacheAdmin.post('/expire', async (c) => {
  const check = new Checker(await readBody(c));
  const key = check.string('key', { required: true });
  const ttl = check.int('ttl', { required: true, min: 1 });
  check.done();
  const fullKey = prefixOf(c.get('project').id) + String(key);
  const entry = await readEntry(c.env.CACHE, fullKey);
  if (!entry) return c.json({ success: false });
  await writeEntry(c.env.CACHE, fullKey, entry.value, expiryFromTtl(ttl));
  return c.json({ success: true });
});

cacheAdmin.post('/increment', async (c) => {
  const check = new Checker(await readBody(c));
  const key = check.string('key', { required: true });
  const amount = check.int('amount') ?? 1;
  const initialValue = check.int('initialValue') ?? 0;
  const ttl = check.int('ttl', { min: 1 });
  check.done();
  const fullKey = prefixOf(c.get('project').id) + String(key);
  const entry = await readEntry(c.env.CACHE, fullKey);
  if (entry && !Number.isSafeInteger(entry.value)) {
    throw new ApiError(400, 'VALIDATION_ERROR', `The value of ${String(key)} is not an integer`, { fieldErrors: { key: ['Value is not an integer'] } });
  }
  const value = (entry ? (entry.value as number) : initialValue) + amount;
  // An existing key keeps its expiry; a new one gets `ttl`.
  await writeEntry(c.env.CACHE, fullKey, value, entry ? entry.exp : expiryFromTtl(ttl));
  return c.json({ value });
});
