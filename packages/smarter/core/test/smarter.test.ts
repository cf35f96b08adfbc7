import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  chatbotKind,
  chatConfigRoute,
  chatRoute,
  exampleManifestRoute,
  get,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  post,
  request,
  routesFor,
  schemaRoute,
  type SDKError,
  SmarterClient,
  VERSION,
} from '../src';
import pkg from '../package.json';

interface Sent { url: string; method: string; headers: Record<string, string>; body: string | undefined }

function scriptedFetch(...replies: Response[]) {
  const calls: Sent[] = [];
  const fetch = async (url: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: url instanceof Request ? url.url : String(url), method: init.method ?? 'GET', headers: { ...(init.headers as Record<string, string>) }, body: init.body as string | undefined });
    const reply = replies.shift();
    if (!reply) throw new Error('unexpected request');
    return reply;
  };
  return Object.assign(fetch, { calls });
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const KEY = 'f'.repeat(64);
const JOURNAL = 'a1'.repeat(32);

/** The journaled error envelope the CLI views send. */
const failure = (status: number, errorClass: string, description: string) =>
  json(
    {
      error: { errorClass, description, status: String(status), stacktrace: 'Traceback (most recent call last):\n  File "views.py"...', args: 'url=...', cause: 'Python Exception', context: 'thing=Chatbot, command=describe' },
      api: 'smarter.sh/v1',
      thing: 'Chatbot',
      metadata: { key: JOURNAL },
    },
    status,
  );

afterEach(() => vi.unstubAllEnvs());

