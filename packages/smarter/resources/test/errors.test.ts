import { describe, expect, it } from 'vitest';
import { APIError, AuthenticationError, BadRequestError, InternalServerError, NotFoundError, type SDKError, type SmarterClient } from '@smarter/core';
import * as resources from '../src';
import { envelope, failure, GENERATIONS, JOURNAL, json, setup } from './helpers';

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

// Every error the reference lists for the CLI API, as the server sends it, and what the caller gets.
const errors: [string, () => Response, typeof APIError, number][] = [
  ['400 (validation)', () => failure(400, 'SAMValidationError', 'SAMValidationError: invalid manifest'), BadRequestError, 400],
  ['403 (authentication failed)', () => failure(403, 'SmarterAPIV1CLIViewErrorNotAuthenticated', 'SmarterAPIV1CLIViewErrorNotAuthenticated: authentication failed'), AuthenticationError, 403],
  ['404 (not found)', () => failure(404, 'SAMBrokerErrorNotFound', 'SAMBrokerErrorNotFound: not found'), NotFoundError, 404],
  ['405 (DRF method not allowed)', () => json({ detail: 'Method "POST" not allowed.' }, 405), APIError, 405],
  ['500 (anything else)', () => failure(500, 'SmarterConfigurationError', 'SmarterConfigurationError: boom'), InternalServerError, 500],
  ['501 (not implemented for the kind)', () => failure(501, 'SAMBrokerErrorNotImplemented', 'SAMBrokerErrorNotImplemented: not implemented for Secret'), InternalServerError, 501],
  ['503 (a name that does not exist)', () => failure(503, 'SAMBrokerErrorNotReady', 'SAMBrokerErrorNotReady: Chatbot bot not found'), NotFoundError, 503],
];

describe.each(GENERATIONS)('%s server', (generation) => {
  describe.each(calls)('%s', (_, call) => {
    it.each(errors)('%s is raised as its class, with code, readable message and journal key', async (_label, reply, ErrorClass, status) => {
      const { client } = setup(generation, 'given', [reply()], { maxRetries: 0 });
      const error = (await Promise.resolve(call(client)).catch((e: unknown) => e)) as SDKError;
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error.status).toBe(status);
      if (status !== 405) {
        expect(error.code).toMatch(/^SAM|^Smarter/);
        expect(error.requestId).toBe(JOURNAL);
        expect(error.message).not.toContain('Traceback');
      } else {
        expect(error.message).toBe('405: Method "POST" not allowed.');
      }
    });
  });

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
