// The cache's platform limits (4xx with a code naming the limit, never a 500 that clients retry) and
// a flush of more keys than one page of anything, while the project keeps answering.
import * as cache from '@aerostack/cache';
import { describe, expect, it } from 'vitest';
import { client, rawPost, useEmulator } from './helpers/emulator';

const emu = useEmulator();
const MiB = 1024 * 1024;

describe('cache limits', () => {
  it('a value over 25 MiB is 413 CACHE_VALUE_TOO_LARGE; a value of 25 MiB is stored and read back', async () => {
    const over = await rawPost(emu, '/cache/set', JSON.stringify({ key: 'big', value: 'x'.repeat(25 * MiB) }));
    expect([over.status, over.json]).toMatchObject([413, { code: 'CACHE_VALUE_TOO_LARGE', details: { limit: 25 * MiB } }]);
    const many = await rawPost(emu, '/cache/setMany', JSON.stringify({ entries: [{ key: 'small', value: 1 }, { key: 'big', value: 'y'.repeat(25 * MiB) }] }));
    expect([many.status, many.json]).toMatchObject([413, { code: 'CACHE_VALUE_TOO_LARGE', details: { fieldErrors: { 'entries[1].value': [expect.any(String)] } } }]);
    // Nothing of a refused setMany is stored.
    expect(await cache.get(client(emu), { key: 'small' })).toEqual({ value: null, exists: false });
    // 25 MiB of JSON text: the string and its two quotes.
    const fits = 'z'.repeat(25 * MiB - 2);
    expect((await rawPost(emu, '/cache/set', JSON.stringify({ key: 'big', value: fits }))).status).toBe(200);
    const read = await fetch(`${emu.emulator.aerostackURL}/cache/get`, { method: 'POST', headers: { 'x-aerostack-key': 'ac_secret_test_project_a' }, body: '{"key":"big"}' });
    const body = (await read.json()) as { value: string };
    expect(body.value.length).toBe(fits.length);
    expect(body.value === fits).toBe(true);
  });

  it('a key over 512 bytes is 400 CACHE_KEY_TOO_LONG, on every route that takes keys; 512 bytes is fine', async () => {
    const long = 'é'.repeat(257); // 514 bytes in UTF-8, 257 characters
    for (const [path, body] of [
      ['/cache/set', { key: long, value: 1 }],
      ['/cache/get', { key: long }],
      ['/cache/increment', { key: long }],
      ['/cache/getMany', { keys: ['ok', long] }],
      ['/cache/deleteMany', { keys: [long] }],
      ['/cache/setMany', { entries: [{ key: long, value: 1 }] }],
    ] as const) {
      const answer = await rawPost(emu, path, JSON.stringify(body));
      expect([path, answer.status, answer.json]).toMatchObject([path, 400, { code: 'CACHE_KEY_TOO_LONG', details: { limit: 512 } }]);
    }
    const fits = 'é'.repeat(256);
    expect((await rawPost(emu, '/cache/set', JSON.stringify({ key: fits, value: 1 }))).status).toBe(200);
    expect(await cache.get(client(emu), { key: fits })).toEqual({ value: '1', exists: true });
  });

  it('a key with a lone surrogate is 400 CACHE_KEY_INVALID; a well-formed pair is an ordinary key', async () => {
    for (const key of ['\ud800', 'a\udc00b', 'x\ud83d']) {
      const answer = await rawPost(emu, '/cache/set', JSON.stringify({ key, value: 1 }));
      expect([answer.status, answer.json]).toMatchObject([400, { code: 'CACHE_KEY_INVALID', details: { fieldErrors: { key: [expect.any(String)] } } }]);
    }
    const prefix = await rawPost(emu, '/cache/list', JSON.stringify({ prefix: '\udfff' }));
    expect([prefix.status, prefix.json]).toMatchObject([400, { code: 'CACHE_KEY_INVALID' }]);
    const c = client(emu);
    await cache.set(c, { key: 'emoji:😀', value: 'smile' });
    expect(await cache.get(c, { key: 'emoji:😀' })).toEqual({ value: 'smile', exists: true });
    expect(await cache.keys(c, { prefix: 'emoji:' })).toEqual({ keys: ['emoji:😀'], truncated: false });
  });
});

describe('cache flush of many keys', () => {
  it('12,000 keys under a prefix are all deleted, other keys stay, and a call made during the flush answers first', async () => {
    const c = client(emu);
    const N = 12_000;
    for (let start = 0; start < N; start += 100 * 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, batch) =>
          cache.setMany(c, { entries: Array.from({ length: 100 }, (__, i) => ({ key: `bulk:${String(start + batch * 100 + i).padStart(5, '0')}`, value: i })) }),
        ),
      );
    }
    await cache.set(c, { key: 'stays', value: 'here' });
    const order: string[] = [];
    const started = Date.now();
    const flushed = cache.flush(c, { prefix: 'bulk:' }).then((r) => {
      order.push('flush');
      return r;
    });
    // Sent after the flush, on the same project: it is not held until the flush ends.
    const during = cache.get(c, { key: 'stays' }).then((r) => {
      order.push('get');
      return r;
    });
    const [result, read] = await Promise.all([flushed, during]);
    console.log(`flush of ${N} keys: ${Date.now() - started} ms`);
    expect(result).toEqual({ success: true, deleted: N });
    expect(read).toEqual({ value: 'here', exists: true });
    expect(order).toEqual(['get', 'flush']);
    expect(await cache.keys(c, { prefix: 'bulk:' })).toEqual({ keys: [], truncated: false });
    expect((await cache.keys(c)).keys).toContain('stays');
  });
});
