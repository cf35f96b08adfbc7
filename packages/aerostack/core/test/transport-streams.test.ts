// Streams over real sockets, through both transports: server-sent events arrive as they are
// sent and `break` hangs up; uploads go out as they are read (never held in memory), with their
// exact bytes.

import { createHash } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createGzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { APIConnectionTimeoutError, multipart, streamRequest } from '../src/node';
import { closed, delay, sendJSON, type Handler } from './local-server';
import { aerostack, TRANSPORTS, useServer } from './transports';
import { request } from '../src';

const local = useServer();

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

// A collection forced now and then while generating, so that RSS measures what a transport keeps,
// not garbage waiting for the next collection.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** `total` bytes made as they are pulled, in fresh 64 KiB chunks (nothing kept). */
function generated(total: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent >= total) return controller.close();
        const size = Math.min(64 * 1024, total - sent);
        controller.enqueue(new Uint8Array(size).fill(sent % 251));
        sent += size;
        if (sent % (4 * 1024 * 1024) === 0) collectGarbage();
      },
    },
    { highWaterMark: 0 },
  );
}

/** Answers with the size, hash and framing of what it received (hashed as it arrives, not kept). */
const echoDigest: Handler = async (req, res) => {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of req) {
    hash.update(chunk as Uint8Array);
    bytes += (chunk as Uint8Array).byteLength;
  }
  const headers = req.headers;
  sendJSON(res, { bytes, sha256: hash.digest('hex'), length: headers['content-length'] ?? null, chunked: headers['transfer-encoding'] === 'chunked', type: headers['content-type'] });
};

interface Digest { bytes: number; sha256: string; length: string | null; chunked: boolean; type: string }

