import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APIPromise, InvalidRequestError, type Client } from '@aerostack/core';
import * as cache from '../src';
import { client } from './helpers';

// A fetch that records: none of these calls may reach it.
const sent: unknown[] = [];
const recordingFetch = async (input: RequestInfo | URL): Promise<Response> => {
  sent.push(input);
  return Response.json({});
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  sent.length = 0;
});
afterAll(() => nock.enableNetConnect());

const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`);
// Bad input as plain JavaScript (or a cast) could send it; the types reject most of it already.
const loose = (value: unknown): never => value as never;

const cases: [string, (c: Client) => PromiseLike<unknown>, string, string][] = [
  ['get: empty key', (c) => cache.get(c, { key: '' }), 'key', 'key: a non-empty string'],
  ['get: key not a string', (c) => cache.get(c, loose({ key: 42 })), 'key', 'key: a non-empty string'],
  ['set: value missing', (c) => cache.set(c, loose({ key: 'a' })), 'value', 'value: a JSON value (null for "no value")'],
  ['set: ttl zero', (c) => cache.set(c, { key: 'a', value: 1, ttl: 0 }), 'ttl', 'ttl: a positive integer (seconds)'],
  ['set: ttl fractional', (c) => cache.set(c, { key: 'a', value: 1, ttl: 1.5 }), 'ttl', 'ttl: a positive integer (seconds)'],
  ['set: ttl a string', (c) => cache.set(c, loose({ key: 'a', value: 1, ttl: '60' })), 'ttl', 'ttl: a positive integer (seconds)'],
  ['remove: empty key', (c) => cache.remove(c, { key: '' }), 'key', 'key: a non-empty string'],
  ['getMany: 101 keys', (c) => cache.getMany(c, { keys: keys(101) }), 'keys', 'keys: 1 to 100 items, got 101'],
  ['getMany: no keys', (c) => cache.getMany(c, { keys: [] }), 'keys', 'keys: 1 to 100 items, got 0'],
  ['getMany: not an array', (c) => cache.getMany(c, loose({ keys: 'a' })), 'keys', 'keys: 1 to 100 items, got 0'],
  ['getMany: an empty key', (c) => cache.getMany(c, { keys: ['a', ''] }), 'keys[1]', 'keys[1]: a non-empty string'],
  ['setMany: 101 entries', (c) => cache.setMany(c, { entries: keys(101).map((key) => ({ key, value: 1 })) }), 'entries', 'entries: 1 to 100 items, got 101'],
  ['setMany: bad key', (c) => cache.setMany(c, { entries: [{ key: 'a', value: 1 }, { key: '', value: 2 }] }), 'entries[1].key', 'entries[1].key: a non-empty string'],
  ['setMany: missing value', (c) => cache.setMany(c, loose({ entries: [{ key: 'a' }] })), 'entries[0].value', 'entries[0].value: a JSON value (null for "no value")'],
  ['setMany: bad ttl', (c) => cache.setMany(c, { entries: [{ key: 'a', value: 1, ttl: -1 }] }), 'entries[0].ttl', 'entries[0].ttl: a positive integer (seconds)'],
  ['deleteMany: 501 keys', (c) => cache.deleteMany(c, { keys: keys(501) }), 'keys', 'keys: 1 to 500 items, got 501'],
  ['deleteMany: a null key', (c) => cache.deleteMany(c, loose({ keys: ['a', null] })), 'keys[1]', 'keys[1]: a non-empty string'],
  ['list: limit 1001', (c) => cache.list(c, { limit: 1001 }), 'limit', 'limit: an integer from 1 to 1000'],
  ['list: limit 0', (c) => cache.list(c, { limit: 0 }), 'limit', 'limit: an integer from 1 to 1000'],
  ['list: prefix not a string', (c) => cache.list(c, loose({ prefix: 1 })), 'prefix', 'prefix: a string'],
  ['keys: prefix an object', (c) => cache.keys(c, loose({ prefix: {} })), 'prefix', 'prefix: a string'],
  ['flush: empty prefix', (c) => cache.flush(c, { prefix: '' }), 'prefix', 'prefix: a non-empty string (leave it out to flush every key)'],
  ['expire: ttl missing', (c) => cache.expire(c, loose({ key: 'a' })), 'ttl', 'ttl: a positive integer (seconds)'],
  ['expire: ttl negative', (c) => cache.expire(c, { key: 'a', ttl: -10 }), 'ttl', 'ttl: a positive integer (seconds)'],
  ['increment: fractional amount', (c) => cache.increment(c, { key: 'a', amount: 0.5 }), 'amount', 'amount: an integer'],
  ['increment: initialValue NaN', (c) => cache.increment(c, { key: 'a', initialValue: NaN }), 'initialValue', 'initialValue: an integer'],
  ['increment: ttl zero', (c) => cache.increment(c, { key: 'a', ttl: 0 }), 'ttl', 'ttl: a positive integer (seconds)'],
  // The server's key limits (it answered 500 to these, and the SDK then retried).
  ['set: key of 513 bytes', (c) => cache.set(c, { key: 'k'.repeat(513), value: 1 }), 'key', 'key: at most 512 bytes in UTF-8, got 513'],
  ['get: key of 171 three-byte characters (513 bytes)', (c) => cache.get(c, { key: '€'.repeat(171) }), 'key', 'key: at most 512 bytes in UTF-8, got 513'],
  ['set: key with a lone surrogate', (c) => cache.set(c, { key: 'a\uD800b', value: 1 }), 'key', 'key: not valid Unicode (a lone surrogate)'],
  ['getMany: a key over the limit', (c) => cache.getMany(c, { keys: ['a', 'x'.repeat(600)] }), 'keys[1]', 'keys[1]: at most 512 bytes in UTF-8, got 600'],
  ['get: no params at all', (c) => cache.get(c, loose(undefined)), 'key', 'key: a non-empty string'],
];

describe('bad input is refused before sending', () => {
  it.each(cases)('%s', async (_, call, field, message) => {
    const error = (await Promise.resolve(call(client({ fetch: recordingFetch }))).catch((e: unknown) => e)) as InvalidRequestError;
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.details).toEqual({ field });
    expect(error.message).toBe(message);
    expect(sent).toEqual([]);
  });

  it('rejects the returned promise instead of throwing', async () => {
    const promise = cache.get(client(), { key: '' });
    expect(promise).toBeInstanceOf(APIPromise);
    await expect(promise).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(cache.get(client(), { key: '' }).withResponse()).rejects.toBeInstanceOf(InvalidRequestError);
  });

  it('accepts the limits themselves', async () => {
    nock('https://api.aerostack.dev')
      .post('/v1/cache/getMany').reply(200, { results: [] })
      .post('/v1/cache/deleteMany').reply(200, { success: true, count: 500, deleted: 0 })
      .post('/v1/cache/list').reply(200, { keys: [], list_complete: true });
    await cache.getMany(client(), { keys: keys(100) });
    // 512 bytes: 510 ASCII + one two-byte character; an emoji (a surrogate pair) is 4 bytes.
    nock('https://api.aerostack.dev').post('/v1/cache/get').reply(200, { value: 1, exists: true }).post('/v1/cache/get').reply(200, { value: 1, exists: true });
    await cache.get(client(), { key: 'k'.repeat(510) + 'é' });
    await cache.get(client(), { key: '😀'.repeat(128) });
    await cache.deleteMany(client(), { keys: keys(500) });
    await cache.list(client(), { limit: 1000 });
    expect(nock.isDone()).toBe(true);
  });
});
