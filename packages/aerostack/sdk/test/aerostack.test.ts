import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import * as core from '@aerostack/core';
import { AI } from '@aerostack/ai';
import { Auth, ProjectAuth } from '@aerostack/auth';
import { Cache } from '@aerostack/cache';
import { Database } from '@aerostack/database';
import { Gateway } from '@aerostack/gateway';
import { Queue } from '@aerostack/queue';
import { Services } from '@aerostack/services';
import { collection, Collection } from '@aerostack/collections';
import { Storage } from '@aerostack/storage';
import { Aerostack, AerostackClient, InvalidRequestError, NotFoundError, VERSION } from '../src';
import pkg from '../package.json';

function recordingFetch(...bodies: { status?: number; body: unknown }[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = async (url: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: url instanceof Request ? url.url : String(url), init });
    const next = bodies.shift() ?? { body: {} };
    return new Response(JSON.stringify(next.body), { status: next.status ?? 200, headers: { 'content-type': 'application/json', 'x-request-id': 'req_1' } });
  };
  return Object.assign(fetch, { calls });
}

afterEach(() => vi.unstubAllEnvs());

describe('Aerostack facade', () => {
  it('calls a service through one import: the right request on the wire and the parsed result', async () => {
    const fetch = recordingFetch({ body: { value: 'hello', exists: true } });
    const aerostack = new Aerostack({ apiKey: 'ac_secret_1', fetch });
    expect(await aerostack.cache.get({ key: 'greeting' })).toEqual({ value: 'hello', exists: true });
    expect(fetch.calls[0]!.url).toBe('https://api.aerostack.dev/v1/cache/get');
    expect(fetch.calls[0]!.init.method).toBe('POST');
    expect(fetch.calls[0]!.init.body).toBe('{"key":"greeting"}');
    expect((fetch.calls[0]!.init.headers as Record<string, string>)['x-aerostack-key']).toBe('ac_secret_1');
  });

  it('builds each service on first use, once, on the shared client', () => {
    const aerostack = new Aerostack({ apiKey: 'k' });
    const services = [
      [aerostack.ai, AI],
      [aerostack.auth, Auth],
      [aerostack.cache, Cache],
      [aerostack.database, Database],
      [aerostack.gateway, Gateway],
      [aerostack.queue, Queue],
      [aerostack.services, Services],
      [aerostack.storage, Storage],
    ] as const;
    for (const [service, Class] of services) {
      expect(service).toBeInstanceOf(Class);
      expect(service.client).toBe(aerostack.client);
    }
    expect(aerostack.cache).toBe(aerostack.cache);
    expect(aerostack.storage).toBe(aerostack.storage);
  });

  it('realtime() opens a connection with the facade client: its key in the protocol, its host as the WebSocket URL', () => {
    const opened: { url: string; protocols: string[] }[] = [];
    class FakeSocket {
      readyState = 0;
      onopen: (() => void) | null = null;
      onmessage: ((event: { data: unknown }) => void) | null = null;
      onclose: ((event: { code: number; reason: string }) => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(url: string, protocols?: string | string[]) {
        opened.push({ url, protocols: [protocols ?? []].flat() });
      }
      send(): void {}
      close(): void {}
    }
    const aerostack = new Aerostack({ apiKey: 'ac_secret_k', baseURL: 'https://api.example.com/v1' });
    const live = aerostack.realtime({ WebSocket: FakeSocket });
    expect(live.client).toBe(aerostack.client);
    return vi.waitFor(() => {
      expect(opened).toEqual([{ url: 'wss://api.example.com/api/realtime', protocols: ['aerostack-key.ac_secret_k', 'aerostack-v1'] }]);
      live.close();
    });
  });

  it('costs nothing to construct without a key: the missing key is reported at the first call', async () => {
    vi.stubEnv('AEROSTACK_API_KEY', '');
    const aerostack = new Aerostack({ fetch: recordingFetch() });
    await expect(aerostack.queue.enqueue({ type: 'send-email', data: {} })).rejects.toMatchObject({ code: 'MISSING_API_KEY' });
    await expect(aerostack.queue.enqueue({ type: 'send-email', data: {} })).rejects.toBeInstanceOf(InvalidRequestError);
  });

  it('shares a client given to it, and withOptions leaves the original alone', async () => {
    const fetch = recordingFetch({ body: { success: true, result: 1 } }, { body: { success: true, result: 2 } });
    const client = new AerostackClient({ apiKey: 'k', fetch });
    const aerostack = new Aerostack(client);
    expect(aerostack.client).toBe(client);
    const local = aerostack.withOptions({ baseURL: 'http://localhost:8787/v1' });
    await local.services.invoke({ serviceName: 'billing-webhook', data: {} });
    await aerostack.services.invoke({ serviceName: 'billing-webhook', data: {} });
    expect(fetch.calls.map((c) => c.url)).toEqual(['http://localhost:8787/v1/services/invoke', 'https://api.aerostack.dev/v1/services/invoke']);
  });

  it('binds a collection, typed by the type named or the handle given', async () => {
    const fetch = recordingFetch({ body: [{ id: 'o1', status: 'open' }] }, { body: { id: 'o2', status: 'new' } });
    const aerostack = new Aerostack({ apiKey: 'k', fetch });
    const orders = aerostack.collection<{ status: string }>('orders');
    expect(orders).toBeInstanceOf(Collection);
    const page = await orders.list({ where: { status: 'open' } });
    expectTypeOf(page.items).toEqualTypeOf<({ status: string } & { id: string })[]>();
    const created = await aerostack.collection(collection<{ status: string }>('orders')).create({ status: 'new' });
    expectTypeOf(created.status).toEqualTypeOf<string>();
    expect(fetch.calls.map((c) => `${c.init.method ?? 'GET'} ${c.url}`)).toEqual([
      'GET https://api.aerostack.dev/v1/collections/orders/items?status=open&limit=100&offset=0',
      'POST https://api.aerostack.dev/v1/collections/orders/items',
    ]);
  });

  it('calls a custom function, typed by the schema named', async () => {
    const fetch = recordingFetch({ body: { invoiceId: 'inv_1' } });
    interface MyApis {
      'send-invoice': { params: { orderId: string }; response: { invoiceId: string } };
    }
    const answer = await new Aerostack({ apiKey: 'k', fetch }).functions<MyApis>().call('send-invoice', { orderId: 'o_1' });
    expectTypeOf(answer).toEqualTypeOf<{ invoiceId: string }>();
    expect(answer).toEqual({ invoiceId: 'inv_1' });
    expect(fetch.calls.map((c) => `${c.init.method ?? 'GET'} ${c.url} ${c.init.body as string}`)).toEqual(['POST https://api.aerostack.dev/v1/custom/send-invoice {"orderId":"o_1"}']);
    // @ts-expect-error: not a slug of the schema
    void new Aerostack({ apiKey: 'k', fetch: recordingFetch({ body: {} }) }).functions<MyApis>().call('nope', {});
  });

  it('gives the project auth flows of a project', () => {
    const auth = new Aerostack({ apiKey: 'k' }).projectAuth('my-app');
    expect(auth).toBeInstanceOf(ProjectAuth);
    expect(auth.projectSlug).toBe('my-app');
  });

  it('raises the core error classes, re-exported', async () => {
    const fetch = recordingFetch({ status: 404, body: { code: 'NOT_FOUND', message: 'No object at a.png' } });
    const error = await new Aerostack({ apiKey: 'k', fetch }).storage.getMetadata({ key: 'a.png' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(NotFoundError).toBe(core.NotFoundError);
    expect((error as NotFoundError).requestId).toBe('req_1');
  });

  it('exports its own version', () => {
    expect(VERSION).toBe(pkg.version);
  });
});
