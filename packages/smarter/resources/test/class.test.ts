import { describe, expect, it } from 'vitest';
import { Resources } from '../src';
import { envelope, setup } from './helpers';

describe('Resources', () => {
  it('binds every operation to one client', async () => {
    const ops: [string, (r: Resources) => PromiseLike<unknown>, string][] = [
      ['apply', (r) => r.apply('kind: Secret\n'), 'cli/apply/'],
      ['get', (r) => r.get({ kind: 'Chatbot' }), 'cli/get/LLMClient/'],
      ['describe', (r) => r.describe({ kind: 'Chatbot', name: 'b' }), 'cli/describe/LLMClient/?name=b'],
      ['delete', (r) => r.delete({ kind: 'User', username: 'ada' }), 'cli/delete/User/?username=ada'],
      ['deploy', (r) => r.deploy({ kind: 'Chatbot', name: 'b' }), 'cli/deploy/LLMClient/?name=b'],
      ['undeploy', (r) => r.undeploy({ kind: 'Chatbot', name: 'b' }), 'cli/undeploy/LLMClient/?name=b'],
      ['logs', (r) => r.logs({ kind: 'Chatbot', name: 'b' }), 'cli/logs/LLMClient/?name=b'],
      ['exampleManifest', (r) => r.exampleManifest({ kind: 'AuthToken' }), 'cli/example-manifest/SmarterAuthToken/'],
      ['jsonSchema', (r) => r.jsonSchema({ kind: 'Chat' }), 'cli/json-schema/Prompt/'],
      ['whoami', (r) => r.whoami(), 'cli/whoami/'],
      ['status', (r) => r.status(), 'cli/status/'],
      ['version', (r) => r.version(), 'cli/version/'],
    ];
    for (const [name, call, path] of ops) {
      const { client, fetch } = setup('v0.14', 'given', [envelope('v0.14', name, { name })]);
      const result = await call(new Resources(client));
      expect(result, name).toEqual({ name });
      expect(fetch.calls.map((c) => c.url), name).toEqual([`https://platform.smarter.sh/api/v1/${path}`]);
    }
  });

  it('types describe and exampleManifest by kind', async () => {
    const { client } = setup('v0.13', 'given', [envelope('v0.13', 'describe', { kind: 'SqlPlugin', spec: { sqlData: { sqlQuery: 'SELECT 1' } } })]);
    const plugin = await new Resources(client).describe({ kind: 'SqlPlugin', name: 'q' });
    // A SqlPluginManifest: its spec is typed.
    expect(plugin.spec.sqlData?.sqlQuery).toBe('SELECT 1');
  });
});
