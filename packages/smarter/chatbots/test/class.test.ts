import { describe, expect, it } from 'vitest';
import { Chatbot, Chatbots } from '../src';
import { BASE, chatbotManifest, directChatData, envelope, SESSION_1, setup } from './helpers';

describe('Chatbots', () => {
  it('binds every operation to one client', async () => {
    const manifest = chatbotManifest('v0.14');
    const ops: [string, (c: Chatbots) => PromiseLike<unknown>, string, unknown][] = [
      ['get', (c) => c.get({ name: 'stackademy' }), 'cli/describe/LLMClient/?name=stackademy', manifest],
      ['list', (c) => c.list(), 'cli/get/LLMClient/', { data: { items: [{ name: 'a' }] } }],
      ['describe', (c) => c.describe({ name: 'stackademy' }), 'cli/describe/LLMClient/?name=stackademy', manifest],
      ['apply', (c) => c.apply('kind: LLMClient\n'), 'cli/apply/', {}],
      ['delete', (c) => c.delete({ name: 'b' }), 'cli/delete/LLMClient/?name=b', undefined],
      ['deploy', (c) => c.deploy({ name: 'b' }), 'cli/deploy/LLMClient/?name=b', undefined],
      ['undeploy', (c) => c.undeploy({ name: 'b' }), 'cli/undeploy/LLMClient/?name=b', undefined],
      ['logs', (c) => c.logs({ name: 'b' }), 'cli/logs/LLMClient/?name=b', {}],
      ['chatConfig', (c) => c.chatConfig({ name: 'b', uid: 'u' }), 'cli/prompt/config/b/?uid=u', { session_key: SESSION_1 }],
      ['chatDirect', (c) => c.chatDirect({ chatbotId: 'r1x' }, { messages: [] }), 'llm-clients/r1x/prompt/', directChatData()],
    ];
    for (const [name, call, path, data] of ops) {
      const { client, fetch } = setup('v0.14', 'given', [envelope('v0.14', name, data, 'done')]);
      const result = await call(new Chatbots(client));
      expect(fetch.calls.map((c) => c.url), name).toEqual([BASE + path]);
      if (name === 'get') expect(result).toBeInstanceOf(Chatbot);
      else if (name === 'list') expect(result).toEqual([{ name: 'a' }]);
      else if (name === 'chatDirect') expect(result).toMatchObject({ reply: 'Hi! How can I help?' });
      else expect(result, name).toEqual(data);
    }
  });
});
