// Answers as the platform's servers give them (issue 16, items 6–10; reference §6.2, §8, §5): the
// chat answer's new messages and OpenAI details, the v0.13 describe's echoed fields and the chat app
// URL, a listing with an empty name filter or no items, and responses/ refusing to stream. Raw
// requests, each answer checked against specs/smarter.yaml.
import { createResponse } from '@smarter/chat';
import * as chatbots from '@smarter/chatbots';
import { InvalidRequestError } from '@smarter/core';
import { describe, expect, it } from 'vitest';
import { chatbotManifest, GENERATIONS, raw, SMARTER_KEY_B, smarterClient, useSmarter, type RawOptions } from './helpers/smarter';

const emu = useSmarter();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read deep into raw answers
type Json = Record<string, any>;

describe.each(GENERATIONS)('%s server', (generation) => {
  const v13 = generation === 'v0.13';
  const kind = v13 ? 'Chatbot' : 'LLMClient';
  const chat = v13 ? 'chat' : 'prompt';
  const post = async (path: string, options: RawOptions = {}) => raw(emu, 'POST', path, { generation, ...options });
  const body = (answer: Json): Json => answer.data.response.data.body as Json;

  it("smarter.messages holds only the turn's new messages: notices, then the reply (no system, welcome or prompt)", async () => {
    const name = `fresh_${generation}`;
    await post('cli/apply/', { body: chatbotManifest(generation, name, { appWelcomeMessage: 'Welcome!' }) });
    const first = (await post(`cli/${chat}/${name}/?uid=new&new_session=true`, { body: { prompt: 'Hello' } })).json as Json;
    const second = (await post(`cli/${chat}/${name}/?uid=new`, { body: { prompt: 'Again' } })).json as Json;
    for (const [answer, reply] of [
      [first, 'You said: Hello'],
      [second, 'You said: Again'],
    ] as const) {
      const messages = body(answer).smarter.messages as Json[];
      expect(messages.every((m) => m.smarter_is_new === true)).toBe(true);
      expect(messages.map((m) => m.role as unknown)).toEqual(['smarter', 'smarter', 'assistant']);
      // What the Python SDK reads: the (first) assistant message is the reply, not the welcome message.
      expect(messages.find((m) => m.role === 'assistant')?.content).toBe(reply);
    }
    // The conversation itself is still the request's.
    expect((second.data.request.messages as Json[]).map((m) => m.content as unknown)).toEqual(['You are terse.', 'Welcome!', 'Hello', 'You said: Hello', 'Again']);

    // The chatbot's own endpoint answers the same way.
    const url: string = ((await post(`cli/describe/${kind}/?name=${name}`)).json as Json).data.status[v13 ? 'urlChatbot' : 'urlLLMClient'];
    const direct = await raw(emu, 'POST', url.slice(emu.emulator.smarterURL.length), { generation, body: { messages: [{ role: 'user', content: 'Hi there' }] } });
    const parsed = JSON.parse((direct.json as Json).data.body as string) as Json;
    expect((parsed.smarter.messages as Json[]).map((m) => [m.role as unknown, m.smarter_is_new as unknown])).toEqual([
      ['smarter', true],
      ['smarter', true],
      ['assistant', true],
    ]);
  });

  it('the chat answer has OpenAI usage details, the tools and tool choice sent, and the response metadata', async () => {
    const name = `details_${generation}`;
    await post('cli/apply/', { body: { ...chatbotManifest(generation, name), spec: { config: { deployed: false }, functions: ['get_current_weather'] } } });
    const parsed = body((await post(`cli/${chat}/${name}/?uid=d`, { body: { prompt: 'Weather in Paris?' } })).json as Json);
    expect(parsed.usage).toEqual({
      prompt_tokens: expect.any(Number),
      completion_tokens: 5,
      total_tokens: expect.any(Number),
      prompt_tokens_details: { audio_tokens: 0, cached_tokens: 0 },
      completion_tokens_details: { accepted_prediction_tokens: 0, audio_tokens: 0, reasoning_tokens: 0, rejected_prediction_tokens: 0 },
    });
    const { request, response } = parsed.smarter.first_iteration as Json;
    expect(request.tool_choice).toBe('auto');
    expect(request.tools).toEqual([
      {
        type: 'function',
        function: {
          name: 'get_current_weather',
          description: 'Get the current weather in a given location',
          parameters: { type: 'object', properties: { location: { type: 'string', description: expect.any(String) }, unit: { type: 'string', enum: ['METRIC', 'USCS'] } }, required: ['location'] },
        },
      },
    ]);
    expect(response.metadata).toEqual(parsed.metadata);
    expect(response.metadata).toMatchObject({ model: 'gpt-4o-mini', input_text: 'Weather in Paris?', [v13 ? 'max_tokens' : 'max_completion_tokens']: 2048 });
    expect(response.usage).toEqual(parsed.usage);
    // One notice per tool presented.
    expect((parsed.smarter.messages as Json[]).filter((m) => m.role === 'smarter' && String(m.content).includes('get_current_weather'))).toHaveLength(1);

    // Through the SDK, typed: the details are numbers, the tools a list.
    const bot = await chatbots.get(smarterClient(emu, generation), { name });
    const turn = await bot.prompt('Hi');
    const cached: number | undefined = turn.completion.usage?.prompt_tokens_details?.cached_tokens;
    const toolName: string | undefined = turn.smarter.first_iteration?.request?.tools?.[0]?.function.name;
    const model: string | undefined = turn.smarter.first_iteration?.response?.metadata?.model;
    expect([cached, toolName, model]).toEqual([0, 'get_current_weather', 'gpt-4o-mini']);
  });

  it('describe: urlChatapp once deployed; v0.13 also echoes the domain states in spec.config and has status.scheme', async () => {
    const name = `status_${generation}`;
    await post('cli/apply/', { body: chatbotManifest(generation, name) });
    const before = ((await post(`cli/describe/${kind}/?name=${name}`)).json as Json).data;
    expect(before.status.urlChatapp).toBeNull();
    await post(`cli/deploy/${kind}/?name=${name}`);
    const after = ((await post(`cli/describe/${kind}/?name=${name}`)).json as Json).data;
    expect(after.status.urlChatapp).toBe(`${after.status.url as string}chatapp/`);
    expect(after.status.urlChatapp).toMatch(/^http:\/\/status-v0-1[34]\.\d{4}-\d{4}-\d{4}\.api\.localhost\/chatapp\/$/);
    if (v13) {
      expect(after.spec.config).toMatchObject({ dnsVerificationStatus: 'Not Necessary', tlsCertificateIssuanceStatus: 'Not Necessary' });
      expect(after.status.scheme).toBe('http');
    } else {
      expect(after.spec.config).not.toHaveProperty('dnsVerificationStatus');
      expect(after.spec.config).not.toHaveProperty('tlsCertificateIssuanceStatus');
      expect(after.status).not.toHaveProperty('scheme');
    }
    // A described manifest applies again; the echoed read-only fields are not stored.
    expect((await post('cli/apply/', { body: after })).status).toBe(200);
    const stored = ((await post(`cli/describe/${v13 ? 'LLMClient' : 'Chatbot'}/?name=${name}`, { generation: v13 ? 'v0.14' : 'v0.13' })).json as Json).data;
    expect(stored.spec.config.dnsVerificationStatus === undefined).toBe(v13);
  });

  it('get: an empty name= (what the Go CLI sends) is no filter', async () => {
    await post('cli/apply/', { body: chatbotManifest(generation, `listed_${generation}`) });
    const listed = ((await post(`cli/get/${kind}s/?name=&i=10&asc=false&desc=false`)).json as Json).data;
    expect(listed.name).toBe('');
    expect(listed.kwargs.name).toEqual(['']);
    expect((listed.data.items as Json[]).map((i) => i.name as unknown)).toContain(`listed_${generation}`);
  });

  it('get: an empty listing still has its titles, the same as a full one', async () => {
    await post('cli/apply/', { body: chatbotManifest(generation, `titled_${generation}`) });
    const listed = ((await post(`cli/get/${kind}s/`)).json as Json).data;
    // Account B has no chatbots: the same columns, no items.
    const empty = ((await post(`cli/get/${kind}s/?name=`, { key: SMARTER_KEY_B })).json as Json).data;
    expect(empty.metadata.count).toBe(0);
    expect(empty.data.items).toEqual([]);
    expect(empty.data.titles).toEqual(listed.data.titles);
    expect(empty.data.titles).toEqual(expect.arrayContaining([{ name: 'name', type: 'CharField' }, { name: 'deployed', type: 'BooleanField' }, { name: 'dnsVerificationStatus', type: 'ChoiceField' }, { name: 'createdAt', type: 'DateTimeField' }]));
    for (const other of ['Secret', v13 ? 'ChatHistory' : 'Prompt']) {
      const titles = ((await post(`cli/get/${other}/`, { key: SMARTER_KEY_B })).json as Json).data.data.titles as Json[];
      expect(titles.map((t) => t.name as unknown)).toEqual(expect.arrayContaining(['id', 'createdAt']));
    }
  });

  it('responses/ refuses stream: true with the 400 chat/completions/ gives; the SDK refuses it first', async () => {
    const streamed = await post('responses/', { body: { model: 'm', input: 'Hi', stream: true } });
    expect(streamed.status).toBe(400);
    expect((streamed.json as Json).error.description).toContain('stream: streaming is not offered');
    const completions = await post('chat/completions/', { body: { model: 'm', messages: [{ role: 'user', content: 'Hi' }], stream: true } });
    expect(completions.status).toBe(400);
    const error = await createResponse(smarterClient(emu, generation), { model: 'm', input: 'Hi', ...{ stream: true } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', message: expect.stringContaining('stream: not offered; leave it out') as string, details: { field: 'stream' } });
  });

  it('the OpenAI-style routes need the trailing slash and Token, as the READMEs say (what an OpenAI client sends fails)', async () => {
    const openAI = { 'chat/completions': { model: 'm', messages: [{ role: 'user', content: 'Hi' }] }, responses: { model: 'm', input: 'Hi' }, files: undefined, 'fine_tuning/jobs': undefined };
    for (const [route, sent] of Object.entries(openAI)) {
      const method = sent ? 'POST' : 'GET';
      const noSlash = await raw(emu, method, route, { generation, body: sent });
      expect([route, noSlash.status, noSlash.headers.get('content-type')]).toEqual([route, 404, expect.stringContaining('text/html') as string]);
      const bearer = await raw(emu, method, `${route}/`, { generation, key: null, body: sent, headers: { authorization: `Bearer ${SMARTER_KEY_B}` } });
      expect([route, bearer.status, (bearer.json as Json).error.errorClass]).toEqual([route, 403, 'SmarterAPIV1CLIViewErrorNotAuthenticated']);
      expect((await raw(emu, method, `${route}/`, { generation, body: sent })).status).toBe(200);
    }
  });
});
