// The fetch transport on Node (undici) meets a server's idle close as the node transport does
// (transport-stale-socket.test.ts): the server here closes every connection at its second request,
// without reading or answering it. A request that may be repeated, with a body that can be sent
// again, is sent once more at once, without using one of the call's retries; a POST without a key
// and a stream are never sent twice.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APIConnectionError, multipart, type RequestContext } from '../src/node';
import { rejection } from './helpers';
import { startClosingServer, startServer, type LocalServer } from './local-server';
import { aerostack, plain } from './transports';
import { get, post, request } from '../src';

let server: LocalServer;
/** What was answered, in order: the path, its idempotency key and body. */
let seen: { path: string; key: string | undefined; body: string }[];

beforeEach(async () => {
  seen = [];
  server = await startClosingServer((req, body) => seen.push({ path: req.url ?? '', key: req.headers['idempotency-key'] as string | undefined, body }));
});
afterEach(() => server.close());

/** After a call: undici puts its connection back in the pool once the turn is over. */
const pooled = () => new Promise((resolve) => setImmediate(resolve));

function client(retries: RequestContext[]) {
  return aerostack(server, 'fetch', { hooks: { beforeRetry: (_error, ctx) => void retries.push(ctx) } });
}

describe('fetch transport on Node: a pooled connection closed before the answer', () => {
  it('sends a keyed upload again at once, the same bytes and key, without using a retry', async () => {
    const retries: RequestContext[] = [];
    const c = client(retries);
    await get(c, '/warm');
    await pooled(); // one idle pooled connection, which the server closes at its next request
    const form = multipart({ key: 'a.bin', file: { data: new Uint8Array(100_000).fill(7), filename: 'a.bin' } }, 'b0undary');
    await expect(request(c, { method: 'POST', path: '/storage/upload', rawBody: form.body, contentType: form.contentType })).resolves.toEqual({ ok: true });
    expect(retries).toEqual([]);
    expect(seen.map((s) => s.path)).toEqual(['/v1/warm', '/v1/storage/upload']);
    expect(seen[1]?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[1]?.body).toBe(await new Response(form.body).text());
  });

  it('sends a read again the same way', async () => {
    const retries: RequestContext[] = [];
    const c = client(retries);
    await get(c, '/warm');
    await pooled();
    await expect(get(c, '/again')).resolves.toEqual({ ok: true });
    expect(retries).toEqual([]);
    expect(seen.map((s) => s.path)).toEqual(['/v1/warm', '/v1/again']);
  });

  it('never sends a POST without a key twice: it fails as a connection error', async () => {
    const c = plain(server, 'fetch', { maxRetries: 2 });
    await get(c, '/warm');
    await pooled();
    const before = server.arrivals.length;
    expect(await rejection(post(c, '/chat', { q: 1 }))).toBeInstanceOf(APIConnectionError);
    expect(server.arrivals.length - before).toBe(1); // it reached the server once; whether it ran there cannot be known
  });

  it('sends a keyed streamed upload again from the bytes it kept, then the rest of the stream, without using a retry', async () => {
    const retries: RequestContext[] = [];
    const c = client(retries);
    await get(c, '/warm');
    await pooled();
    const chunks = Array.from({ length: 40 }, (_, i) => new Uint8Array(10_000).fill(i));
    const source = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const form = multipart({ key: 's.bin', file: { data: source, filename: 's.bin' } }, 'b0undary');
    expect(form.streaming).toBe(true);
    await expect(request(c, { method: 'POST', path: '/storage/upload', rawBody: form.body, contentType: form.contentType })).resolves.toEqual({ ok: true });
    expect(retries).toEqual([]);
    expect(seen.map((s) => s.path)).toEqual(['/v1/warm', '/v1/storage/upload']);
    const expected = Array.from({ length: 40 }, (_, i) => String.fromCharCode(i).repeat(10_000)).join('');
    expect(seen[1]?.body).toContain(expected); // every byte, once, in order
  });

  it('never sends a stream without a key twice, and cancels it', async () => {
    const c = plain(server, 'fetch', { maxRetries: 2 });
    await get(c, '/warm-again');
    await pooled();
    let cancelled: unknown;
    const source = new ReadableStream<Uint8Array>({ pull: (controller) => controller.enqueue(new Uint8Array(1000)), cancel: (reason) => void (cancelled = reason ?? 'cancelled') });
    const error = await rejection(request(c, { method: 'POST', path: '/chat', rawBody: source, contentType: 'application/octet-stream' }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(seen.map((s) => s.path)).toEqual(['/v1/warm-again']);
    expect(cancelled).toBeDefined();
  });

  it('says a streamed body was not sent when its connection never opened (REQUEST_NOT_SENT), as the node transport does', async () => {
    const gone = await startServer();
    await gone.close(); // its port now refuses connections
    const form = multipart({ key: 's.bin', file: { data: new Blob(['x']).stream() } }, 'b0undary');
    const error = await rejection<APIConnectionError>(request(aerostack(gone, 'fetch'), { method: 'POST', path: '/storage/upload', rawBody: form.body, contentType: form.contentType }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.code).toBe('REQUEST_NOT_SENT');
    expect(error.message).toMatch(/^Connection error: connect ECONNREFUSED .* \(the request was not sent\)$/);
  });
});
