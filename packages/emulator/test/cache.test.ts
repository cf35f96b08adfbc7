// @aerostack/cache against the emulator: every operation, over HTTP, on the project's Durable Object.
import * as cache from '@aerostack/cache';
import { describe, expect, it } from 'vitest';
import { client, KEY_B, useEmulator } from './helpers/emulator';
import { checkResult } from './helpers/openapi';
import { post } from '@aerostack/core';

const emu = useEmulator();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('cache: the 11 operations', () => {
  it('set / get / delete: strings as they are, other JSON values as JSON text, a miss as null', async () => {
    const c = client(emu);
    expect(await cache.set(c, { key: 'greeting', value: 'hello' })).toEqual({ success: true });
    await cache.set(c, { key: 'user:42', value: { name: 'Ada', plan: 'pro' } });
    await cache.set(c, { key: 'nothing', value: null });
    expect(await cache.get(c, { key: 'greeting' })).toEqual({ value: 'hello', exists: true });
    expect(await cache.get(c, { key: 'user:42' })).toEqual({ value: '{"name":"Ada","plan":"pro"}', exists: true });
    expect(await cache.get(c, { key: 'nothing' })).toEqual({ value: null, exists: true });
    expect(await cache.remove(c, { key: 'greeting' })).toEqual({ success: true });
    expect(await cache.get(c, { key: 'greeting' })).toEqual({ value: null, exists: false });
  });

  it('setMany / getMany / deleteMany: values keep their JSON type; deleted counts keys that existed', async () => {
    const c = client(emu);
    const stored = await cache.setMany(c, { entries: [{ key: 'price:apple', value: 1.2 }, { key: 'price:pear', value: { eur: 0.9 }, ttl: 3600 }] });
    expect(stored).toEqual({ success: true, count: 2 });
    const { results } = await cache.getMany(c, { keys: ['price:apple', 'price:pear', 'price:plum'] });
    expect(results).toEqual([
      { key: 'price:apple', value: 1.2, exists: true },
      { key: 'price:pear', value: { eur: 0.9 }, exists: true },
      { key: 'price:plum', value: null, exists: false },
    ]);
    expect(await cache.deleteMany(c, { keys: ['price:apple', 'price:plum'] })).toEqual({ success: true, count: 2, deleted: 1 });
    expect((await cache.getMany(c, { keys: ['price:apple'] })).results[0]?.exists).toBe(false);
  });

  it('list: pages of 2, cursor and list_complete from the engine, project prefix stripped', async () => {
    const c = client(emu);
    await cache.setMany(c, { entries: ['a', 'b', 'c', 'd', 'e'].map((n) => ({ key: `page:${n}`, value: n })) });
    const setFrom = Math.floor(Date.now() / 1000);
    await cache.set(c, { key: 'page:ttl', value: 1, ttl: 3600 });
    const sizes: number[] = [];
    const cursors: (string | undefined)[] = [];
    for await (const page of cache.list(c, { prefix: 'page:', limit: 2 }).byPage()) {
      sizes.push(page.items.length);
      cursors.push(page.nextCursor);
    }
    expect(sizes).toEqual([2, 2, 2]);
    expect(cursors.slice(0, 2).every((cur) => typeof cur === 'string' && cur.length > 0)).toBe(true);
    const all = await cache.list(c, { prefix: 'page:', limit: 2 }).toArray({ limit: 100 });
    expect(all.map((k) => k.key)).toEqual(['page:a', 'page:b', 'page:c', 'page:d', 'page:e', 'page:ttl']);
    expect(all[0]?.expiration).toBeNull();
    const ttlExpiry = all[5]?.expiration ?? 0;
    // An hour from when the set was made, measured between the clock before the set and now (this
    // machine's clock is the emulator's): no guess at how long the calls took.
    expect(ttlExpiry).toBeGreaterThanOrEqual(setFrom + 3600);
    expect(ttlExpiry).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 3600);
    // A page as the server sends it.
    const first = await post(c, '/cache/list', { prefix: 'page:', limit: 2 });
    const checked = checkResult('cacheList', first);
    expect(checked.list_complete).toBe(false);
    expect(checked.cursor).toEqual(expect.any(String));
  });

  it('a prefix selects exactly the keys that start with it, in UTF-8 byte order (as KV lists), for list, keys and flush', async () => {
    const c = client(emu);
    const inside = ['uni:a', 'uni:z', 'uni:\uffff', 'uni:😀', 'uni:\u{10ffff}', 'uni:\u{10ffff}z'];
    await cache.setMany(c, { entries: [...inside, 'uni', 'unj', 'un', 'uni;'].map((key) => ({ key, value: 1 })) });
    expect((await cache.keys(c, { prefix: 'uni:' })).keys).toEqual(inside);
    expect((await cache.list(c, { prefix: 'uni:', limit: 4 }).toArray({ limit: 10 })).map((k) => k.key)).toEqual(inside);
    expect((await cache.keys(c, { prefix: 'uni:\u{10ffff}' })).keys).toEqual(['uni:\u{10ffff}', 'uni:\u{10ffff}z']);
    expect(await cache.flush(c, { prefix: 'uni:\u{10ffff}' })).toEqual({ success: true, deleted: 2 });
    expect(await cache.flush(c, { prefix: 'uni:' })).toEqual({ success: true, deleted: 4 });
    expect((await cache.keys(c, { prefix: 'un' })).keys).toEqual(['un', 'uni', 'uni;', 'unj']);
  });

  it('keys: every name under a prefix in one answer', async () => {
    const c = client(emu);
    await cache.setMany(c, { entries: [{ key: 'k:1', value: 1 }, { key: 'k:2', value: 2 }, { key: 'other', value: 3 }] });
    expect(await cache.keys(c, { prefix: 'k:' })).toEqual({ keys: ['k:1', 'k:2'], truncated: false });
    expect((await cache.keys(c)).keys).toContain('other');
  });

  it('increment: starts at initialValue, adds amount (negative too), refuses a non-integer value', async () => {
    const c = client(emu);
    expect(await cache.increment(c, { key: 'views' })).toEqual({ value: 1 });
    expect(await cache.increment(c, { key: 'views', amount: 4 })).toEqual({ value: 5 });
    expect(await cache.increment(c, { key: 'credits', amount: -5, initialValue: 100, ttl: 86_400 })).toEqual({ value: 95 });
    expect(await cache.get(c, { key: 'views' })).toEqual({ value: '5', exists: true });
    await cache.set(c, { key: 'word', value: 'abc' });
    await expect(cache.increment(c, { key: 'word' })).rejects.toMatchObject({ status: 400, code: 'VALIDATION_ERROR' });
  });

  it('ttl under 60 s (kept by the emulator) and expire: the keys are gone from get, getMany, list and keys', async () => {
    const c = client(emu);
    const setFrom = Date.now();
    await cache.set(c, { key: 'short:set', value: 'soon gone', ttl: 1 });
    const live = await cache.get(c, { key: 'short:set' });
    // A read answered within the second must have found the key (the emulator shares this clock); a
    // machine so busy that the second was over before the answer came cannot tell either way.
    if (Date.now() < setFrom + 1000) expect(live.exists).toBe(true);
    await cache.set(c, { key: 'short:expire', value: 'also' });
    expect(await cache.expire(c, { key: 'short:expire', ttl: 1 })).toEqual({ success: true });
    await cache.set(c, { key: 'short:stays', value: 'here' });
    const listed = await cache.list(c, { prefix: 'short:' }).toArray({ limit: 10 });
    const expiry = listed.find((k) => k.key === 'short:set')?.expiration ?? 0;
    expect(expiry - Date.now() / 1000).toBeLessThanOrEqual(2);
    await sleep(1200);
    expect(await cache.get(c, { key: 'short:set' })).toEqual({ value: null, exists: false });
    expect((await cache.getMany(c, { keys: ['short:expire'] })).results[0]?.exists).toBe(false);
    expect((await cache.list(c, { prefix: 'short:' }).toArray({ limit: 10 })).map((k) => k.key)).toEqual(['short:stays']);
    expect((await cache.keys(c, { prefix: 'short:' })).keys).toEqual(['short:stays']);
    expect(await cache.expire(c, { key: 'short:set', ttl: 10 })).toEqual({ success: false });
  });

  it('flush: deletes under a prefix, then every key of the project, and no other project\'s', async () => {
    const c = client(emu);
    const other = client(emu, KEY_B);
    await cache.set(other, { key: 'flush:b', value: 'B keeps this' });
    await cache.setMany(c, { entries: [{ key: 'flush:1', value: 1 }, { key: 'flush:2', value: 2 }, { key: 'keep', value: 3 }] });
    expect(await cache.flush(c, { prefix: 'flush:' })).toEqual({ success: true, deleted: 2 });
    expect((await cache.keys(c)).keys).toContain('keep');
    const { deleted } = await cache.flush(c);
    expect(deleted).toBeGreaterThan(0);
    expect(await cache.keys(c)).toEqual({ keys: [], truncated: false });
    expect(await cache.get(other, { key: 'flush:b' })).toEqual({ value: 'B keeps this', exists: true });
  });
});
