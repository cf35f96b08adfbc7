// OpenAI's chat request shapes through @aerostack/ai and @aerostack/gateway against the emulator:
// tool calls (a round trip, and streamed as deltas), JSON answers, n choices, stop,
// max_completion_tokens, the developer role and content parts; and the 400s for malformed ones.
// Every JSON answer is checked against specs/aerostack.yaml by the client (helpers/emulator.ts),
// every streamed chunk here.
import { chat, chatStream, type ChatCompletionChunk, type ChatMessage, type ChatTool } from '@aerostack/ai';
import { chatCompletions, chatCompletionsStream } from '@aerostack/gateway';
import { describe, expect, it } from 'vitest';
import { client, KEY_A, rawPost, useEmulator } from './helpers/emulator';
import { checkError, schemaProblems } from './helpers/openapi';

const emu = useEmulator();
const consumerKey = () => emu.emulator.consumerKeys[KEY_A] ?? '';
let slugs = 0;
const newSlug = () => `shapes-${Date.now()}-${slugs++}`;

const weather: ChatTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'The forecast for a city',
    parameters: {
      type: 'object',
      properties: {
        city: { type: 'string' },
        days: { type: 'integer', minimum: 1 },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
        detailed: { type: 'boolean' },
      },
      required: ['city', 'days', 'unit'],
    },
  },
};
const clock: ChatTool = { type: 'function', function: { name: 'get_time' } };
const ask: ChatMessage[] = [
  { role: 'developer', content: 'Use the tools.' },
  { role: 'user', content: 'Weather in Paris?' },
];

/** The tool calls of a stream, put back together from their deltas, and the finish reasons. */
async function reassemble(stream: AsyncIterable<ChatCompletionChunk>) {
  const calls: { id: string; name: string; arguments: string }[] = [];
  const finishes: unknown[] = [];
  let argumentDeltas = 0;
  for await (const chunk of stream) {
    expect(schemaProblems('aerostack', 'ChatCompletionChunk', chunk)).toEqual([]);
    const choice = chunk.choices[0];
    if (choice?.finish_reason) finishes.push(choice.finish_reason);
    for (const d of choice?.delta.tool_calls ?? []) {
      const call = (calls[d.index] ??= { id: '', name: '', arguments: '' });
      call.id += d.id ?? '';
      call.name += d.function?.name ?? '';
      if (d.function?.arguments) argumentDeltas++;
      call.arguments += d.function?.arguments ?? '';
    }
  }
  return { calls, finishes, argumentDeltas };
}

