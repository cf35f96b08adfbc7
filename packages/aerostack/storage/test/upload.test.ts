import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { APIError, AuthenticationError, BadRequestError, InternalServerError, InvalidRequestError, PermissionDeniedError, RateLimitError } from '@aerostack/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Storage, upload } from '../src';
import { API, apiError, clientWith, json, scriptedFetch, type SentRequest } from './helpers';
import { bodyBytes, boundaryOf, concat } from '@aerostack-internal/test-utils/multipart';

const enc = new TextEncoder();
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x2d, 0x2d]);

/** The exact body of an upload of `key` with `type` and `bytes`, for the boundary `b`. */
const expectedBody = (b: string, key: string, type: string, filename: string, bytes: Uint8Array): Uint8Array =>
  concat(
    `--${b}\r\nContent-Disposition: form-data; name="key"\r\n\r\n${key}\r\n`,
    `--${b}\r\nContent-Disposition: form-data; name="contentType"\r\n\r\n${type}\r\n`,
    `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    bytes,
    `\r\n--${b}--\r\n`,
  );


/** The form a request carried, parsed as a server would. */
const formOf = (req: SentRequest): Promise<FormData> =>
  new Response(req.init.body, { headers: { 'content-type': req.headers['content-type']! } }).formData();

const URL_OK = { url: 'https://cdn.aerostack.dev/projects/p1/avatars/user-123.png' };

describe('upload: on the wire', () => {
  it('sends exactly the expected multipart bytes, headers and path for a small upload', async () => {
    const fetch = scriptedFetch(json(URL_OK, 200, { 'x-request-id': 'req_up' }));
    const { data, requestId } = await upload(clientWith(fetch), { key: '/avatars/user-123.png', file: PNG }).withResponse();
    expect(data).toEqual(URL_OK);
    expect(requestId).toBe('req_up');
    const [req] = fetch.calls;
    expect(req!.method).toBe('POST');
    expect(req!.url).toBe(`${API}/storage/upload`);
    expect(req!.headers['x-aerostack-key']).toBe('ac_secret_test');
    expect(req!.headers.accept).toBe('application/json');
    expect(req!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    const b = boundaryOf(req!.headers['content-type']);
    expect(await bodyBytes(req!)).toEqual(expectedBody(b, 'avatars/user-123.png', 'image/png', 'user-123.png', PNG));
    // A Blob body: sent as is, not a stream, so it may be retried.
    expect(req!.init.body).toBeInstanceOf(Blob);
  });

  describe('through the real fetch (nock)', () => {
    beforeAll(() => nock.disableNetConnect());
    afterEach(() => nock.cleanAll());
    afterAll(() => nock.enableNetConnect());

    it('the server receives the same bytes and headers', async () => {
      let headers: Record<string, string | string[] | undefined> = {};
      let received = '';
      const scope = nock('https://api.aerostack.dev')
        .post('/v1/storage/upload', (body: string) => {
          received = body;
          return true;
        })
        .reply(function () {
          headers = this.req.headers;
          return [200, URL_OK];
        });
      const client = new (await import('@aerostack/core')).AerostackClient({ apiKey: 'ac_secret_nock' });
      await expect(upload(client, { key: 'notes/a.txt', file: 'héllo\n' })).resolves.toEqual(URL_OK);
      expect(scope.isDone()).toBe(true);
      expect(headers['x-aerostack-key']).toBe('ac_secret_nock');
      const b = boundaryOf(headers['content-type'] as string);
      expect(received).toBe(new TextDecoder().decode(expectedBody(b, 'notes/a.txt', 'text/plain', 'a.txt', enc.encode('héllo\n'))));
    });
  });

  it.each([
    ['Uint8Array', PNG],
    ['ArrayBuffer', PNG.slice().buffer],
    ['Blob', new Blob([PNG])],
    ['File', new File([PNG], 'ignored-name.bin')],
    ['string', 'plain text ✓'],
    ['ReadableStream', 'stream'],
  ] as const)('accepts a %s file, parsed back into the same fields', async (_, source) => {
    const fetch = scriptedFetch(json(URL_OK));
    const bytes = typeof source === 'string' && source !== 'stream' ? enc.encode(source) : PNG;
    const file =
      source === 'stream'
        ? new ReadableStream<Uint8Array>({
            start(c) {
              c.enqueue(PNG.subarray(0, 5));
              c.enqueue(PNG.subarray(5));
              c.close();
            },
          })
        : source;
    await upload(clientWith(fetch), { key: 'dir/sub/data.bin', file });
    const form = await formOf(fetch.calls[0]!);
    expect(form.get('key')).toBe('dir/sub/data.bin');
    expect(form.get('contentType')).toBe('application/octet-stream');
    const part = form.get('file') as File;
    expect(part.name).toBe('data.bin');
    expect(part.type).toBe('application/octet-stream');
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(bytes);
    expect(fetch.calls[0]!.init.body instanceof ReadableStream).toBe(source === 'stream');
  });

  it.each([
    ['a.png', 'image/png'],
    ['a.JPG', 'image/jpeg'],
    ['a.jpeg', 'image/jpeg'],
    ['a.gif', 'image/gif'],
    ['a.webp', 'image/webp'],
    ['icons/a.svg', 'image/svg+xml'],
    ['a.pdf', 'application/pdf'],
    ['a.json', 'application/json'],
    ['a.txt', 'text/plain'],
    ['a.csv', 'text/csv'],
    ['a.html', 'text/html'],
    ['a.css', 'text/css'],
    ['a.js', 'text/javascript'],
    ['a.mp4', 'video/mp4'],
    ['a.mp3', 'audio/mpeg'],
    ['a.wav', 'audio/wav'],
    ['a.zip', 'application/zip'],
    ['backup.tar.gz', 'application/gzip'],
    ['a.unknownext', 'application/octet-stream'],
    ['noext', 'application/octet-stream'],
    ['dir.png/noext', 'application/octet-stream'],
    ['a.constructor', 'application/octet-stream'],
    ['a.toString', 'application/octet-stream'],
  ])('infers the content type of %s as %s', async (key, type) => {
    const fetch = scriptedFetch(json(URL_OK));
    await upload(clientWith(fetch), { key, file: 'x' });
    const form = await formOf(fetch.calls[0]!);
    expect(form.get('contentType')).toBe(type);
    expect((form.get('file') as File).type).toBe(type);
  });

  it('prefers an explicit contentType, then the extension, then the Blob type', async () => {
    const fetch = scriptedFetch(json(URL_OK), json(URL_OK), json(URL_OK));
    const client = clientWith(fetch);
    await upload(client, { key: 'a.png', file: new Blob(['x'], { type: 'image/gif' }), contentType: 'image/avif' });
    await upload(client, { key: 'a.png', file: new Blob(['x'], { type: 'image/gif' }) });
    await upload(client, { key: 'a.weird', file: new Blob(['x'], { type: 'model/gltf+json' }) });
    const types = await Promise.all(fetch.calls.map(async (req) => (await formOf(req)).get('contentType')));
    expect(types).toEqual(['image/avif', 'image/png', 'model/gltf+json']);
  });

  it('goes through the Storage class and passes per-call options', async () => {
    const fetch = scriptedFetch(json(URL_OK));
    await new Storage(clientWith(fetch)).upload({ key: 'k.txt', file: 'x' }, { headers: { 'x-trace': 't1' }, idempotencyKey: 'idem-1' });
    expect(fetch.calls[0]!.url).toBe(`${API}/storage/upload`);
    expect(fetch.calls[0]!.headers['x-trace']).toBe('t1');
    expect(fetch.calls[0]!.headers['idempotency-key']).toBe('idem-1');
  });
});

describe('upload: retries', () => {
  it('retries an in-memory upload after a 503, sending the same body and idempotency key', async () => {
    const fetch = scriptedFetch(apiError(503, 'INTERNAL_ERROR', 'busy'), json(URL_OK));
    await expect(upload(clientWith(fetch), { key: 'a.png', file: PNG })).resolves.toEqual(URL_OK);
    expect(fetch.calls).toHaveLength(2);
    const [first, second] = fetch.calls;
    expect(second!.headers['idempotency-key']).toBe(first!.headers['idempotency-key']);
    expect(await bodyBytes(second!)).toEqual(await bodyBytes(first!));
  });

  it('never retries a streamed upload: a 503 is reported as an error after one attempt', async () => {
    const fetch = scriptedFetch(async (req) => {
      await bodyBytes(req); // the server reads the upload, then fails
      return apiError(503, 'INTERNAL_ERROR', 'storage backend unavailable');
    });
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(PNG);
        c.close();
      },
    });
    const error = await upload(clientWith(fetch, { maxRetries: 3 }), { key: 'big.bin', file: stream }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 503, code: 'INTERNAL_ERROR', requestId: 'req_503' });
    expect(fetch.calls).toHaveLength(1);
    // Sent so that fetch keeps no replay copy of it (Node 20), as a half-duplex stream.
    expect(fetch.calls[0]!.init.redirect).toBe('error');
    expect((fetch.calls[0]!.init as { duplex?: string }).duplex).toBe('half');
  });
});

describe('upload: errors', () => {
  it.each([
    [400, 'VALIDATION_ERROR', 'key is required', BadRequestError],
    [401, 'AUTH_INVALID_KEY', 'Invalid or missing API key', AuthenticationError],
    [403, 'FORBIDDEN', 'A secret key is needed to upload', PermissionDeniedError],
    [429, 'RATE_LIMIT_EXCEEDED', 'Slow down', RateLimitError],
    [500, 'INTERNAL_ERROR', 'Internal server error', InternalServerError],
  ] as const)('%i is a %s with code, message, details and request id', async (status, code, message, ErrorClass) => {
    const details = { field: 'key' };
    const fetch = scriptedFetch(apiError(status, code, message, details));
    const error = await upload(clientWith(fetch, { maxRetries: 0 }), { key: 'a.txt', file: 'x' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, code, details, requestId: `req_${status}`, message: `${status} ${code}: ${message}` });
  });

  it('415 (the body was not multipart) is an APIError with the status', async () => {
    const fetch = scriptedFetch(apiError(415, 'VALIDATION_ERROR', 'Expected multipart/form-data'));
    const error = await upload(clientWith(fetch), { key: 'a.txt', file: 'x' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 415, code: 'VALIDATION_ERROR', requestId: 'req_415', message: '415 VALIDATION_ERROR: Expected multipart/form-data' });
    expect(fetch.calls).toHaveLength(1);
  });

  it('rejects (never throws) a missing or unsupported file before sending, with code VALIDATION_ERROR naming the field', async () => {
    const fetch = scriptedFetch();
    const client = clientWith(fetch);
    const bad = (params: unknown) => upload(client, params as never);
    // Was: thrown synchronously, and `file: 123` without a code.
    for (const file of [undefined, 123, { a: 1 }]) {
      await expect(bad({ key: 'a.txt', file })).rejects.toMatchObject({ name: 'InvalidRequestError', code: 'VALIDATION_ERROR', details: { field: 'file' } });
    }
    await expect(bad({ key: 'a.txt', file: { a: 1 } })).rejects.toThrow(/"file" must be/);
    await expect(bad({ key: 'a.txt', file: 'x', contentType: 'text/plain\r\nX-Evil: 1' })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(bad({ key: '../a.txt', file: 'x' })).rejects.toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'key' } });
    await expect(bad(undefined)).rejects.toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'key' } });
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('upload: a large stream is never held in memory', () => {
  it('streams 50 MB generated lazily, read by fetch chunk by chunk', async () => {
    // A full GC between samples makes the resident size track what is really retained.
    setFlagsFromString('--expose_gc');
    const gc = runInNewContext('gc') as () => void;
    const CHUNK = 64 * 1024;

    let framing = 0;
    const run = async (total: number): Promise<{ received: number; pulled: number; growth: number }> => {
      let pulled = 0;
      const file = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            if (pulled >= total) return controller.close();
            pulled += CHUNK;
            controller.enqueue(new Uint8Array(CHUNK).fill(pulled & 0xff));
          },
        },
        { highWaterMark: 0 },
      );
      let base = 0;
      let peak = 0;
      let received = 0;
      const fetch = scriptedFetch(async (req) => {
        framing = expectedBody(boundaryOf(req.headers['content-type']), 'videos/big.mp4', 'video/mp4', 'big.mp4', new Uint8Array()).length;
        gc();
        base = peak = process.memoryUsage().rss;
        const reader = (req.init.body as ReadableStream<Uint8Array>).getReader();
        let n = 0;
        for (let r = await reader.read(); !r.done; r = await reader.read()) {
          received += r.value.length;
          if (++n % 64 === 0) {
            gc();
            peak = Math.max(peak, process.memoryUsage().rss);
          }
        }
        return json(URL_OK);
      });
      await expect(upload(clientWith(fetch), { key: 'videos/big.mp4', file })).resolves.toEqual(URL_OK);
      expect(fetch.calls).toHaveLength(1);
      return { received, pulled, growth: peak - base };
    };

    await run(4 * 1024 * 1024); // warm up
    const total = 50 * 1024 * 1024;
    const { received, pulled, growth } = await run(total);
    expect(pulled).toBe(total);
    // Every byte of the file, plus exactly the multipart framing around it.
    expect(received).toBe(total + framing);
    expect(growth).toBeLessThan(20 * 1024 * 1024);
  });
});
