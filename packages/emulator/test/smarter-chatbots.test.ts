// @smarter/chatbots against the emulator, in both server generations: every operation of the
// package, a conversation kept by the server across prompts, the chatbot's own endpoints.
import { NotFoundError } from '@smarter/core';
import * as chatbots from '@smarter/chatbots';
import { describe, expect, it } from 'vitest';
import { chatbotManifest, GENERATIONS, smarterClient, SMARTER_KEY_B, useSmarter } from './helpers/smarter';

const emu = useSmarter();

describe.each(GENERATIONS)('%s server', (generation) => {
  const v13 = generation === 'v0.13';
  const kind = v13 ? 'Chatbot' : 'LLMClient';
  const client = (mode: 'given' | 'detected' = 'given') => smarterClient(emu, generation, { mode });

  it.each(['given', 'detected'] as const)('apply → deploy → get → prompt twice in one session (generation %s)', async (mode) => {
    const c = client(mode);
    const name = `bot_${mode}_${generation}`;
    const applied = await chatbots.apply(c, chatbotManifest(v13 ? 'v0.14' : 'v0.13', name, { appWelcomeMessage: 'Welcome!' }));
    expect(applied).toMatchObject({ kind, metadata: { name } });
    await chatbots.deploy(c, { name });
    const bot = await chatbots.get(c, { name });
    expect(bot).toBeInstanceOf(chatbots.Chatbot);
    expect(bot.status?.deployed).toBe(true);
    expect(bot.url).toContain(v13 ? '/api/v1/chatbots/' : '/api/v1/llm-clients/');

    const first = await bot.prompt('What courses do you offer?');
    expect(first.reply).toBe('You said: What courses do you offer?');
    expect(first.sessionKey).toMatch(/^[\da-f]{64}$/);
    expect(first.completion).toMatchObject({ object: 'chat.completion', model: 'gpt-4o-mini', usage: { completion_tokens: 7 } });
    expect(first.messages.every((m) => m.smarter_is_new)).toBe(true);
    expect(first.metadata).toHaveProperty(v13 ? 'max_tokens' : 'max_completion_tokens');
    expect(first.raw.request.messages).toEqual([
      { role: 'system', content: 'You are terse.' },
      { role: 'assistant', content: 'Welcome!' },
      { role: 'user', content: 'What courses do you offer?' },
    ]);

    const second = await bot.prompt('And the price?');
    expect(second.reply).toBe('You said: And the price?');
    expect(second.sessionKey).toBe(first.sessionKey);
    // The server kept the conversation: the second turn was sent with the first one.
    expect(second.raw.request.messages).toEqual([
      ...first.raw.request.messages,
      { role: 'assistant', content: 'You said: What courses do you offer?' },
      { role: 'user', content: 'And the price?' },
    ]);

    const config = await chatbots.chatConfig(c, { name, uid: bot.uid });
    expect(config.session_key).toBe(first.sessionKey);
    expect(config.history?.chat_history).toHaveLength(6);

    const fresh = await bot.prompt('Start over', { newSession: true });
    expect(fresh.sessionKey).not.toBe(first.sessionKey);
    expect(fresh.raw.request.messages).toHaveLength(3);
  });

  it('list, describe, logs, undeploy, delete', async () => {
    const c = client();
    for (const name of ['list_b', 'list_a']) await chatbots.apply(c, chatbotManifest(generation, `${name}_${generation}`));
    const names = (await chatbots.list(c)).map((b) => b.name);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining([`list_a_${generation}`, `list_b_${generation}`]));
    const summary = (await chatbots.list(c)).find((b) => b.name === `list_a_${generation}`);
    expect(summary?.[v13 ? 'urlChatbot' : 'urlLLMClient']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\//);
    expect((await chatbots.describe(c, { name: `list_a_${generation}` })).kind).toBe(kind);
    expect(await chatbots.logs(c, { name: `list_a_${generation}` })).toEqual({});
    await chatbots.deploy(c, { name: `list_a_${generation}` });
    await chatbots.undeploy(c, { name: `list_a_${generation}` });
    expect((await chatbots.describe(c, { name: `list_a_${generation}` })).status?.deployed).toBe(false);
    await chatbots.remove(c, { name: `list_a_${generation}` });
    await expect(chatbots.get(c, { name: `list_a_${generation}` }, { maxRetries: 0 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('chatConfig: a session per uid, reused until newSession; a given session key', async () => {
    const c = client();
    const name = `config_${generation}`;
    await chatbots.apply(c, chatbotManifest(generation, name, { appExamplePrompts: ['Hi?'] }));
    const a = await chatbots.chatConfig(c, { name, uid: 'widget-1' });
    expect(a).toMatchObject({ sandbox_mode: true, debug_mode: false, chatbot: { name, deployed: false, app_example_prompts: ['Hi?'], default_system_role: 'You are terse.' } });
    expect((await chatbots.chatConfig(c, { name, uid: 'widget-1' })).session_key).toBe(a.session_key);
    expect((await chatbots.chatConfig(c, { name, uid: 'widget-1', newSession: true })).session_key).not.toBe(a.session_key);
    expect((await chatbots.chatConfig(c, { name, uid: 'other', sessionKey: a.session_key })).session_key).toBe(a.session_key);
    await expect(chatbots.chatConfig(c, { name: 'nope' }, { maxRetries: 0 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('chatDirect by id and by URL: the JSON-string body is read; the conversation is the one sent', async () => {
    const c = client();
    const name = `direct_${generation}`;
    await chatbots.apply(c, chatbotManifest(generation, name, { deployed: true }));
    const bot = await chatbots.get(c, { name });
    const chatbotId = /\/(r[\w-]+x)\//.exec(bot.url ?? '')?.[1] ?? '';
    const config = await chatbots.chatConfig(c, { name });
    const byId = await chatbots.chatDirect(c, { chatbotId }, { messages: [{ role: 'user', content: 'Hello widget' }], sessionKey: config.session_key });
    expect(byId.reply).toBe('You said: Hello widget');
    expect(byId.raw.statusCode).toBe(200);
    expect(byId.raw.body?.smarter?.messages?.at(-1)).toMatchObject({ role: 'assistant', content: 'You said: Hello widget' });
    const byUrl = await chatbots.chatDirect(c, { url: bot.url ?? '' }, { messages: [{ role: 'user', content: 'one' }, { role: 'assistant', content: 'You said: one' }, { role: 'user', content: 'two' }] });
    expect(byUrl.reply).toBe('You said: two');
    expect((await chatbots.chatConfig(c, { name, sessionKey: config.session_key })).history?.chat_history).toEqual([
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Hello widget' },
      { role: 'assistant', content: 'You said: Hello widget' },
    ]);
    await expect(chatbots.chatDirect(c, { chatbotId: 'rOTk5x' }, { messages: [] })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("another account's chatbot does not exist for you", async () => {
    const name = `private_${generation}`;
    await chatbots.apply(client(), chatbotManifest(generation, name));
    const other = smarterClient(emu, generation, { apiKey: SMARTER_KEY_B, maxRetries: 0 });
    await expect(chatbots.get(other, { name })).rejects.toBeInstanceOf(NotFoundError);
    await expect(new chatbots.Chatbot(other, chatbotManifest(generation, name) as never).prompt('Hi')).rejects.toBeInstanceOf(NotFoundError);
    expect((await chatbots.list(other)).map((b) => b.name)).not.toContain(name);
  });
});
