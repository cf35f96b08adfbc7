import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { NotFoundError, type APIError } from '@aerostack/core';
import { collection, collections, Collection, create, get, list, remove, update, VERSION, type Stored } from '../src';
import pkg from '../package.json';
import { API_ERRORS, client, KEY, reply } from './helpers';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

interface Order {
  status: string;
  total: number;
  paid: boolean;
  tags: string[];
}
interface Schema {
  orders: Order;
  customers: { id: number; name: string };
}
const orders = collection<Order>('orders');
const stored: Stored<Order> = { id: 'o1', status: 'open', total: 12.5, paid: false, tags: ['a'] };

describe('get', () => {
  it('sends GET /collections/items/{id} (encoded) and types the item by its collection', async () => {
    const { seen } = reply('GET', '/collections/items/o%2F1', 200, stored, { 'x-request-id': 'req_get' });
    const { data, requestId } = await get(client(), orders, 'o/1').withResponse();
    expectTypeOf(data).toEqualTypeOf<Order & { id: string }>();
    expect(data).toEqual(stored);
    expect(requestId).toBe('req_get');
    expect(seen[0]!.headers['x-aerostack-key']).toBe(KEY);
    expect(seen[0]!.body).toBe('');
  });

  it("sends §22's headers on every call: x-aerostack-function api_call and a fresh x-request-id (yours win)", async () => {
    const replies = ['a', 'b', 'c'].map((id) => reply('GET', `/collections/items/${id}`, 200, stored).seen);
    await get(client(), orders, 'a');
    await get(client(), orders, 'b');
    await get(client(), orders, 'c', { headers: { 'x-request-id': 'mine' } });
    const seen = replies.flat();
    const ids = seen.map((s) => s.headers['x-request-id']);
    expect(seen.map((s) => s.headers['x-aerostack-function'])).toEqual(['api_call', 'api_call', 'api_call']);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(ids[1]).not.toBe(ids[0]);
    expect(ids[2]).toBe('mine');
  });

  it('keeps the id type an item type declares, and takes a plain name with the type named on the call', async () => {
    reply('GET', '/collections/items/7', 200, { id: 7, name: 'Ada' });
    const customer = await get(client(), collections<Schema>()('customers'), 7);
    expectTypeOf(customer).toEqualTypeOf<{ id: number; name: string }>();
    reply('GET', '/collections/items/o1', 200, stored);
    const order = await get<Order>(client(), 'orders', 'o1');
    expectTypeOf(order.total).toEqualTypeOf<number>();
    reply('GET', '/collections/items/x', 200, { id: 'x', anything: 1 });
    const untyped = await get(client(), 'notes', 'x');
    expectTypeOf(untyped.anything).toEqualTypeOf<unknown>();
  });
});

describe('create', () => {
  it('posts the fields to /collections/{name}/items with an idempotency key and answers the item with its id', async () => {
    const { seen } = reply('POST', '/collections/orders/items', 201, stored);
    const item = await create(client(), orders, { status: 'open', total: 12.5, paid: false, tags: ['a'] });
    expectTypeOf(item.id).toEqualTypeOf<string>();
    expect(item).toEqual(stored);
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.headers['content-type']).toBe('application/json');
    expect(seen[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[0]!.body).toStrictEqual({ status: 'open', total: 12.5, paid: false, tags: ['a'] });
  });

  it('encodes the name as one path segment', async () => {
    reply('POST', '/collections/a%20b%3F/items', 200, { id: '1' });
    await create(client(), 'a b?', {});
  });
});

