// flush, expire, increment: the cache operations that read and rewrite, each atomic in the project's
// Durable Object (project/object.ts).
import { Hono } from 'hono';
import { Checker, readBody } from '../body';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { checkKey, checkPrefix } from './limits';
import { cacheOf, expiryFromTtl } from './store';

export const cacheAdmin = new Hono<AppEnv>();

/** Every key under the prefix, however many (the platform documents a cap of 10,000; the emulator has none). */
cacheAdmin.post('/flush', async (c) => {
  const check = new Checker(await readBody(c));
  const prefix = check.string('prefix');
  if (prefix === '') check.fail('prefix', 'Must not be empty (omit it to flush every key)');
  check.done();
  checkPrefix(prefix ?? '');
  const deleted = await cacheOf(c).cacheFlush(prefix ?? '');
  return c.json({ success: true, deleted });
});

/** `success: false` when the key does not exist (there is nothing to set a ttl on). */
cacheAdmin.post('/expire', async (c) => {
  const check = new Checker(await readBody(c));
  const key = check.string('key', { required: true });
  const ttl = check.int('ttl', { required: true, min: 1 });
  check.done();
  checkKey(String(key), 'key');
  return c.json({ success: await cacheOf(c).cacheExpire(String(key), Date.now() + Number(ttl) * 1000) });
});

cacheAdmin.post('/increment', async (c) => {
  const check = new Checker(await readBody(c));
  const key = check.string('key', { required: true });
  const amount = check.int('amount') ?? 1;
  const initialValue = check.int('initialValue') ?? 0;
  const ttl = check.int('ttl', { min: 1 });
  check.done();
  checkKey(String(key), 'key');
  // An existing key keeps its expiry; a new one gets `ttl`.
  const result = await cacheOf(c).cacheIncrement(String(key), amount, initialValue, expiryFromTtl(ttl));
  if ('notInteger' in result) {
    throw new ApiError(400, 'VALIDATION_ERROR', `The value of ${String(key)} is not an integer`, { fieldErrors: { key: ['Value is not an integer'] } });
  }
  return c.json({ value: result.value });
});
