// Helpers for the Smarter packages' tests: a client on a scripted fetch, and the platform's error envelope.
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  SmarterClient,
  type SDKError,
  type SmarterClientOptions,
} from '@smarter/core';
import { describe, expect, it } from 'vitest';
import { json, rejection as rejectionAs, scriptedFetch, type SentRequest } from './fetch';

export const KEY = 'f'.repeat(64);
export const JOURNAL = 'a1'.repeat(32);
export const API = 'https://platform.smarter.sh/api/v1/';

/** The journaled error envelope the platform (and the emulator, for the documented routes) sends. */
export const failure = (status: number, errorClass: string, description: string): Response =>
  json(
    {
      error: { errorClass, description, status, stacktrace: 'Traceback (most recent call last):\n  File "views.py"...', args: 'url=...', cause: 'Python Exception', context: 'thing=None, command=None', thing: 'None', command: 'None' },
      api: 'smarter.sh/v1',
      metadata: { key: JOURNAL },
    },
    status,
  );

/** A client answering from `fetch`, with fast retries and no logging. */
export function clientWith(fetch: ReturnType<typeof scriptedFetch>, options: SmarterClientOptions = {}): SmarterClient {
  return new SmarterClient({ apiKey: KEY, fetch, retry: { initialDelay: 1 }, logLevel: 'off', ...options });
}

/** The JSON body of a recorded call. */
export const sentJSON = (req: SentRequest | undefined): unknown => JSON.parse(req?.body ?? 'null');

/** The error a promise rejects with, as `unknown`: narrow it with `instanceof` (fails the test when it resolves). */
export const rejection = (promise: PromiseLike<unknown>): Promise<unknown> => rejectionAs<unknown>(promise);

/**
 * Every error the platform answers, and the class a caller gets for it: `resource` names the thing
 * the 404/503 messages are about ("File file-1"). Checks each of `ops` against each case.
 */
export function describeErrors(ops: Record<string, (client: SmarterClient) => PromiseLike<unknown>>, resource: string): void {
  const cases = [
    [400, () => failure(400, 'SmarterValueError', 'SmarterValueError: invalid request'), BadRequestError, 'SmarterValueError'],
    [403, () => failure(403, 'SmarterAPIV1CLIViewErrorNotAuthenticated', 'authentication failed'), AuthenticationError, 'SmarterAPIV1CLIViewErrorNotAuthenticated'],
    [403, () => json({ error: 'Too many 404 responses' }, 403), PermissionDeniedError, undefined],
    [404, () => failure(404, 'DoesNotExist', `${resource} not found`), NotFoundError, 'DoesNotExist'],
    [405, () => json({ detail: 'Method not allowed.' }, 405), APIError, undefined],
    [500, () => failure(500, 'SmarterConfigurationError', 'SmarterConfigurationError: failed\nReport a bug'), InternalServerError, 'SmarterConfigurationError'],
    [501, () => failure(501, 'SAMBrokerErrorNotImplemented', 'not implemented'), InternalServerError, 'SAMBrokerErrorNotImplemented'],
    [503, () => failure(503, 'SAMBrokerErrorNotReady', `SAMBrokerErrorNotReady: ${resource} not found`), NotFoundError, 'SAMBrokerErrorNotReady'],
  ] as const;
  describe.each(Object.entries(ops))('%s: errors', (_, call) => {
    it.each(cases)('%i is a %O', async (status, reply, ErrorClass, code) => {
      const fetch = scriptedFetch(reply());
      const error = await rejectionAs<SDKError>(call(clientWith(fetch, { maxRetries: 0 })));
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error.status).toBe(status);
      expect(error.code).toBe(code);
      expect(error.message).not.toContain('Traceback');
      if (code) expect(error.requestId).toBe(JOURNAL);
      expect(fetch.calls).toHaveLength(1);
    });
  });
}
