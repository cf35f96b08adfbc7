// @smarter/resources against the emulator, in both server generations: every operation, every
// manifest kind, and the errors the SDK maps (503 "not found" → NotFoundError, 400, 501).
import { BadRequestError, InternalServerError, NotFoundError } from '@smarter/core';
import * as resources from '@smarter/resources';
import { describe, expect, it } from 'vitest';
import { chatbotManifest, GENERATIONS, smarterClient, useSmarter } from './helpers/smarter';

const emu = useSmarter();

const KINDS = ['Plugin', 'ApiPlugin', 'SqlPlugin', 'SqlConnection', 'ApiConnection', 'Secret', 'Provider', 'Account', 'User', 'SmarterAuthToken'];

describe.each(GENERATIONS)('%s server', (generation) => {
  const v13 = generation === 'v0.13';
  const chatbotKind = v13 ? 'Chatbot' : 'LLMClient';
  const client = () => smarterClient(emu, generation);

  it('whoami, status and version', async () => {
    const c = client();
    const me = await resources.whoami(c);
    expect(me.user.username).toMatch(/^user_/);
    expect(me.account.accountNumber).toMatch(/^\d{4}-\d{4}-\d{4}$/);
    expect(me.environment).toBe('local');
    expect((await resources.status(c)).compute?.machine).toBe('workerd');
    expect((await resources.version(c)).api?.version).toBe(v13 ? '0.13.223' : '0.14.19');
  });

  it('a client without the generation detects it from whoami', async () => {
    const c = smarterClient(emu, generation, { mode: 'detected' });
    expect(await c.generation()).toBe(generation);
    const example = await resources.exampleManifest(c, { kind: 'Chatbot' });
    expect(example.kind).toBe(chatbotKind);
  });

  it('a chatbot: apply (object), describe, get, deploy, undeploy, logs, delete', async () => {
    const c = new resources.Resources(client());
    const name = `res_bot_${generation}`;
    const applied = await c.apply(chatbotManifest(generation, name)).withResponse();
    expect(applied.body).toMatchObject({ message: `${chatbotKind} ${name} applied successfully` });
    expect(applied.requestId).toMatch(/^[\da-f]{64}$/);
    const described = await c.describe({ kind: 'Chatbot', name });
    expect(described).toMatchObject({ apiVersion: 'smarter.sh/v1', kind: chatbotKind, metadata: { name }, status: { deployed: false } });
    const url = v13 ? described.status?.urlChatbot : described.status?.urlLLMClient;
    expect(url).toMatch(v13 ? /\/api\/v1\/chatbots\/r[\w-]+x\/chat\/$/ : /\/api\/v1\/llm-clients\/r[\w-]+x\/prompt\/$/);

    await c.deploy({ kind: 'chatbot', name });
    expect((await c.describe({ kind: chatbotKind, name })).status?.deployed).toBe(true);
    expect((await c.describe({ kind: chatbotKind, name })).spec.config.deployed).toBe(true);
    const listed = await c.get({ kind: 'Chatbot', name });
    expect(listed.metadata.count).toBe(1);
    expect(listed.data.items[0]).toMatchObject({ name, deployed: true });
    expect(listed.data.titles).toContainEqual({ name: 'createdAt', type: 'DateTimeField' });
    await c.undeploy({ kind: 'llm_clients', name });
    expect((await c.describe({ kind: 'Chatbot', name })).status?.deployed).toBe(false);
    expect(await c.logs({ kind: 'Chatbot', name })).toEqual({});
    await c.delete({ kind: 'Chatbot', name });
    await expect(c.describe({ kind: 'Chatbot', name }, { maxRetries: 0 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('apply takes YAML text (toYAML), an upsert by name', async () => {
    const c = client();
    const name = `yaml_bot_${generation}`;
    await resources.apply(c, resources.toYAML(chatbotManifest(generation, name, { defaultTemperature: 0.2 })));
    await resources.apply(c, resources.toYAML(chatbotManifest(generation, name, { defaultTemperature: 0.7 })));
    const all = await resources.get(c, { kind: 'Chatbot' });
    expect(all.data.items.filter((i) => i.name === name)).toHaveLength(1);
    expect((await resources.describe(c, { kind: 'Chatbot', name })).spec.config.defaultTemperature).toBe(0.7);
  });

  it('get lists up to 1000 ordered by name, filters by name, echoes the query in kwargs', async () => {
    const c = client();
    for (const n of ['zeta', 'alpha', 'mid']) await resources.apply(c, { apiVersion: 'smarter.sh/v1', kind: 'Secret', metadata: { name: `${n}_${generation}`, description: null, version: '1.0.0' }, spec: { config: { value: 's3cret' } } });
    const all = await resources.get(c, { kind: 'secrets' });
    const names = all.data.items.map((i) => i.name as string).filter((n) => n.endsWith(generation));
    expect(names).toEqual([...names].sort());
    expect(all.data.items.every((i) => i.value === '******')).toBe(true);
    const one = await resources.get(c, { kind: 'Secret', name: `mid_${generation}` });
    expect(one).toMatchObject({ name: `mid_${generation}`, metadata: { count: 1 }, kwargs: { name: [`mid_${generation}`] } });
  });

  it.each(KINDS)('%s: the example manifest applies; describe, get, delete; its JSON schema', async (kind) => {
    const c = client();
    const k = resources.kindFor(kind, generation);
    const example = await resources.exampleManifest(c, { kind });
    expect(example.kind).toBe(k);
    const name = `${example.metadata.name}_${generation}`.slice(0, 50);
    await resources.apply(c, { ...example, metadata: { ...example.metadata, name } });
    expect((await resources.describe(c, { kind, name })).metadata.name).toBe(name);
    expect((await resources.get(c, { kind, name })).data.items).toHaveLength(1);
    const schema = await resources.jsonSchema(c, { kind });
    expect(schema).toMatchObject({ type: 'object', required: ['apiVersion', 'kind', 'metadata', 'spec'] });
    if (kind === 'Account') {
      await expect(resources.remove(c, { kind, name })).rejects.toMatchObject({ status: 501 });
    } else {
      await resources.remove(c, kind === 'User' ? { kind, username: name } : { kind, name });
      await expect(resources.describe(c, { kind, name }, { maxRetries: 0 })).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it('501 for commands a kind does not implement; 503 (NotFoundError) for unknown names', async () => {
    const c = client();
    await resources.apply(c, { apiVersion: 'smarter.sh/v1', kind: 'Secret', metadata: { name: 'not_deployable', description: null, version: '1' }, spec: { config: { value: 'x' } } });
    const error = await resources.deploy(c, { kind: 'Secret', name: 'not_deployable' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 501, code: 'SAMBrokerErrorNotImplemented' });
    await expect(resources.logs(c, { kind: 'Secret', name: 'not_deployable' }, { maxRetries: 0 })).rejects.toMatchObject({ status: 501 });
    // maxRetries 0: the SDK retries a read's 503, "not found" or not (see the report).
    const once = smarterClient(emu, generation, { maxRetries: 0 });
    for (const call of [
      () => resources.describe(once, { kind: 'Chatbot', name: 'nope' }),
      () => resources.remove(once, { kind: 'Chatbot', name: 'nope' }),
      () => resources.deploy(once, { kind: 'Chatbot', name: 'nope' }),
      () => resources.undeploy(once, { kind: 'Chatbot', name: 'nope' }),
      () => resources.logs(once, { kind: 'Chatbot', name: 'nope' }),
    ]) {
      const e = await Promise.resolve(call()).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(NotFoundError);
      expect(e).toMatchObject({ status: 503, code: 'SAMBrokerErrorNotReady' });
    }
  });

  it('a bad manifest is a BadRequestError naming every problem', async () => {
    const c = client();
    const bad = { apiVersion: 'smarter.sh/v2', kind: 'Chatbot', metadata: { name: 'x'.repeat(51), version: '1' }, spec: { config: { defaultTemperature: 3 } } };
    const error = (await resources.apply(c, bad as never).catch((e: unknown) => e)) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.code).toBe('SAMValidationError');
    for (const problem of ['apiVersion', 'metadata.name: at most 50', 'metadata.description', 'spec.config.deployed: required boolean', 'spec.config.defaultTemperature: must be at most 1']) {
      expect(error.message).toContain(problem);
    }
    await expect(resources.apply(c, 'kind: [unclosed')).rejects.toBeInstanceOf(BadRequestError);
    await expect(resources.apply(c, { apiVersion: 'smarter.sh/v1', kind: 'Nonsense', metadata: { name: 'n', description: null, version: '1' }, spec: {} })).rejects.toThrow(/unknown kind "Nonsense"/);
  });

  it('the other generation\'s kind name is unknown (v0.14 has no Chatbot alias, v0.13 no LLMClient)', async () => {
    const other = smarterClient(emu, generation, { generation: v13 ? 'v0.14' : 'v0.13' });
    const error = await resources.describe(other, { kind: 'Chatbot', name: 'x' }, { maxRetries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ message: expect.stringContaining(`Unknown kind "${v13 ? 'LLMClient' : 'Chatbot'}"`) });
  });

  it('the example manifest and the schema need no key', async () => {
    const anonymous = smarterClient(emu, generation, { auth: () => ({}) });
    expect((await resources.exampleManifest(anonymous, { kind: 'SqlPlugin' })).kind).toBe('SqlPlugin');
    expect(await resources.jsonSchema(anonymous, { kind: 'Chatbot' })).toMatchObject({ title: `${chatbotKind} manifest` });
  });
});
