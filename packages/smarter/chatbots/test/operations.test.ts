import { describe, expect, it } from 'vitest';
import type { Generation, SmarterClient } from '@smarter/core';
import * as chatbots from '../src';
import { BASE, chatBody, chatbotManifest, directChatData, envelope, expectPost, GENERATIONS, KEY, SESSION_1, setup } from './helpers';

const v13 = (g: Generation) => g === 'v0.13';
const kind = (g: Generation) => (v13(g) ? 'Chatbot' : 'LLMClient');
const items = [{ id: 1, name: 'stackademy', deployed: true }, { id: 2, name: 'support', deployed: false }];
const getData = (g: Generation) => ({ apiVersion: 'smarter.sh/v1', kind: kind(g), name: null, metadata: { count: 2 }, kwargs: {}, data: { titles: [{ name: 'name', type: 'CharField' }], items } });
const yamlText = 'apiVersion: smarter.sh/v1\nkind: Chatbot\nmetadata:\n  name: stackademy\n';
const yamlQuoted = 'apiVersion: smarter.sh/v1\nkind: "LLMClient" # the v0.14 word\nmetadata:\n  name: stackademy\n';
// A nested `kind: Chatbot` (not at the start of a line) is not the manifest's kind.
const yamlPlugin = 'apiVersion: smarter.sh/v1\nkind: SqlPlugin\nmetadata:\n  name: p\n  annotations:\n    - kind: Chatbot\n';
const config = { session_key: SESSION_1, sandbox_mode: true, debug_mode: false, chatbot: { name: 'stackademy', url_chatbot: 'https://x/' } };
const sqlPlugin = { apiVersion: 'smarter.sh/v1', kind: 'SqlPlugin', metadata: { name: 'p', description: null, version: '1' }, spec: {} };

interface Case {
  name: string;
  call: (client: SmarterClient) => PromiseLike<unknown>;
  path: (g: Generation) => string;
  body?: (g: Generation) => unknown;
  /** Whether the call asks for the generation (every call that names the kind or a chat route). */
  generation: boolean;
  /** `data` of the answer (absent: none). */
  data?: (g: Generation) => unknown;
  result?: (g: Generation) => unknown;
}

const cases: Case[] = [
  { name: 'list', call: (c) => chatbots.list(c), path: (g) => `cli/get/${kind(g)}/`, generation: true, data: getData, result: () => items },
  { name: 'describe', call: (c) => chatbots.describe(c, { name: 'my bot' }), path: (g) => `cli/describe/${kind(g)}/?name=my+bot`, generation: true, data: (g) => chatbotManifest(g) },
  { name: 'apply (a Chatbot object)', call: (c) => chatbots.apply(c, chatbotManifest('v0.13') as never), path: () => 'cli/apply/', body: (g) => ({ ...chatbotManifest('v0.13'), kind: kind(g) }), generation: true, data: () => ({ id: 1 }) },
  { name: 'apply (an LLMClient object)', call: (c) => chatbots.apply(c, chatbotManifest('v0.14') as never), path: () => 'cli/apply/', body: (g) => ({ ...chatbotManifest('v0.14'), kind: kind(g) }), generation: true, data: () => ({ id: 1 }) },
  { name: 'apply (another kind, sent as it is)', call: (c) => chatbots.apply(c, sqlPlugin as never), path: () => 'cli/apply/', body: () => sqlPlugin, generation: true, data: () => ({ id: 2 }) },
  // YAML text: a chatbot's top-level kind line is spelled the server's way; other text goes as it is.
  { name: 'apply (YAML text of a chatbot)', call: (c) => chatbots.apply(c, yamlText), path: () => 'cli/apply/', body: (g) => yamlText.replace('kind: Chatbot', `kind: ${kind(g)}`), generation: true, data: () => ({ id: 3 }) },
  { name: 'apply (YAML text of an LLMClient, quoted, with a comment)', call: (c) => chatbots.apply(c, yamlQuoted), path: () => 'cli/apply/', body: (g) => yamlQuoted.replace(`kind: "LLMClient" # the v0.14 word`, `kind: ${kind(g)} # the v0.14 word`), generation: true, data: () => ({ id: 3 }) },
  { name: 'apply (YAML text of another kind, sent as it is)', call: (c) => chatbots.apply(c, yamlPlugin), path: () => 'cli/apply/', body: () => yamlPlugin, generation: false, data: () => ({ id: 4 }) },
  { name: 'delete', call: (c) => chatbots.remove(c, { name: 'stackademy' }), path: (g) => `cli/delete/${kind(g)}/?name=stackademy`, generation: true },
  { name: 'deploy', call: (c) => chatbots.deploy(c, { name: 'stackademy' }), path: (g) => `cli/deploy/${kind(g)}/?name=stackademy`, generation: true },
  { name: 'undeploy', call: (c) => chatbots.undeploy(c, { name: 'stackademy' }), path: (g) => `cli/undeploy/${kind(g)}/?name=stackademy`, generation: true },
  { name: 'logs', call: (c) => chatbots.logs(c, { name: 'stackademy' }), path: (g) => `cli/logs/${kind(g)}/?name=stackademy`, generation: true, data: () => ({}) },
  {
    name: 'chatConfig',
    call: (c) => chatbots.chatConfig(c, { name: 'stackademy', uid: 'app-1', sessionKey: SESSION_1, newSession: false }),
    path: (g) => `${v13(g) ? 'cli/chat/config' : 'cli/prompt/config'}/stackademy/?uid=app-1&new_session=false`,
    body: () => ({ session_key: SESSION_1 }),
    generation: true,
    data: () => config,
  },
  {
    name: 'chatDirect (by id)',
    call: (c) => chatbots.chatDirect(c, { chatbotId: 'rAbC_x' }, { messages: [{ role: 'user', content: 'Hello' }], sessionKey: SESSION_1 }),
    path: (g) => (v13(g) ? 'chatbots/rAbC_x/chat/' : 'llm-clients/rAbC_x/prompt/'),
    body: () => ({ messages: [{ role: 'user', content: 'Hello' }], session_key: SESSION_1 }),
    generation: true,
    data: () => directChatData(),
    result: () => {
      const { smarter, metadata, ...completion } = chatBody();
      return { reply: 'Hi! How can I help?', completion, smarter, metadata, messages: smarter.messages, raw: { ...directChatData(), body: chatBody() } };
    },
  },
  {
    name: 'chatDirect (by URL)',
    call: (c) => chatbots.chatDirect(c, { url: `${BASE}chatbots/rAbCx/chat/` }, { messages: [] }),
    path: () => 'chatbots/rAbCx/chat/',
    body: () => ({ messages: [] }),
    generation: false,
    data: () => directChatData(),
  },
];

