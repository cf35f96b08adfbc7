import { describe, expect, it } from 'vitest';
import { AuthenticationError, BadRequestError, InternalServerError, InvalidResponseError, NotFoundError, type SDKError, type SmarterClient } from '@smarter/core';
import * as chatbots from '../src';
import { chatbotManifest, describeCLIErrors, directChatData, envelope, failure, GENERATIONS, json, setup } from './helpers';

const calls: [string, (c: SmarterClient) => PromiseLike<unknown>][] = [
  ['get', (c) => chatbots.get(c, { name: 'stackademy' })],
  ['prompt', (c) => new chatbots.Chatbot(c, chatbotManifest('v0.14') as never).prompt('Hello')],
  ['list', (c) => chatbots.list(c)],
  ['describe', (c) => chatbots.describe(c, { name: 'stackademy' })],
  ['apply', (c) => chatbots.apply(c, chatbotManifest('v0.13') as never)],
  ['delete', (c) => chatbots.remove(c, { name: 'stackademy' })],
  ['deploy', (c) => chatbots.deploy(c, { name: 'stackademy' })],
  ['undeploy', (c) => chatbots.undeploy(c, { name: 'stackademy' })],
  ['logs', (c) => chatbots.logs(c, { name: 'stackademy' })],
  ['chatConfig', (c) => chatbots.chatConfig(c, { name: 'stackademy' })],
  ['chatDirect', (c) => chatbots.chatDirect(c, { chatbotId: 'rAbCx' }, { messages: [] })],
];

describeCLIErrors(calls, { notFound: 'Chatbot stackademy', notFoundCode: 'SmarterChatBotException', disallowed: 'GET' });

describe.each(GENERATIONS)('%s server', (generation) => {
  it("the chat endpoint's own errors: 403 {message} (a key is required), 404 {}, 400 not ready, 500 {error, trace}", async () => {
    const { client } = setup(generation, 'given', [
      json({ message: 'Forbidden. Please provide a valid API key.' }, 403),
      json({}, 404),
      json({ data: { error: { message: 'Chatbot stackademy is not ready', name: 'stackademy' } } }, 400),
      json({ error: 'ValueError', details: 'boom', trace: '...' }, 500),
    ], { maxRetries: 0 });
    const chat = () => chatbots.chatDirect(client, { chatbotId: 'rAbCx' }, { messages: [] }).catch((e: unknown) => e);
    expect(await chat()).toBeInstanceOf(AuthenticationError);
    expect(await chat()).toBeInstanceOf(NotFoundError);
    expect(await chat()).toBeInstanceOf(BadRequestError);
    expect(await chat()).toBeInstanceOf(InternalServerError);
  });

  it('chatDirect: a data.body that is not JSON is an InvalidResponseError; a failed provider call an error of its status', async () => {
    const { client } = setup(generation, 'given', [
      envelope(generation, 'chat', directChatData('{"id": "chatcmpl-1", ')),
      envelope(generation, 'chat', directChatData('"just a string"')),
      envelope(generation, 'chat', directChatData(null, 502)),
    ]);
    const chat = () => chatbots.chatDirect(client, { chatbotId: 'rAbCx' }, { messages: [] }).then(() => expect.unreachable(), (e: unknown) => e as SDKError);
    const malformed = await chat();
    expect(malformed).toBeInstanceOf(InvalidResponseError);
    expect(malformed.message).toBe('200: the chat body is not JSON: "{"id": "chatcmpl-1", "');
    expect(malformed.body).toBe('{"id": "chatcmpl-1", ');
    expect(await chat()).toBeInstanceOf(InvalidResponseError);
    const provider = await chat();
    expect(provider).toBeInstanceOf(InternalServerError);
    expect(provider.status).toBe(502);
    expect(provider.message).toBe('502: the chatbot answered without a chat body');
  });
});

describe('retries', () => {
  const busy = () => failure(503, 'SAMBrokerErrorNotReady', 'the broker is busy');
  const manifest = chatbotManifest('v0.14');

  it.each([
    ['get', (c: SmarterClient) => chatbots.get(c, { name: 'stackademy' }), { ...manifest }],
    ['describe', (c: SmarterClient) => chatbots.describe(c, { name: 'stackademy' }), manifest],
    ['list', (c: SmarterClient) => chatbots.list(c), { data: { items: [] } }],
    ['logs', (c: SmarterClient) => chatbots.logs(c, { name: 'stackademy' }), {}],
    ['chatConfig', (c: SmarterClient) => chatbots.chatConfig(c, { name: 'stackademy' }), { session_key: 'a'.repeat(64) }],
  ])('%s is a read: retried after a 503 and a 500', async (_, call, data) => {
    const { client, fetch } = setup('v0.14', 'given', [busy(), failure(500, 'X', 'boom'), envelope('v0.14', 'x', data)], { retry: { initialDelay: 1 } });
    await call(client);
    expect(fetch.calls).toHaveLength(3);
    expect(fetch.calls.map((c) => c.headers['x-retry-count'])).toEqual(['0', '1', '2']);
  });

  it.each([
    ['apply', (c: SmarterClient) => chatbots.apply(c, manifest as never)],
    ['apply (YAML)', (c: SmarterClient) => chatbots.apply(c, 'kind: Chatbot\n')],
    ['delete', (c: SmarterClient) => chatbots.remove(c, { name: 'stackademy' })],
    ['deploy', (c: SmarterClient) => chatbots.deploy(c, { name: 'stackademy' })],
    ['undeploy', (c: SmarterClient) => chatbots.undeploy(c, { name: 'stackademy' })],
    ['prompt', (c: SmarterClient) => new chatbots.Chatbot(c, manifest as never).prompt('Hello')],
    ['chatDirect', (c: SmarterClient) => chatbots.chatDirect(c, { chatbotId: 'rAbCx' }, { messages: [] })],
  ])('%s writes: never retried', async (_, call) => {
    const { client, fetch } = setup('v0.14', 'given', [busy()], { retry: { initialDelay: 1 } });
    await expect(call(client)).rejects.toBeInstanceOf(InternalServerError);
    expect(fetch.calls).toHaveLength(1);
    expect(fetch.calls[0]!.headers['idempotency-key']).toBeUndefined();
  });
});
