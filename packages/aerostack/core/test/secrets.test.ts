// The API key never leaves the client except in the auth header of a request to the client's own
// base URL: not in any log line (at 'debug', the most talkative level), not in any error however it
// is printed or serialised, and never to another origin a redirect names.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AerostackClient,
  Client,
  type ClientOptions,
  enableLogging,
  get,
  invalidInput,
  multipart,
  post,
  request,
  type RequestOptions,
  streamRequest,
} from '../src';
import { json, plainPreset, scriptedFetch, type Reply, type SentRequest } from './helpers';
import { capturingLogger, exposure, leaks, secretKey } from '../../../../tooling/test-utils/src/secrets';

const KEY = secretKey();

// As the Node, Bun and Deno entries do: the scan reads every log line.
enableLogging();

/** Every way a client sends the key: its own header, `Authorization: Token`, and auth functions. */
const kinds: [string, (options: ClientOptions) => Client, (sent: SentRequest) => string | undefined][] = [
  ['Aerostack (x-aerostack-key)', (o) => new AerostackClient(o), (s) => s.headers['x-aerostack-key']],
  ['Token scheme (a Smarter-like preset)', (o) => new Client(o, plainPreset), (s) => s.headers.authorization],
  ['auth function: Bearer', (o) => new AerostackClient({ ...o, auth: (key) => ({ authorization: `Bearer ${key ?? ''}` }) }), (s) => s.headers.authorization],
  ['auth function: a header of its own', (o) => new AerostackClient({ ...o, auth: (key) => ({ 'x-custom-credential': key ?? '' }) }), (s) => s.headers['x-custom-credential']],
];

/** A reply that never comes: the request waits until its signal aborts (a timeout or the caller). */
const hang: Reply = (req) =>
  new Promise<Response>((_, reject) => {
    const signal = req.init.signal!;
    signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });
const sse = (text: string): Response => new Response(text, { headers: { 'content-type': 'text/event-stream' } });
const drain = async (iterable: AsyncIterable<unknown>): Promise<unknown[]> => {
  const values: unknown[] = [];
  for await (const value of iterable) values.push(value);
  return values;
};
const abortAfter = (ms: number): AbortSignal => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), ms);
  return controller.signal;
};
const fast: RequestOptions = { retry: { initialDelay: 1 } };

interface Scenario {
  name: string;
  replies: () => Reply[];
  call: (client: Client) => PromiseLike<unknown>;
  /** The error class (`name`) the call ends with; undefined for a success. */
  fails?: string;
}

const statuses = [400, 401, 403, 404, 409, 418, 422, 429, 500, 501, 502, 503, 504];
const retried = new Set([429, 500, 502, 503, 504]);
const kindOf: Record<number, string> = { 400: 'BadRequestError', 401: 'AuthenticationError', 403: 'PermissionDeniedError', 404: 'NotFoundError', 409: 'ConflictError', 418: 'APIError', 422: 'UnprocessableEntityError', 429: 'RateLimitError' };

