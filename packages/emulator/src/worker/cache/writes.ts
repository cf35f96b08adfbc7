// The cache writes: set, delete, setMany, deleteMany.
import { Hono } from 'hono';
import { Checker, nested, readBody } from '../body';
import type { AppEnv } from '../env';
import { expiryFromTtl, prefixOf, readEntry, writeEntry } from './store';

export const cacheWrites = new Hono<AppEnv>();

cacheWrites.post('/set', async (c) => {
  const check = new Checker(await readBody(c));
  const key = check.string('key', { required: true });
  const value = check.value('value');
  const ttl = check.int('ttl', { min: 1 });
  check.done();
  await writeEntry(c.env.CACHE, prefixOf(c.get('project').id) + String(key), value, expiryFromTtl(ttl));
  return c.json({ success: true });
});

cacheWrites.post('/delete', async (c) => {
  const check = new Checker(await readBody(c));
  const key = check.string('key', { required: true });
  check.done();
  await c.env.CACHE.delete(prefixOf(c.get('project').id) + String(key));
  return c.json({ success: true });
});

cacheWrites.post('/setMany', async (c) => {
  const check = new Checker(await readBody(c));
  const items = check.array('entries', { required: true, max: 100 }) ?? [];
  const entries = items.map((item, i) => {
    const entry = nested(check, `entries[${i}]`, item);
    return { key: entry?.string('key', { required: true }), value: entry?.value('value'), ttl: entry?.int('ttl', { min: 1 }) };
  });
  check.done();
  const base = prefixOf(c.get('project').id);
  await Promise.all(entries.map((e) => writeEntry(c.env.CACHE, base + String(e.key), e.value, expiryFromTtl(e.ttl))));
  return c.json({ success: true, count: entries.length });
});

cacheWrites.post('/deleteMany', async (c) => {
  const check = new Checker(await readBody(c));
  const keys = check.stringArray('keys', 500);
  check.done();
  const base = prefixOf(c.get('project').id);
  const unique = [...new Set(keys)];
  const existed = await Promise.all(unique.map(async (key) => (await readEntry(c.env.CACHE, base + key)) !== null));
  await Promise.all(unique.map((key) => c.env.CACHE.delete(base + key)));
  return c.json({ success: true, count: keys.length, deleted: existed.filter(Boolean).length });
});
