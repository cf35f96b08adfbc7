import { describe, expect, it } from 'vitest';
import { InternalServerError, InvalidResponseError, NotFoundError, type Generation } from '@smarter/core';
import { Chatbot, get } from '../src';
import { BASE, chatBody, chatbotManifest, cliChatData, envelope, expectPost, failure, GENERATIONS, json, NAME, SESSION_1, SESSION_2, setup } from './helpers';

const chatPath = (g: Generation, name = NAME) => (g === 'v0.13' ? `cli/chat/${name}/` : `cli/prompt/${name}/`);
const describePath = (g: Generation) => `cli/describe/${g === 'v0.13' ? 'Chatbot' : 'LLMClient'}/?name=${NAME}`;
const chatReply = (g: Generation, session: string, body?: unknown) => envelope(g, g === 'v0.13' ? 'chat' : 'prompt', cliChatData(g, session, body));
const UUID = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/;

describe.each(GENERATIONS)('%s server', (generation) => {
  describe.each(['given', 'detected'] as const)('generation %s', (mode) => {
    it('get describes the chatbot; prompt keeps one session going', async () => {
      const { client, fetch } = setup(generation, mode, [
        envelope(generation, 'describe', chatbotManifest(generation)),
        chatReply(generation, SESSION_1),
        chatReply(generation, SESSION_1, chatBody('Second answer')),
      ]);
      const bot = await get(client, { name: NAME });
      expect(bot).toBeInstanceOf(Chatbot);
      expect(bot.name).toBe(NAME);
      expect(bot.manifest).toEqual(chatbotManifest(generation));
      expect(bot.spec.config.defaultModel).toBe('gpt-4o-mini');
      expect(bot.status?.deployed).toBe(true);
      expect(bot.url).toBe(generation === 'v0.13' ? 'https://platform.smarter.sh/api/v1/chatbots/rAbCx/chat/' : 'https://platform.smarter.sh/api/v1/llm-clients/rAbCx/prompt/');
      expect(bot.uid).toMatch(UUID);
      expect(bot.sessionKey).toBeUndefined();

      const first = await bot.prompt('Hello');
      expect(first.reply).toBe('Hi! How can I help?');
      expect(first.sessionKey).toBe(SESSION_1);
      expect(bot.sessionKey).toBe(SESSION_1);
      const { smarter, metadata, ...completion } = chatBody();
      expect(first.completion).toEqual(completion);
      expect(first.completion).not.toHaveProperty('smarter');
      expect(first.smarter).toEqual(smarter);
      expect(first.smarter.tools).toEqual(['get_current_weather']);
      expect(first.metadata).toEqual(metadata);
      expect(first.messages).toEqual(smarter.messages);
      expect(first.raw).toEqual(cliChatData(generation, SESSION_1));

      const second = await bot.prompt('And then?');
      expect(second.reply).toBe('Second answer');

      const calls = fetch.calls.slice(mode === 'detected' ? 1 : 0);
      if (mode === 'detected') expectPost(fetch.calls[0], 'cli/whoami/');
      expect(calls).toHaveLength(3);
      expectPost(calls[0], describePath(generation));
      // The first prompt starts a session; the next ones continue it. The server keeps the messages.
      expectPost(calls[1], `${chatPath(generation)}?uid=${bot.uid}&new_session=true`, { prompt: 'Hello', messages: [] });
      expectPost(calls[2], `${chatPath(generation)}?uid=${bot.uid}&new_session=false`, { prompt: 'And then?', messages: [] });
    });
  });

  it('newSession() and { newSession: true } start a new session; the uid can be given', async () => {
    const { client, fetch } = setup(generation, 'given', [
      envelope(generation, 'describe', chatbotManifest(generation, 'my bot')),
      chatReply(generation, SESSION_1),
      chatReply(generation, SESSION_2),
      chatReply(generation, SESSION_1),
    ]);
    const bot = await get(client, { name: 'my bot', uid: 'my-app/user 42' });
    expect(bot.uid).toBe('my-app/user 42');
    await bot.prompt('one');
    expect(bot.sessionKey).toBe(SESSION_1);
    await bot.prompt('two', { newSession: true });
    expect(bot.sessionKey).toBe(SESSION_2);
    bot.newSession();
    expect(bot.sessionKey).toBeUndefined();
    await bot.prompt('three');
    const query = (i: number) => fetch.calls[i]!.url.slice(BASE.length);
    const path = generation === 'v0.13' ? 'cli/chat/my%20bot/' : 'cli/prompt/my%20bot/';
    expect([1, 2, 3].map(query)).toEqual([
      `${path}?uid=my-app%2Fuser+42&new_session=true`,
      `${path}?uid=my-app%2Fuser+42&new_session=true`,
      `${path}?uid=my-app%2Fuser+42&new_session=true`,
    ]);
  });

  it('each Chatbot has its own uid, the same for all its prompts', async () => {
    const { client, fetch } = setup(generation, 'given', [chatReply(generation, SESSION_1), chatReply(generation, SESSION_1), chatReply(generation, SESSION_2)]);
    const a = new Chatbot(client, chatbotManifest(generation) as never);
    const b = new Chatbot(client, chatbotManifest(generation) as never);
    expect(a.uid).not.toBe(b.uid);
    await a.prompt('1');
    await a.prompt('2');
    await b.prompt('3');
    const uids = fetch.calls.map((c) => new URL(c.url).searchParams.get('uid'));
    expect(uids).toEqual([a.uid, a.uid, b.uid]);
    expect(fetch.calls.map((c) => new URL(c.url).searchParams.get('new_session'))).toEqual(['true', 'false', 'true']);
  });

  it('a failed first prompt leaves the session unstarted; a prompt is never retried', async () => {
    const { client, fetch } = setup(generation, 'given', [failure(500, 'SmarterConfigurationError', 'boom'), chatReply(generation, SESSION_1)], { retry: { initialDelay: 1 } });
    const bot = new Chatbot(client, chatbotManifest(generation) as never);
    await expect(bot.prompt('Hello')).rejects.toBeInstanceOf(InternalServerError);
    expect(fetch.calls).toHaveLength(1);
    await bot.prompt('Hello');
    expect(fetch.calls.map((c) => new URL(c.url).searchParams.get('new_session'))).toEqual(['true', 'true']);
  });

  it('the reply falls back to choices[0].message.content, then to an empty string', async () => {
    const plain: Partial<ReturnType<typeof chatBody>> = chatBody('x');
    delete plain.smarter;
    const noContent = { ...plain, choices: [{ index: 0, finish_reason: 'tool_calls', message: { role: 'assistant', content: null } }] };
    const { client } = setup(generation, 'given', [chatReply(generation, SESSION_1, plain), chatReply(generation, SESSION_1, noContent)]);
    const bot = new Chatbot(client, chatbotManifest(generation) as never);
    const first = await bot.prompt('Hello');
    expect(first.reply).toBe('x (choices)');
    expect(first.smarter).toEqual({});
    expect(first.messages).toEqual([]);
    expect((await bot.prompt('Hello')).reply).toBe('');
  });

  it('the reply is the last assistant message of the turn (an earlier one may have asked for a tool)', async () => {
    const body = chatBody('ignored');
    body.smarter.messages = [
      { role: 'assistant', content: 'Let me look that up.', smarter_is_new: true },
      { role: 'tool', content: '{"courses": 12}', smarter_is_new: true },
      { role: 'assistant', content: 'There are 12 courses.', smarter_is_new: true },
      { role: 'smarter', content: 'Charged 15 tokens', smarter_is_new: true },
    ];
    const { client } = setup(generation, 'given', [chatReply(generation, SESSION_1, body)]);
    const result = await new Chatbot(client, chatbotManifest(generation) as never).prompt('How many courses?');
    expect(result.reply).toBe('There are 12 courses.');
    expect(result.messages).toHaveLength(4);
  });

  it('a chat body sent as a JSON string is read too; a malformed one is an InvalidResponseError', async () => {
    const { client } = setup(generation, 'given', [chatReply(generation, SESSION_1, JSON.stringify(chatBody('From a string'))), chatReply(generation, SESSION_1, '{"id": ')]);
    const bot = new Chatbot(client, chatbotManifest(generation) as never);
    expect((await bot.prompt('Hello')).reply).toBe('From a string');
    const error = (await bot.prompt('Hello').catch((e: unknown) => e)) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toMatch(/the chat body is not JSON/);
  });

  it('a provider failure (the chat endpoint answered 500 without a body) is an error of that status', async () => {
    const failed = cliChatData(generation, SESSION_1, null);
    failed.response.data.statusCode = 500;
    const { client } = setup(generation, 'given', [envelope(generation, 'chat', failed), chatReply(generation, SESSION_1, null)]);
    const bot = new Chatbot(client, chatbotManifest(generation) as never);
    const error = (await bot.prompt('Hello').catch((e: unknown) => e)) as InternalServerError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.status).toBe(500);
    expect(await bot.prompt('Hello').catch((e: unknown) => e)).toBeInstanceOf(InvalidResponseError);
  });

  it('get refuses an answer about another chatbot', async () => {
    const { client } = setup(generation, 'given', [envelope(generation, 'describe', chatbotManifest(generation, 'other'))]);
    const error = (await get(client, { name: NAME }).catch((e: unknown) => e)) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toContain('asked for chatbot "stackademy", the server described "other"');
  });

  it('get of a name that does not exist is a NotFoundError (503), and the prompt of one a NotFoundError (404)', async () => {
    const { client } = setup(generation, 'given', [failure(503, 'SAMBrokerErrorNotReady', 'SAMBrokerErrorNotReady: Chatbot nope not found'), failure(404, 'SmarterChatBotException', 'Chatbot nope not found')], { maxRetries: 0 });
    expect(await get(client, { name: 'nope' }).catch((e: unknown) => e)).toBeInstanceOf(NotFoundError);
    expect(await new Chatbot(client, chatbotManifest(generation, 'nope') as never).prompt('Hi').catch((e: unknown) => e)).toBeInstanceOf(NotFoundError);
  });

  it('withResponse() gives the prompt result with the envelope and the journal key', async () => {
    const reply = json({ data: cliChatData(generation, SESSION_1), api: 'smarter.sh/v1', metadata: { key: 'e'.repeat(64) } });
    const { client } = setup(generation, 'given', [reply]);
    const { data, requestId, response } = await new Chatbot(client, chatbotManifest(generation) as never).prompt('Hello').withResponse();
    expect(data.reply).toBe('Hi! How can I help?');
    expect(requestId).toBe('e'.repeat(64));
    expect(response.status).toBe(200);
  });
});