describe('tool calls', () => {
  it('a round trip through ai.chat: tool_choice names the function -> tool_calls -> a tool message back -> the final answer', async () => {
    const c = client(emu);
    const first = await chat(c, { messages: ask, tools: [clock, weather], tool_choice: { type: 'function', function: { name: 'get_weather' } } });
    const choice = first.choices?.[0];
    expect(choice?.finish_reason).toBe('tool_calls');
    expect(choice?.message.content).toBeNull();
    const call = choice?.message.tool_calls?.[0];
    expect(choice?.message.tool_calls).toHaveLength(1);
    expect(call).toMatchObject({ id: expect.stringMatching(/^call_[0-9a-f]{24}$/), type: 'function', function: { name: 'get_weather' } });
    // The required properties, each a placeholder of its type; `detailed` is not required.
    expect(JSON.parse(call?.function.arguments ?? '')).toEqual({ city: 'Weather in Paris?', days: 1, unit: 'celsius' });

    const history: ChatMessage[] = [...ask, { role: 'assistant', content: null, tool_calls: choice?.message.tool_calls ?? [] }, { role: 'tool', tool_call_id: call?.id ?? '', content: '{"temp": 21}' }];
    const final = await chat(c, { messages: history, tools: [clock, weather], tool_choice: 'auto' });
    expect(final.choices?.[0]?.message).toEqual({ role: 'assistant', content: 'The tool said: {"temp": 21}' });
    expect(final.choices?.[0]?.finish_reason).toBe('stop');
    // The call's words count among the prompt's: developer 3 + user 3 + the call's name and arguments 4 + tool 2.
    expect(final.usage?.prompt_tokens).toBe(12);
  });

  it("a round trip through the gateway: tool_choice 'required' calls the first tool; a function without parameters gets {}", async () => {
    const c = client(emu);
    const apiSlug = newSlug();
    const options = { consumerKey: consumerKey() };
    const first = await chatCompletions(c, { apiSlug, messages: ask, tools: [clock, weather], tool_choice: 'required' }, options);
    const call = first.choices?.[0]?.message.tool_calls?.[0];
    expect([call?.function.name, call?.function.arguments, first.choices?.[0]?.finish_reason]).toEqual(['get_time', '{}', 'tool_calls']);
    const final = await chatCompletions(
      c,
      { apiSlug, messages: [...ask, { role: 'assistant', tool_calls: [call!] }, { role: 'tool', tool_call_id: call!.id, content: [{ type: 'text', text: '12:00' }] }] },
      options,
    );
    expect(final.choices?.[0]?.message.content).toBe('The tool said: 12:00');
  });

  it('streamed (ai and gateway): id and name in the first delta, the arguments across several, finish_reason tool_calls', async () => {
    const params = { messages: ask, tools: [weather], tool_choice: { type: 'function' as const, function: { name: 'get_weather' } } };
    const plain = (await chat(client(emu), params)).choices?.[0]?.message.tool_calls?.[0];
    const streamed = await reassemble(await chatStream(client(emu), params));
    expect(streamed.calls).toEqual([{ id: plain?.id, name: 'get_weather', arguments: plain?.function.arguments }]);
    expect(streamed.argumentDeltas).toBeGreaterThan(1);
    expect(streamed.finishes).toEqual(['tool_calls']);

    const gateway = await reassemble(await chatCompletionsStream(client(emu), { apiSlug: newSlug(), ...params }, { consumerKey: consumerKey() }));
    expect(gateway.calls.map((c) => [c.name, JSON.parse(c.arguments) as unknown])).toEqual([['get_weather', { city: 'Weather in Paris?', days: 1, unit: 'celsius' }]]);
    expect(gateway.finishes).toEqual(['tool_calls']);
  });

  it('the first delta carries the id, type and name; later ones only arguments', async () => {
    const stream = await chatStream(client(emu), { messages: ask, tools: [weather], tool_choice: 'required' });
    const deltas: unknown[] = [];
    for await (const chunk of stream) deltas.push(...(chunk.choices[0]?.delta.tool_calls ?? []));
    expect(deltas[0]).toEqual({ index: 0, id: expect.stringMatching(/^call_/), type: 'function', function: { name: 'get_weather', arguments: '' } });
    expect(deltas.slice(1).every((d) => JSON.stringify(Object.keys(d as object)) === '["index","function"]')).toBe(true);
  });
});

describe('response_format, n, stop, max_completion_tokens', () => {
  it("json_object: the content is JSON that parses; json_schema: an object with the schema's required properties", async () => {
    const c = client(emu);
    const messages: ChatMessage[] = [{ role: 'user', content: [{ type: 'text', text: 'Give me' }, { type: 'text', text: ' JSON' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }] }];
    const object = await chat(c, { messages, response_format: { type: 'json_object' } });
    expect(JSON.parse(object.choices?.[0]?.message.content ?? '')).toEqual({ answer: 'You said: Give me JSON' });
    const schema = {
      type: 'object',
      properties: { title: { type: 'string' }, score: { type: 'number', minimum: 2 }, tags: { type: 'array', items: { type: 'string' }, minItems: 1 }, note: { type: 'string' } },
      required: ['title', 'score', 'tags'],
    };
    const fitted = await chat(c, { messages, response_format: { type: 'json_schema', json_schema: { name: 'review', schema } } });
    expect(JSON.parse(fitted.choices?.[0]?.message.content ?? '')).toEqual({ title: 'You said: Give me JSON', score: 2, tags: ['You said: Give me JSON'] });
    // JSON is never cut, whatever the token limit.
    const long = await chat(c, { messages, response_format: { type: 'json_object' }, max_tokens: 1 });
    expect(JSON.parse(long.choices?.[0]?.message.content ?? '')).toEqual({ answer: 'You said: Give me JSON' });
  });

  it('n = 3 gives 3 choices, indexed 0..2, each different, all counted in usage; streamed too', async () => {
    const c = client(emu);
    const messages: ChatMessage[] = [{ role: 'user', content: 'pick one' }];
    const answer = await chat(c, { messages, n: 3 });
    expect(answer.choices?.map((ch) => [ch.index, ch.message.content, ch.finish_reason])).toEqual([
      [0, 'You said: pick one', 'stop'],
      [1, 'You said: pick one (choice 2)', 'stop'],
      [2, 'You said: pick one (choice 3)', 'stop'],
    ]);
    expect(answer.usage).toEqual({ prompt_tokens: 2, completion_tokens: 4 + 6 + 6, total_tokens: 18 });
    const texts: string[] = [];
    for await (const chunk of await chatStream(c, { messages, n: 3 })) {
      const ch = chunk.choices[0];
      if (ch?.index !== undefined) texts[ch.index] = (texts[ch.index] ?? '') + (ch.delta.content ?? '');
    }
    expect(texts).toEqual(answer.choices?.map((ch) => ch.message.content));
    // Through the gateway, n tool calls: each its own id.
    const calls = await chatCompletions(client(emu), { apiSlug: newSlug(), messages, n: 2, tools: [clock], tool_choice: 'required' }, { consumerKey: consumerKey() });
    const ids = calls.choices?.map((ch) => ch.message.tool_calls?.[0]?.id);
    expect(new Set(ids).size).toBe(2);
  });

  it('stop ends the text before the first stop string met; max_completion_tokens cuts like max_tokens', async () => {
    const c = client(emu);
    const messages: ChatMessage[] = [{ role: 'user', content: 'one two three. four five' }];
    const stopped = await chat(c, { messages, stop: ['five', '.'] });
    expect([stopped.choices?.[0]?.message.content, stopped.choices?.[0]?.finish_reason]).toEqual(['You said: one two three', 'stop']);
    expect((await chat(c, { messages, stop: 'two' })).choices?.[0]?.message.content).toBe('You said: one ');
    const cut = await chat(c, { messages, max_completion_tokens: 3 });
    expect([cut.choices?.[0]?.message.content, cut.choices?.[0]?.finish_reason]).toEqual(['You said: one', 'length']);
    // seed, user and metadata are accepted (and change nothing).
    const labelled = await chat(c, { messages, seed: 7, user: 'user-1', metadata: { team: 'a' } });
    expect(labelled.choices?.[0]?.message.content).toBe('You said: one two three. four five');
  });
});

