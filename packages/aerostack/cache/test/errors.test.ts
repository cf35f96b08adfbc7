import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BadRequestError, type Client } from '@aerostack/core';
import * as cache from '../src';
import { answer, client, describeAPIErrors } from './helpers';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

// Every operation, called with valid input.
const calls: [string, (c: Client) => PromiseLike<unknown>][] = [
  ['/cache/get', (c) => cache.get(c, { key: 'a' })],
  ['/cache/set', (c) => cache.set(c, { key: 'a', value: 1 })],
  ['/cache/delete', (c) => cache.remove(c, { key: 'a' })],
  ['/cache/getMany', (c) => cache.getMany(c, { keys: ['a'] })],
  ['/cache/setMany', (c) => cache.setMany(c, { entries: [{ key: 'a', value: 1 }] })],
  ['/cache/deleteMany', (c) => cache.deleteMany(c, { keys: ['a'] })],
  ['/cache/list', (c) => cache.list(c)],
  ['/cache/keys', (c) => cache.keys(c)],
  ['/cache/flush', (c) => cache.flush(c)],
  ['/cache/expire', (c) => cache.expire(c, { key: 'a', ttl: 5 })],
  ['/cache/increment', (c) => cache.increment(c, { key: 'a' })],
];

describeAPIErrors(calls, (path) => ({ field: 'key', hint: `from ${path}` }));

describe('retries', () => {
  it('retries a 429 and a 503 with the same idempotency key, then succeeds', async () => {
    const keys: unknown[] = [];
    nock('https://api.aerostack.dev')
      .post('/v1/cache/increment')
      .reply(function () {
        keys.push(this.req.headers['idempotency-key']);
        return [429, { code: 'RATE_LIMIT_EXCEEDED', message: 'slow down' }, { 'retry-after-ms': '1' }];
      })
      .post('/v1/cache/increment')
      .reply(function () {
        keys.push(this.req.headers['idempotency-key']);
        return [503, { code: 'INTERNAL_ERROR', message: 'busy' }];
      })
      .post('/v1/cache/increment')
      .reply(function () {
        keys.push(this.req.headers['idempotency-key']);
        return [200, { value: 7 }];
      });
    expect(await cache.increment(client({ retry: { initialDelay: 1 }, logLevel: 'off' }), { key: 'n' })).toEqual({ value: 7 });
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
  });

  it('does not retry a 400', async () => {
    answer('/cache/set', 400, { code: 'VALIDATION_ERROR', message: 'bad' });
    await expect(cache.set(client({ retry: { initialDelay: 1 } }), { key: 'a', value: 1 })).rejects.toBeInstanceOf(BadRequestError);
  });
});
