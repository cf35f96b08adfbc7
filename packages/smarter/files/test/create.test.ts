import { InvalidRequestError, SmarterClient } from '@smarter/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { create, Files, VERSION } from '../src';
import pkg from '../package.json';
import { API, bodyBytes, boundaryOf, clientWith, concat, failure, FILE, formOf, json, KEY, rejection, scriptedFetch } from './helpers';

const enc = new TextEncoder();
const JSONL = '{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}]}\n';

/** The exact body of an upload, for the boundary `b`. */
const expectedBody = (b: string, purpose: string, filename: string, type: string, bytes: Uint8Array): Uint8Array =>
  concat(
    `--${b}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\n${purpose}\r\n`,
    `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    bytes,
    `\r\n--${b}--\r\n`,
  );

const stream = (...chunks: Uint8Array[]): ReadableStream<Uint8Array> =>
  new ReadableStream({
    start(c) {
      for (const chunk of chunks) c.enqueue(chunk);
      c.close();
    },
  });

describe('create: on the wire', () => {
  it("sends exactly the expected multipart body for the seed's tuple, and resolves to the file object", async () => {
    const fetch = scriptedFetch(json(FILE));
    const file = await create(clientWith(fetch), { file: ['input.jsonl', JSONL, 'application/jsonl'], purpose: 'fine-tune' });
    expect(file).toEqual(FILE);
    const [req] = fetch.calls;
    expect(fetch.calls).toHaveLength(1);
    expect(req!.method).toBe('POST');
    expect(req!.url).toBe(`${API}files/`);
    expect(req!.headers.authorization).toBe(`Token ${KEY}`);
    expect(req!.headers.accept).toBe('application/json');
    expect(req!.headers['idempotency-key']).toBeUndefined();
    const b = boundaryOf(req!.headers['content-type']);
    expect(await bodyBytes(req!)).toEqual(expectedBody(b, 'fine-tune', 'input.jsonl', 'application/jsonl', enc.encode(JSONL)));
    // In memory: one Blob, sent as is.
    expect(req!.init.body).toBeInstanceOf(Blob);
  });

  it.each([
    ['string', JSONL, 'blob', 'application/octet-stream'],
    ['Uint8Array', enc.encode(JSONL), 'blob', 'application/octet-stream'],
    ['ArrayBuffer', enc.encode(JSONL).buffer, 'blob', 'application/octet-stream'],
    ['Blob', new Blob([JSONL], { type: 'application/jsonl' }), 'blob', 'application/jsonl'],
    ['File', new File([JSONL], 'train.jsonl', { type: 'application/jsonl' }), 'train.jsonl', 'application/jsonl'],
    ['tuple of a File', ['renamed.jsonl', new File([JSONL], 'train.jsonl', { type: 'application/jsonl' })], 'renamed.jsonl', 'application/jsonl'],
    ['tuple with a type', ['a.jsonl', enc.encode(JSONL), 'text/plain'], 'a.jsonl', 'text/plain'],
  ] as const)('accepts a %s, parsed back by a server into the same fields', async (_, file, name, type) => {
    const fetch = scriptedFetch(json(FILE));
    await create(clientWith(fetch), { file, purpose: 'fine-tune' });
    const form = await formOf(fetch.calls[0]!);
    expect([...form.keys()]).toEqual(['purpose', 'file']);
    expect(form.get('purpose')).toBe('fine-tune');
    const part = form.get('file') as File;
    expect(part.name).toBe(name);
    expect(part.type).toBe(type);
    expect(await part.text()).toBe(JSONL);
  });

  it('streams a ReadableStream (alone or in a tuple) as the body', async () => {
    const fetch = scriptedFetch(json(FILE), json(FILE));
    const client = clientWith(fetch);
    const bytes = enc.encode(JSONL);
    await create(client, { file: stream(bytes.subarray(0, 10), bytes.subarray(10)), purpose: 'batch' });
    await create(client, { file: ['s.jsonl', stream(bytes), 'application/jsonl'], purpose: 'batch' });
    for (const req of fetch.calls) {
      expect(req.init.body).toBeInstanceOf(ReadableStream);
      expect(req.init.redirect).toBe('error');
      expect((req.init as { duplex?: string }).duplex).toBe('half');
    }
    const [a, b] = await Promise.all(fetch.calls.map(formOf));
    expect(await (a!.get('file') as File).text()).toBe(JSONL);
    expect((b!.get('file') as File).name).toBe('s.jsonl');
  });

  it('goes through the Files class, with per-call options', async () => {
    const fetch = scriptedFetch(json(FILE));
    await new Files(clientWith(fetch)).create({ file: new Blob([JSONL]), purpose: 'fine-tune' }, { headers: { 'x-trace': 't1' } });
    expect(fetch.calls[0]!.headers['x-trace']).toBe('t1');
  });

  it.each([undefined, 'v0.13', 'v0.14'] as const)('does not depend on the generation (%s): no detection call', async (generation) => {
    const fetch = scriptedFetch(json(FILE));
    await create(clientWith(fetch, { generation }), { file: 'x', purpose: 'fine-tune' });
    expect(fetch.calls.map((c) => c.url)).toEqual([`${API}files/`]);
  });

  it('exports its own version', () => {
    expect(VERSION).toBe(pkg.version);
  });

  describe('through the real fetch (nock)', () => {
    beforeAll(() => nock.disableNetConnect());
    afterEach(() => nock.cleanAll());
    afterAll(() => nock.enableNetConnect());

    it('the server receives the same multipart body and the Token header', async () => {
      let headers: Record<string, string | string[] | undefined> = {};
      let received = '';
      const scope = nock('http://localhost:9357')
        .post('/api/v1/files/', (body: string) => {
          received = body;
          return true;
        })
        .reply(function () {
          headers = this.req.headers;
          return [200, FILE];
        });
      const client = new SmarterClient({ apiKey: KEY, environment: 'local' });
      await expect(create(client, { file: ['input.jsonl', JSONL], purpose: 'fine-tune' })).resolves.toEqual(FILE);
      expect(scope.isDone()).toBe(true);
      expect(headers.authorization).toBe(`Token ${KEY}`);
      const b = boundaryOf(headers['content-type'] as string);
      expect(received).toBe(new TextDecoder().decode(expectedBody(b, 'fine-tune', 'input.jsonl', 'application/octet-stream', enc.encode(JSONL))));
    });
  });
});

describe('create: retries', () => {
  it('is not retried (a write; the platform has no idempotency keys)', async () => {
    const fetch = scriptedFetch(failure(500, 'X', 'boom'), json(FILE));
    await expect(rejection(create(clientWith(fetch), { file: JSONL, purpose: 'fine-tune' }))).resolves.toMatchObject({ status: 500 });
    expect(fetch.calls).toHaveLength(1);
  });

  it("with a caller's idempotencyKey an in-memory upload is retried, sending the same bytes and key", async () => {
    const fetch = scriptedFetch(failure(503, 'X', 'busy'), json(FILE));
    await expect(create(clientWith(fetch), { file: JSONL, purpose: 'fine-tune' }, { idempotencyKey: 'up-1' })).resolves.toEqual(FILE);
    const [first, second] = fetch.calls;
    expect(second!.headers['idempotency-key']).toBe('up-1');
    expect(first!.headers['idempotency-key']).toBe('up-1');
    expect(await bodyBytes(second!)).toEqual(await bodyBytes(first!));
  });

  it('never retries a stream upload, even with an idempotencyKey', async () => {
    const fetch = scriptedFetch(async (req) => {
      await bodyBytes(req);
      return failure(503, 'X', 'busy');
    });
    const error = await rejection(create(clientWith(fetch, { maxRetries: 3 }), { file: stream(enc.encode(JSONL)), purpose: 'fine-tune' }, { idempotencyKey: 'up-2' }));
    expect(error).toMatchObject({ status: 503 });
    expect(fetch.calls).toHaveLength(1);
  });
});

describe('create: input checks', () => {
  const used = new ReadableStream<Uint8Array>();
  void used.getReader();
  it.each([
    ['purpose', { file: JSONL, purpose: '' }, /^purpose: a non-empty string/],
    ['purpose', { file: JSONL } as unknown as Parameters<typeof create>[1], /^purpose: /],
    ['file', { file: undefined, purpose: 'fine-tune' } as unknown as Parameters<typeof create>[1], /^file: a Blob or File/],
    ['file', { file: { path: 'input.jsonl' }, purpose: 'fine-tune' } as unknown as Parameters<typeof create>[1], /^file: a Blob or File/],
    ['file[0]', { file: ['', JSONL] as const, purpose: 'fine-tune' }, /^file\[0\]: a non-empty string/],
    ['file', { file: ['a.jsonl', 42], purpose: 'fine-tune' } as unknown as Parameters<typeof create>[1], /^file: /],
  ])('rejects a bad %s before sending', async (field, params, message) => {
    const fetch = scriptedFetch();
    const error = await rejection(create(clientWith(fetch), params));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', details: { field } });
    expect((error as Error).message).toMatch(message);
    expect(fetch.calls).toHaveLength(0);
  });

  it("rejects what the core's multipart refuses (a stream already read, a line break in a type) before sending", async () => {
    const fetch = scriptedFetch();
    const client = clientWith(fetch);
    await expect(rejection(create(client, { file: used, purpose: 'fine-tune' }))).resolves.toBeInstanceOf(InvalidRequestError);
    await expect(rejection(create(client, { file: ['a', 'x', 'text/plain\r\nX-Evil: 1'], purpose: 'fine-tune' }))).resolves.toBeInstanceOf(InvalidRequestError);
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('create: a large stream is never held', () => {
  it('uploads 20 MB generated on demand, pulled from the source only as fetch reads the body', async () => {
    const CHUNK = 64 * 1024;
    const TOTAL = 20 * 1024 * 1024;
    let pulled = 0;
    let received = 0;
    let maxAhead = 0;
    let chunks = 0;
    const file = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (pulled >= TOTAL) return controller.close();
          pulled += CHUNK;
          controller.enqueue(new Uint8Array(CHUNK).fill(pulled / CHUNK));
        },
      },
      { highWaterMark: 0 },
    );
    let framing = 0;
    let firstByte = -1;
    const fetch = scriptedFetch(async (req) => {
      const b = boundaryOf(req.headers['content-type']);
      framing = expectedBody(b, 'fine-tune', 'big.jsonl', 'application/jsonl', new Uint8Array()).length;
      const reader = (req.init.body as ReadableStream<Uint8Array>).getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        received += r.value.length;
        chunks++;
        if (firstByte < 0 && received > framing) firstByte = r.value[r.value.length - 1]!;
        // The bytes taken from the source never run more than a chunk or two ahead of what was sent.
        maxAhead = Math.max(maxAhead, pulled - (received - framing));
      }
      return json(FILE);
    });
    await expect(create(clientWith(fetch), { file: ['big.jsonl', file, 'application/jsonl'], purpose: 'fine-tune' })).resolves.toEqual(FILE);
    expect(pulled).toBe(TOTAL);
    expect(received).toBe(TOTAL + framing);
    expect(chunks).toBeGreaterThanOrEqual(TOTAL / CHUNK);
    expect(firstByte).toBe(1);
    expect(maxAhead).toBeLessThanOrEqual(2 * CHUNK);
    expect(fetch.calls).toHaveLength(1);
  });
});
