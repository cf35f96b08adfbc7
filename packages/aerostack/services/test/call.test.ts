import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { AuthenticationError, BadRequestError, InternalServerError, NotFoundError, RateLimitError, type APIError } from '@aerostack/core';
import { call, Functions, type CallOptions } from '../src';
import { expectRefused, recordingFetch } from '@aerostack-internal/test-utils/refused';
import { client, KEY, ORIGIN } from './helpers';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

interface MyApis {
  'send-invoice': { params: { orderId: string; cents: number }; response: { invoiceId: string } };
  'list-orders': { params: { status?: string; limit?: number } | undefined; response: { orders: string[] } };
  ping: { response: 'pong' };
}

interface Seen {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Answers the next request of any method to `/v1<path>` (the query included) and records it as sent. */
function answer(method: string, path: string, status: number, reply: unknown, headers: Record<string, string> = {}, times = 1) {
  const seen: Seen[] = [];
  nock(ORIGIN)
    .intercept(`/v1${path}`, method)
    .times(times)
    .reply(function (uri, body) {
      seen.push({ method: this.req.method, path: uri, headers: this.req.headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
      return [status, reply as nock.Body, headers];
    });
  return seen;
}

describe('call', () => {
  it('POSTs data as JSON to /custom/{slug} with the function header, and types the answer from the schema', async () => {
    const seen = answer('POST', '/custom/send-invoice', 200, { invoiceId: 'inv_1' }, { 'x-request-id': 'req_c' });
    const { data, requestId } = await call<MyApis, 'send-invoice'>(client(), 'send-invoice', { orderId: 'o_77', cents: 500 }).withResponse();
    expectTypeOf(data).toEqualTypeOf<{ invoiceId: string }>();
    expect(data).toEqual({ invoiceId: 'inv_1' });
    expect(requestId).toBe('req_c');
    expect(seen).toHaveLength(1);
    const [req] = seen;
    expect(req!.method).toBe('POST');
    expect(req!.body).toBe('{"orderId":"o_77","cents":500}');
    expect(req!.headers['content-type']).toBe('application/json');
    expect(req!.headers['x-aerostack-key']).toBe(KEY);
    expect(req!.headers['x-aerostack-function']).toBe('send-invoice');
    expect(req!.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/); // §22: a UUID per call
    expect(req!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(req!.headers['x-project-id']).toBeUndefined();
    expect(req!.headers.authorization).toBeUndefined();
  });

  it('sends GET data as query parameters (objects as JSON text, arrays repeated), with no body', async () => {
    const seen = answer('GET', '/custom/list-orders?status=open&limit=5&tags=a&tags=b&filter=%7B%22min%22%3A1%7D', 200, { orders: ['o_1'] });
    const orders = await call(client(), 'list-orders', { status: 'open', limit: 5, tags: ['a', 'b'], filter: { min: 1 }, skipped: null }, { method: 'GET' });
    expectTypeOf(orders).toEqualTypeOf<unknown>();
    expect(orders).toEqual({ orders: ['o_1'] });
    expect(seen[0]!.method).toBe('GET');
    expect(seen[0]!.body).toBe('');
    expect(seen[0]!.headers['content-type']).toBeUndefined();
    expect(seen[0]!.headers['idempotency-key']).toBeUndefined();
    expect(seen[0]!.headers['x-aerostack-function']).toBe('list-orders');
  });

  it.each(['PUT', 'PATCH', 'DELETE'] as const)('sends %s with data as a JSON body', async (method) => {
    const seen = answer(method, '/custom/orders', 200, { ok: method });
    expect(await call(client(), 'orders', { id: 'o_1' }, { method })).toEqual({ ok: method });
    expect(seen[0]!.method).toBe(method);
    expect(seen[0]!.body).toBe('{"id":"o_1"}');
    expect(seen[0]!.headers['x-aerostack-function']).toBe('orders');
    // The core's rule: a PATCH (like a POST) gets an idempotency key; PUT and DELETE need none to be retried.
    if (method === 'PATCH') expect(seen[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    else expect(seen[0]!.headers['idempotency-key']).toBeUndefined();
  });

  it('sends no body without data, percent-encodes the slug, and sends X-Project-Id when given', async () => {
    const seen = answer('POST', '/custom/a%2Fb%20c', 200, JSON.stringify('pong'));
    await call(client(), 'a/b c', undefined, { projectId: 'proj_1' });
    expect(seen[0]!.body).toBe('');
    expect(seen[0]!.headers['content-type']).toBeUndefined();
    expect(seen[0]!.headers['x-project-id']).toBe('proj_1');
    expect(seen[0]!.headers['x-aerostack-function']).toBe('a/b c');
  });

  it("adds the user's Bearer token from an auth function to the key, asking it on every attempt", async () => {
    const seen = answer('PUT', '/custom/profile', 503, { code: 'INTERNAL_ERROR', message: 'busy' }, { 'retry-after-ms': '0' });
    answer('PUT', '/custom/profile', 200, { saved: true });
    let n = 0;
    const auth: CallOptions['auth'] = () => ({ authorization: `Bearer jwt_${++n}` });
    expect(await call(client(), 'profile', { name: 'Ada' }, { method: 'PUT', auth })).toEqual({ saved: true });
    expect(seen[0]!.headers['x-aerostack-key']).toBe(KEY);
    expect(seen[0]!.headers.authorization).toBe('Bearer jwt_1');
    expect(n).toBe(2);
  });

  it('with a user token, sends no key when the client has none (and refuses none)', async () => {
    const seen = answer('GET', '/custom/me', 200, { id: 'u_1' });
    await call(client({ apiKey: '' }), 'me', undefined, { method: 'GET', auth: () => ({ authorization: 'Bearer jwt' }) });
    expect(seen[0]!.headers['x-aerostack-key']).toBeUndefined();
    expect(seen[0]!.headers.authorization).toBe('Bearer jwt');
  });

  it('retries a POST (it carries an idempotency key, the same on each attempt) and a DELETE; not a POST whose key was removed', async () => {
    const post = answer('POST', '/custom/charge', 503, { code: 'INTERNAL_ERROR', message: 'busy' }, { 'retry-after-ms': '0' });
    answer('POST', '/custom/charge', 200, { charged: true });
    expect(await call(client(), 'charge', { cents: 1 })).toEqual({ charged: true });
    expect(post[0]!.headers['idempotency-key']).toBeDefined();

    const del = answer('DELETE', '/custom/charge', 503, { code: 'INTERNAL_ERROR', message: 'busy' }, { 'retry-after-ms': '0' }, 2);
    answer('DELETE', '/custom/charge', 200, { deleted: true });
    expect(await call(client(), 'charge', { id: 1 }, { method: 'DELETE' })).toEqual({ deleted: true });
    expect(del).toHaveLength(2);
    // One request id per call, kept by its retries; the next call gets another.
    expect(del[1]!.headers['x-request-id']).toBe(del[0]!.headers['x-request-id']);
    expect(del[0]!.headers['x-request-id']).not.toBe(post[0]!.headers['x-request-id']);

    const once = answer('POST', '/custom/charge', 503, { code: 'INTERNAL_ERROR', message: 'busy' }, { 'retry-after-ms': '0' }, 3);
    const error = await call(client(), 'charge', { cents: 1 }, { headers: { 'idempotency-key': null } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(once).toHaveLength(1);
  });

  const errors: [number, string, typeof APIError][] = [
    [400, 'VALIDATION_ERROR', BadRequestError],
    [401, 'AUTH_INVALID_KEY', AuthenticationError],
    [404, 'NOT_FOUND', NotFoundError],
    [429, 'RATE_LIMIT_EXCEEDED', RateLimitError],
    [500, 'INTERNAL_ERROR', InternalServerError],
  ];
  it.each(errors)('raises %i as its class with code, message, details and request id', async (status, code, ErrorClass) => {
    answer('POST', '/custom/send-invoice', status, { code, message: 'Function refused', details: { fieldErrors: { orderId: ['Required'] } } }, { 'x-request-id': `req_${status}` });
    const error = (await call(client({ maxRetries: 0 }), 'send-invoice', {}).catch((e: unknown) => e)) as APIError;
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.message).toBe(`${status} ${code}: Function refused`);
    expect(error.details).toEqual({ fieldErrors: { orderId: ['Required'] } });
    expect(error.requestId).toBe(`req_${status}`);
  });

  const loose = (value: unknown): never => value as never;
  it.each([
    ['an empty slug', '', {}, {}, 'slug', "slug: the function's slug, a non-empty string"],
    ['a slug that is not a string', loose(7), {}, {}, 'slug', "slug: the function's slug, a non-empty string"],
    ['an unknown method', 'x', {}, loose({ method: 'HEAD' }), 'method', 'method: one of GET, POST, PUT, PATCH, DELETE (got HEAD)'],
    ['a lower-case method', 'x', {}, loose({ method: 'get' }), 'method', 'method: one of GET, POST, PUT, PATCH, DELETE (got get)'],
    ['GET data that is not an object', 'x', 'text', { method: 'GET' }, 'data', 'data: an object of query parameters for GET (or use another method)'],
    ['GET data that is an array', 'x', [1], { method: 'GET' }, 'data', 'data: an object of query parameters for GET (or use another method)'],
  ] as [string, string, unknown, CallOptions, string, string][])('refuses %s before sending', async (_, slug, data, options, field, message) => {
    const { sent, fetch } = recordingFetch();
    await expectRefused(() => call(client({ fetch }), slug, data, options), sent, field, message);
  });
});

describe('Functions', () => {
  it('infers the slug, its params and its answer from the schema', async () => {
    const seen = answer('POST', '/custom/send-invoice', 200, { invoiceId: 'inv_2' });
    const functions = new Functions<MyApis>(client());
    const invoice = await functions.call('send-invoice', { orderId: 'o_1', cents: 5 }, { headers: { 'X-Trace': 't' } });
    expectTypeOf(invoice).toEqualTypeOf<{ invoiceId: string }>();
    expect(invoice.invoiceId).toBe('inv_2');
    expect(seen[0]!.headers['x-trace']).toBe('t');
    expect(functions.client).toBeDefined();

    answer('POST', '/custom/ping', 200, JSON.stringify('pong'));
    const pong = await functions.call('ping');
    expectTypeOf(pong).toEqualTypeOf<'pong'>();
    expect(pong).toBe('pong');
  });

  it('checks slugs and data at compile time; untyped, anything goes as unknown', () => {
    const functions = new Functions<MyApis>(client());
    // Never run (no request is made): `pnpm typecheck` (tsc over the tests) fails if an error below goes away.
    const compileOnly = () => [
      // @ts-expect-error -- not a slug of the schema
      functions.call('send-invoices', { orderId: 'o', cents: 1 }),
      // @ts-expect-error -- send-invoice's params are required
      functions.call('send-invoice'),
      // @ts-expect-error -- cents must be a number
      functions.call('send-invoice', { orderId: 'o', cents: '1' }),
      // @ts-expect-error -- HEAD is not a method of custom functions
      call(client(), 'x', {}, { method: 'HEAD' }),
      functions.call('list-orders'),
    ];
    expect(typeof compileOnly).toBe('function');
    expectTypeOf<ReturnType<Functions['call']>>().resolves.toEqualTypeOf<unknown>();
    expectTypeOf<ReturnType<typeof call<Record<string, { params: unknown; response: unknown }>, 'x'>>>().resolves.toEqualTypeOf<unknown>();
  });
});
