import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AerostackClient, BadRequestError, Client, get, InvalidRequestError, InvalidResponseError, NotFoundError, path, post, request, VERSION } from '../src';
import pkg from '../package.json';
import { json, plainClient, scriptedFetch } from './helpers';

const API = 'https://api.aerostack.dev';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  vi.unstubAllEnvs();
});
afterAll(() => nock.enableNetConnect());

describe('requests on the wire', () => {
  it('sends a JSON POST with the key header, version, idempotency key and attempt count', async () => {
    let seen: Record<string, string | string[] | undefined> = {};
    const scope = nock(API)
      .post('/v1/cache/get', { key: 'greeting' })
      .reply(function () {
        seen = this.req.headers;
        return [200, { value: 'hello', exists: true }, { 'x-request-id': 'req_1' }];
      });
    const client = new AerostackClient({ apiKey: 'ac_secret_123' });
    const result = await post<{ value: string; exists: boolean }>(client, '/cache/get', { key: 'greeting' });
    expect(result).toEqual({ value: 'hello', exists: true });
    expect(scope.isDone()).toBe(true);
    expect(seen['x-aerostack-key']).toBe('ac_secret_123');
    expect(seen['content-type']).toBe('application/json');
    expect(seen.accept).toBe('application/json');
    expect(seen['x-sdk-version']).toBe(pkg.version);
    expect(seen['x-retry-count']).toBe('0');
    expect(seen['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('exports the package version', () => {
    expect(VERSION).toBe(pkg.version);
  });

  it('gives the response and request id through withResponse()', async () => {
    nock(API).post('/v1/cache/get').reply(200, { value: null, exists: false }, { 'x-request-id': 'req_42' });
    const { data, response, requestId } = await post((new AerostackClient({ apiKey: 'k' })), '/cache/get', { key: 'x' }).withResponse();
    expect(data).toEqual({ value: null, exists: false });
    expect(response.status).toBe(200);
    expect(requestId).toBe('req_42');
  });

  it('builds GET queries: arrays repeat, null and undefined are skipped, values are encoded', async () => {
    const fetch = scriptedFetch(json({ types: [] }));
    const client = new AerostackClient({ apiKey: 'k', fetch });
    await get(client, '/ai/search/listTypes', { a: 'x y', b: [1, 2], c: undefined, d: null, e: true });
    expect(fetch.calls[0]!.url).toBe('https://api.aerostack.dev/v1/ai/search/listTypes?a=x+y&b=1&b=2&e=true');
    expect(fetch.calls[0]!.method).toBe('GET');
    expect(fetch.calls[0]!.headers['content-type']).toBeUndefined();
    expect(fetch.calls[0]!.headers['idempotency-key']).toBeUndefined();
  });

  it('appends a query to a path that has one already, and sends nothing for an empty one', async () => {
    const fetch = scriptedFetch(json({}), json({}));
    const client = new AerostackClient({ apiKey: 'k', fetch });
    await get(client, '/x?a=1', { b: 'two', c: [] });
    await get(client, 'x', {});
    expect(fetch.calls.map((c) => c.url)).toEqual(['https://api.aerostack.dev/v1/x?a=1&b=two', 'https://api.aerostack.dev/v1/x']);
  });

  it('takes an absolute URL as is, for routes outside the versioned base', async () => {
    const fetch = scriptedFetch(json({}));
    await post((new AerostackClient({ apiKey: 'k', fetch })), 'https://api.aerostack.dev/api/v1/public/projects/p/auth/login', {});
    expect(fetch.calls[0]!.url).toBe('https://api.aerostack.dev/api/v1/public/projects/p/auth/login');
  });

  it('encodes path segments with the path tag', () => {
    expect(path`/ai/gateway/${'my api/x?'}/chat/completions`).toBe('/ai/gateway/my%20api%2Fx%3F/chat/completions');
  });

  it('joins base URLs with and without trailing slashes', async () => {
    const fetch = scriptedFetch(json({}), json({}));
    await post(plainClient({ fetch }), 'cli/whoami/', undefined, {});
    await post(plainClient({ fetch, baseURL: 'https://x.test/api/v1' }), '/cli/whoami/');
    expect(fetch.calls.map((c) => c.url)).toEqual(['https://plain.test/api/v1/cli/whoami/', 'https://x.test/api/v1/cli/whoami/']);
    expect(fetch.calls[0]!.headers.authorization).toBe('Token plain-key');
    expect(fetch.calls[0]!.body).toBeUndefined();
  });

  it('merges per-call headers case-insensitively and removes a header set to null', async () => {
    const fetch = scriptedFetch(json({}));
    const client = new AerostackClient({ apiKey: 'k', fetch, headers: { 'X-Project-Id': 'p1', 'X-Trace': 'a' } });
    await post(client, '/x', {}, { headers: { 'x-trace': 'b', 'X-Project-Id': null, Accept: 'text/plain' } });
    const h = fetch.calls[0]!.headers;
    expect(h['x-trace']).toBe('b');
    expect(h['x-project-id']).toBeUndefined();
    expect(h.accept).toBe('text/plain');
  });

  it('runs an operation\'s check before sending: its error rejects the promise, nothing is sent', async () => {
    const fetch = scriptedFetch(json({}));
    const client = new AerostackClient({ apiKey: 'k', fetch });
    const promise = request(client, {
      method: 'POST',
      path: '/cache/getMany',
      body: { keys: [] },
      check: () => {
        throw new InvalidRequestError('keys must hold 1 to 100 keys', { code: 'VALIDATION_ERROR' });
      },
    });
    await expect(promise).rejects.toThrow('keys must hold 1 to 100 keys');
    expect(fetch.calls).toHaveLength(0);
  });

  it('sends no idempotency key on reads sent as POST, and retries them all the same', async () => {
    const fetch = scriptedFetch(json({}, 503), json({ ok: 1 }));
    const client = new AerostackClient({ apiKey: 'k', fetch, retry: { initialDelay: 1 }, logLevel: 'off' });
    expect(await request(client, { method: 'POST', path: '/cache/list', body: {}, idempotent: true })).toEqual({ ok: 1 });
    expect(fetch.calls.map((c) => c.headers['idempotency-key'])).toEqual([undefined, undefined]);
  });

  it('uses the caller idempotency key when given', async () => {
    const fetch = scriptedFetch(json({}));
    await post((new AerostackClient({ apiKey: 'k', fetch })), '/queue/enqueue', { type: 't', data: 1 }, { idempotencyKey: 'job-7' });
    expect(fetch.calls[0]!.headers['idempotency-key']).toBe('job-7');
  });

  it('sends raw bodies with their content type', async () => {
    const fetch = scriptedFetch(json({ ok: true }));
    const client = new AerostackClient({ apiKey: 'k', fetch });
    await request(client, { method: 'PUT', path: '/raw', rawBody: 'a,b', contentType: 'text/csv' });
    expect(fetch.calls[0]!.init.body).toBe('a,b');
    expect(fetch.calls[0]!.headers['content-type']).toBe('text/csv');
  });

  it('hands back the Response untouched with parse: raw', async () => {
    const fetch = scriptedFetch(new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'image/png' } }));
    const res = await request<Response>((new AerostackClient({ apiKey: 'k', fetch })), { method: 'POST', path: '/storage/get', body: { key: 'a' }, parse: 'raw' });
    expect(res.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it('sends no credentials on public routes, and another scheme when an operation asks', async () => {
    const fetch = scriptedFetch(json({}), json({}));
    const client = new AerostackClient({ fetch }); // no key at all
    await request(client, { method: 'POST', path: '/public/login', body: {}, auth: false });
    await request(client, { method: 'POST', path: '/gw', body: {}, auth: () => ({ authorization: 'Bearer ask_live_1' }) });
    expect(fetch.calls[0]!.headers['x-aerostack-key']).toBeUndefined();
    expect(fetch.calls[1]!.headers.authorization).toBe('Bearer ask_live_1');
    expect(fetch.calls[1]!.headers['x-aerostack-key']).toBeUndefined();
  });

  it('calls an auth function on every attempt', async () => {
    let n = 0;
    const fetch = scriptedFetch(json({}, 503), json({}));
    const client = new AerostackClient({ fetch, auth: () => ({ authorization: `Bearer t${++n}` }), retry: { initialDelay: 1 } });
    await post(client, '/x', {});
    expect(fetch.calls.map((c) => c.headers.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
  });
});

describe('configuration', () => {
  it('fails at the first call, not at construction, when no key is set, naming the option and the variable', async () => {
    vi.stubEnv('AEROSTACK_API_KEY', '');
    const fetch = scriptedFetch();
    const client = new AerostackClient({ fetch });
    const error = await post(client, '/cache/get', { key: 'a' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).code).toBe('MISSING_API_KEY');
    expect((error as Error).message).toContain('apiKey');
    expect((error as Error).message).toContain('AEROSTACK_API_KEY');
    expect(fetch.calls).toHaveLength(0);
  });

  it('reads the key, base URL and environment from the environment', async () => {
    vi.stubEnv('AEROSTACK_API_KEY', ' env-key ');
    vi.stubEnv('AEROSTACK_BASE_URL', 'http://127.0.0.1:9999/v1');
    const fetch = scriptedFetch(json({}));
    await post((new AerostackClient({ fetch })), '/cache/get', {});
    expect(fetch.calls[0]!.url).toBe('http://127.0.0.1:9999/v1/cache/get');
    expect(fetch.calls[0]!.headers['x-aerostack-key']).toBe('env-key');
  });

  it('selects the local server by name; an explicit baseURL wins; an unknown name is a clear error', () => {
    vi.stubEnv('AEROSTACK_BASE_URL', '');
    expect(new AerostackClient({ environment: 'local' }).baseURL).toBe('http://localhost:8787/v1');
    vi.stubEnv('AEROSTACK_ENVIRONMENT', 'local');
    expect(new AerostackClient().baseURL).toBe('http://localhost:8787/v1');
    expect(new AerostackClient({ baseURL: 'https://x.test/v1' }).baseURL).toBe('https://x.test/v1');
    vi.stubEnv('AEROSTACK_ENVIRONMENT', '');
    expect(new AerostackClient().baseURL).toBe('https://api.aerostack.dev/v1');
    expect(() => new AerostackClient({ environment: 'staging' })).toThrow(/Unknown environment "staging" \(known: production, local\)/);
  });

  it('works where there is no process at all (edge runtimes, browsers)', async () => {
    const saved = globalThis.process;
    const fetch = scriptedFetch(json({ ok: 1 }));
    try {
      // @ts-expect-error simulating a runtime without `process`
      delete globalThis.process;
      const client = new AerostackClient({ apiKey: 'k', fetch });
      expect(await post(client, '/x', {})).toEqual({ ok: 1 });
    } finally {
      globalThis.process = saved;
    }
  });

  it('withOptions returns a changed copy and leaves the original alone', async () => {
    const fetch = scriptedFetch(json({}), json({}));
    const base = new AerostackClient({ apiKey: 'k', fetch, headers: { 'x-a': '1' } });
    const other = base.withOptions({ baseURL: 'http://localhost:8787/v1', headers: { 'x-b': '2' } });
    expect(other).toBeInstanceOf(AerostackClient);
    await post(other, '/x', {});
    await post(base, '/x', {});
    expect(fetch.calls[0]!.url).toBe('http://localhost:8787/v1/x');
    expect(fetch.calls[0]!.headers['x-a']).toBe('1');
    expect(fetch.calls[0]!.headers['x-b']).toBe('2');
    expect(fetch.calls[1]!.url).toBe('https://api.aerostack.dev/v1/x');
    expect(fetch.calls[1]!.headers['x-b']).toBeUndefined();
  });
});

describe('response bodies', () => {
  it('turns a 2xx that is not JSON into InvalidResponseError keeping the raw body', async () => {
    const fetch = scriptedFetch(new Response('<html>gateway</html>', { status: 200, headers: { 'x-request-id': 'r9' } }));
    const error = await post((new AerostackClient({ apiKey: 'k', fetch })), '/x', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).status).toBe(200);
    expect((error as InvalidResponseError).body).toBe('<html>gateway</html>');
    expect((error as InvalidResponseError).requestId).toBe('r9');
  });

  it('uses a plain-text error body of up to 200 characters as the message', async () => {
    const fetch = scriptedFetch(new Response(` ${'a'.repeat(198)} `, { status: 400 }), new Response('b'.repeat(201), { status: 400, statusText: 'Bad Request' }));
    const client = new AerostackClient({ apiKey: 'k', fetch });
    expect(((await post(client, '/x', {}).catch((e: unknown) => e)) as Error).message).toBe(`400: ${'a'.repeat(198)}`);
    expect(((await post(client, '/x', {}).catch((e: unknown) => e)) as Error).message).toBe('400: HTTP 400 Bad Request');
  });

  it('reads 204 as undefined, and an empty 200 as an invalid response', async () => {
    const fetch = scriptedFetch(new Response(null, { status: 204 }), new Response('', { status: 200 }));
    const client = new AerostackClient({ apiKey: 'k', fetch });
    expect(await post(client, '/x', {})).toBeUndefined();
    await expect(post(client, '/x', {})).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it('unwraps an envelope and keeps the body for withResponse()', async () => {
    const fetch = scriptedFetch(json({ data: { name: 'bot' }, api: 'smarter.sh/v1', metadata: { key: 'j1' } }));
    const enveloped = new Client({ apiKey: 'k', fetch }, {
      name: 'Env',
      baseURL: 'https://e.test/',
      auth: { scheme: 'Token' },
      unwrap: (b) => (b as { data: unknown }).data,
      requestId: (b) => (b as { metadata?: { key?: string } }).metadata?.key,
    });
    const { data, body, requestId } = await post(enveloped, '/cli/describe/', {}).withResponse();
    expect(data).toEqual({ name: 'bot' });
    expect(body).toMatchObject({ api: 'smarter.sh/v1' });
    expect(requestId).toBe('j1');
  });

  it('maps error statuses through a preset that reads odd bodies', async () => {
    const fetch = scriptedFetch(json({ error: { errorClass: 'X', description: 'bad name' } }, 503));
    const client = new Client({ apiKey: 'k', fetch, maxRetries: 0 }, {
      name: 'Odd',
      baseURL: 'https://o.test',
      auth: { scheme: 'Token' },
      parseError: (b, status) => ({
        message: (b as { error: { description: string } }).error.description,
        type: status === 503 ? NotFoundError : undefined,
      }),
    });
    const error = await post(client, '/x', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).status).toBe(503);
    expect((error as Error).message).toBe('503: bad name');
    expect(error).not.toBeInstanceOf(BadRequestError);
  });
});
