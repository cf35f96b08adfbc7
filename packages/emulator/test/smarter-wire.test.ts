// The Smarter API on the wire, with raw requests (what the SDK hides): authentication, the
// envelopes of each generation, each generation's own routes, isolation between accounts, the CLI
// chat's session, the chatbot's own endpoints, bad manifests. Every JSON answer is checked against
// specs/smarter.yaml by `raw`.
import { describe, expect, it } from 'vitest';
import { chatbotManifest, GENERATIONS, raw, SMARTER_KEY_B, useSmarter } from './helpers/smarter';

const emu = useSmarter();
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- bodies read in tests

const HEX64 = /^[\da-f]{64}$/;

describe.each(GENERATIONS)('%s server', (generation) => {
  const v13 = generation === 'v0.13';
  const kind = v13 ? 'Chatbot' : 'LLMClient';
  const chat = v13 ? 'chat' : 'prompt';
  const post = (path: string, options: Parameters<typeof raw>[3] = {}) => raw(emu, 'POST', path, { generation, ...options });

  it('the envelope: v0.13 has `thing` at the top and a string error status, v0.14 both in metadata and an integer', async () => {
    const { json } = await post('cli/whoami/');
    const body = json as Json;
    if (v13) {
      expect(body).toMatchObject({ api: 'smarter.sh/v1', thing: 'None', metadata: { command: 'whoami', key: expect.stringMatching(HEX64) } });
      expect(body.metadata).not.toHaveProperty('thing');
    } else {
      expect(body).not.toHaveProperty('thing');
      expect(body.metadata).toMatchObject({ command: 'whoami', thing: 'None', key: expect.stringMatching(HEX64) });
    }
    expect(body).not.toHaveProperty('message');
    const failed = (await post(`cli/describe/${kind}/?name=nope`)).json as Json;
    expect(failed.error.status).toBe(v13 ? '503' : 503);
    expect(failed.error).toMatchObject({ errorClass: 'SAMBrokerErrorNotReady', description: `SAMBrokerErrorNotReady: ${kind} nope not found`, context: `thing=${kind}, command=describe` });
  });

  it('403 (never 401) for a missing, unknown or Bearer key, everywhere; the Token prefix in any case', async () => {
    for (const [key, headers] of [[null, {}], ['nope', {}], [null, { authorization: `Bearer ${SMARTER_KEY_B}` }]] as const) {
      for (const path of ['cli/whoami/', `cli/get/${kind}/`, 'cli/apply/', 'responses/', 'chat/completions/', 'fine_tuning/jobs/']) {
        const response = await post(path, { key, headers, body: {} });
        expect(response.status, path).toBe(403);
        expect((response.json as Json).error.errorClass).toBe('SmarterAPIV1CLIViewErrorNotAuthenticated');
      }
      expect((await raw(emu, 'GET', 'files/', { generation, key, headers })).status).toBe(403);
    }
    expect((await post('cli/whoami/', { key: null, headers: { authorization: `tOkEn ${SMARTER_KEY_B}` } })).status).toBe(200);
    // A wrong method is answered after authentication: 403 without a key, DRF's 405 with one.
    expect((await raw(emu, 'GET', 'cli/whoami/', { generation, key: null })).status).toBe(403);
    const wrong = await raw(emu, 'GET', 'cli/whoami/', { generation, specAs: { schema: 'DrfError' } });
    expect([wrong.status, wrong.json]).toEqual([405, { detail: 'Method "GET" not allowed.' }]);
  });

  it("each generation's own routes; the other's are Django's 404 page", async () => {
    const own = v13 ? ['cli/example_manifest/chatbot/', 'cli/schema/chatbot/'] : ['cli/example-manifest/llmclient/', 'cli/json-schema/llmclient/'];
    const other = v13 ? ['cli/example-manifest/llmclient/', 'cli/json-schema/llmclient/', 'cli/prompt/x/?uid=a', 'cli/prompt/config/x/?uid=a', 'llm-clients/rMQx/prompt/', 'prompts/passthrough/openai/'] : ['cli/example_manifest/chatbot/', 'cli/schema/chatbot/', 'cli/chat/x/?uid=a', 'cli/chat/config/x/?uid=a', 'chatbots/rMQx/chat/'];
    for (const path of own) expect((await post(path, { key: null })).status, path).toBe(200);
    expect((await raw(emu, 'GET', own[1] ?? '', { generation, key: null, specAs: { method: 'POST' } })).status).toBe(200);
    for (const path of other) {
      const response = await post(path, { body: { prompt: 'x', messages: [] } });
      expect([path, response.status, response.headers.get('content-type')]).toEqual([path, 404, 'text/html; charset=UTF-8']);
    }
    const example = (await post(own[0] ?? '', { key: null })).json as Json;
    expect(example).toMatchObject({ message: `${kind} example manifest successfully generated`, data: { kind } });
    expect(((await post(own[1] ?? '', { key: null })).json as Json).metadata.command).toBe(v13 ? 'schema' : 'json_schema');
  });

  it('apply → deploy → prompt twice in one session: the second request carries the first turn', async () => {
    const name = `wire_${generation}`;
    const applied = await post('cli/apply/', { body: chatbotManifest(generation, name) });
    expect([applied.status, (applied.json as Json).message]).toEqual([200, `${kind} ${name} applied successfully`]);
    const deployed = (await post(`cli/deploy/${kind}/?name=${name}`)).json as Json;
    expect(deployed).not.toHaveProperty('data');
    expect(deployed.message).toBe(`${kind} ${name} deployed successfully`);

    const first = (await post(`cli/${chat}/${name}/?uid=wire&new_session=true`, { body: { prompt: 'Hello', messages: [] } })).json as Json;
    expect(first.metadata.command ?? first.metadata).toBe(chat);
    if (v13) expect([first.thing, first.data.response.thing]).toEqual(['Chat', 'Chatbot']);
    else expect([first.metadata.thing, first.data.response.metadata.thing]).toEqual(['Prompt', 'Prompt']);
    const key = first.data.request.session_key as string;
    expect(key).toMatch(HEX64);
    expect(first.data.response.data.body.choices[0].message.content).toBe('You said: Hello');

    const second = (await post(`cli/${chat}/${name}/?uid=wire`, { body: { prompt: 'Again', messages: [] } })).json as Json;
    expect(second.data.request.session_key).toBe(key);
    expect((second.data.request.messages as Json[]).map((m) => m.content as unknown)).toEqual(['You are terse.', 'Hello', 'You said: Hello', 'Again']);
    const reply = (second.data.response.data.body.smarter.messages as Json[]).filter((m) => m.role === 'assistant').pop();
    expect(reply?.content).toBe('You said: Again');

    // A non-empty `messages` list is used for the turn and not stored back (the platform's way).
    const custom = (await post(`cli/${chat}/${name}/?uid=wire`, { body: { prompt: 'Third', messages: [{ role: 'user', content: 'Other' }] } })).json as Json;
    expect((custom.data.request.messages as Json[]).map((m) => m.content as unknown)).toEqual(['You are terse.', 'Other', 'Third']);
    const fourth = (await post(`cli/${chat}/${name}/?uid=wire`, { body: { prompt: 'Fourth' } })).json as Json;
    expect(fourth.data.request.messages).toHaveLength(6);

    // The history kinds: the session is a Chat (v0.13) / Prompt (v0.14).
    const chatKind = v13 ? 'Chat' : 'Prompt';
    const sessions = (await post(`cli/get/${chatKind}/?session_key=${key}`)).json as Json;
    expect(sessions.data.data.items).toMatchObject([{ sessionKey: key, chatbot: name, turns: 4 }]);
    expect(((await post(`cli/describe/${chatKind}/?session_key=${key}`)).json as Json).data.spec.messages).toHaveLength(7);
    expect((await post('cli/apply/', { body: { apiVersion: 'smarter.sh/v1', kind: chatKind, metadata: { name: key, description: null, version: '1' }, spec: {} } })).status).toBe(405);
    expect((await post(`cli/delete/${chatKind}/?session_key=${key}`)).status).toBe(200);
    expect((await post(`cli/describe/${chatKind}/?session_key=${key}`)).status).toBe(503);
  });

  it("the CLI chat's errors: no uid, a bad new_session or no body → 500; a bad session key → 400; an unknown chatbot → 404", async () => {
    const name = `errors_${generation}`;
    await post('cli/apply/', { body: chatbotManifest(generation, name) });
    const status = async (path: string, body?: unknown) => (await post(path, { body })).status;
    expect(await status(`cli/${chat}/${name}/`, { prompt: 'x' })).toBe(500);
    expect(await status(`cli/${chat}/${name}/?uid=a&new_session=maybe`, { prompt: 'x' })).toBe(500);
    expect(await status(`cli/${chat}/${name}/?uid=a`)).toBe(500);
    expect(await status(`cli/${chat}/${name}/?uid=a`, { prompt: 'x', session_key: 'short' })).toBe(400);
    const unknown = await post(`cli/${chat}/nope/?uid=a`, { body: { prompt: 'x' } });
    expect([unknown.status, (unknown.json as Json).error.errorClass]).toEqual([404, 'SmarterChatBotException']);
    expect((await post(`cli/${chat}/config/nope/?uid=a`)).status).toBe(404);
    expect(await status(`cli/${chat}/config/${name}/`)).toBe(500);
  });

  it("the chatbot's own endpoints: data.body is a JSON string; 405, 404 {} and 403 {message} in their own shapes", async () => {
    const name = `widget_${generation}`;
    const described = ((await post('cli/apply/', { body: chatbotManifest(generation, name) })).json as Json).data;
    const url: string = described.status[v13 ? 'urlChatbot' : 'urlLLMClient'];
    const path = url.slice(emu.emulator.smarterURL.length);
    const configPath = (described.status.urlChatConfig as string).slice(emu.emulator.smarterURL.length);

    const config = (await raw(emu, 'GET', configPath, { generation, specAs: { method: 'POST' } })).json as Json;
    expect(config).toMatchObject({ data: { sandbox_mode: true, chatbot: { name, url_chatbot: url } }, metadata: { command: 'chat_config' } });
    const sessionKey = config.data.session_key as string;
    expect(((await raw(emu, 'GET', `${configPath}?session_key=${sessionKey}`, { generation, specAs: { method: 'POST' } })).json as Json).data.session_key).toBe(sessionKey);

    const answer = (await post(path, { body: { session_key: sessionKey, messages: [{ role: 'user', content: 'Hi bot' }] } })).json as Json;
    expect(typeof answer.data.body).toBe('string');
    expect(JSON.parse(answer.data.body as string)).toMatchObject({ object: 'chat.completion', choices: [{ message: { content: 'You said: Hi bot' } }] });
    expect(answer.data).toMatchObject({ isBase64Encoded: false, statusCode: 200, headers: { 'Content-Type': 'application/json' } });
    expect(v13 ? answer.thing : answer.metadata.thing).toBe(kind);
    // The session key may come from the query or a cookie too.
    expect((await post(`${path}?session_key=${sessionKey}`, { body: { messages: [] } })).status).toBe(200);
    expect((await post(path, { body: { messages: [] }, headers: { cookie: `session_key=${sessionKey}` } })).status).toBe(200);

    const get = await raw(emu, 'GET', path, { generation });
    expect([get.status, get.headers.get('allow'), get.text]).toEqual([405, 'POST', '']);
    expect((await post(path, { key: null, body: { messages: [] } })).json).toEqual({ message: 'Forbidden. Please provide a valid API key.' });
    expect((await post(path, { key: SMARTER_KEY_B, body: { messages: [] } })).json).toEqual({});
    expect((await post(configPath, { key: SMARTER_KEY_B })).json).toEqual({ error: 'Not found' });
    expect((await post(path, { body: { messages: 'hello' } })).status).toBe(500);
  });

  it("accounts are isolated: B sees none of A's resources, sessions or files", async () => {
    const name = `isolated_${generation}`;
    await post('cli/apply/', { body: chatbotManifest(generation, name) });
    const b = { key: SMARTER_KEY_B };
    expect(((await post(`cli/get/${kind}/?name=${name}`, b)).json as Json).data.metadata.count).toBe(0);
    expect((await post(`cli/describe/${kind}/?name=${name}`, b)).status).toBe(503);
    expect((await post(`cli/delete/${kind}/?name=${name}`, b)).status).toBe(503);
    expect((await post(`cli/${chat}/${name}/?uid=b`, { ...b, body: { prompt: 'x' } })).status).toBe(404);
    // B applies the same name: two chatbots, one per account.
    await post('cli/apply/', { ...b, body: chatbotManifest(generation, name, { defaultSystemRole: 'I am B.' }) });
    expect(((await post(`cli/describe/${kind}/?name=${name}`)).json as Json).data.spec.config.defaultSystemRole).toBe('You are terse.');
    const whoA = ((await post('cli/whoami/')).json as Json).data;
    const whoB = ((await post('cli/whoami/', b)).json as Json).data;
    expect(whoA.account.accountNumber).not.toBe(whoB.account.accountNumber);
  });

  it('bad manifests are 400s with a useful description; YAML is accepted, even labelled JSON', async () => {
    const description = async (body: string, headers: Record<string, string> = {}) => {
      const response = await post('cli/apply/', { body, headers: { 'content-type': 'application/json', ...headers } });
      const json = response.json as Json;
      return [response.status, (json.error?.description ?? json.message) as unknown];
    };
    expect(await description('')).toEqual([400, 'SAMValidationError: No YAML manifest provided.']);
    expect(await description('[1, 2]')).toEqual([400, 'SAMValidationError: The manifest must be a JSON object or a YAML mapping.']);
    expect((await description('kind: [unclosed'))[0]).toBe(400);
    const [status, text] = await description(JSON.stringify({ apiVersion: 'smarter.sh/v1', kind, metadata: { name: 'x', description: null, version: '1' }, spec: { config: { deployed: 'yes' }, plugins: 'p' } }));
    expect(status).toBe(400);
    expect(text).toContain('spec.config.deployed: expected a boolean');
    expect(text).toContain('spec.plugins: expected a list of strings');
    const yaml = `apiVersion: smarter.sh/v1\nkind: ${kind}\nmetadata:\n  name: from_yaml\n  description: null\n  version: 1.0.0\nspec:\n  config:\n    deployed: true\n`;
    expect(await description(yaml, { 'content-type': 'application/x-yaml' })).toEqual([200, `${kind} from_yaml applied successfully`]);
    // The Go CLI sends YAML labelled application/json.
    expect((await description(yaml.replace('from_yaml', 'go_cli')))[0]).toBe(200);
    expect(((await post(`cli/describe/${kind}/?name=go_cli`)).json as Json).data.status.deployed).toBe(true);
  });
});
