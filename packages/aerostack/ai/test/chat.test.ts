import { AuthenticationError, BadRequestError, InternalServerError, InvalidRequestError, RateLimitError, type Client } from '@aerostack/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AerostackClient } from '@aerostack/core';
import { AI, chat, chatStream, type ChatCompletionResponse, type ChatParams } from '../src';
import { API, apiError, clientWith, json, scriptedFetch, sentJSON } from './helpers';

const messages: ChatParams['messages'] = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'Hi ✓' },
];
const completion: ChatCompletionResponse = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1_772_000_000,
  model: '@cf/meta/llama-3-8b-instruct',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello!' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 },
};

describe('chat: on the wire', () => {
  it('POSTs the request as JSON to /ai/chat and returns the completion', async () => {
    const fetch = scriptedFetch(json(completion, 200, { 'x-request-id': 'req_chat' }));
    const params: ChatParams = { messages, model: '@cf/meta/llama-3-8b-instruct', temperature: 0.2, max_tokens: 64, top_p: 0.9 };
    const { data, requestId } = await chat(clientWith(fetch), params).withResponse();
    expect(data).toEqual(completion);
    expect(requestId).toBe('req_chat');
    const [req] = fetch.calls;
    expect(req!.method).toBe('POST');
    expect(req!.url).toBe(`${API}/ai/chat`);
    expect(req!.headers['x-aerostack-key']).toBe('ac_secret_test');
    expect(req!.headers['content-type']).toBe('application/json');
    expect(req!.headers.accept).toBe('application/json');
    expect(req!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(sentJSON(req)).toEqual(params);
  });

  describe('through the real fetch (nock)', () => {
    beforeAll(() => nock.disableNetConnect());
    afterEach(() => nock.cleanAll());
    afterAll(() => nock.enableNetConnect());

    it('the server receives the key header and body', async () => {
      let headers: Record<string, string | string[] | undefined> = {};
      const scope = nock('https://api.aerostack.dev')
        .post('/v1/ai/chat', { messages })
        .reply(function () {
          headers = this.req.headers;
          return [200, completion];
        });
      await expect(chat(new AerostackClient({ apiKey: 'ac_secret_nock' }), { messages })).resolves.toEqual(completion);
      expect(scope.isDone()).toBe(true);
      expect(headers['x-aerostack-key']).toBe('ac_secret_nock');
      expect(headers['content-type']).toBe('application/json');
    });
  });

  it('turns the older { response } answer into one assistant choice, keeping usage', async () => {
    const fetch = scriptedFetch(json({ response: 'Hello from 1.0.0', usage: { total_tokens: 7 } }));
    const result = await chat(clientWith(fetch), { messages });
    expect(result.choices).toEqual([{ index: 0, message: { role: 'assistant', content: 'Hello from 1.0.0' } }]);
    expect(result.usage).toEqual({ total_tokens: 7 });
    expect(result.response).toBe('Hello from 1.0.0'); // kept as sent
  });

  it('keeps the OpenAI shape when both are present', async () => {
    const fetch = scriptedFetch(json({ ...completion, response: 'Hello!' }));
    const result = await chat(clientWith(fetch), { messages });
    expect(result.choices).toEqual(completion.choices);
  });

  it('goes through the AI class with options', async () => {
    const fetch = scriptedFetch(json(completion));
    const ai = new AI(clientWith(fetch));
    await expect(ai.chat({ messages }, { headers: { 'x-trace': 't' }, timeout: 5000 })).resolves.toEqual(completion);
    expect(fetch.calls[0]!.url).toBe(`${API}/ai/chat`);
    expect(fetch.calls[0]!.headers['x-trace']).toBe('t');
    expect(ai.search).toBe(ai.search); // made once
  });
});

describe('chat: errors', () => {
  it.each([
    [400, 'VALIDATION_ERROR', BadRequestError],
    [401, 'AUTH_INVALID_KEY', AuthenticationError],
    [429, 'RATE_LIMIT_EXCEEDED', RateLimitError],
    [500, 'INTERNAL_ERROR', InternalServerError],
  ] as const)('%i is a %s with code, message, details and request id', async (status, code, ErrorClass) => {
    const fetch = scriptedFetch(apiError(status, code, 'it failed', { field: 'messages' }));
    const error = await chat(clientWith(fetch, { maxRetries: 0 }), { messages }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, code, message: `${status} ${code}: it failed`, details: { field: 'messages' }, requestId: `req_${status}` });
  });
});

describe('chat and chatStream: validation is the server\'s', () => {
  // No client-side checks: the params go out as given, and the server's 400 comes back typed.
  const calls: [string, (c: Client, p: ChatParams) => PromiseLike<unknown>][] = [
    ['chat', (c, p) => chat(c, p)],
    ['chatStream', (c, p) => chatStream(c, p)],
  ];

  describe.each(calls)('%s', (_, call) => {
    it('sends bad params as given and rejects with the server\'s BadRequestError', async () => {
      const fetch = scriptedFetch(apiError(400, 'VALIDATION_ERROR', 'temperature must be at most 2', { field: 'temperature' }));
      const params = { messages: [{ role: 'robot', content: 'x' }], temperature: 2.1, max_tokens: 0 } as unknown as ChatParams;
      const error = await call(clientWith(fetch, { maxRetries: 0 }), params).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error).not.toBeInstanceOf(InvalidRequestError);
      expect(error).toMatchObject({ status: 400, code: 'VALIDATION_ERROR', details: { field: 'temperature' } });
      expect(fetch.calls).toHaveLength(1);
      expect(sentJSON(fetch.calls[0])).toMatchObject({ messages: [{ role: 'robot', content: 'x' }], temperature: 2.1, max_tokens: 0 });
    });

    it('accepts the edges of every range', async () => {
      const fetch = scriptedFetch(json(completion), json(completion));
      const client = clientWith(fetch);
      await call(client, { messages: [{ role: 'assistant', content: '' }], temperature: 0, top_p: 0, max_tokens: 1 });
      await call(client, { messages, temperature: 2, top_p: 1, max_tokens: 100_000 });
      expect(fetch.calls).toHaveLength(2);
    });
  });
});
