import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as cache from '../src';
import { answer, client, expectPost } from './helpers';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('what each operation sends and returns', () => {
  it('get: { key } → { value, exists }', async () => {
    const { seen } = answer('/cache/get', 200, { value: 'hello', exists: true });
    expect(await cache.get(client(), { key: 'greeting' })).toEqual({ value: 'hello', exists: true });
    expectPost(seen, '/cache/get', { key: 'greeting' });
  });

  it('get: a miss is { value: null, exists: false }', async () => {
    answer('/cache/get', 200, { value: null, exists: false });
    expect(await cache.get(client(), { key: 'nope' })).toEqual({ value: null, exists: false });
  });

  it('get: a missing `exists` means present when the value is not null', async () => {
    answer('/cache/get', 200, { value: 'v' });
    expect(await cache.get(client(), { key: 'a' })).toEqual({ value: 'v', exists: true });
    answer('/cache/get', 200, { value: null });
    expect(await cache.get(client(), { key: 'b' })).toEqual({ value: null, exists: false });
    answer('/cache/get', 200, {});
    expect(await cache.get(client(), { key: 'c' })).toEqual({ value: null, exists: false });
  });

  it('get: an `exists` the server sends is kept as sent', async () => {
    answer('/cache/get', 200, { value: null, exists: true });
    expect(await cache.get(client(), { key: 'stored-null' })).toEqual({ value: null, exists: true });
  });

  it('get: withResponse() still gives the response and request id', async () => {
    answer('/cache/get', 200, { value: 'v' }, { 'x-request-id': 'req_get' });
    const { data, requestId, response } = await cache.get(client(), { key: 'a' }).withResponse();
    expect(data).toEqual({ value: 'v', exists: true });
    expect(requestId).toBe('req_get');
    expect(response.status).toBe(200);
  });

  it('set: sends any JSON value, with or without ttl', async () => {
    const value = { name: 'Ada', tags: ['x'], n: 1.5, ok: true, none: null };
    const first = answer('/cache/set', 200, { success: true });
    expect(await cache.set(client(), { key: 'user:1', value, ttl: 60 })).toEqual({ success: true });
    expectPost(first.seen, '/cache/set', { key: 'user:1', value, ttl: 60 });

    const second = answer('/cache/set', 200, { success: true });
    await cache.set(client(), { key: 'nothing', value: null });
    expectPost(second.seen, '/cache/set', { key: 'nothing', value: null });
  });

  it('remove: posts to /cache/delete', async () => {
    const { seen } = answer('/cache/delete', 200, { success: true });
    expect(await cache.remove(client(), { key: 'user:1' })).toEqual({ success: true });
    expectPost(seen, '/cache/delete', { key: 'user:1' });
  });

  it('getMany: one result per key', async () => {
    const results = [
      { key: 'a', value: '1', exists: true },
      { key: 'b', value: null, exists: false },
    ];
    const { seen } = answer('/cache/getMany', 200, { results });
    expect(await cache.getMany(client(), { keys: ['a', 'b'] })).toEqual({ results });
    expectPost(seen, '/cache/getMany', { keys: ['a', 'b'] });
  });

  it('setMany: entries with their own ttl; count stored', async () => {
    const entries = [
      { key: 'a', value: 1 },
      { key: 'b', value: { x: [1, 2] }, ttl: 30 },
    ];
    const { seen } = answer('/cache/setMany', 200, { success: true, count: 2 });
    expect(await cache.setMany(client(), { entries })).toEqual({ success: true, count: 2 });
    expectPost(seen, '/cache/setMany', { entries });
  });

  it('deleteMany: count asked, deleted found', async () => {
    const { seen } = answer('/cache/deleteMany', 200, { success: true, count: 3, deleted: 2 });
    expect(await cache.deleteMany(client(), { keys: ['a', 'b', 'c'] })).toEqual({ success: true, count: 3, deleted: 2 });
    expectPost(seen, '/cache/deleteMany', { keys: ['a', 'b', 'c'] });
  });

  it('keys: with a prefix, and with none', async () => {
    const first = answer('/cache/keys', 200, { keys: ['user:1', 'user:2'], truncated: false });
    expect(await cache.keys(client(), { prefix: 'user:' })).toEqual({ keys: ['user:1', 'user:2'], truncated: false });
    expectPost(first.seen, '/cache/keys', { prefix: 'user:' });

    const second = answer('/cache/keys', 200, { keys: [], truncated: false });
    await cache.keys(client());
    expectPost(second.seen, '/cache/keys', {});
  });

  it('flush: a prefix, or everything when it is left out', async () => {
    const first = answer('/cache/flush', 200, { success: true, deleted: 12 });
    expect(await cache.flush(client(), { prefix: 'session:' })).toEqual({ success: true, deleted: 12 });
    expectPost(first.seen, '/cache/flush', { prefix: 'session:' });

    const second = answer('/cache/flush', 200, { success: true, deleted: 40 });
    await cache.flush(client());
    expectPost(second.seen, '/cache/flush', {});
  });

  it('expire: key and ttl', async () => {
    const { seen } = answer('/cache/expire', 200, { success: true });
    expect(await cache.expire(client(), { key: 'a', ttl: 3600 })).toEqual({ success: true });
    expectPost(seen, '/cache/expire', { key: 'a', ttl: 3600 });
  });

  it('increment: defaults left to the server; negative amounts allowed', async () => {
    const first = answer('/cache/increment', 200, { value: 1 });
    expect(await cache.increment(client(), { key: 'hits' })).toEqual({ value: 1 });
    expectPost(first.seen, '/cache/increment', { key: 'hits' });

    const second = answer('/cache/increment', 200, { value: 95 });
    expect(await cache.increment(client(), { key: 'credits', amount: -5, initialValue: 100, ttl: 86400 })).toEqual({ value: 95 });
    expectPost(second.seen, '/cache/increment', { key: 'credits', amount: -5, initialValue: 100, ttl: 86400 });
  });

  it('sends per-call options: headers, idempotency key, signal', async () => {
    const { seen } = answer('/cache/set', 200, { success: true });
    await cache.set(client(), { key: 'a', value: 1 }, { headers: { 'X-Trace': 't1' }, idempotencyKey: 'set-a-1', signal: new AbortController().signal });
    expect(seen[0]!.headers['x-trace']).toBe('t1');
    expect(seen[0]!.headers['idempotency-key']).toBe('set-a-1');
  });

  it('reads sent as POST carry no idempotency key; writes do', async () => {
    const get = answer('/cache/get', 200, { value: 1, exists: true });
    const many = answer('/cache/getMany', 200, { results: [] });
    const names = answer('/cache/keys', 200, { keys: [], truncated: false });
    const write = answer('/cache/set', 200, { success: true });
    await cache.get(client(), { key: 'a' });
    await cache.getMany(client(), { keys: ['a'] });
    await cache.keys(client());
    await cache.set(client(), { key: 'a', value: 1 });
    for (const { seen } of [get, many, names]) expect(seen[0]!.headers['idempotency-key']).toBeUndefined();
    expect(write.seen[0]!.headers['idempotency-key']).toEqual(expect.any(String));
  });
});
