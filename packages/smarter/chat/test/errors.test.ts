import { APIError, AuthenticationError, BadRequestError, InternalServerError, NotFoundError, PermissionDeniedError, type SDKError } from '@smarter/core';
import { describe, expect, it } from 'vitest';
import { createCompletion, createResponse } from '../src';
import { clientWith, failure, json, JOURNAL, rejection, scriptedFetch } from './helpers';

const ops = {
  'completions.create': (client: Parameters<typeof createCompletion>[0]) => createCompletion(client, { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] }),
  'responses.create': (client: Parameters<typeof createResponse>[0]) => createResponse(client, { model: 'gpt-4o', input: 'Hi' }),
};

const cases = [
  [400, () => failure(400, 'SmarterValueError', 'SmarterValueError: invalid request body'), BadRequestError, 'SmarterValueError'],
  [403, () => failure(403, 'SmarterAPIV1CLIViewErrorNotAuthenticated', 'authentication failed'), AuthenticationError, 'SmarterAPIV1CLIViewErrorNotAuthenticated'],
  [403, () => json({ error: 'Too many 404 responses' }, 403), PermissionDeniedError, undefined],
  [404, () => failure(404, 'SmarterProviderNotFound', 'Provider nope not found'), NotFoundError, 'SmarterProviderNotFound'],
  [405, () => json({ detail: 'Method "POST" not allowed.' }, 405), APIError, undefined],
  [500, () => failure(500, 'SmarterConfigurationError', 'SmarterConfigurationError: provider failed\nReport a bug'), InternalServerError, 'SmarterConfigurationError'],
  [501, () => failure(501, 'SAMBrokerErrorNotImplemented', 'not implemented'), InternalServerError, 'SAMBrokerErrorNotImplemented'],
  [503, () => failure(503, 'SAMBrokerErrorNotReady', 'SAMBrokerErrorNotReady: Provider nope not found'), NotFoundError, 'SAMBrokerErrorNotReady'],
] as const;

describe.each(Object.entries(ops))('%s: errors', (_, call) => {
  it.each(cases)('%i is a %O', async (status, reply, ErrorClass, code) => {
    const fetch = scriptedFetch(reply());
    const error = (await rejection(call(clientWith(fetch, { maxRetries: 0 })))) as SDKError;
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.message).not.toContain('Traceback');
    if (code) expect(error.requestId).toBe(JOURNAL);
    expect(fetch.calls).toHaveLength(1);
  });
});
