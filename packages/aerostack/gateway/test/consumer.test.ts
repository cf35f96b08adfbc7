import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AerostackClient, AuthenticationError, BadRequestError, InvalidRequestError, RateLimitError, StreamError } from '@aerostack/core';
import { chatCompletions, chatCompletionsStream, getUsage, getWallet, type ChatCompletionChunk } from '../src';
import { API_KEY, clientWith, json, rejection, scriptedFetch, sentJSON, type SentRequest } from './helpers';
import { sse } from './sse';
import { collect } from '@aerostack-internal/test-utils/streams';

const KEY = 'ask_live_consumer123';
const messages = [{ role: 'user' as const, content: 'Hi' }];
const completion = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1_731_000_000,
  model: '@cf/meta/llama-3-8b-instruct',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello!' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
};
const chunk = (content: string) => ({ id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content }, finish_reason: null }] });
const usageFrame = { id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [], usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } };

/** A consumer route: exactly `Bearer <key>`, and never the project API key. */
function expectConsumer(req: SentRequest | undefined, key = KEY) {
  expect(req?.headers.authorization).toBe(`Bearer ${key}`);
  expect(req?.headers['x-aerostack-key']).toBeUndefined();
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('chatCompletions', () => {
  it('POSTs /v1/ai/gateway/{apiSlug}/chat/completions with Bearer and no API key (checked with nock)', async () => {
    let headers: Record<string, string | string[] | undefined> = {};
    const scope = nock('https://api.aerostack.dev')
      .post('/v1/ai/gateway/my-api/chat/completions', { messages, model: 'm', temperature: 0.2, max_tokens: 50 })
      .reply(function () {
        headers = this.req.headers;
        return [200, completion];
      });
    const client = new AerostackClient({ apiKey: API_KEY });
    const result = await chatCompletions(client, { apiSlug: 'my-api', messages, model: 'm', temperature: 0.2, max_tokens: 50 }, { consumerKey: KEY });
    expect(scope.isDone()).toBe(true);
    expect(result).toEqual(completion);
    expect(headers.authorization).toBe(`Bearer ${KEY}`);
    expect(headers['x-aerostack-key']).toBeUndefined();
    expect(headers['content-type']).toBe('application/json');
  });

  it('v1 and host path forms, with the slug percent-encoded', async () => {
    const fetch = scriptedFetch(json(completion), json(completion), json(completion));
    await chatCompletions(clientWith(fetch), { apiSlug: 'my-api', messages }, { consumerKey: KEY });
    await chatCompletions(clientWith(fetch), { apiSlug: 'my-api', messages }, { consumerKey: KEY, pathStyle: 'host' });
    await chatCompletions(clientWith(fetch, { environment: 'local' }), { apiSlug: 'a b/c', messages }, { consumerKey: KEY, pathStyle: 'host' });
    expect(fetch.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST https://api.aerostack.dev/v1/ai/gateway/my-api/chat/completions',
      'POST https://api.aerostack.dev/api/gateway/my-api/v1/chat/completions',
      'POST http://localhost:8787/api/gateway/a%20b%2Fc/v1/chat/completions',
    ]);
    for (const call of fetch.calls) {
      expectConsumer(call);
      expect(sentJSON(call)).toEqual({ messages });
    }
  });

  it('host form: the base URL loses trailing slashes and its /v1, nothing else', async () => {
    const fetch = scriptedFetch(json(completion), json(completion), json(completion));
    for (const baseURL of ['https://gw.example.com/v1/', 'https://gw.example.com//', 'https://gw.example.com/v1/v1']) {
      await chatCompletions(clientWith(fetch, { baseURL }), { apiSlug: 's', messages }, { consumerKey: KEY, pathStyle: 'host' });
    }
    expect(fetch.calls.map((c) => c.url)).toEqual([
      'https://gw.example.com/api/gateway/s/v1/chat/completions',
      'https://gw.example.com/api/gateway/s/v1/chat/completions',
      'https://gw.example.com/v1/api/gateway/s/v1/chat/completions',
    ]);
  });

  it('takes a user JWT as the credential', async () => {
    const fetch = scriptedFetch(json(completion));
    await chatCompletions(clientWith(fetch), { apiSlug: 'my-api', messages }, { consumerKey: 'eyJhbGciOi.user.jwt' });
    expectConsumer(fetch.calls[0], 'eyJhbGciOi.user.jwt');
  });

  it('without a consumer key: InvalidRequestError naming the option, nothing sent', async () => {
    const fetch = scriptedFetch();
    const error = await rejection(chatCompletions(clientWith(fetch), { apiSlug: 'my-api', messages }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.code).toBe('MISSING_CONSUMER_KEY');
    expect(error.message).toBe('Missing consumerKey: pass { consumerKey }');
    expect(fetch.calls).toHaveLength(0);
  });

  it('leaves apiSlug and messages to the server, whose 400 is a BadRequestError', async () => {
    const fieldErrors = { messages: ['must not be empty'] };
    const fetch = scriptedFetch(json({ code: 'VALIDATION_ERROR', message: 'Invalid request', details: { fieldErrors } }, 400));
    const error = await rejection(chatCompletions(clientWith(fetch), { apiSlug: 'my-api', messages: [] }, { consumerKey: KEY }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_ERROR', details: { fieldErrors } });
    expect(fetch.calls).toHaveLength(1);
  });

  it('raises 401 as AuthenticationError (string `error` body too)', async () => {
    const fetch = scriptedFetch(
      json({ code: 'AUTH_INVALID_KEY', message: 'Invalid consumer key' }, 401, { 'x-request-id': 'req_401' }),
      json({ error: 'Consumer key revoked' }, 401),
    );
    const error = await rejection(chatCompletions(clientWith(fetch), { apiSlug: 'my-api', messages }, { consumerKey: KEY }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'AUTH_INVALID_KEY', message: '401 AUTH_INVALID_KEY: Invalid consumer key', requestId: 'req_401' });
    const plain = await rejection(chatCompletions(clientWith(fetch), { apiSlug: 'my-api', messages }, { consumerKey: KEY }));
    expect(plain.message).toBe('401: Consumer key revoked');
  });

  it('raises 429 as RateLimitError with its headers when retries are used up', async () => {
    const fetch = scriptedFetch(json({ code: 'RATE_LIMIT_EXCEEDED', message: 'Quota exceeded', details: { limit: 100 } }, 429, { 'retry-after': '30', 'x-request-id': 'req_429' }));
    const error = await rejection(chatCompletions(clientWith(fetch), { apiSlug: 'my-api', messages }, { consumerKey: KEY }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, code: 'RATE_LIMIT_EXCEEDED', message: '429 RATE_LIMIT_EXCEEDED: Quota exceeded', details: { limit: 100 }, requestId: 'req_429' });
    expect((error.headers as Headers).get('retry-after')).toBe('30');
  });

  it('retries a 429 after retry-after-ms, with the same idempotency key and the Bearer again', async () => {
    const fetch = scriptedFetch(json({ code: 'RATE_LIMIT_EXCEEDED', message: 'slow down' }, 429, { 'retry-after-ms': '1' }), json(completion));
    const client = new AerostackClient({ apiKey: API_KEY, fetch, retry: { initialDelay: 1 } });
    expect(await chatCompletions(client, { apiSlug: 'my-api', messages }, { consumerKey: KEY })).toEqual(completion);
    expect(fetch.calls).toHaveLength(2);
    expect(fetch.calls.map((c) => c.headers['x-retry-count'])).toEqual(['0', '1']);
    expect(fetch.calls[1]!.headers['idempotency-key']).toBe(fetch.calls[0]!.headers['idempotency-key']);
    for (const call of fetch.calls) expectConsumer(call);
  });
});

describe('chatCompletionsStream', () => {
  it('streams chunks from the v1 path, with stream: true, Bearer and no API key', async () => {
    const fetch = scriptedFetch(sse([chunk('Hel'), chunk('lo'), usageFrame, '[DONE]']));
    const stream = await chatCompletionsStream(clientWith(fetch), { apiSlug: 'my-api', messages, stream_options: { include_usage: true } }, { consumerKey: KEY });
    const chunks: ChatCompletionChunk[] = await collect(stream);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('Hello');
    expect(chunks.at(-1)?.usage).toEqual({ prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 });
    const sent = fetch.calls[0]!;
    expect(sent).toMatchObject({ method: 'POST', url: 'https://api.aerostack.dev/v1/ai/gateway/my-api/chat/completions' });
    expect(sentJSON(sent)).toEqual({ messages, stream_options: { include_usage: true }, stream: true });
    expect(sent.headers.accept).toBe('text/event-stream');
    expect(sent.headers['content-type']).toBe('application/json');
    expectConsumer(sent);
  });

  it('uses the host path form when asked', async () => {
    const fetch = scriptedFetch(sse(['[DONE]']));
    await collect(await chatCompletionsStream(clientWith(fetch), { apiSlug: 'my-api', messages }, { consumerKey: KEY, pathStyle: 'host' }));
    expect(fetch.calls[0]!.url).toBe('https://api.aerostack.dev/api/gateway/my-api/v1/chat/completions');
    expectConsumer(fetch.calls[0]);
  });

  it('throws 401 before iterating', async () => {
    const fetch = scriptedFetch(json({ error: 'Invalid consumer key' }, 401, { 'x-request-id': 'req_s401' }));
    const error = await rejection(chatCompletionsStream(clientWith(fetch), { apiSlug: 'my-api', messages }, { consumerKey: KEY }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, message: '401: Invalid consumer key', requestId: 'req_s401' });
  });

  it('retries a 429 (retry-after-ms) before the stream starts', async () => {
    const fetch = scriptedFetch(json({ code: 'RATE_LIMIT_EXCEEDED', message: 'slow down' }, 429, { 'retry-after-ms': '1' }), sse([chunk('ok'), '[DONE]']));
    const client = new AerostackClient({ apiKey: API_KEY, fetch, retry: { initialDelay: 1 } });
    const chunks = await collect(await chatCompletionsStream(client, { apiSlug: 'my-api', messages }, { consumerKey: KEY }));
    expect(chunks).toHaveLength(1);
    expect(fetch.calls).toHaveLength(2);
  });

  it('raises 429 as RateLimitError when retries are used up', async () => {
    const fetch = scriptedFetch(json({ code: 'RATE_LIMIT_EXCEEDED', message: 'Quota exceeded' }, 429, { 'retry-after': '1' }));
    const error = await rejection(chatCompletionsStream(clientWith(fetch), { apiSlug: 'my-api', messages }, { consumerKey: KEY }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.code).toBe('RATE_LIMIT_EXCEEDED');
  });

  // The gateway's spent wallet: `429 QUOTA_EXCEEDED` (the emulator's shape, with the string `error`
  // the platform's clients read). It used to be retried whenever its Retry-After was short or absent.
  it.each([
    ['without Retry-After', {}],
    ['with a short Retry-After', { 'retry-after': '1' }],
  ])('a spent quota (429 QUOTA_EXCEEDED) %s is never retried: a RateLimitError with that code', async (_name, headers) => {
    const quota = () => json({ code: 'QUOTA_EXCEEDED', message: 'The wallet of this consumer for my-api is empty', details: { balance: 0 }, error: 'The wallet of this consumer for my-api is empty' }, 429, headers);
    for (const call of [
      (f: ReturnType<typeof scriptedFetch>) => chatCompletions(clientWith(f), { apiSlug: 'my-api', messages }, { consumerKey: KEY, retry: { initialDelay: 1 } }),
      (f: ReturnType<typeof scriptedFetch>) => chatCompletionsStream(clientWith(f), { apiSlug: 'my-api', messages }, { consumerKey: KEY, retry: { initialDelay: 1 } }),
    ]) {
      const fetch = scriptedFetch(quota(), quota(), quota());
      const error = await rejection(call(fetch));
      expect(fetch.calls).toHaveLength(1);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error).toMatchObject({ status: 429, code: 'QUOTA_EXCEEDED', details: { balance: 0 } });
    }
  });

  it('an error frame mid-stream is a StreamError', async () => {
    const fetch = scriptedFetch(sse([chunk('Hel'), { error: { code: 'RATE_LIMIT_EXCEEDED', message: 'quota hit mid-stream' } }]));
    const stream = await chatCompletionsStream(clientWith(fetch), { apiSlug: 'my-api', messages }, { consumerKey: KEY });
    const error = await rejection(collect(stream));
    expect(error).toBeInstanceOf(StreamError);
    expect(error).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', message: 'quota hit mid-stream' });
  });

  it('without a consumer key: InvalidRequestError, nothing sent', async () => {
    const fetch = scriptedFetch();
    const error = await rejection(chatCompletionsStream(clientWith(fetch), { apiSlug: 'my-api', messages }, { consumerKey: '' }));
    expect(error).toMatchObject({ code: 'MISSING_CONSUMER_KEY' });
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('getWallet', () => {
  const wallet = { wallet: { balance: 12.5, total_consumed: 87.5, total_purchased: 100, plan_type: 'prepaid', hard_limit: null, soft_limit: 10 } };

  it('GETs the wallet with api_slug, Bearer, no API key and no body, in both path forms', async () => {
    const fetch = scriptedFetch(json(wallet), json(wallet));
    expect(await getWallet(clientWith(fetch), { apiSlug: 'my-api' }, { consumerKey: KEY })).toEqual(wallet);
    await getWallet(clientWith(fetch), { apiSlug: 'my api' }, { consumerKey: KEY, pathStyle: 'host' });
    expect(fetch.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET https://api.aerostack.dev/v1/ai/gateway/me/wallet?api_slug=my-api',
      'GET https://api.aerostack.dev/api/gateway/me/wallet?api_slug=my+api',
    ]);
    for (const call of fetch.calls) {
      expectConsumer(call);
      expect(call.body).toBeUndefined();
      expect(call.headers['content-type']).toBeUndefined();
    }
  });

  it('raises 401 as AuthenticationError', async () => {
    const fetch = scriptedFetch(json({ code: 'AUTH_INVALID_KEY', message: 'Invalid or missing consumer key' }, 401, { 'x-request-id': 'req_w' }));
    const error = await rejection(getWallet(clientWith(fetch), { apiSlug: 'my-api' }, { consumerKey: KEY }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'AUTH_INVALID_KEY', requestId: 'req_w' });
  });

  it('needs the consumer key and the slug', async () => {
    const fetch = scriptedFetch();
    expect((await rejection(getWallet(clientWith(fetch), { apiSlug: 'my-api' }))).code).toBe('MISSING_CONSUMER_KEY');
    expect(await rejection(getWallet(clientWith(fetch), { apiSlug: '' }, { consumerKey: KEY }))).toMatchObject({ code: 'VALIDATION_ERROR', message: 'apiSlug is required', details: { field: 'apiSlug' } });
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('getUsage', () => {
  const usage = { total_tokens: 1234, total_requests: 56, days: 7 };

  it('GETs the usage with api_slug and days, Bearer, no API key, in both path forms', async () => {
    const fetch = scriptedFetch(json(usage), json(usage));
    expect(await getUsage(clientWith(fetch), { apiSlug: 'my-api', days: 7 }, { consumerKey: KEY })).toEqual(usage);
    await getUsage(clientWith(fetch), { apiSlug: 'my-api' }, { consumerKey: KEY, pathStyle: 'host' });
    expect(fetch.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET https://api.aerostack.dev/v1/ai/gateway/me/usage?api_slug=my-api&days=7',
      'GET https://api.aerostack.dev/api/gateway/me/usage?api_slug=my-api',
    ]);
    for (const call of fetch.calls) expectConsumer(call);
  });

  it('raises 401 as AuthenticationError', async () => {
    const fetch = scriptedFetch(json({ error: 'Unauthorized' }, 401));
    const error = await rejection(getUsage(clientWith(fetch), { apiSlug: 'my-api' }, { consumerKey: KEY }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toBe('401: Unauthorized');
  });

  it('checks days before sending', async () => {
    const fetch = scriptedFetch();
    const error = await rejection(getUsage(clientWith(fetch), { apiSlug: 'my-api', days: 0 }, { consumerKey: KEY }));
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', message: 'days must be a whole number, 1 or more', details: { field: 'days' } });
    expect(fetch.calls).toHaveLength(0);
  });
});
