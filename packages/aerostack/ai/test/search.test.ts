import { AerostackClient, AuthenticationError, BadRequestError, InternalServerError, InvalidRequestError, RateLimitError, type APIPromise, type Client, type RequestOptions } from '@aerostack/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as ai from '../src';
import { API, apiError, clientWith, json, scriptedFetch, sentJSON } from './helpers';

type Call = (client: Client, options?: RequestOptions) => APIPromise<unknown>;

interface Case {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  call: Call;
  viaClass: (s: ai.Search, options?: RequestOptions) => APIPromise<unknown>;
  sent: unknown;
  reply: unknown;
  /** A read sent as POST: retried without an idempotency key. */
  read?: boolean;
}

const doc = { id: 'doc-1', content: 'Refunds take 5 days', score: 0.92, type: 'faq', metadata: { lang: 'en' } };
const cases: Case[] = [
  {
    name: 'searchIngest',
    method: 'POST',
    path: '/ai/search/ingest',
    call: (c, o) => ai.searchIngest(c, { content: 'Refunds take 5 days', type: 'faq', id: 'doc-1', metadata: { lang: 'en' } }, o),
    viaClass: (s, o) => s.ingest({ content: 'Refunds take 5 days', type: 'faq', id: 'doc-1', metadata: { lang: 'en' } }, o),
    sent: { content: 'Refunds take 5 days', type: 'faq', id: 'doc-1', metadata: { lang: 'en' } },
    reply: { success: true },
  },
  {
    name: 'searchQuery',
    method: 'POST',
    path: '/ai/search/query',
    call: (c, o) => ai.searchQuery(c, { text: 'how long do refunds take?', topK: 3, types: ['faq'], filter: { lang: 'en' } }, o),
    viaClass: (s, o) => s.query({ text: 'how long do refunds take?', topK: 3, types: ['faq'], filter: { lang: 'en' } }, o),
    sent: { text: 'how long do refunds take?', topK: 3, types: ['faq'], filter: { lang: 'en' } },
    reply: { results: [doc] },
    read: true,
  },
  {
    name: 'searchUpdate',
    method: 'POST',
    path: '/ai/search/update',
    call: (c, o) => ai.searchUpdate(c, { id: 'doc-1', content: 'Refunds take 3 days', type: 'faq' }, o),
    viaClass: (s, o) => s.update({ id: 'doc-1', content: 'Refunds take 3 days', type: 'faq' }, o),
    sent: { id: 'doc-1', content: 'Refunds take 3 days', type: 'faq' },
    reply: { success: true },
  },
  {
    name: 'searchGet',
    method: 'POST',
    path: '/ai/search/get',
    call: (c, o) => ai.searchGet(c, { id: 'doc-1' }, o),
    viaClass: (s, o) => s.get({ id: 'doc-1' }, o),
    sent: { id: 'doc-1' },
    reply: { result: doc, exists: true },
    read: true,
  },
  {
    name: 'searchCount',
    method: 'POST',
    path: '/ai/search/count',
    call: (c, o) => ai.searchCount(c, { type: 'faq' }, o),
    viaClass: (s, o) => s.count({ type: 'faq' }, o),
    sent: { type: 'faq' },
    reply: { count: 42 },
    read: true,
  },
  {
    name: 'searchCount (total)',
    method: 'POST',
    path: '/ai/search/count',
    call: (c, o) => ai.searchCount(c, undefined, o),
    viaClass: (s, o) => s.count(undefined, o),
    sent: {},
    reply: { count: 100 },
    read: true,
  },
  {
    name: 'searchDelete',
    method: 'POST',
    path: '/ai/search/delete',
    call: (c, o) => ai.searchDelete(c, { id: 'doc-1' }, o),
    viaClass: (s, o) => s.delete({ id: 'doc-1' }, o),
    sent: { id: 'doc-1' },
    reply: { success: true },
  },
  {
    name: 'searchDeleteByType',
    method: 'POST',
    path: '/ai/search/deleteByType',
    call: (c, o) => ai.searchDeleteByType(c, { type: 'faq' }, o),
    viaClass: (s, o) => s.deleteByType({ type: 'faq' }, o),
    sent: { type: 'faq' },
    reply: { success: true },
  },
  {
    name: 'searchListTypes',
    method: 'GET',
    path: '/ai/search/listTypes',
    call: (c, o) => ai.searchListTypes(c, o),
    viaClass: (s, o) => s.listTypes(o),
    sent: undefined,
    reply: { types: [{ type: 'faq', count: 42 }, { type: 'docs', count: 58 }] },
  },
  {
    name: 'searchConfigure',
    method: 'POST',
    path: '/ai/search/configure',
    call: (c, o) => ai.searchConfigure(c, { embeddingModel: 'multilingual' }, o),
    viaClass: (s, o) => s.configure({ embeddingModel: 'multilingual' }, o),
    sent: { embeddingModel: 'multilingual' },
    reply: { success: true },
  },
  {
    name: 'searchConfigure (model alias)',
    method: 'POST',
    path: '/ai/search/configure',
    call: (c, o) => ai.searchConfigure(c, { model: 'english' }, o),
    viaClass: (s, o) => s.configure({ model: 'english' }, o),
    sent: { embeddingModel: 'english' },
    reply: { success: true },
  },
];

