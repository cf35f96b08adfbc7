import { AerostackClient, NotFoundError, APIUserAbortError } from '@aerostack/core';
import { describe, expect, it, vi } from 'vitest';
import { get, Storage } from '../src';
import { API, apiError, clientWith, scriptedFetch, sentJSON, STORAGE_ERRORS } from './helpers';

const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);

const file = (body: BodyInit | null, headers: Record<string, string> = {}): Response =>
  new Response(body, { status: 200, headers: { 'x-request-id': 'req_get', ...headers } });

describe('get: on the wire', () => {
  it('POSTs the key as JSON to /storage/get, asking for bytes', async () => {
    const fetch = scriptedFetch(file(bytes, { 'content-type': 'image/png', 'content-length': '6', etag: '"abc"' }));
    const { data, requestId } = await get(clientWith(fetch), { key: '/avatars/1.png' }).withResponse();
    const [req] = fetch.calls;
    expect(req!.method).toBe('POST');
    expect(req!.url).toBe(`${API}/storage/get`);
    expect(req!.headers['x-aerostack-key']).toBe('ac_secret_test');
    expect(req!.headers['content-type']).toBe('application/json');
    expect(req!.headers.accept).toBe('application/octet-stream, application/json');
    expect(sentJSON(req)).toEqual({ key: 'avatars/1.png' });
    expect(requestId).toBe('req_get');
    // Unquoted, as getMetadata and list give it (it came as the header's `"abc"`).
    expect(data).toMatchObject({ contentType: 'image/png', size: 6, etag: 'abc' });
    expect(data.response.status).toBe(200);
    expect(await data.bytes()).toEqual(bytes);
  });

  it('gives text, json and blob access, and defaults for missing headers', async () => {
    const fetch = scriptedFetch(file('héllo ✓'), file('{"a":[1,2]}', { 'content-type': 'application/json' }), file(bytes, { 'content-type': 'image/png' }));
    const client = clientWith(fetch);
    const text = await get(client, { key: 'a.txt' });
    expect(text.contentType).toBe('text/plain;charset=UTF-8'); // what Response sets for a string body
    expect(await text.text()).toBe('héllo ✓');
    const doc = await get(client, { key: 'a.json' });
    expect(await doc.json<{ a: number[] }>()).toEqual({ a: [1, 2] });
    const image = await get(client, { key: 'a.png' });
    const blob = await image.blob();
    expect(blob.type).toBe('image/png');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);

    const bare = await get(clientWith(scriptedFetch(new Response(new Uint8Array([1])))), { key: 'x' });
    expect(bare).toMatchObject({ contentType: 'application/octet-stream', size: undefined, etag: undefined });
  });

  it('has no body for an empty object', async () => {
    const empty = await get(clientWith(scriptedFetch(file(null))), { key: 'empty' });
    expect(empty.body).toBeNull();
    expect(await empty.bytes()).toEqual(new Uint8Array());
  });

  it('goes through the Storage class', async () => {
    const fetch = scriptedFetch(file('x'));
    const obj = await new Storage(clientWith(fetch)).get({ key: 'k' }, { headers: { accept: 'application/octet-stream' } });
    expect(await obj.text()).toBe('x');
    expect(fetch.calls[0]!.headers.accept).toBe('application/octet-stream');
  });
});

describe('get: streams without buffering', () => {
  it('hands out a large body chunk by chunk, pulled only as it is read', async () => {
    const CHUNK = 64 * 1024;
    const COUNT = 320; // 20 MiB
    let pulled = 0;
    const cancel = vi.fn();
    const source = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (pulled === COUNT) return controller.close();
          controller.enqueue(new Uint8Array(CHUNK).fill(pulled++ & 0xff));
        },
        cancel,
      },
      { highWaterMark: 0 },
    );
    const fetch = scriptedFetch(file(source, { 'content-type': 'video/mp4', 'content-length': String(CHUNK * COUNT) }));
    const obj = await get(clientWith(fetch), { key: 'big.mp4' });
    expect(obj.size).toBe(CHUNK * COUNT);
    // Resolved with the headers: the body has not been read.
    expect(pulled).toBeLessThanOrEqual(1);

    const reader = obj.body!.getReader();
    let received = 0;
    let chunks = 0;
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      expect(r.value[0]).toBe(chunks & 0xff);
      received += r.value.length;
      chunks++;
      // Never more than a chunk or two ahead of the reader.
      expect(pulled - chunks).toBeLessThanOrEqual(2);
    }
    expect(received).toBe(CHUNK * COUNT);
    expect(chunks).toBe(COUNT);
  });

  it('cancelling the body cancels the download', async () => {
    const cancel = vi.fn();
    const source = new ReadableStream<Uint8Array>({ pull: (c) => c.enqueue(new Uint8Array(1024)), cancel }, { highWaterMark: 0 });
    const obj = await get(clientWith(scriptedFetch(file(source))), { key: 'big' });
    const reader = obj.body!.getReader();
    await reader.read();
    await reader.cancel('enough');
    expect(cancel).toHaveBeenCalledWith('enough');
  });

  it("the caller's signal still aborts the body after the headers came", async () => {
    const controller = new AbortController();
    const fetch = scriptedFetch((req) => {
      // As fetch does: the request's signal errors the response body.
      const signal = req.init.signal!;
      const body = new ReadableStream<Uint8Array>(
        {
          start: (c) => signal.addEventListener('abort', () => c.error(new DOMException('aborted', 'AbortError'))),
          pull: (c) => c.enqueue(new Uint8Array(8)),
        },
        { highWaterMark: 0 },
      );
      return file(body);
    });
    const obj = await get(clientWith(fetch), { key: 'big' }, { signal: controller.signal });
    const reader = obj.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toThrow();
  });
});

describe('get: errors', () => {
  it('404 is a NotFoundError with code, message, details and request id, never retried', async () => {
    const fetch = scriptedFetch(apiError(404, 'NOT_FOUND', 'File not found', { key: 'nope.png' }));
    const error = await get(clientWith(fetch), { key: 'nope.png' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND', message: '404 NOT_FOUND: File not found', details: { key: 'nope.png' }, requestId: 'req_404' });
    expect(fetch.calls).toHaveLength(1);
  });

  it.each(STORAGE_ERRORS)('%i is a %s', async (status, code, ErrorClass) => {
    const fetch = scriptedFetch(apiError(status, code, 'failed', { why: 'test' }));
    const error = await get(clientWith(fetch, { maxRetries: 0 }), { key: 'a' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, code, details: { why: 'test' }, requestId: `req_${status}` });
  });

  it('retries a 503 (a read sent as POST, so without an idempotency key) and then streams', async () => {
    const fetch = scriptedFetch(apiError(503, 'INTERNAL_ERROR', 'busy'), file('ok'));
    const obj = await get(clientWith(fetch), { key: 'a' });
    expect(await obj.text()).toBe('ok');
    expect(fetch.calls).toHaveLength(2);
    expect(fetch.calls.map((c) => c.headers['idempotency-key'])).toEqual([undefined, undefined]);
  });

  it('an abort before the response is an APIUserAbortError', async () => {
    const controller = new AbortController();
    controller.abort();
    const client = new AerostackClient({ apiKey: 'k', fetch: scriptedFetch(file('x')) });
    await expect(get(client, { key: 'a' }, { signal: controller.signal })).rejects.toBeInstanceOf(APIUserAbortError);
  });
});
