// The JSON operations: getUrl, delete, exists, getMetadata, copy and move.
import { AerostackClient, type APIPromise, type Client, type RequestOptions } from '@aerostack/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as storage from '../src';
import { API, apiError, clientWith, json, scriptedFetch, sentJSON, STORAGE_ERRORS } from './helpers';

type Call = (client: Client, options?: RequestOptions) => APIPromise<unknown>;

interface Case {
  name: string;
  path: string;
  call: Call;
  viaClass: (s: storage.Storage, options?: RequestOptions) => APIPromise<unknown>;
  sent: unknown;
  reply: unknown;
  /** A read sent as POST: retried without an idempotency key. */
  read?: boolean;
}

const META = { exists: true, size: 2048, contentType: 'image/png', lastModified: '2026-03-01T10:00:00Z', etag: '"e1"' };
const cases: Case[] = [
  {
    name: 'getUrl',
    path: '/storage/getUrl',
    call: (c, o) => storage.getUrl(c, { key: '/avatars/1.png' }, o),
    viaClass: (s, o) => s.getUrl({ key: 'avatars/1.png' }, o),
    sent: { key: 'avatars/1.png' },
    reply: { url: 'https://cdn.aerostack.dev/projects/p1/avatars/1.png' },
    read: true,
  },
  {
    name: 'remove',
    path: '/storage/delete',
    call: (c, o) => storage.remove(c, { key: '/avatars/1.png' }, o),
    viaClass: (s, o) => s.delete({ key: 'avatars/1.png' }, o),
    sent: { key: 'avatars/1.png' },
    reply: { success: true },
  },
  {
    name: 'exists',
    path: '/storage/exists',
    call: (c, o) => storage.exists(c, { key: 'docs/a b.pdf' }, o),
    viaClass: (s, o) => s.exists({ key: 'docs/a b.pdf' }, o),
    sent: { key: 'docs/a b.pdf' },
    reply: { exists: false },
    read: true,
  },
  {
    name: 'getMetadata',
    path: '/storage/getMetadata',
    call: (c, o) => storage.getMetadata(c, { key: 'avatars/1.png' }, o),
    viaClass: (s, o) => s.getMetadata({ key: 'avatars/1.png' }, o),
    sent: { key: 'avatars/1.png' },
    reply: META,
    read: true,
  },
  {
    name: 'copy',
    path: '/storage/copy',
    call: (c, o) => storage.copy(c, { sourceKey: '/a/1.png', destKey: 'b/1.png' }, o),
    viaClass: (s, o) => s.copy({ sourceKey: 'a/1.png', destKey: 'b/1.png' }, o),
    sent: { sourceKey: 'a/1.png', destKey: 'b/1.png' },
    reply: { success: true, url: 'https://cdn.aerostack.dev/projects/p1/b/1.png' },
  },
  {
    name: 'move',
    path: '/storage/move',
    call: (c, o) => storage.move(c, { sourceKey: 'a/1.png', destKey: '/c/1.png' }, o),
    viaClass: (s, o) => s.move({ sourceKey: 'a/1.png', destKey: 'c/1.png' }, o),
    sent: { sourceKey: 'a/1.png', destKey: 'c/1.png' },
    reply: { success: true, url: 'https://cdn.aerostack.dev/projects/p1/c/1.png' },
  },
];

describe.each(cases)('$name', ({ path, call, viaClass, sent, reply, read }) => {
  it(`POSTs JSON to ${path} and returns the parsed body`, async () => {
    const fetch = scriptedFetch(json(reply, 200, { 'x-request-id': 'req_ok' }));
    const { data, requestId } = await call(clientWith(fetch)).withResponse();
    expect(data).toEqual(reply);
    expect(requestId).toBe('req_ok');
    const [req] = fetch.calls;
    expect(req!.method).toBe('POST');
    expect(req!.url).toBe(API + path);
    expect(req!.headers['x-aerostack-key']).toBe('ac_secret_test');
    expect(req!.headers['content-type']).toBe('application/json');
    if (read) expect(req!.headers['idempotency-key']).toBeUndefined();
    else expect(req!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(sentJSON(req)).toEqual(sent);
  });

  it('the Storage class method sends the same and passes options', async () => {
    const fetch = scriptedFetch(json(reply));
    await expect(viaClass(new storage.Storage(clientWith(fetch)), { headers: { 'x-trace': 't' }, idempotencyKey: 'i-1' })).resolves.toEqual(reply);
    expect(fetch.calls[0]!.url).toBe(API + path);
    expect(sentJSON(fetch.calls[0])).toEqual(sent);
    expect(fetch.calls[0]!.headers['x-trace']).toBe('t');
    expect(fetch.calls[0]!.headers['idempotency-key']).toBe('i-1');
  });

  it.each(STORAGE_ERRORS)('%i is a %s with code, message, details and request id', async (status, code, ErrorClass) => {
    const fetch = scriptedFetch(apiError(status, code, 'it failed', { field: 'key' }));
    const error = await call(clientWith(fetch, { maxRetries: 0 })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, code, message: `${status} ${code}: it failed`, details: { field: 'key' }, requestId: `req_${status}` });
  });

  it('retries a 429, keeping the idempotency key (a read has none)', async () => {
    const fetch = scriptedFetch(apiError(429, 'RATE_LIMIT_EXCEEDED', 'slow', undefined), json(reply));
    await expect(call(clientWith(fetch))).resolves.toEqual(reply);
    expect(fetch.calls).toHaveLength(2);
    expect(fetch.calls[1]!.headers['idempotency-key']).toBe(fetch.calls[0]!.headers['idempotency-key']);
    if (!read) expect(fetch.calls[0]!.headers['idempotency-key']).toBeDefined();
  });
});

describe('through the real fetch (nock)', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('getMetadata sends the key header and JSON body', async () => {
    let headers: Record<string, string | string[] | undefined> = {};
    const scope = nock('https://api.aerostack.dev')
      .post('/v1/storage/getMetadata', { key: 'avatars/1.png' })
      .reply(function () {
        headers = this.req.headers;
        return [200, META, { 'x-request-id': 'req_n' }];
      });
    const result = await storage.getMetadata(new AerostackClient({ apiKey: 'ac_secret_nock' }), { key: '/avatars/1.png' });
    expect(result).toEqual(META);
    expect(scope.isDone()).toBe(true);
    expect(headers['x-aerostack-key']).toBe('ac_secret_nock');
    expect(headers['content-type']).toBe('application/json');
  });

  it('a 404 from getMetadata becomes a NotFoundError', async () => {
    nock('https://api.aerostack.dev').post('/v1/storage/getMetadata').reply(404, { code: 'NOT_FOUND', message: 'No such file' }, { 'x-request-id': 'req_nf' });
    await expect(storage.getMetadata(new AerostackClient({ apiKey: 'k' }), { key: 'x' })).rejects.toMatchObject({
      name: 'NotFoundError',
      status: 404,
      code: 'NOT_FOUND',
      requestId: 'req_nf',
    });
  });
});
