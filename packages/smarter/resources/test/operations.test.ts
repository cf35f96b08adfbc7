import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Generation, SmarterClient } from '@smarter/core';
import * as resources from '../src';
import { envelope, expectPost, GENERATIONS, KEY, setup } from './helpers';

const SESSION = 'ab'.repeat(32);
const manifest = (kind: string) => ({ apiVersion: 'smarter.sh/v1', kind, metadata: { name: 'bot', description: null, version: '1.0.0' }, spec: { config: { deployed: false } } });
const yamlText = 'apiVersion: smarter.sh/v1\nkind: Chatbot\nmetadata:\n  name: bot\n';
const getData = { apiVersion: 'smarter.sh/v1', kind: 'Chatbot', name: null, metadata: { count: 1 }, kwargs: {}, data: { titles: [{ name: 'name', type: 'CharField' }], items: [{ id: 1, name: 'bot' }] } };

interface Case {
  name: string;
  call: (client: SmarterClient) => PromiseLike<unknown>;
  /** The path after the base URL, per generation. */
  path: (g: Generation) => string;
  /** The JSON body sent (a string: the raw YAML body). */
  body?: (g: Generation) => unknown;
  /** Whether the call needs the generation (a renamed kind, or a route that differs). */
  generation: boolean;
  /** `data` of the answer (absent: the server sends none) and what the call resolves to. */
  data?: unknown;
  auth?: false;
}

afterEach(() => vi.unstubAllEnvs());

const v13 = (g: Generation) => g === 'v0.13';
const cases: Case[] = [
  { name: 'whoami', call: (c) => resources.whoami(c), path: () => 'cli/whoami/', generation: false, data: { user: { id: 1, username: 'ada' }, account: { accountNumber: '3141-5926-5359' }, environment: 'prod' } },
  { name: 'status', call: (c) => resources.status(c), path: () => 'cli/status/', generation: false, data: { infrastructures: { mysql: 'ok' }, compute: { machine: 'x86_64' } } },
  { name: 'version', call: (c) => resources.version(c), path: () => 'cli/version/', generation: false, data: { api: { version: '0.14.19' }, cli: { version: '0.2.1' } } },
  { name: 'apply (a Chatbot object)', call: (c) => resources.apply(c, manifest('Chatbot')), path: () => 'cli/apply/', body: (g) => manifest(v13(g) ? 'Chatbot' : 'LLMClient'), generation: true, data: { id: 7 } },
  { name: 'apply (an LLMClient object)', call: (c) => resources.apply(c, manifest('LLMClient')), path: () => 'cli/apply/', body: (g) => manifest(v13(g) ? 'Chatbot' : 'LLMClient'), generation: true, data: { id: 7 } },
  { name: 'apply (a SqlPlugin object)', call: (c) => resources.apply(c, manifest('SqlPlugin')), path: () => 'cli/apply/', body: () => manifest('SqlPlugin'), generation: false, data: { id: 8 } },
  { name: 'apply (YAML text)', call: (c) => resources.apply(c, yamlText), path: () => 'cli/apply/', body: () => yamlText, generation: false, data: { id: 9 } },
  { name: 'get', call: (c) => resources.get(c, { kind: 'Chatbot' }), path: (g) => `cli/get/${v13(g) ? 'Chatbot' : 'LLMClient'}/`, generation: true, data: getData },
  { name: 'get (by name)', call: (c) => resources.get(c, { kind: 'Secret', name: 'db password' }), path: () => 'cli/get/Secret/?name=db+password', generation: false, data: getData },
  { name: 'describe', call: (c) => resources.describe(c, { kind: 'LLMClient', name: 'my bot' }), path: (g) => `cli/describe/${v13(g) ? 'Chatbot' : 'LLMClient'}/?name=my+bot`, generation: true, data: manifest('Chatbot') },
  { name: 'describe (a SqlPlugin)', call: (c) => resources.describe(c, { kind: 'SqlPlugin', name: 'q&a' }), path: () => 'cli/describe/SqlPlugin/?name=q%26a', generation: false, data: manifest('SqlPlugin') },
  { name: 'delete', call: (c) => resources.remove(c, { kind: 'Chatbot', name: 'bot' }), path: (g) => `cli/delete/${v13(g) ? 'Chatbot' : 'LLMClient'}/?name=bot`, generation: true },
  { name: 'delete (a User by username)', call: (c) => resources.remove(c, { kind: 'User', username: 'ada' }), path: () => 'cli/delete/User/?username=ada', generation: false },
  { name: 'delete (a Chat by session key)', call: (c) => resources.remove(c, { kind: 'Chat', sessionKey: SESSION }), path: (g) => `cli/delete/${v13(g) ? 'Chat' : 'Prompt'}/?session_key=${SESSION}`, generation: true },
  { name: 'deploy', call: (c) => resources.deploy(c, { kind: 'chatbot', name: 'bot' }), path: (g) => `cli/deploy/${v13(g) ? 'Chatbot' : 'LLMClient'}/?name=bot`, generation: true },
  { name: 'undeploy', call: (c) => resources.undeploy(c, { kind: 'llm_clients', name: 'bot' }), path: (g) => `cli/undeploy/${v13(g) ? 'Chatbot' : 'LLMClient'}/?name=bot`, generation: true },
  { name: 'logs', call: (c) => resources.logs(c, { kind: 'SqlConnection', name: 'db' }), path: () => 'cli/logs/SqlConnection/?name=db', generation: false, data: { lines: ['connected'] } },
  { name: 'logs (a chatbot)', call: (c) => resources.logs(c, { kind: 'Chatbot', name: 'bot' }), path: (g) => `cli/logs/${v13(g) ? 'Chatbot' : 'LLMClient'}/?name=bot`, generation: true, data: {} },
  { name: 'exampleManifest', call: (c) => resources.exampleManifest(c, { kind: 'Chatbot' }), path: (g) => (v13(g) ? 'cli/example_manifest/Chatbot/' : 'cli/example-manifest/LLMClient/'), generation: true, data: manifest('Chatbot'), auth: false },
  { name: 'exampleManifest (a Plugin)', call: (c) => resources.exampleManifest(c, { kind: 'Plugin' }), path: (g) => (v13(g) ? 'cli/example_manifest/Plugin/' : 'cli/example-manifest/Plugin/'), generation: true, data: manifest('Plugin'), auth: false },
  { name: 'jsonSchema', call: (c) => resources.jsonSchema(c, { kind: 'AuthToken' }), path: (g) => (v13(g) ? 'cli/schema/AuthToken/' : 'cli/json-schema/SmarterAuthToken/'), generation: true, data: { type: 'object', properties: {} }, auth: false },
];

