// OpenAI's chat request and answer shapes: every new field on the wire byte for byte (nock), tool
// calls and n choices read back, streamed tool_call deltas put back together; and, at compile time,
// the shapes the types refuse (`pnpm typecheck` checks this file: each @ts-expect-error must hold).
import { AerostackClient } from '@aerostack/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chat, chatStream, collectText, type ChatCompletionChunk, type ChatCompletionResponse, type ChatMessage, type ChatParams } from '../src';

const HOST = 'https://api.aerostack.dev';
const client = () => new AerostackClient({ apiKey: 'ac_secret_nock', maxRetries: 0 });

const history: ChatMessage[] = [
  { role: 'developer', content: 'Use the tools.' },
  { role: 'system', content: [{ type: 'text', text: 'Be brief.' }], name: 'rules' },
  { role: 'user', content: [{ type: 'text', text: 'What is here?' }, { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } }] },
  { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
  { role: 'tool', tool_call_id: 'call_1', content: '{"temp":21}' },
];
const params: ChatParams = {
  messages: history,
  tools: [{ type: 'function', function: { name: 'get_weather', description: 'Forecast', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }, strict: true } }],
  tool_choice: { type: 'function', function: { name: 'get_weather' } },
  response_format: { type: 'json_schema', json_schema: { name: 'forecast', schema: { type: 'object' }, strict: true } },
  n: 2,
  max_completion_tokens: 64,
  stop: ['\n\n', 'END'],
  seed: 42,
  user: 'user-7',
  metadata: { team: 'search' },
};

const toolCallAnswer: ChatCompletionResponse = {
  id: 'chatcmpl-t',
  object: 'chat.completion',
  created: 1_772_000_000,
  model: 'm',
  choices: [
    { index: 0, message: { role: 'assistant', content: null, tool_calls: [{ id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] }, finish_reason: 'tool_calls' },
    { index: 1, message: { role: 'assistant', content: null, tool_calls: [{ id: 'call_b', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Lyon"}' } }] }, finish_reason: 'tool_calls' },
  ],
  usage: { prompt_tokens: 20, completion_tokens: 12, total_tokens: 32 },
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('chat: OpenAI request shapes on the wire', () => {
  it('sends every new field as given: roles, content parts, content null with tool_calls, tools, tool_choice, response_format, n, max_completion_tokens, stop, seed, user, metadata', async () => {
    let raw = '';
    const scope = nock(HOST)
      .post('/v1/ai/chat')
      .reply(200, (_uri, body) => {
        raw = typeof body === 'string' ? body : JSON.stringify(body);
        return toolCallAnswer;
      });
    await chat(client(), params);
    expect(scope.isDone()).toBe(true);
    // The bytes: the params serialized as they are, in their order, nothing added or renamed.
    expect(raw).toBe(JSON.stringify(params));
    expect(raw).toContain('"content":null,"tool_calls":[{"id":"call_1"');
    expect(raw).toContain('"tool_choice":{"type":"function","function":{"name":"get_weather"}}');
  });

  it("the string forms: tool_choice 'required', stop as one string, response_format json_object", async () => {
    const bodies: unknown[] = [];
    nock(HOST)
      .post('/v1/ai/chat')
      .times(2)
      .reply(200, (_uri, body) => {
        bodies.push(body);
        return toolCallAnswer;
      });
    await chat(client(), { messages: [{ role: 'user', content: 'hi' }], tools: params.tools ?? [], tool_choice: 'required', stop: 'END' });
    await chat(client(), { messages: [{ role: 'user', content: 'hi' }], response_format: { type: 'json_object' }, stop: null });
    expect(bodies).toEqual([
      { messages: [{ role: 'user', content: 'hi' }], tools: params.tools, tool_choice: 'required', stop: 'END' },
      { messages: [{ role: 'user', content: 'hi' }], response_format: { type: 'json_object' }, stop: null },
    ]);
  });
});

describe('chat: OpenAI answer shapes', () => {
  it('reads tool calls (content null, finish_reason tool_calls) and n choices', async () => {
    nock(HOST).post('/v1/ai/chat').reply(200, toolCallAnswer);
    const answer = await chat(client(), params);
    expect(answer.choices?.map((c) => [c.index, c.finish_reason, c.message.content, c.message.tool_calls?.[0]?.id])).toEqual([
      [0, 'tool_calls', null, 'call_a'],
      [1, 'tool_calls', null, 'call_b'],
    ]);
    const args = answer.choices?.map((c) => JSON.parse(c.message.tool_calls?.[0]?.function.arguments ?? 'null') as unknown);
    expect(args).toEqual([{ city: 'Paris' }, { city: 'Lyon' }]);
    // The answer goes back as history as it is: an assistant message, then the tool's.
    const message = answer.choices?.[0]?.message;
    const next: ChatMessage[] = [...history, { ...message!, role: 'assistant' }, { role: 'tool', tool_call_id: 'call_a', content: 'sunny' }];
    expect(next).toHaveLength(7);
  });

  it('chatStream: tool_call deltas (id and name first, arguments in pieces) put back together; collectText skips null content', async () => {
    const base = { id: 'chatcmpl-s', object: 'chat.completion.chunk' as const, created: 1_772_000_000, model: 'm' };
    const frames: ChatCompletionChunk[] = [
      { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_s', type: 'function', function: { name: 'get_weather', arguments: '' } }] }, finish_reason: null }] },
      { ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '{"ci' } }] }, finish_reason: null }] },
      { ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: 'ty":"Pa' } }] }, finish_reason: null }] },
      { ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: 'ris"}' } }] }, finish_reason: null }] },
      { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] },
    ];
    const sse = frames.map((f) => `data: ${JSON.stringify(f)}\n\n`).join('') + 'data: [DONE]\n\n';
    nock(HOST).post('/v1/ai/chat').times(2).reply(200, sse, { 'content-type': 'text/event-stream' });

    const calls: { id: string; name: string; arguments: string }[] = [];
    let finish: string | null | undefined;
    for await (const chunk of await chatStream(client(), params)) {
      const choice = chunk.choices[0];
      finish = choice?.finish_reason ?? finish;
      for (const d of choice?.delta.tool_calls ?? []) {
        const call = (calls[d.index] ??= { id: '', name: '', arguments: '' });
        call.id += d.id ?? '';
        call.name += d.function?.name ?? '';
        call.arguments += d.function?.arguments ?? '';
      }
    }
    expect(calls).toEqual([{ id: 'call_s', name: 'get_weather', arguments: '{"city":"Paris"}' }]);
    expect(finish).toBe('tool_calls');
    expect(await collectText(await chatStream(client(), params))).toBe('');
  });
});

// Compile-time only: what the types refuse. Never called.
export function refused(): ChatParams[] {
  return [
    // @ts-expect-error a tool message needs tool_call_id
    { messages: [{ role: 'tool', content: 'x' }] },
    // @ts-expect-error an image is a user's part only
    { messages: [{ role: 'system', content: [{ type: 'image_url', image_url: { url: 'u' } }] }] },
    // @ts-expect-error content null is an assistant's only
    { messages: [{ role: 'user', content: null }] },
    // @ts-expect-error tool_choice is none, auto, required or a function
    { messages: [{ role: 'user', content: 'x' }], tool_choice: 'any' },
    // @ts-expect-error json_schema needs its json_schema
    { messages: [{ role: 'user', content: 'x' }], response_format: { type: 'json_schema' } },
    // @ts-expect-error metadata values are strings
    { messages: [{ role: 'user', content: 'x' }], metadata: { n: 1 } },
  ];
}
