// OpenAI's chat request and answer shapes through a gateway API: every new field on the wire byte
// for byte (nock), tool calls and n choices read back, streamed tool_call deltas put back together;
// and, at compile time, the shapes the types refuse (`pnpm typecheck` checks the @ts-expect-error lines).
import { AerostackClient } from '@aerostack/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chatCompletions, chatCompletionsStream, Gateway, type ChatCompletion, type ChatCompletionChunk, type ChatCompletionsParams, type ChatMessage } from '../src';

const HOST = 'https://api.aerostack.dev';
const KEY = 'ask_live_consumer123';
const client = () => new AerostackClient({ apiKey: 'ac_secret_nock', maxRetries: 0 });

const messages: ChatMessage[] = [
  { role: 'developer', content: 'Use the tools.' },
  { role: 'user', content: [{ type: 'text', text: 'Look:' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }] },
  { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"x"}' } }] },
  { role: 'tool', tool_call_id: 'call_1', content: [{ type: 'text', text: 'found' }] },
];
const params: ChatCompletionsParams = {
  apiSlug: 'my-api',
  messages,
  tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] } } }],
  tool_choice: 'required',
  response_format: { type: 'json_object' },
  n: 3,
  max_completion_tokens: 100,
  stop: 'END',
  seed: 1,
  user: 'u-1',
  metadata: { run: 'nightly' },
};
/** What goes on the wire: the params without the slug (it is in the path). */
const body = Object.fromEntries(Object.entries(params).filter(([key]) => key !== 'apiSlug')) as Omit<ChatCompletionsParams, 'apiSlug'>;

const answer: ChatCompletion = {
  id: 'chatcmpl-g',
  object: 'chat.completion',
  choices: [0, 1, 2].map((index) => ({
    index,
    message: { role: 'assistant' as const, content: null, tool_calls: [{ id: `call_${index}`, type: 'function' as const, function: { name: 'lookup', arguments: `{"q":"${index}"}` } }] },
    finish_reason: 'tool_calls' as const,
  })),
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('chatCompletions: OpenAI shapes', () => {
  it('sends every new field as given (the slug in the path, not the body); reads n tool-call choices', async () => {
    let raw = '';
    const scope = nock(HOST)
      .post('/v1/ai/gateway/my-api/chat/completions')
      .reply(200, (_uri, sent) => {
        raw = typeof sent === 'string' ? sent : JSON.stringify(sent);
        return answer;
      });
    const result = await chatCompletions(client(), params, { consumerKey: KEY });
    expect(scope.isDone()).toBe(true);
    expect(raw).toBe(JSON.stringify(body));
    expect(result.choices?.map((c) => [c.index, c.finish_reason, c.message.content, c.message.tool_calls?.[0]?.function.arguments])).toEqual([
      [0, 'tool_calls', null, '{"q":"0"}'],
      [1, 'tool_calls', null, '{"q":"1"}'],
      [2, 'tool_calls', null, '{"q":"2"}'],
    ]);
  });

  it('the facade sends the same bytes, json_schema and a named tool_choice included', async () => {
    let raw = '';
    nock(HOST)
      .post('/v1/ai/gateway/my-api/chat/completions')
      .reply(200, (_uri, sent) => {
        raw = JSON.stringify(sent);
        return answer;
      });
    const named = { ...body, tool_choice: { type: 'function' as const, function: { name: 'lookup' } }, response_format: { type: 'json_schema' as const, json_schema: { name: 'r', schema: { type: 'object' } } } };
    await new Gateway(client(), { apiSlug: 'my-api', consumerKey: KEY }).chatCompletions(named);
    expect(raw).toBe(JSON.stringify(named));
  });

  it('chatCompletionsStream: tool_call deltas of two calls put back together by index', async () => {
    const base = { id: 'chatcmpl-s', object: 'chat.completion.chunk' as const };
    const frames: ChatCompletionChunk[] = [
      { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'lookup', arguments: '' } }] }, finish_reason: null }] },
      { ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '{"q":' } }] }, finish_reason: null }] },
      { ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 1, id: 'call_b', type: 'function', function: { name: 'lookup', arguments: '{"q"' } }] }, finish_reason: null }] },
      { ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '"a"}' } }, { index: 1, function: { arguments: ':"b"}' } }] }, finish_reason: null }] },
      { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] },
    ];
    const sse = frames.map((f) => `data: ${JSON.stringify(f)}\n\n`).join('') + 'data: [DONE]\n\n';
    nock(HOST).post('/v1/ai/gateway/my-api/chat/completions').reply(200, sse, { 'content-type': 'text/event-stream' });
    const calls: { id: string; name: string; arguments: string }[] = [];
    let finish: string | null | undefined;
    for await (const chunk of await chatCompletionsStream(client(), params, { consumerKey: KEY })) {
      finish = chunk.choices[0]?.finish_reason ?? finish;
      for (const d of chunk.choices[0]?.delta.tool_calls ?? []) {
        const call = (calls[d.index] ??= { id: '', name: '', arguments: '' });
        call.id += d.id ?? '';
        call.name += d.function?.name ?? '';
        call.arguments += d.function?.arguments ?? '';
      }
    }
    expect(calls).toEqual([
      { id: 'call_a', name: 'lookup', arguments: '{"q":"a"}' },
      { id: 'call_b', name: 'lookup', arguments: '{"q":"b"}' },
    ]);
    expect(finish).toBe('tool_calls');
  });
});

// Compile-time only: what the types refuse. Never called.
export function refused(): Omit<ChatCompletionsParams, 'apiSlug'>[] {
  return [
    // @ts-expect-error a tool message needs tool_call_id
    { messages: [{ role: 'tool', content: 'x' }] },
    // @ts-expect-error a tool call's arguments are a JSON text, not an object
    { messages: [{ role: 'assistant', tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: {} } }] }] },
    // @ts-expect-error response_format types are text, json_object, json_schema
    { messages: [{ role: 'user', content: 'x' }], response_format: { type: 'yaml' } },
    // @ts-expect-error stop is a string or strings
    { messages: [{ role: 'user', content: 'x' }], stop: 5 },
  ];
}