describe.each(GENERATIONS)('%s server', (generation) => {
  describe.each(['given', 'detected'] as const)('generation %s', (mode) => {
    it.each(cases)('$name: method, URL, key, body; resolves to the data', async (c) => {
      // A detected generation costs one whoami, and only for the calls that need it.
      const detecting = mode === 'detected' && c.generation;
      const { client, fetch } = setup(generation, mode === 'given' ? 'given' : detecting ? 'detected' : 'unknown', [envelope(generation, 'x', c.data, 'done')]);
      const result = await c.call(client);
      expect(result).toStrictEqual(c.data);
      if (detecting) expectPost(fetch.calls[0], 'cli/whoami/');
      const calls = fetch.calls.slice(detecting ? 1 : 0);
      expect(calls).toHaveLength(1);
      const sent = calls[0]!;
      const body = c.body?.(generation);
      if (c.auth === false) {
        expect(sent.headers.authorization).toBeUndefined();
        expect(sent.method).toBe('POST');
        expect(sent.url).toBe(`https://platform.smarter.sh/api/v1/${c.path(generation)}`);
      } else {
        expectPost(sent, c.path(generation), body, typeof body === 'string' ? 'application/x-yaml' : 'application/json');
      }
    });
  });
});

describe('details', () => {
  it('withResponse() keeps the envelope and its journal key', async () => {
    const { client } = setup('v0.14', 'given', [new Response(JSON.stringify({ data: { id: 1 }, message: 'Chatbot bot applied successfully', api: 'smarter.sh/v1', metadata: { key: 'c'.repeat(64) } }))]);
    const { data, body, requestId } = await resources.apply(client, manifest('Chatbot')).withResponse();
    expect(data).toEqual({ id: 1 });
    expect(body).toMatchObject({ message: 'Chatbot bot applied successfully' });
    expect(requestId).toBe('c'.repeat(64));
  });

  it('the example manifest and the schema need no key (with the generation given)', async () => {
    vi.stubEnv('SMARTER_API_KEY', '');
    const { client, fetch } = setup('v0.13', 'given', [envelope('v0.13', 'example_manifest', manifest('Secret'))], { apiKey: undefined });
    expect(await resources.exampleManifest(client, { kind: 'Secret' })).toEqual(manifest('Secret'));
    expect(fetch.calls[0]!.headers.authorization).toBeUndefined();
  });

  it('kindFor spells a kind the way each generation does', () => {
    expect(['chatbot', 'Chatbots', 'LLMClient', 'llm_client', 'llm_clients', 'AuthToken', 'smarter_auth_tokens', 'Chat', 'prompts', 'SqlPlugin', 'chat_history'].map((k) => resources.kindFor(k, 'v0.13'))).toEqual([
      'Chatbot', 'Chatbot', 'Chatbot', 'Chatbot', 'Chatbot', 'AuthToken', 'AuthToken', 'Chat', 'Chat', 'SqlPlugin', 'chat_history',
    ]);
    expect(['chatbot', 'LLMClient', 'AuthToken', 'SmarterAuthToken', 'chats', 'Prompt', 'constructor', 'Secret'].map((k) => resources.kindFor(k, 'v0.14'))).toEqual([
      'LLMClient', 'LLMClient', 'SmarterAuthToken', 'SmarterAuthToken', 'Prompt', 'Prompt', 'constructor', 'Secret',
    ]);
  });

  it('sends the API key as Authorization: Token', async () => {
    const { client, fetch } = setup('v0.14', 'given', [envelope('v0.14', 'whoami', {})]);
    await resources.whoami(client);
    expect(fetch.calls[0]!.headers.authorization).toBe(`Token ${KEY}`);
  });
});
