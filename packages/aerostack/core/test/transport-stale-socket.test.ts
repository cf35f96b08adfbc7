// A pooled keep-alive connection the server closes as the next request arrives on it (workerd
// does this to a connection whose next request it has not read 5 s after its last answer, which
// happens under load: src/node/stale-socket.ts). The server here closes every connection at its
// second request, without reading or answering it, so the race is played the same way each time.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APIConnectionError, multipart, type RequestContext } from '../src/node';
import { rejection } from './helpers';
import { startClosingServer, startServer, type LocalServer } from './local-server';
import { aerostack, plain } from './transports';
import { get, post, request } from '../src';

let server: LocalServer;
/** What arrived, in order: the path, the client's port, its idempotency key and body. */
let seen: { path: string; port: number; key: string | undefined; body: string }[];

beforeEach(async () => {
  seen = [];
  server = await startClosingServer((req, body) =>
    seen.push({ path: req.url ?? '', port: req.socket.remotePort ?? 0, key: req.headers['idempotency-key'] as string | undefined, body }),
  );
});
afterEach(() => server.close());

/** A node-transport client that counts the call's own retries. */
function client(retries: RequestContext[]) {
  return aerostack(server, 'node', { hooks: { beforeRetry: (_error, ctx) => void retries.push(ctx) } });
}

describe('node transport: a pooled connection closed before the answer', () => {
  it('sends a keyed upload again at once on a new connection, the same bytes and key, without using a retry', async () => {
    const retries: RequestContext[] = [];
    const c = client(retries);
    await get(c, '/warm'); // leaves one pooled connection
    const form = multipart({ key: 'a.bin', file: { data: new Uint8Array([1, 2, 3, 250]), filename: 'a.bin' } }, 'b0undary');
    await expect(request(c, { method: 'POST', path: '/storage/upload', rawBody: form.body, contentType: form.contentType })).resolves.toEqual({ ok: true });

    expect(retries).toEqual([]);
    const [warm, upload] = seen;
    expect(upload?.path).toBe('/v1/storage/upload');
    expect(upload?.port).not.toBe(warm?.port); // a new connection
    expect(upload?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(upload?.body).toBe(await new Response(form.body).text()); // all of it, sent again
  });

  it('sends a read again the same way', async () => {
    const retries: RequestContext[] = [];
    const c = client(retries);
    await get(c, '/warm');
    await expect(get(c, '/again')).resolves.toEqual({ ok: true });
    expect(retries).toEqual([]);
    expect(seen.map((s) => s.path)).toEqual(['/v1/warm', '/v1/again']);
  });

  it('sends a streamed body, which cannot be sent twice, on a new connection rather than a pooled one', async () => {
    const retries: RequestContext[] = [];
    const c = client(retries);
    await get(c, '/warm');
    const stream = new Blob(['streamed bytes']).stream();
    const form = multipart({ key: 's.bin', file: { data: stream, filename: 's.bin' } }, 'b0undary');
    expect(form.streaming).toBe(true);
    await expect(request(c, { method: 'POST', path: '/storage/upload', rawBody: form.body, contentType: form.contentType })).resolves.toEqual({ ok: true });
    expect(retries).toEqual([]);
    expect(seen[1]?.port).not.toBe(seen[0]?.port);
    expect(seen[1]?.body).toContain('streamed bytes');
  });

  it('says a streamed body was not sent when its connection never opened (REQUEST_NOT_SENT)', async () => {
    const gone = await startServer();
    await gone.close(); // its port now refuses connections
    const form = multipart({ key: 's.bin', file: { data: new Blob(['x']).stream() } }, 'b0undary');
    const error = await rejection<APIConnectionError>(request(aerostack(gone, 'node'), { method: 'POST', path: '/storage/upload', rawBody: form.body, contentType: form.contentType }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.code).toBe('REQUEST_NOT_SENT');
    expect(error.message).toMatch(/^Connection error: connect ECONNREFUSED .* \(the request was not sent\)$/);
  });

  it('never sends a POST without an idempotency key twice: it fails as a connection error', async () => {
    const c = plain(server, 'node', { maxRetries: 2 });
    await get(c, '/warm');
    let arrivals = server.arrivals.length;
    const error = await rejection(post(c, '/chat', { q: 1 }));
    expect(error).toBeInstanceOf(APIConnectionError);
    arrivals = server.arrivals.length - arrivals;
    expect(arrivals).toBe(1); // it reached the server once; whether it ran there cannot be known
  });
});