const scenarios: Scenario[] = [
  { name: 'a JSON POST that succeeds', replies: () => [json({ ok: true }, 200, { 'x-request-id': 'req_1' })], call: (c) => post(c, '/cache/get', { key: 'a' }) },
  { name: 'a GET with a query that succeeds', replies: () => [json({ items: [] })], call: (c) => get(c, '/items', { q: 'x', n: [1, 2] }) },
  ...statuses.map(
    (s): Scenario => ({
      name: `a ${s}${retried.has(s) ? ', retried until the retries run out' : ''}`,
      replies: () => Array.from({ length: 3 }, () => json({ code: `E${s}`, message: `failed with ${s}`, details: { hint: 'h' } }, s, { 'x-request-id': `req_${s}` })),
      call: (c) => request(c, { method: 'GET', path: '/thing' }, fast),
      fails: kindOf[s] ?? 'InternalServerError',
    }),
  ),
  { name: 'a 429 whose Retry-After is too long to wait', replies: () => [json({ message: 'slow down' }, 429, { 'retry-after': '3600' })], call: (c) => get(c, '/x'), fails: 'RateLimitError' },
  { name: 'a 200 that is not JSON', replies: () => [new Response('<html>maintenance</html>')], call: (c) => get(c, '/x'), fails: 'InvalidResponseError' },
  {
    name: 'connection errors, retried',
    replies: () => Array.from({ length: 3 }, () => new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' }) })),
    call: (c) => get(c, '/x', undefined, fast),
    fails: 'APIConnectionError',
  },
  { name: 'timeouts, retried', replies: () => [hang, hang, hang], call: (c) => get(c, '/x', undefined, { ...fast, timeout: 5 }), fails: 'APIConnectionTimeoutError' },
  { name: 'an abort while in flight', replies: () => [hang], call: (c) => get(c, '/x', undefined, { signal: abortAfter(5) }), fails: 'APIUserAbortError' },
  { name: 'an abort before the start', replies: () => [], call: (c) => get(c, '/x', undefined, { signal: AbortSignal.abort() }), fails: 'APIUserAbortError' },
  { name: 'an abort during a backoff', replies: () => [json({}, 503)], call: (c) => get(c, '/x', undefined, { retry: { initialDelay: 10_000 }, signal: abortAfter(5) }), fails: 'APIUserAbortError' },
  {
    name: 'a stream that ends with [DONE]',
    replies: () => [sse('data: {"a":1}\n\n: ping\n\ndata: [DONE]\n\n')],
    call: async (c) => drain(await streamRequest(c, { method: 'POST', path: '/ai/chat', body: { stream: true } })),
  },
  {
    name: 'a stream with an error frame',
    replies: () => [sse('data: {"a":1}\n\ndata: {"error":{"message":"overloaded","code":"server_error"}}\n\n')],
    call: async (c) => drain(await streamRequest(c, { method: 'POST', path: '/ai/chat' })),
    fails: 'StreamError',
  },
  { name: 'a stream cut mid-event', replies: () => [sse('data: {"a":1}\n\ndata: {"a"')], call: async (c) => drain(await streamRequest(c, { method: 'POST', path: '/ai/chat' })), fails: 'StreamError' },
  { name: 'a stream with a malformed frame', replies: () => [sse('data: {oops\n\n')], call: async (c) => drain(await streamRequest(c, { method: 'POST', path: '/ai/chat' })), fails: 'StreamError' },
  { name: 'a stream request answered 401', replies: () => [json({ code: 'AUTH_INVALID_KEY', message: 'Invalid or missing API key' }, 401)], call: async (c) => drain(await streamRequest(c, { method: 'POST', path: '/ai/chat' })), fails: 'AuthenticationError' },
  {
    name: 'an in-memory upload answered 503, then retried (the caller gives an idempotency key)',
    replies: () => [json({}, 503), json({ url: 'https://cdn.test/a.txt' })],
    call: (c) => {
      const form = multipart({ key: 'a.txt', file: new File(['hello'], 'a.txt', { type: 'text/plain' }) });
      return request(c, { method: 'POST', path: '/storage/upload', rawBody: form.body, contentType: form.contentType }, { ...fast, idempotencyKey: 'upload-1' });
    },
  },
  {
    name: 'a streamed upload answered 503 (never retried)',
    replies: () => [json({ message: 'busy' }, 503)],
    call: (c) => {
      const form = multipart({ file: { data: new Blob(['chunk']).stream(), filename: 'a.bin' } });
      return request(c, { method: 'PUT', path: '/storage/upload', rawBody: form.body, contentType: form.contentType });
    },
    fails: 'InternalServerError',
  },
  ...[301, 302, 303, 307, 308].map(
    (s): Scenario => ({
      name: `a ${s} to another origin, refused`,
      replies: () => [new Response(null, { status: s, headers: { location: 'https://evil.example.com/collect?from=sdk' } })],
      call: (c) => post(c, '/cache/get', { key: 'a' }),
      fails: 'APIError',
    }),
  ),
  { name: "bad input caught by an operation's check", replies: () => [], call: (c) => request(c, { method: 'POST', path: '/x', body: {}, check: () => invalidInput('key: a non-empty string', 'key') }), fails: 'InvalidRequestError' },
  { name: 'bad multipart input', replies: () => [], call: async () => multipart({ '': 'x' }), fails: 'InvalidRequestError' },
];

describe.each(kinds)('the key never leaks: %s', (_, make, credential) => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const { logger, lines, all } = capturingLogger();
    const fetch = scriptedFetch(...scenario.replies());
    const client = make({ apiKey: KEY.key, fetch, logger, logLevel: 'debug', headers: { 'x-note': `carries ${KEY.key} in a header the user set` } });
    let error: unknown;
    let result: unknown;
    try {
      result = await scenario.call(client);
    } catch (e) {
      error = e;
    }
    // The scenario did what it says (else the test would prove nothing).
    expect((error as Error | undefined)?.name).toBe(scenario.fails);
    // Each request carried the key, to the client's own origin only.
    for (const sent of fetch.calls) {
      expect(credential(sent)).toContain(KEY.key);
      expect(new URL(sent.url).origin).toBe(new URL(client.baseURL).origin);
    }
    if (fetch.calls.length > 0) expect(lines.some(([level]) => level === 'debug')).toBe(true);
    // Nothing logged, thrown or returned shows it.
    expect(leaks(all(), KEY)).toEqual([]);
    expect(leaks(exposure(error), KEY)).toEqual([]);
    expect(leaks(exposure(result), KEY)).toEqual([]);
  });

  it('scrubs the key from log lines quoting a server message or a fetch error that echoes it', async () => {
    const { logger, lines, all } = capturingLogger();
    const echo = (req: SentRequest) => new TypeError(`request failed: ${JSON.stringify(req.headers)}`);
    const fetch = scriptedFetch(
      json({ message: `Invalid API key ${KEY.key}` }, 503),
      (req) => Promise.reject(echo(req)),
      json({ message: `Invalid API key ${KEY.key}` }, 503),
    );
    const client = make({ apiKey: KEY.key, fetch, logger, logLevel: 'debug' });
    await get(client, '/x', undefined, fast).catch(() => undefined);
    // Both retry warnings quote the error message, which held the key.
    expect(lines.filter(([level]) => level === 'warn')).toHaveLength(2);
    expect(all()).toContain('Invalid API key ***');
    expect(leaks(all(), KEY)).toEqual([]);
    // (The thrown error itself still carries the echoed key: see secrets.bug.test.ts.)
  });

  it('redacts the credential in the logged request headers, and only it', async () => {
    const { logger, lines } = capturingLogger();
    const client = make({ apiKey: KEY.key, fetch: scriptedFetch(json({})), logger, logLevel: 'debug' });
    await post(client, '/x', {});
    const request = lines.find(([level, line]) => level === 'debug' && String(line).includes('→ POST'));
    const headers = request?.[2] as Record<string, string>;
    const shown = Object.entries(headers).filter(([, v]) => v.includes('***'));
    expect(shown.length).toBe(1);
    expect(headers['content-type']).toBe('application/json');
  });
});

