// The cache writes: set, delete, setMany, deleteMany.
import { Hono } from 'hono';
import { Checker, nested, readBody } from '../body';
import type { AppEnv } from '../env';
import type { CacheWrite } from '../project/object';
import { checkKey, encodeValue, MAX_VALUE_BYTES } from './limits';
import { cacheOf, expiryFromTtl } from './store';

export const cacheWrites = new Hono<AppEnv>();

cacheWrites.post('/set', async (c) => {
  const check = new Checker(await readBody(c));
  const key = check.string('key', { required: true });
  const value = check.value('value');
  const ttl = check.int('ttl', { min: 1 });
  check.done();
  checkKey(String(key), 'key');
  await cacheOf(c).cacheSet([{ key: String(key), bytes: encodeValue(value, 'value'), exp: expiryFromTtl(ttl) }]);
  return c.json({ success: true });
});

cacheWrites.post('/delete', async (c) => {
  const check = new Checker(await readBody(c));
  const key = check.string('key', { required: true });
  check.done();
  checkKey(String(key), 'key');
  await cacheOf(c).cacheDelete([String(key)]);
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
  entries.forEach((e, i) => checkKey(String(e.key), `entries[${i}].key`));
  const writes: CacheWrite[] = entries.map((e, i) => ({ key: String(e.key), bytes: encodeValue(e.value, `entries[${i}].value`), exp: expiryFromTtl(e.ttl) }));
  // One call stores them all (atomic) when they fit in one RPC message; else one call per group.
  const stub = cacheOf(c);
  let group: CacheWrite[] = [];
  let size = 0;
  for (const w of writes) {
    if (group.length && size + w.bytes.byteLength > MAX_VALUE_BYTES) {
      await stub.cacheSet(group);
      [group, size] = [[], 0];
    }
    group.push(w);
    size += w.bytes.byteLength;
  }
  if (group.length) await stub.cacheSet(group);
  return c.json({ success: true, count: entries.length });
});

cacheWrites.post('/deleteMany', async (c) => {
  const check = new Checker(await readBody(c));
  const keys = check.stringArray('keys', 500);
  check.done();
  keys.forEach((key, i) => checkKey(key, `keys[${i}]`));
  const deleted = await cacheOf(c).cacheDelete(keys);
  return c.json({ success: true, count: keys.length, deleted });
});
