import { describe, expect, it } from 'vitest';
import { AuthenticationError, InternalServerError, type SmarterClient } from '@smarter/core';
import * as resources from '../src';
import { describeCLIErrors, envelope, failure, GENERATIONS, setup } from './helpers';

const manifest = { apiVersion: 'smarter.sh/v1', kind: 'Chatbot', metadata: { name: 'bot', description: null, version: '1' }, spec: {} };
const SESSION = 'cd'.repeat(32);

const calls: [string, (c: SmarterClient) => PromiseLike<unknown>][] = [
  ['whoami', (c) => resources.whoami(c)],
  ['status', (c) => resources.status(c)],
  ['version', (c) => resources.version(c)],
  ['apply', (c) => resources.apply(c, manifest)],
  ['apply (YAML)', (c) => resources.apply(c, 'kind: Chatbot\n')],
  ['get', (c) => resources.get(c, { kind: 'Chatbot' })],
  ['describe', (c) => resources.describe(c, { kind: 'Chatbot', name: 'bot' })],
  ['delete', (c) => resources.remove(c, { kind: 'Chat', sessionKey: SESSION })],
  ['deploy', (c) => resources.deploy(c, { kind: 'Chatbot', name: 'bot' })],
  ['undeploy', (c) => resources.undeploy(c, { kind: 'Chatbot', name: 'bot' })],
  ['logs', (c) => resources.logs(c, { kind: 'Secret', name: 's' })],
  ['exampleManifest', (c) => resources.exampleManifest(c, { kind: 'Chatbot' })],
  ['jsonSchema', (c) => resources.jsonSchema(c, { kind: 'Chatbot' })],
];

describeCLIErrors(calls, { notFound: 'Chatbot bot', disallowed: 'POST' });

describe.each(GENERATIONS)('%s server', (generation) => {
  it('a failed generation detection rejects the call and is not remembered', async () => {
    const { client, fetch } = setup(generation, 'unknown', [failure(403, 'SmarterAPIV1CLIViewErrorNotAuthenticated', 'authentication failed'), envelope(generation, 'whoami', {}), envelope(generation, 'describe', manifest)], { maxRetries: 0 });
    await expect(resources.describe(client, { kind: 'Chatbot', name: 'bot' })).rejects.toBeInstanceOf(AuthenticationError);
    expect(fetch.calls).toHaveLength(1);
    expect(await resources.describe(client, { kind: 'Chatbot', name: 'bot' })).toEqual(manifest);
    expect(fetch.calls.map((c) => c.url.replace(/.*v1\//, ''))).toEqual(['cli/whoami/', 'cli/whoami/', `cli/describe/${generation === 'v0.13' ? 'Chatbot' : 'LLMClient'}/?name=bot`]);
  });
});

describe('retries', () => {
  const busy = () => failure(503, 'SAMBrokerErrorNotReady', 'the broker is busy');

  it.each([
    ['whoami', (c: SmarterClient) => resources.whoami(c)],
    ['get', (c: SmarterClient) => resources.get(c, { kind: 'Secret' })],
    ['describe', (c: SmarterClient) => resources.describe(c, { kind: 'Secret', name: 's' })],
    ['logs', (c: SmarterClient) => resources.logs(c, { kind: 'Secret', name: 's' })],
    ['exampleManifest', (c: SmarterClient) => resources.exampleManifest(c, { kind: 'Secret' })],
    ['jsonSchema', (c: SmarterClient) => resources.jsonSchema(c, { kind: 'Secret' })],
  ])('%s is a read: retried after a 503 and a 500', async (_, call) => {
    const { client, fetch } = setup('v0.14', 'given', [busy(), failure(500, 'X', 'boom'), envelope('v0.14', 'x', { ok: true })], { retry: { initialDelay: 1 } });
    expect(await call(client)).toEqual({ ok: true });
    expect(fetch.calls).toHaveLength(3);
    expect(fetch.calls.map((c) => c.headers['x-retry-count'])).toEqual(['0', '1', '2']);
  });

  it.each([
    ['apply', (c: SmarterClient) => resources.apply(c, manifest)],
    ['apply (YAML)', (c: SmarterClient) => resources.apply(c, 'kind: Secret\n')],
    ['delete', (c: SmarterClient) => resources.remove(c, { kind: 'Secret', name: 's' })],
    ['deploy', (c: SmarterClient) => resources.deploy(c, { kind: 'Secret', name: 's' })],
    ['undeploy', (c: SmarterClient) => resources.undeploy(c, { kind: 'Secret', name: 's' })],
  ])('%s writes: never retried (the server honours no idempotency keys)', async (_, call) => {
    const { client, fetch } = setup('v0.14', 'given', [busy()], { retry: { initialDelay: 1 } });
    await expect(call(client)).rejects.toBeInstanceOf(InternalServerError);
    expect(fetch.calls).toHaveLength(1);
    expect(fetch.calls[0]!.headers['idempotency-key']).toBeUndefined();
  });
});