describe.each(cases)('$name', ({ method, path, call, viaClass, sent, reply, read }) => {
  it(`${method} ${path} with the key header, returning the parsed body`, async () => {
    const fetch = scriptedFetch(json(reply, 200, { 'x-request-id': 'req_ok' }));
    const { data, requestId } = await call(clientWith(fetch)).withResponse();
    expect(data).toEqual(reply);
    expect(requestId).toBe('req_ok');
    const [req] = fetch.calls;
    expect(req!.method).toBe(method);
    expect(req!.url).toBe(API + path);
    expect(req!.headers['x-aerostack-key']).toBe('ac_secret_test');
    expect(req!.headers.accept).toBe('application/json');
    if (method === 'POST') {
      expect(req!.headers['content-type']).toBe('application/json');
      if (read) expect(req!.headers['idempotency-key']).toBeUndefined();
      else expect(req!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
      expect(sentJSON(req)).toEqual(sent);
    } else {
      expect(req!.headers['content-type']).toBeUndefined();
      expect(req!.init.body).toBeUndefined();
    }
  });

  it('the Search class method sends the same and passes options', async () => {
    const fetch = scriptedFetch(json(reply));
    const search = new ai.AI(clientWith(fetch)).search;
    await expect(viaClass(search, { headers: { 'x-trace': 't' } })).resolves.toEqual(reply);
    expect(fetch.calls[0]!.url).toBe(API + path);
    expect(fetch.calls[0]!.method).toBe(method);
    if (method === 'POST') expect(sentJSON(fetch.calls[0])).toEqual(sent);
    expect(fetch.calls[0]!.headers['x-trace']).toBe('t');
  });

  it.each([
    [400, 'VALIDATION_ERROR', BadRequestError],
    [401, 'AUTH_INVALID_KEY', AuthenticationError],
    [429, 'RATE_LIMIT_EXCEEDED', RateLimitError],
    [500, 'INTERNAL_ERROR', InternalServerError],
  ] as const)('%i is a %s with code, message, details and request id', async (status, code, ErrorClass) => {
    const fetch = scriptedFetch(apiError(status, code, 'it failed', { field: 'x' }));
    const error = await call(clientWith(fetch, { maxRetries: 0 })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, code, message: `${status} ${code}: it failed`, details: { field: 'x' }, requestId: `req_${status}` });
  });

  it('retries a 503 and then succeeds', async () => {
    const fetch = scriptedFetch(apiError(503, 'INTERNAL_ERROR', 'busy'), json(reply));
    await expect(call(clientWith(fetch))).resolves.toEqual(reply);
    expect(fetch.calls).toHaveLength(2);
  });
});

describe('search: validation before sending', () => {
  const bad: [string, (c: Client) => PromiseLike<unknown>, string, RegExp][] = [
    ['ingest without content', (c) => ai.searchIngest(c, { content: '', type: 'faq' }), 'content', /^content: a non-empty string needed, got ""/],
    ['ingest without type', (c) => ai.searchIngest(c, { content: 'x' } as ai.SearchIngestParams), 'type', /^type: a non-empty string needed, got undefined/],
    ['query without text', (c) => ai.searchQuery(c, { text: '' }), 'text', /^text: a non-empty string/],
    ['update without id', (c) => ai.searchUpdate(c, { id: '', content: 'x' }), 'id', /^id: a non-empty string/],
    ['update without content', (c) => ai.searchUpdate(c, { id: 'a' } as ai.SearchUpdateParams), 'content', /^content: /],
    ['get without id', (c) => ai.searchGet(c, {} as ai.SearchGetParams), 'id', /^id: a non-empty string needed, got undefined/],
    ['delete without id', (c) => ai.searchDelete(c, { id: '' }), 'id', /^id: /],
    ['deleteByType without type', (c) => ai.searchDeleteByType(c, { type: '' }), 'type', /^type: /],
    ['configure with an unknown model', (c) => ai.searchConfigure(c, { embeddingModel: 'french' as 'english' }), 'embeddingModel', /^embeddingModel: "english" or "multilingual", got "french"/],
    ['configure with nothing', (c) => ai.searchConfigure(c, {} as ai.SearchConfigureParams), 'embeddingModel', /^embeddingModel: /],
  ];

  it.each(bad)('rejects %s, sending nothing', async (_, call, field, why) => {
    const fetch = scriptedFetch();
    const error = await call(clientWith(fetch)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).message).toMatch(why);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', details: { field } });
    expect(fetch.calls).toHaveLength(0);
  });

  it('query leaves topK to the server: sent as given', async () => {
    const fetch = scriptedFetch(json({ results: [] }), json({ results: [] }), apiError(400, 'VALIDATION_ERROR', 'topK must be at least 1'));
    const client = clientWith(fetch, { maxRetries: 0 });
    await ai.searchQuery(client, { text: 'x', topK: 1 });
    await ai.searchQuery(client, { text: 'x' });
    await expect(ai.searchQuery(client, { text: 'x', topK: 0 })).rejects.toBeInstanceOf(BadRequestError);
    expect(fetch.calls.map(sentJSON)).toEqual([{ text: 'x', topK: 1 }, { text: 'x' }, { text: 'x', topK: 0 }]);
  });
});

describe('through the real fetch (nock)', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('query and listTypes', async () => {
    let headers: Record<string, string | string[] | undefined> = {};
    const scope = nock('https://api.aerostack.dev')
      .post('/v1/ai/search/query', { text: 'refunds', topK: 2 })
      .reply(function () {
        headers = this.req.headers;
        return [200, { results: [doc] }];
      })
      .get('/v1/ai/search/listTypes')
      .reply(200, { types: [] });
    const client = new AerostackClient({ apiKey: 'ac_secret_nock' });
    await expect(ai.searchQuery(client, { text: 'refunds', topK: 2 })).resolves.toEqual({ results: [doc] });
    await expect(ai.searchListTypes(client)).resolves.toEqual({ types: [] });
    expect(scope.isDone()).toBe(true);
    expect(headers['x-aerostack-key']).toBe('ac_secret_nock');
  });
});