describe('malformed requests: 400 VALIDATION_ERROR naming the field', () => {
  const cases: [string, unknown, Record<string, string[]>][] = [
    ['a tool message without tool_call_id', { messages: [{ role: 'tool', content: 'x' }] }, { 'messages[0].tool_call_id': ['Required'] }],
    [
      'a tool message answering no earlier call',
      { messages: [{ role: 'user', content: 'hi' }, { role: 'tool', tool_call_id: 'call_1', content: 'x' }] },
      { 'messages[1].tool_call_id': ['No earlier assistant message has a tool call with id "call_1"'] },
    ],
    ['an assistant message with neither content nor tool_calls', { messages: [{ role: 'assistant', content: null }] }, { 'messages[0].content': ['Required (null only with tool_calls)'] }],
    [
      "an assistant's tool call without a function name",
      { messages: [{ role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { arguments: '{}' } }] }] },
      { 'messages[0].tool_calls[0].function.name': ['Required'] },
    ],
    ['n below 1', { messages: [{ role: 'user', content: 'hi' }], n: 0 }, { n: ['Must be at least 1'] }],
    [
      'tool_choice naming an unknown function',
      { messages: [{ role: 'user', content: 'hi' }], tools: [weather], tool_choice: { type: 'function', function: { name: 'nope' } } },
      { 'tool_choice.function.name': ['No tool is named nope (tools: get_weather)'] },
    ],
    ["tool_choice 'required' without tools", { messages: [{ role: 'user', content: 'hi' }], tool_choice: 'required' }, { tool_choice: ['required needs tools'] }],
    ['a tool without a function name', { messages: [{ role: 'user', content: 'hi' }], tools: [{ type: 'function', function: {} }] }, { 'tools[0].function.name': ['Required'] }],
    ['an unknown response_format', { messages: [{ role: 'user', content: 'hi' }], response_format: { type: 'yaml' } }, { 'response_format.type': ['Expected one of text, json_object, json_schema'] }],
    ['an image part in a system message', { messages: [{ role: 'system', content: [{ type: 'image_url', image_url: { url: 'x' } }] }] }, { 'messages[0].content[0].type': ['Expected text'] }],
    ['five stop strings', { messages: [{ role: 'user', content: 'hi' }], stop: ['a', 'b', 'c', 'd', 'e'] }, { stop: ['Expected a string or an array of at most 4 strings'] }],
    ['metadata that is not strings', { messages: [{ role: 'user', content: 'hi' }], metadata: { n: 1 } }, { 'metadata.n': ['Expected string'] }],
  ];

  it.each(cases)('%s', async (_, body, fieldErrors) => {
    for (const path of ['/ai/chat', `/ai/gateway/${newSlug()}/chat/completions`]) {
      const res = await rawPost(emu, path, JSON.stringify(body), { authorization: `Bearer ${consumerKey()}` });
      expect([res.status, checkError(res.json).details]).toEqual([400, { fieldErrors }]);
    }
  });
});