describe('update and remove', () => {
  it('update sends PUT /collections/items/{id} with the fields to change; answers {success}', async () => {
    const { seen } = reply('PUT', '/collections/items/o1', 200, { success: true });
    const result = await update(client(), orders, 'o1', { status: 'paid' });
    expectTypeOf(result).toEqualTypeOf<{ success: boolean }>();
    expect(result).toEqual({ success: true });
    expect(seen[0]!.body).toStrictEqual({ status: 'paid' });
    expect(seen[0]!.headers['content-type']).toBe('application/json');
  });

  it('remove sends DELETE /collections/items/{id}; answers {success}', async () => {
    const { seen } = reply('DELETE', '/collections/items/o1', 200, { success: true });
    expect(await remove(client(), orders, 'o1')).toEqual({ success: true });
    expect(seen[0]!.method).toBe('DELETE');
    expect(seen[0]!.body).toBe('');
  });

  it('PUT and DELETE are retried (idempotent methods) on a 503', async () => {
    reply('PUT', '/collections/items/o1', 503, { code: 'INTERNAL_ERROR', message: 'busy' }, { 'retry-after-ms': '1' });
    reply('PUT', '/collections/items/o1', 200, { success: true });
    expect(await update(client(), orders, 'o1', { total: 1 })).toEqual({ success: true });
    reply('DELETE', '/collections/items/o1', 503, { code: 'INTERNAL_ERROR', message: 'busy' }, { 'retry-after-ms': '1' });
    reply('DELETE', '/collections/items/o1', 200, { success: true });
    expect(await remove(client(), orders, 'o1')).toEqual({ success: true });
  });
});

describe('errors', () => {
  const calls: [string, 'GET' | 'PUT' | 'DELETE' | 'POST', string, () => PromiseLike<unknown>][] = [
    ['get', 'GET', '/collections/items/nope', () => get(client({ maxRetries: 0 }), orders, 'nope')],
    ['update', 'PUT', '/collections/items/nope', () => update(client({ maxRetries: 0 }), orders, 'nope', { total: 1 })],
    ['remove', 'DELETE', '/collections/items/nope', () => remove(client({ maxRetries: 0 }), orders, 'nope')],
    ['create', 'POST', '/collections/orders/items', () => create(client({ maxRetries: 0 }), orders, { status: 'x', total: 1, paid: true, tags: [] })],
    ['list', 'GET', '/collections/orders/items?limit=100&offset=0', () => list(client({ maxRetries: 0 }), orders)],
  ];
  describe.each(calls)('%s', (_, method, path, call) => {
    it.each(API_ERRORS)('raises %i as its class with code, message, details and request id', async (status, code, ErrorClass) => {
      reply(method, path, status, { code, message: 'Refused', details: { id: 'nope' } }, { 'x-request-id': `req_${status}` });
      const error = (await Promise.resolve(call()).catch((e: unknown) => e)) as APIError;
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error.status).toBe(status);
      expect(error.code).toBe(code);
      expect(error.message).toBe(`${status} ${code}: Refused`);
      expect(error.details).toEqual({ id: 'nope' });
      expect(error.requestId).toBe(`req_${status}`);
    });
  });

  it('an unknown id is a NotFoundError', async () => {
    reply('GET', '/collections/items/gone', 404, { code: 'NOT_FOUND', message: 'Item not found' });
    await expect(get(client(), orders, 'gone')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('Collection', () => {
  it('binds the five operations to a client and a collection', async () => {
    const bound = new Collection<Order>(client(), 'orders');
    reply('GET', '/collections/orders/items?status=open&limit=100&offset=0', 200, [stored]);
    const page = await bound.list({ where: { status: 'open' } });
    expectTypeOf(page.items).toEqualTypeOf<Stored<Order>[]>();
    expect(page.items).toEqual([stored]);
    reply('GET', '/collections/items/o1', 200, stored);
    expect(await bound.get('o1')).toEqual(stored);
    reply('POST', '/collections/orders/items', 200, stored);
    expect(await bound.create({ status: 'open', total: 12.5, paid: false, tags: ['a'] })).toEqual(stored);
    reply('PUT', '/collections/items/o1', 200, { success: true });
    expect(await bound.update('o1', { paid: true })).toEqual({ success: true });
    reply('DELETE', '/collections/items/o1', 200, { success: true });
    expect(await bound.delete('o1')).toEqual({ success: true });
    expect(new Collection(client(), orders).ref).toBe(orders);
  });

  it('exports the package version', () => {
    expect(VERSION).toBe(pkg.version);
  });
});
