// On Node (the node entry), both transports: at most 50 requests per origin wait for their
// response's headers at once, 16 of them large uploads; the rest wait in the client, in order,
// until an earlier one has its headers. An abort while waiting rejects at once and gives nothing
// away. Mostly with a global fetch that answers on demand (`transport: 'fetch'`), so that nothing
// depends on timing; then the same over real sockets, with both transports.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AerostackClient, APIUserAbortError } from '../src/node';
import { readBody, sendJSON } from './local-server';
import { aerostack, TRANSPORTS, useServer } from './transports';
import { rejection } from './helpers';
import { get, request } from '../src';

interface Pending {
  url: string;
  answer: () => void;
}

let pending: Pending[];
const realFetch = globalThis.fetch;

/** Lets every queued callback and timer of this turn run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const client = (baseURL = 'http://127.0.0.1:1') => new AerostackClient({ apiKey: 'k', baseURL, transport: 'fetch', maxRetries: 0, logLevel: 'off' });
const big = new Uint8Array(64 * 1024);
const upload = (c: AerostackClient, i: number, body: BodyInit = big, signal?: AbortSignal) =>
  request(c, { method: 'POST', path: `/storage/upload/${i}`, rawBody: body, contentType: 'application/octet-stream' }, { signal, idempotencyKey: `k${i}` });

describe('transport fetch on Node, a global fetch that answers on demand', () => {
  beforeEach(() => {
    pending = [];
    globalThis.fetch = ((url: string) =>
      new Promise<Response>((resolve) => {
        pending.push({ url, answer: () => resolve(new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } })) });
      })) as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('sends 16 of 40 large uploads at once, then one more as each gets its answer, in order', async () => {
    const c = client();
    const calls = Array.from({ length: 40 }, (_, i) => upload(c, i));
    await settle();
    expect(pending.map((p) => p.url)).toEqual(Array.from({ length: 16 }, (_, i) => `http://127.0.0.1:1/storage/upload/${i}`));
    pending[3]?.answer();
    await settle();
    expect(pending).toHaveLength(17);
    expect(pending[16]?.url).toBe('http://127.0.0.1:1/storage/upload/16');
    // Each answer lets exactly one more through, never more than 16 waiting on the fetch at once.
    const answered = new Set([3]);
    while (answered.size < 40) {
      const open = pending.map((_, i) => i).filter((i) => !answered.has(i));
      expect(open.length).toBeLessThanOrEqual(16);
      const i = open[0] as number;
      answered.add(i);
      pending[i]?.answer();
      await settle();
    }
    expect(await Promise.all(calls)).toEqual(Array.from({ length: 40 }, () => ({ ok: true })));
    expect(pending).toHaveLength(40);
  });

  it('sends 50 of 60 reads at once, the next as one gets its headers (its body still unread)', async () => {
    const c = client('http://127.0.0.1:6');
    const calls = Array.from({ length: 60 }, (_, i) => request(c, { method: 'GET', path: `/cache/${i}`, parse: 'raw' }));
    await settle();
    expect(pending).toHaveLength(50);
    pending[0]?.answer();
    await settle();
    expect(pending).toHaveLength(51);
    for (let i = 1; i < 60; i++) {
      pending[i]?.answer();
      await settle();
    }
    expect(await Promise.all(calls)).toHaveLength(60);
  });

  it('counts streams and FormData as large, small bodies and reads as requests only, and each origin apart', async () => {
    const c = client('http://127.0.0.1:3');
    const other = client('http://127.0.0.1:4');
    const stream = () => new Blob([big]).stream();
    const streams = Array.from({ length: 16 }, (_, i) => upload(c, i, stream()));
    const form = new FormData();
    form.append('file', new Blob(['x']));
    const waiting = [upload(c, 100, form), upload(c, 101, stream())];
    const free = [upload(c, 200, 'small'), upload(c, 201, new Uint8Array(1024)), get(c, '/cache/keys'), upload(other, 300)];
    await settle();
    const urls = pending.map((p) => new URL(p.url).pathname + (p.url.includes(':4/') ? ' (other origin)' : ''));
    expect(urls.sort()).toEqual(
      ['/cache/keys', ...Array.from({ length: 16 }, (_, i) => `/storage/upload/${i}`), '/storage/upload/200', '/storage/upload/201', '/storage/upload/300 (other origin)'].sort(),
    );
    for (const p of [...pending]) p.answer();
    await settle();
    expect(pending.slice(20).map((p) => new URL(p.url).pathname).sort()).toEqual(['/storage/upload/100', '/storage/upload/101']);
    for (const p of pending.slice(20)) p.answer();
    await Promise.all([...streams, ...waiting, ...free]);
  });

  it('an upload aborted while it waits fails at once with its reason, and its place goes to the next', async () => {
    const c = client('http://127.0.0.1:5');
    const first = Array.from({ length: 16 }, (_, i) => upload(c, i));
    const controller = new AbortController();
    const aborted = rejection(upload(c, 16, big, controller.signal));
    const next = upload(c, 17);
    await settle();
    controller.abort(new Error('user left'));
    const error = await aborted;
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as unknown as APIUserAbortError).cause).toEqual(new Error('user left'));
    expect(pending).toHaveLength(16);
    pending[0]?.answer();
    await settle();
    expect(pending[16]?.url).toBe('http://127.0.0.1:5/storage/upload/17');
    for (const p of pending.slice(1)) p.answer();
    await Promise.all([...first, next]);
  });
});

const local = useServer();

describe.each(TRANSPORTS)('over real sockets, %s transport', (transport) => {
  it('the server sees at most 16 of 30 streamed uploads and 50 requests in all at once; every call succeeds', async () => {
    let now = 0;
    let most = 0;
    let uploadsNow = 0;
    let mostUploads = 0;
    local.server.handle(async (req, res) => {
      const upload = req.url?.includes('/upload/') ?? false;
      most = Math.max(most, ++now);
      if (upload) mostUploads = Math.max(mostUploads, ++uploadsNow);
      const body = await readBody(req);
      // Answers only once the burst has filled what it may: the counts then show the caps.
      await new Promise((resolve) => setTimeout(resolve, 20));
      now--;
      if (upload) uploadsNow--;
      sendJSON(res, { bytes: body.byteLength });
    });
    const c = aerostack(local.server, transport);
    const stream = () => new Blob([new Uint8Array(100_000)]).stream();
    const uploads = Array.from({ length: 30 }, (_, i) =>
      request<{ bytes: number }>(c, { method: 'POST', path: `/storage/upload/${i}`, rawBody: stream(), contentType: 'application/octet-stream' }),
    );
    const reads = Array.from({ length: 70 }, (_, i) => get<{ bytes: number }>(c, `/cache/${i}`));
    expect((await Promise.all(uploads)).map((r) => r.bytes)).toEqual(Array.from({ length: 30 }, () => 100_000));
    expect(await Promise.all(reads)).toHaveLength(70);
    expect(mostUploads).toBeLessThanOrEqual(16);
    expect(most).toBeLessThanOrEqual(50);
  });
});
