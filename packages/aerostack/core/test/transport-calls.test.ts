// JSON calls over real sockets, through both transports: the same results, errors, retries and
// refusals either way.

import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '../src/node';
import { rejection } from './helpers';
import { delay, readBody, sendJSON, startServer } from './local-server';
import { aerostack, KEY, plain, TRANSPORTS, useServer } from './transports';
import { get, post, request } from '../src';

const local = useServer();

describe.each(TRANSPORTS)('%s transport', (transport) => {
  const client = (options = {}) => aerostack(local.server, transport, options);

  it('sends a JSON call and parses the answer', async () => {
    let sent: unknown;
    local.server.handle(async (req, res) => {
      sent = JSON.parse(new TextDecoder().decode(await readBody(req)));
      sendJSON(res, { value: 'hello', exists: true }, 200, { 'x-request-id': 'req_1' });
    });
    let cloneURL: string | undefined;
    const hooks = { afterResponse: (r: Response) => void (cloneURL = r.clone().url) };
    const { data, requestId, response } = await post(client({ hooks }), '/cache/get', { key: 'greeting' }).withResponse();
    expect(cloneURL).toBe(`${local.server.url}/v1/cache/get`);
    expect(data).toEqual({ value: 'hello', exists: true });
    expect(requestId).toBe('req_1');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.url).toBe(`${local.server.url}/v1/cache/get`);
    expect(response).toBeInstanceOf(Response);
    // The core read the body, as with fetch: a second read is refused.
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
    expect(sent).toEqual({ key: 'greeting' });
    const { method, url, headers } = local.server.arrivals.at(-1)!;
    expect([method, url]).toEqual(['POST', '/v1/cache/get']);
    expect(headers).toMatchObject({ 'x-aerostack-key': KEY, 'content-type': 'application/json', accept: 'application/json', 'accept-encoding': 'gzip, deflate', 'x-retry-count': '0' });
  });

  it('answers a 204 with undefined, and the connection serves the next call', async () => {
    local.server.handle((_req, res) => res.writeHead(204).end());
    await expect(request(client(), { method: 'DELETE', path: '/cache/a' })).resolves.toBeUndefined();
    await expect(request(client(), { method: 'DELETE', path: '/cache/b' })).resolves.toBeUndefined();
  });

  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
  ])('turns a %i into its typed error', async (status, type) => {
    local.server.handle((_req, res) => sendJSON(res, { code: 'SOME_CODE', message: 'It went wrong' }, status, { 'x-request-id': 'req_e' }));
    const error = await rejection<APIError>(post(client({ maxRetries: 0 }), '/cache/get', { key: 'a' }));
    expect(error).toBeInstanceOf(type);
    expect(error.message).toBe(`${status} SOME_CODE: It went wrong`);
    expect([error.status, error.code, error.requestId]).toEqual([status, 'SOME_CODE', 'req_e']);
  });

  it('waits as long as Retry-After says, then retries', async () => {
    let calls = 0;
    local.server.handle((_req, res) => (calls++ === 0 ? sendJSON(res, { message: 'slow down' }, 429, { 'retry-after': '1' }) : sendJSON(res, { ok: true })));
    const started = Date.now();
    await expect(get(client(), '/queue/stats')).resolves.toEqual({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(local.server.arrivals.slice(-2).map((a) => a.headers['x-retry-count'])).toEqual(['0', '1']);
  });

  it('backs off between retries of a failing status', async () => {
    let calls = 0;
    local.server.handle((_req, res) => (calls++ < 2 ? sendJSON(res, { message: 'busy' }, 503) : sendJSON(res, { ok: true })));
    const started = Date.now();
    await expect(get(client({ retry: { initialDelay: 60, maxDelay: 1000 } }), '/queue/stats')).resolves.toEqual({ ok: true });
    // 60 ms, then 120 ms, each less up to 25% jitter.
    expect(Date.now() - started).toBeGreaterThanOrEqual(130);
    expect(calls).toBe(3);
  });

  it('retries a POST only when it carries an idempotency key', async () => {
    local.server.handle((_req, res) => sendJSON(res, { message: 'busy' }, 503));
    const before = local.server.arrivals.length;
    await rejection(post(plain(local.server, transport, { maxRetries: 1 }), '/chat', { q: 1 }));
    expect(local.server.arrivals.length - before).toBe(1);

    await rejection(post(plain(local.server, transport, { maxRetries: 1 }), '/chat', { q: 1 }, { idempotencyKey: 'key-1' }));
    // The Aerostack client adds a key to every POST itself; the same key on every attempt.
    await rejection(post(client({ maxRetries: 1 }), '/queue/enqueue', { type: 'a' }));
    const keys = local.server.arrivals.slice(before + 1).map((a) => a.headers['idempotency-key']);
    expect(keys.slice(0, 2)).toEqual(['key-1', 'key-1']);
    expect(keys[2]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[3]).toBe(keys[2]);
  });

  it('refuses a 302, naming its location, and never sends the key to its target', async () => {
    const elsewhere = await startServer();
    try {
      local.server.handle((_req, res) => res.writeHead(302, { location: `${elsewhere.url}/steal` }).end());
      const error = await rejection<APIError>(post(client(), '/cache/get', { key: 'a' }));
      expect(error).toBeInstanceOf(APIError);
      expect(error).not.toBeInstanceOf(InternalServerError);
      expect(error.status).toBe(302);
      expect(error.message).toContain(`redirect to ${elsewhere.url}/steal not followed`);

      // A streamed body fails on a redirect (fetch's `redirect: 'error'`): a connection error, not retried.
      const body = new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(new Uint8Array(10)), c.close()) });
      const streamed = await rejection(request(client(), { method: 'PUT', path: '/storage/put', rawBody: body }));
      expect(streamed).toBeInstanceOf(APIConnectionError);
      expect(elsewhere.arrivals).toEqual([]);
    } finally {
      await elsewhere.close();
    }
  });

  it.each([
    ['gzip', gzipSync],
    ['x-gzip', gzipSync],
    ['deflate', deflateSync],
    ['deflate', deflateRawSync], // raw deflate, as some servers send it
    ['br', brotliCompressSync],
    ['gzip, br', (b: Uint8Array) => brotliCompressSync(gzipSync(b))],
  ] as const)('decodes a %s body', async (encoding, compress) => {
    const body = { value: 'x'.repeat(5000), exists: true };
    local.server.handle((_req, res) => res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding }).end(compress(Buffer.from(JSON.stringify(body)))));
    await expect(post(client(), '/cache/get', { key: 'a' })).resolves.toEqual(body);
  });

  it('reads a compressed error body', async () => {
    local.server.handle((_req, res) => res.writeHead(404, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync(JSON.stringify({ code: 'NOT_FOUND', message: 'Key not found' }))));
    const error = await rejection<APIError>(post(client(), '/cache/get', { key: 'a' }));
    expect(error.message).toBe('404 NOT_FOUND: Key not found');
  });

  it('turns a dropped connection into an APIConnectionError, and retries a read', async () => {
    let calls = 0;
    local.server.handle((req, res) => (calls++ === 0 ? req.socket.destroy() : sendJSON(res, { ok: true })));
    await expect(get(client(), '/queue/stats')).resolves.toEqual({ ok: true });
    expect(calls).toBe(2);

    local.server.handle((req) => req.socket.destroy());
    const before = local.server.arrivals.length;
    const error = await rejection(post(plain(local.server, transport, { maxRetries: 2 }), '/chat', {}));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(local.server.arrivals.length - before).toBe(1); // a POST without a key: never sent twice
  });

  it('treats a connection cut mid-body like a dropped one', async () => {
    let calls = 0;
    local.server.handle(async (req, res) => {
      if (calls++ > 0) return sendJSON(res, { ok: true });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' }).write('{"ok":');
      await delay(20);
      req.socket.destroy();
    });
    await expect(get(client(), '/queue/stats')).resolves.toEqual({ ok: true });
    expect(calls).toBe(2);
  });

  it.each([['with', { 'content-length': '100' }], ['without', {}]])('words a body cut %s a Content-Length as fetch does ("terminated")', async (_, length) => {
    local.server.handle(async (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', ...length }).write('{"ok":');
      await delay(20);
      req.socket.destroy();
    });
    const error = await rejection(get(client({ maxRetries: 0 }), '/queue/stats'));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toBe('Connection error: terminated');
  });

  it('reports a refused connection as an APIConnectionError', async () => {
    const gone = await startServer();
    await gone.close();
    const error = await rejection(get(aerostack(gone, transport, { maxRetries: 0 }), '/x'));
    expect(error).toBeInstanceOf(APIConnectionError);
  });

  it('keeps connections alive: calls in a row reuse them (node: one socket)', async () => {
    const fresh = await startServer(); // no idle connection to it yet
    try {
      fresh.handle((_req, res) => sendJSON(res, { ok: true }));
      for (const path of ['/a', '/b', '/c']) await get(aerostack(fresh, transport), path);
      const sockets = new Set(fresh.arrivals.map((a) => a.port)).size;
      // undici opens a second connection while the first is being released, then alternates.
      expect(sockets).toBe(transport === 'node' ? 1 : 2);
    } finally {
      await fresh.close();
    }
  });
});
