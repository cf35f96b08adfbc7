// Helpers for the Smarter packages' tests: a client on a scripted fetch, and the platform's error envelope.
import { SmarterClient, type SmarterClientOptions } from '@smarter/core';
import { json, rejection as rejectionAs, type scriptedFetch, type SentRequest } from './fetch';

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
