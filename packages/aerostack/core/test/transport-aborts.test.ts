// Timeouts and aborts over real sockets, through both transports: whenever they strike (before
// the response, mid-body, mid-stream) the same errors, and the connection is let go.

import { describe, expect, it } from 'vitest';
import { APIConnectionTimeoutError, APIUserAbortError, streamRequest } from '../src/node';
import { rejection } from './helpers';
import { closed, delay } from './local-server';
import { aerostack, TRANSPORTS, useServer } from './transports';
import { get } from '../src';

const local = useServer();

describe.each(TRANSPORTS)('%s transport', (transport) => {
  const client = (options = {}) => aerostack(local.server, transport, { maxRetries: 0, ...options });

  it('times out an attempt that gets no response', async () => {
    let hungUp: Promise<void> | undefined;
    local.server.handle((req) => (hungUp = closed(req))); // never answers
    const error = await rejection(get(client({ timeout: 150 }), '/queue/stats'));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toBe('Request timed out after 150 ms');
    await hungUp;
  });

  it('takes a timeout past what timers hold (Infinity) as none, for the call and for a stream', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      local.server.handle(async (req, res) => {
        await delay(60);
        if (req.url?.endsWith('/stream')) {
          res.writeHead(200, { 'content-type': 'text/event-stream' }).write('data: {"n":1}\n\n');
          await delay(60);
          return void res.end('data: {"n":2}\n\ndata: [DONE]\n\n');
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
      for (const timeout of [Infinity, 2 ** 31]) {
        expect(await get(client({ timeout }), '/queue/stats')).toEqual({ ok: true });
        const seen: number[] = [];
        for await (const e of await streamRequest<{ n: number }>(client({ timeout }), { method: 'POST', path: '/ai/stream', body: {} })) seen.push(e.n);
        expect(seen).toEqual([1, 2]);
      }
      await delay(10); // a warning is emitted on the next tick
      expect(warnings).toEqual([]); // no TimeoutOverflowWarning: no timer was set
    } finally {
      process.off('warning', onWarning);
    }
  });

  // Without a length the body streams; with a small one the Node transport reads it whole first.
  const lengths: [string, Record<string, string>][] = [['of unknown length', {}], ['with a Content-Length', { 'content-length': '100' }]];

  it.each(lengths)('times out a body %s that stalls mid-way, and retries the read', async (_, length) => {
    local.server.handle((_req, res) => res.writeHead(200, { 'content-type': 'application/json', ...length }).write('{"value":'));
    const before = local.server.arrivals.length;
    const error = await rejection(get(client({ timeout: 150, maxRetries: 1 }), '/queue/stats'));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(local.server.arrivals.length - before).toBe(2);
  });

  it('aborts before sending when the signal has fired already', async () => {
    const before = local.server.arrivals.length;
    const error = await rejection(get(client(), '/queue/stats', undefined, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(local.server.arrivals.length).toBe(before);
  });

  it('aborts while waiting for the response, hanging up', async () => {
    let hungUp: Promise<void> | undefined;
    local.server.handle((req) => (hungUp = closed(req)));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 80);
    const error = await rejection(get(client(), '/queue/stats', undefined, { signal: controller.signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    await hungUp;
  });

  it.each(lengths)('aborts while a body %s is read', async (_, length) => {
    let hungUp: Promise<void> | undefined;
    local.server.handle((req, res) => {
      hungUp = closed(req);
      res.writeHead(200, { 'content-type': 'application/json', ...length }).write('{"value":"');
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 80);
    const error = await rejection(get(client(), '/queue/stats', undefined, { signal: controller.signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    await hungUp;
  });

  it('aborts a stream mid-way: the iteration throws APIUserAbortError and the connection closes', async () => {
    let hungUp: Promise<void> | undefined;
    local.server.handle((req, res) => {
      hungUp = closed(req);
      res.writeHead(200, { 'content-type': 'text/event-stream' }).write('data: {"n":1}\n\n');
    });
    const controller = new AbortController();
    const stream = await streamRequest<{ n: number }>(client(), { method: 'POST', path: '/ai/chat', body: {} }, { signal: controller.signal });
    const seen: number[] = [];
    const error = await rejection(
      (async () => {
        for await (const event of stream) {
          seen.push(event.n);
          controller.abort();
        }
      })(),
    );
    expect(seen).toEqual([1]);
    expect(error).toBeInstanceOf(APIUserAbortError);
    await hungUp;
  });

  it('aborts a retry wait at once', async () => {
    let requests = 0;
    // The longest Retry-After the default policy waits out (maxRetryAfter, 60 s).
    local.server.handle((_req, res) => (requests++, res.writeHead(503, { 'retry-after': '60' }).end()));
    const controller = new AbortController();
    let answered!: () => void;
    const seen503 = new Promise<void>((resolve) => (answered = resolve));
    const started = Date.now();
    const call = get(client({ maxRetries: 1, hooks: { afterResponse: () => answered() } }), '/queue/stats', undefined, { signal: controller.signal });
    await seen503; // the 503 is in: the client is about to wait (however long that took on this machine)
    await delay(50);
    controller.abort();
    expect(await rejection(call)).toBeInstanceOf(APIUserAbortError);
    expect(requests).toBe(1);
    // Measured against the 60 s wait it must cut short, not against the machine's speed: half of it
    // is room for any load.
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