describe('SmarterClient requests', () => {
  it('sends Authorization: Token <key> to the platform URL with its trailing slash', async () => {
    const fetch = scriptedFetch(json({ data: { user: { username: 'ada' } }, api: 'smarter.sh/v1', thing: 'None', metadata: { command: 'whoami' } }));
    const client = new SmarterClient({ apiKey: KEY, fetch });
    expect(await post(client, 'cli/whoami/')).toEqual({ user: { username: 'ada' } });
    expect(fetch.calls[0]!.url).toBe('https://platform.smarter.sh/api/v1/cli/whoami/');
    expect(fetch.calls[0]!.headers.authorization).toBe(`Token ${KEY}`);
    expect(fetch.calls[0]!.headers['x-smarter-clientversion']).toBe(VERSION);
    expect(fetch.calls[0]!.headers['idempotency-key']).toBeUndefined();
  });

  it('exports its own version', () => {
    expect(VERSION).toBe(pkg.version);
  });

  it('unwraps the envelope; withResponse() keeps it, with the journal key as the request id', async () => {
    const envelope = { data: { kind: 'Chatbot' }, message: 'Chatbot x described successfully', api: 'smarter.sh/v1', metadata: { key: JOURNAL } };
    const client = new SmarterClient({ apiKey: KEY, fetch: scriptedFetch(json(envelope)) });
    const { data, body, requestId } = await post(client, 'cli/describe/chatbot/').withResponse();
    expect(data).toEqual({ kind: 'Chatbot' });
    expect(body).toEqual(envelope);
    expect(requestId).toBe(JOURNAL);
  });

  it('gives undefined for an envelope without data (delete, deploy), and OpenAI-style bodies as they are', async () => {
    const openai = { object: 'list', data: [{ id: 'file-1' }], has_more: false };
    const client = new SmarterClient({ apiKey: KEY, fetch: scriptedFetch(json({ message: 'Chatbot x deleted successfully', api: 'smarter.sh/v1', metadata: { command: 'delete' } }), json(openai)) });
    expect(await post(client, 'cli/delete/chatbot/')).toBeUndefined();
    expect(await get(client, 'files/')).toEqual(openai);
  });

  it('keeps a passthrough completion whole: api and metadata merged into it, no data', async () => {
    const completion = { id: 'chatcmpl-1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'Hi' } }], api: 'smarter.sh/v1', metadata: { command: 'passthrough' } };
    const client = new SmarterClient({ apiKey: KEY, fetch: scriptedFetch(json(completion)) });
    expect(await post(client, 'prompts/passthrough/openai/', {})).toEqual(completion);
  });

  it('selects the environments by name and reads the SMARTER_ variables', async () => {
    expect(new SmarterClient({ environment: 'alpha' }).baseURL).toBe('https://alpha.platform.smarter.sh/api/v1/');
    expect(new SmarterClient({ environment: 'next' }).baseURL).toBe('https://next.platform.smarter.sh/api/v1/');
    expect(new SmarterClient({ environment: 'local' }).baseURL).toBe('http://localhost:9357/api/v1/');
    vi.stubEnv('SMARTER_ENVIRONMENT', 'beta');
    expect(new SmarterClient().baseURL).toBe('https://beta.platform.smarter.sh/api/v1/');
    vi.stubEnv('SMARTER_BASE_URL', 'http://127.0.0.1:9357/api/v1/');
    vi.stubEnv('SMARTER_API_KEY', 'env-key');
    const fetch = scriptedFetch(json({ data: {}, api: 'smarter.sh/v1' }));
    await post((new SmarterClient({ fetch })), 'cli/status/');
    expect(fetch.calls[0]!.url).toBe('http://127.0.0.1:9357/api/v1/cli/status/');
    expect(fetch.calls[0]!.headers.authorization).toBe('Token env-key');
  });

  it('names SMARTER_API_KEY when no key is set', async () => {
    vi.stubEnv('SMARTER_API_KEY', '');
    await expect(post((new SmarterClient({ fetch: scriptedFetch() })), 'cli/whoami/')).rejects.toThrow(/SMARTER_API_KEY/);
  });

  it('does not retry a POST (the server has no idempotency keys) unless the operation is a read', async () => {
    const fetch = scriptedFetch(failure(500, 'SmarterConfigurationError', 'boom'), json({ data: 1, api: 'smarter.sh/v1' }), failure(500, 'X', 'boom'), json({ data: 2, api: 'smarter.sh/v1' }));
    const client = new SmarterClient({ apiKey: KEY, fetch, retry: { initialDelay: 1 }, logLevel: 'off' });
    await expect(post(client, 'cli/apply/', { kind: 'Chatbot' })).rejects.toBeInstanceOf(InternalServerError);
    expect(fetch.calls).toHaveLength(1);
    expect(await request(client, { method: 'POST', path: 'cli/describe/chatbot/', idempotent: true })).toBe(1);
    await expect(request(client, { method: 'POST', path: 'cli/describe/chatbot/', idempotent: true })).resolves.toBe(2);
  });
});

describe('errors', () => {
  async function fail(response: Response): Promise<SDKError> {
    const client = new SmarterClient({ apiKey: KEY, fetch: scriptedFetch(response), maxRetries: 0 });
    return post(client, 'cli/x/').then(() => Promise.reject(new Error('expected a failure')), (e: unknown) => e as SDKError);
  }

  it('an authentication failure (403 from the server) is an AuthenticationError, with a readable message', async () => {
    const error = await fail(failure(403, 'SmarterAPIV1CLIViewErrorNotAuthenticated', 'SmarterAPIV1CLIViewErrorNotAuthenticated: authentication failed'));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.status).toBe(403);
    expect(error.code).toBe('SmarterAPIV1CLIViewErrorNotAuthenticated');
    // The description's leading class name is not repeated (it was: "403 X: X: authentication failed").
    expect(error.message).toBe('403 SmarterAPIV1CLIViewErrorNotAuthenticated: authentication failed');
    expect(error.message).not.toContain('Traceback');
    expect((error.details as { stacktrace: string }).stacktrace).toContain('Traceback');
    expect(error.requestId).toBe(JOURNAL);
  });

  it('the chat endpoint\'s plain 403 about API keys is an AuthenticationError too; another 403 stays PermissionDenied', async () => {
    expect(await fail(json({ message: 'Forbidden. Please provide a valid API key.' }, 403))).toBeInstanceOf(AuthenticationError);
    const abuse = await fail(json({ error: 'Too many 404 responses' }, 403));
    expect(abuse).toBeInstanceOf(PermissionDeniedError);
    expect(abuse).not.toBeInstanceOf(AuthenticationError);
  });

  it('describe of an unknown name (503 "not found") is a NotFoundError', async () => {
    const error = await fail(failure(503, 'SAMBrokerErrorNotReady', 'SAMBrokerErrorNotReady: Chatbot nope not found'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.status).toBe(503);
    expect(error.message).toBe('503 SAMBrokerErrorNotReady: Chatbot nope not found');
    const other = await fail(failure(503, 'SAMBrokerErrorNotReady', 'the broker is busy'));
    expect(other).toBeInstanceOf(InternalServerError);
    // A description that does not start with the class name is shown whole.
    expect(other.message).toBe('503 SAMBrokerErrorNotReady: the broker is busy');
  });

  it('maps 400, 404, 405, 500 and 501 by status', async () => {
    expect(await fail(failure(400, 'SAMValidationError', 'invalid manifest'))).toBeInstanceOf(BadRequestError);
    expect(await fail(failure(404, 'SmarterChatBotException', 'Chatbot x not found'))).toBeInstanceOf(NotFoundError);
    const drf = await fail(json({ detail: 'Method "GET" not allowed.' }, 405));
    expect(drf).toBeInstanceOf(APIError);
    expect(drf.message).toBe('405: Method "GET" not allowed.');
    expect(await fail(failure(500, 'Exception', 'boom'))).toBeInstanceOf(InternalServerError);
    const notImplemented = await fail(failure(501, 'SAMBrokerErrorNotImplemented', 'deploy is not implemented for Secret'));
    expect(notImplemented.status).toBe(501);
    expect(notImplemented.message).toContain('not implemented for Secret');
  });
});

describe('server generations', () => {
  const whoami13 = () => json({ data: { user: {} }, api: 'smarter.sh/v1', thing: 'None', metadata: { command: 'whoami' } });
  const whoami14 = () => json({ data: { user: {} }, api: 'smarter.sh/v1', metadata: { command: 'whoami', thing: 'None' } });

  it('detects v0.13 and v0.14 from one whoami, and remembers', async () => {
    const fetch13 = scriptedFetch(whoami13());
    const c13 = new SmarterClient({ apiKey: KEY, fetch: fetch13 });
    expect(await c13.generation()).toBe('v0.13');
    expect(await c13.generation()).toBe('v0.13');
    expect(fetch13.calls).toHaveLength(1);
    expect(await new SmarterClient({ apiKey: KEY, fetch: scriptedFetch(whoami14()) }).generation()).toBe('v0.14');
  });

  it('takes the generation as an option without asking the server', async () => {
    const fetch = scriptedFetch();
    expect(await new SmarterClient({ apiKey: KEY, fetch, generation: 'v0.13' }).generation()).toBe('v0.13');
    expect(fetch.calls).toHaveLength(0);
  });

  it('does not remember a failed detection', async () => {
    const fetch = scriptedFetch(failure(403, 'SmarterAPIV1CLIViewErrorNotAuthenticated', 'authentication failed'), whoami14());
    const client = new SmarterClient({ apiKey: KEY, fetch, maxRetries: 0 });
    await expect(client.generation()).rejects.toBeInstanceOf(AuthenticationError);
    expect(await client.generation()).toBe('v0.14');
  });

  it('knows the routes and words of each generation', () => {
    const v13 = routesFor('v0.13');
    const v14 = routesFor('v0.14');
    expect([v13.chatbotKind, v13.chat('my bot'), v13.chatConfig('b'), v13.exampleManifest('Chatbot'), v13.schema('Chatbot')]).toEqual([
      'Chatbot', 'cli/chat/my%20bot/', 'cli/chat/config/b/', 'cli/example_manifest/Chatbot/', 'cli/schema/Chatbot/',
    ]);
    expect([v14.chatbotKind, v14.chat('b'), v14.chatConfig('b'), v14.exampleManifest('LLMClient'), v14.schema('LLMClient')]).toEqual([
      'LLMClient', 'cli/prompt/b/', 'cli/prompt/config/b/', 'cli/example-manifest/LLMClient/', 'cli/json-schema/LLMClient/',
    ]);
  });

  it('has one function per route, the same as routesFor', () => {
    for (const generation of ['v0.13', 'v0.14'] as const) {
      const all = routesFor(generation);
      expect([chatbotKind(generation), chatRoute(generation, 'my bot'), chatConfigRoute(generation, 'b'), exampleManifestRoute(generation, 'K'), schemaRoute(generation, 'K')]).toEqual([
        all.chatbotKind, all.chat('my bot'), all.chatConfig('b'), all.exampleManifest('K'), all.schema('K'),
      ]);
    }
    expect(chatRoute('v0.14', 'a/b')).toBe('cli/prompt/a%2Fb/');
  });
});