describe.each(TRANSPORTS)('%s transport', (transport) => {
  const client = (options = {}) => aerostack(local.server, transport, options);

  it.each(['identity', 'gzip'])('delivers server-sent events as they are sent (%s)', async (encoding) => {
    let release!: () => void;
    const firstEventSeen = new Promise<void>((resolve) => (release = resolve));
    let waitedInVain = false;
    local.server.handle(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream', ...(encoding === 'gzip' && { 'content-encoding': 'gzip' }) });
      const out = encoding === 'gzip' ? createGzip() : undefined;
      out?.pipe(res);
      const send = (text: string) => (out ? (out.write(text), out.flush()) : res.write(text));
      send('data: {"n":1}\n\n');
      // The rest is sent only once the client has the first event: a buffering transport never gets it.
      await Promise.race([firstEventSeen, new Promise((resolve) => setTimeout(resolve, 3000)).then(() => (waitedInVain = true))]);
      send('data: {"n":2}\n\ndata: [DONE]\n\n');
      if (out) out.end();
      else res.end();
    });
    const stream = await streamRequest<{ n: number }>(client(), { method: 'POST', path: '/ai/chat', body: { stream: true } });
    const seen: number[] = [];
    for await (const event of stream) {
      seen.push(event.n);
      release();
    }
    expect(seen).toEqual([1, 2]);
    expect(waitedInVain).toBe(false);
  });

  it('hangs up when the reader breaks out of a stream', async () => {
    let hungUp: Promise<void> | undefined;
    local.server.handle((req, res) => {
      hungUp = closed(req);
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      let n = 0;
      const timer = setInterval(() => res.write(`data: {"n":${++n}}\n\n`), 10);
      res.on('close', () => clearInterval(timer));
    });
    const stream = await streamRequest<{ n: number }>(client(), { method: 'POST', path: '/ai/chat', body: {} });
    const seen: number[] = [];
    for await (const event of stream) if (seen.push(event.n) === 2) break;
    expect(seen).toEqual([1, 2]);
    await hungUp; // the server saw the connection close
  });

  it.each([
    ['the call’s timeout', { timeout: 300 }, undefined],
    ['idleTimeout, which wins', { timeout: 10_000 }, { idleTimeout: 300 }],
  ])('fails a stream that goes quiet for %s, typed, and hangs up', async (_, callOptions, streamOptions) => {
    let hungUp: Promise<void> | undefined;
    local.server.handle((req, res) => {
      hungUp = closed(req);
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {"n":1}\n\n'); // and then nothing, with the connection left open
    });
    const stream = await streamRequest<{ n: number }>(client(), { method: 'POST', path: '/ai/chat', body: {} }, callOptions, streamOptions);
    const seen: number[] = [];
    // No bound on how long it took (a loaded machine is slow): a stall timer that never fired would
    // hang here until the test's time limit, and the message says which timer ended it.
    const error = await (async () => {
      for await (const event of stream) seen.push(event.n);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([1]);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toBe('Stream stalled: no data for 300 ms');
    await hungUp;
  });

  it('keeps a slow stream whose server sends keep-alive comments', async () => {
    local.server.handle(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {"n":1}\n\n');
      for (let i = 0; i < 8; i++) {
        await delay(80);
        res.write(': ping\n\n');
      }
      res.end('data: {"n":2}\n\ndata: [DONE]\n\n');
    });
    const stream = await streamRequest<{ n: number }>(client(), { method: 'POST', path: '/ai/chat', body: {} }, { timeout: 500 });
    const seen: number[] = [];
    for await (const event of stream) seen.push(event.n);
    expect(seen).toEqual([1, 2]);
  });

  it('streams a 50 MB upload as it is generated, never holding it in memory', async () => {
    local.server.handle(echoDigest);
    const total = 50 * 1024 * 1024;
    collectGarbage();
    const start = process.memoryUsage().rss;
    let peak = start;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      const digest = await request<Digest>(client(), { method: 'PUT', path: '/storage/put', rawBody: generated(total), contentType: 'application/octet-stream' });
      expect(digest).toMatchObject({ bytes: total, length: null, chunked: true });
    } finally {
      clearInterval(sampler);
    }
    console.log(`${transport}: RSS grew ${((peak - start) / 2 ** 20).toFixed(1)} MB for a 50 MB upload`);
    expect(peak - start).toBeLessThan(40 * 1024 * 1024);
  });

  it('sends a Blob with its content-length', async () => {
    local.server.handle(echoDigest);
    const bytes = new Uint8Array(300_000).map((_, i) => i % 256);
    const digest = await request<Digest>(client(), { method: 'PUT', path: '/storage/put', rawBody: new Blob([bytes]), contentType: 'application/octet-stream' });
    expect(digest).toEqual({ bytes: bytes.byteLength, sha256: sha256(bytes), length: String(bytes.byteLength), chunked: false, type: 'application/octet-stream' });
  });

  it('sends a multipart body byte for byte, in memory (a Blob) or streamed', async () => {
    local.server.handle(echoDigest);
    const file = new Uint8Array(200_000).map((_, i) => (i * 7) % 256);
    const fields = (data: Blob | ReadableStream<Uint8Array>) => ({ key: 'reports/a.bin', note: 'first', file: { data, filename: 'a.bin', contentType: 'application/octet-stream' } });
    const expected = new Uint8Array(await (multipart(fields(new Blob([file])), 'BOUNDARY').body as Blob).arrayBuffer());
    for (const data of [new Blob([file]), new Blob([file]).stream()]) {
      const form = multipart(fields(data), 'BOUNDARY');
      const digest = await request<Digest>(client(), { method: 'POST', path: '/storage/upload', rawBody: form.body, contentType: form.contentType });
      expect(digest).toEqual({ bytes: expected.byteLength, sha256: sha256(expected), length: form.streaming ? null : String(expected.byteLength), chunked: form.streaming, type: 'multipart/form-data; boundary=BOUNDARY' });
    }
  });
});

describe('node transport: the end of a stream after [DONE]', () => {
  const client = () => aerostack(local.server, 'node');
  const EVENTS = 'data: {"n":1}\n\ndata: [DONE]\n\n';
  const read = async () => {
    const seen: number[] = [];
    for await (const event of await streamRequest<{ n: number }>(client(), { method: 'POST', path: '/ai/chat', body: {} })) seen.push(event.n);
    return seen;
  };

  it('reads on to the end of a body that closes just after [DONE], so the next call reuses the connection', async () => {
    local.server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' }).write(EVENTS);
      setTimeout(() => res.end(), 20); // as a proxy relaying an upstream ends it
    });
    const before = local.server.arrivals.length;
    for (let i = 0; i < 3; i++) {
      expect(await read()).toEqual([1]);
      await delay(60); // the end arrives; the connection goes back to the pool
    }
    const ports = local.server.arrivals.slice(before).map((a) => a.port);
    expect(ports).toHaveLength(3);
    expect(new Set(ports).size).toBe(1);
  });

  it('hangs up on a body still open a second after [DONE]', async () => {
    let hungUp: Promise<void> | undefined;
    local.server.handle((req, res) => {
      hungUp = closed(req);
      res.writeHead(200, { 'content-type': 'text/event-stream' }).write(EVENTS); // and never ends
    });
    expect(await read()).toEqual([1]);
    const iterationEnded = Date.now();
    await hungUp;
    expect(Date.now() - iterationEnded).toBeGreaterThanOrEqual(900);
  });
});