describe('redirects to another origin (real servers)', () => {
  // `api` answers every request with a redirect to `elsewhere`, which records what reaches it.
  let api: Server;
  let elsewhere: Server;
  let apiURL: string;
  let elsewhereURL: string;
  let redirectStatus = 302;
  const atApi: IncomingHttpHeaders[] = [];
  const atElsewhere: { method: string | undefined; url: string | undefined; headers: IncomingHttpHeaders }[] = [];

  const listen = async (server: Server): Promise<string> => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  beforeAll(async () => {
    elsewhere = createServer((req, res) => {
      atElsewhere.push({ method: req.method, url: req.url, headers: req.headers });
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"stolen":true}');
    });
    elsewhereURL = await listen(elsewhere);
    api = createServer((req, res) => {
      atApi.push(req.headers);
      req.resume();
      req.on('end', () => res.writeHead(redirectStatus, { location: `${elsewhereURL}/collect${req.url ?? ''}` }).end());
    });
    apiURL = await listen(api);
  });

  afterAll(async () => {
    await Promise.all([api, elsewhere].map((s) => new Promise((resolve) => s.close(resolve))));
  });

  const calls: [string, (c: Client) => PromiseLike<unknown>][] = [
    ['a JSON POST', (c) => post(c, '/cache/get', { key: 'a' })],
    ['a GET', (c) => get(c, '/items', { q: 'x' })],
    ['a stream request', async (c) => drain(await streamRequest(c, { method: 'POST', path: '/ai/chat', body: {} }))],
    ['an in-memory upload', (c) => { const f = multipart({ file: new Blob(['x']) }); return request(c, { method: 'POST', path: '/storage/upload', rawBody: f.body, contentType: f.contentType }); }],
    ['a streamed upload', (c) => { const f = multipart({ file: { data: new Blob(['x']).stream() } }); return request(c, { method: 'PUT', path: '/storage/upload', rawBody: f.body, contentType: f.contentType }); }],
  ];

  describe.each([301, 302, 303, 307, 308])('%i', (status) => {
    it.each(kinds.flatMap(([kind, make]) => calls.map(([what, call]) => [kind, what, make, call] as const)))('%s, %s: refused, nothing reaches the other origin', async (_kind, what, make, call) => {
      redirectStatus = status;
      atApi.length = 0;
      atElsewhere.length = 0;
      const { logger, all } = capturingLogger();
      const client = make({ apiKey: KEY.key, baseURL: `${apiURL}/v1`, logger, logLevel: 'debug', maxRetries: 0 });
      const error = await call(client).then(
        () => undefined,
        (e: unknown) => e,
      );
      // A buffered body gets the 3xx as an APIError naming the location; a streamed one makes fetch fail (redirect: 'error').
      expect((error as Error | undefined)?.name).toBe(what === 'a streamed upload' ? 'APIConnectionError' : 'APIError');
      expect(atApi.length).toBe(1);
      expect(JSON.stringify(atApi[0])).toContain(KEY.key); // the key went to the API (and only there)
      expect(atElsewhere).toEqual([]);
      expect(leaks(all(), KEY)).toEqual([]);
      expect(leaks(exposure(error), KEY)).toEqual([]);
    });
  });
});