describe.each(GENERATIONS)('%s server', (generation) => {
  describe.each(['given', 'detected'] as const)('generation %s', (mode) => {
    it.each(cases)('$name: method, URL, key, body; the parsed result', async (c) => {
      const detecting = mode === 'detected' && c.generation;
      const data = c.data?.(generation);
      const { client, fetch } = setup(generation, mode === 'given' ? 'given' : detecting ? 'detected' : 'unknown', [envelope(generation, 'x', data, 'done')]);
      const result = await c.call(client);
      if (c.result) expect(result).toEqual(c.result(generation));
      else if (!c.name.startsWith('chatDirect')) expect(result).toStrictEqual(data);
      if (detecting) expectPost(fetch.calls[0], 'cli/whoami/');
      const calls = fetch.calls.slice(detecting ? 1 : 0);
      expect(calls).toHaveLength(1);
      const body = c.body?.(generation);
      expectPost(calls[0], c.path(generation), body, typeof body === 'string' ? 'application/x-yaml' : 'application/json');
    });
  });

  it('chatConfig sends a fresh random uid when none is given, and no body without a session key', async () => {
    const { client, fetch } = setup(generation, 'given', [envelope(generation, 'chat_config', config), envelope(generation, 'chat_config', config)]);
    await chatbots.chatConfig(client, { name: 'stackademy' });
    await chatbots.chatConfig(client, { name: 'stackademy', newSession: true });
    const [a, b] = fetch.calls.map((c) => new URL(c.url));
    expect(a!.searchParams.get('uid')).toMatch(/^[\da-f-]{36}$/);
    expect(a!.searchParams.get('uid')).not.toBe(b!.searchParams.get('uid'));
    expect(a!.searchParams.has('new_session')).toBe(false);
    expect(b!.searchParams.get('new_session')).toBe('true');
    expect(fetch.calls[0]!.body).toBeUndefined();
  });

  it('chatDirect to the URL of a Chatbot: no generation needed, the key is sent, the JSON-string body is read', async () => {
    const { client, fetch } = setup(generation, 'unknown', [envelope(generation, 'chat', directChatData(chatBody('Direct')))]);
    const bot = new chatbots.Chatbot(client, chatbotManifest(generation) as never);
    const result = await chatbots.chatDirect(client, { url: bot.url! }, { messages: [{ role: 'user', content: 'Hi' }] });
    expect(result.reply).toBe('Direct');
    expect(result.raw.body).toEqual(chatBody('Direct'));
    expect(fetch.calls[0]!.url).toBe(bot.url);
    expect(fetch.calls[0]!.headers.authorization).toBe(`Token ${KEY}`);
  });
});
