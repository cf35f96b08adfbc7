import { APIConnectionError, InternalServerError, InvalidRequestError, NotFoundError, SmarterClient } from '@smarter/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Chat, completions, createCompletion, VERSION, type ChatCompletionCreateParams } from '../src';
import pkg from '../package.json';
import { API, clientWith, json, JOURNAL, KEY, rejection, scriptedFetch, sentJSON } from './helpers';

const PARAMS: ChatCompletionCreateParams = { model: 'gpt-4o', messages: [{ role: 'user', content: 'Say this is a test' }], temperature: 0.2 };

/** What the v0.14 passthrough answers: the provider's completion with the envelope's api/metadata merged in. */
const COMPLETION = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1_751_000_000,
  model: 'gpt-4o-2024-08-06',
  choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'This is a test.' } }],
  usage: { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 },
  api: 'smarter.sh/v1',
  metadata: { key: JOURNAL },
};

describe('completions.create: on the wire', () => {
  it('POSTs the Chat Completions body to prompts/passthrough/openai/ and resolves to the whole completion', async () => {
    const fetch = scriptedFetch(json(COMPLETION));
    const { data, requestId } = await createCompletion(clientWith(fetch), PARAMS).withResponse();
    expect(data).toEqual(COMPLETION);
    expect(data.choices[0]!.message.content).toBe('This is a test.');
    expect(requestId).toBe(JOURNAL);
    const [req] = fetch.calls;
    expect(fetch.calls).toHaveLength(1);
    expect(req!.method).toBe('POST');
    expect(req!.url).toBe(`${API}prompts/passthrough/openai/`);
    expect(req!.headers.authorization).toBe(`Token ${KEY}`);
    expect(req!.headers['content-type']).toBe('application/json');
    expect(req!.headers['idempotency-key']).toBeUndefined();
    expect(sentJSON(req)).toEqual(PARAMS);
  });

  it('takes the provider from the params (left out of the body), else from the options; percent-encoded', async () => {
    const fetch = scriptedFetch(json(COMPLETION), json(COMPLETION), json(COMPLETION));
    const client = clientWith(fetch);
    await createCompletion(client, { ...PARAMS, provider: 'my provider/x' });
    await createCompletion(client, PARAMS, { provider: 'anthropic' });
    await createCompletion(client, { ...PARAMS, provider: 'googleai' }, { provider: 'anthropic' });
    expect(fetch.calls.map((c) => c.url)).toEqual([
      `${API}prompts/passthrough/my%20provider%2Fx/`,
      `${API}prompts/passthrough/anthropic/`,
      `${API}prompts/passthrough/googleai/`,
    ]);
    expect(sentJSON(fetch.calls[0])).toEqual(PARAMS);
  });

  it('reads like the seed: new Chat(client).completions.create(...) and completions.create(client, ...)', async () => {
    const fetch = scriptedFetch(json(COMPLETION), json(COMPLETION));
    const client = clientWith(fetch);
    await expect(new Chat(client).completions.create(PARAMS, { headers: { 'x-trace': 't1' } })).resolves.toEqual(COMPLETION);
    await expect(completions.create(client, PARAMS)).resolves.toEqual(COMPLETION);
    expect(fetch.calls[0]!.headers['x-trace']).toBe('t1');
    expect(fetch.calls[1]!.url).toBe(`${API}prompts/passthrough/openai/`);
  });

  it.each([undefined, 'v0.13', 'v0.14'] as const)('does not depend on the generation (%s): no detection call, the same route', async (generation) => {
    const fetch = scriptedFetch(json(COMPLETION));
    await createCompletion(clientWith(fetch, { generation }), PARAMS);
    expect(fetch.calls.map((c) => c.url)).toEqual([`${API}prompts/passthrough/openai/`]);
  });

  it('exports its own version', () => {
    expect(VERSION).toBe(pkg.version);
  });

  describe('through the real fetch (nock)', () => {
    beforeAll(() => nock.disableNetConnect());
    afterEach(() => nock.cleanAll());
    afterAll(() => nock.enableNetConnect());

    it('the server receives the JSON body and the Token header', async () => {
      let received: unknown;
      let auth: unknown;
      const scope = nock('http://localhost:9357')
        .post('/api/v1/prompts/passthrough/openai/', (body: unknown) => {
          received = body;
          return true;
        })
        .reply(function () {
          auth = this.req.headers.authorization;
          return [200, COMPLETION];
        });
      await expect(createCompletion(new SmarterClient({ apiKey: KEY, environment: 'local' }), PARAMS)).resolves.toEqual(COMPLETION);
      expect(scope.isDone()).toBe(true);
      expect(received).toEqual(PARAMS);
      expect(auth).toBe(`Token ${KEY}`);
    });
  });
});

describe('completions.create: retries', () => {
  it('is not retried (a write; the platform has no idempotency keys)', async () => {
    const fetch = scriptedFetch(json({ error: { errorClass: 'X', description: 'boom' }, api: 'smarter.sh/v1' }, 500), json(COMPLETION));
    expect(await rejection(createCompletion(clientWith(fetch, { maxRetries: 3 }), PARAMS))).toBeInstanceOf(InternalServerError);
    expect(fetch.calls).toHaveLength(1);
  });

  it('a connection error is an APIConnectionError after one attempt', async () => {
    const fetch = scriptedFetch(new TypeError('fetch failed'));
    const error = await rejection(createCompletion(clientWith(fetch), PARAMS));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(fetch.calls).toHaveLength(1);
  });

  it("passes a caller's idempotencyKey through, and is then retried with the same key", async () => {
    const fetch = scriptedFetch(json({ error: { errorClass: 'X', description: 'busy' }, api: 'smarter.sh/v1' }, 503), json(COMPLETION));
    await expect(createCompletion(clientWith(fetch), PARAMS, { idempotencyKey: 'chat-42' })).resolves.toEqual(COMPLETION);
    expect(fetch.calls.map((c) => c.headers['idempotency-key'])).toEqual(['chat-42', 'chat-42']);
  });

  it('on a v0.13 platform (no passthrough route: an HTML 404) the error is a NotFoundError', async () => {
    const fetch = scriptedFetch(new Response('<!doctype html><h1>Not Found</h1>', { status: 404, statusText: 'Not Found', headers: { 'content-type': 'text/html' } }));
    const error = await rejection(createCompletion(clientWith(fetch, { generation: 'v0.13' }), PARAMS));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, message: '404: HTTP 404 Not Found' });
  });
});

describe('completions.create: input checks', () => {
  it.each([
    ['model', { ...PARAMS, model: '' }],
    ['messages', { ...PARAMS, messages: [] }],
    ['messages', { model: 'gpt-4o' } as unknown as ChatCompletionCreateParams],
    ['stream', { ...PARAMS, stream: true }],
    ['provider', { ...PARAMS, provider: '' }],
  ])('rejects a bad %s with a VALIDATION_ERROR before sending', async (field, params) => {
    const fetch = scriptedFetch();
    const error = await rejection(createCompletion(clientWith(fetch), params));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', details: { field } });
    expect((error as Error).message).toMatch(new RegExp(`^${field}: `));
    expect(fetch.calls).toHaveLength(0);
  });
});
