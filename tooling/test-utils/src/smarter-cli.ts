// Helpers for tests of the Smarter CLI routes in both server generations (chatbots, resources).
import { describe, expect, it } from 'vitest';
import { APIError, AuthenticationError, BadRequestError, InternalServerError, NotFoundError, SmarterClient, type Generation, type SDKError, type SmarterClientOptions } from '@smarter/core';
import { json, scriptedFetch, type SentRequest } from './fetch';

export { json, scriptedFetch };

export const BASE = 'https://platform.smarter.sh/api/v1/';
export const KEY = 'f'.repeat(64);
export const JOURNAL = 'a1'.repeat(32);
export const GENERATIONS: Generation[] = ['v0.13', 'v0.14'];

/** What a call sent (the shared recording fetch's record). */
export type Sent = SentRequest;


/** A success envelope as each generation writes it (v0.13: `thing` at the top; v0.14: in `metadata`). */
export function envelope(generation: Generation, command: string, data?: unknown, message?: string): Response {
  const thing = 'Chatbot';
  return json({
    ...(data !== undefined && { data }),
    ...(message !== undefined && { message }),
    api: 'smarter.sh/v1',
    ...(generation === 'v0.13' ? { thing, metadata: { command } } : { metadata: { command, thing } }),
  });
}

/** The whoami answer a client detects its generation from. */
export const whoamiReply = (generation: Generation) => envelope(generation, 'whoami', { user: { id: 1, username: 'ada' }, account: { accountNumber: '3141-5926-5359' }, environment: 'prod' });

/** The journaled error envelope the CLI views send. */
export const failure = (status: number, errorClass: string, description: string) =>
  json(
    {
      error: { errorClass, description, status: String(status), stacktrace: 'Traceback (most recent call last):\n  File "views.py"...', args: 'url=...', cause: 'Python Exception', context: 'thing=Chatbot, command=describe' },
      api: 'smarter.sh/v1',
      thing: 'Chatbot',
      metadata: { key: JOURNAL },
    },
    status,
  );

/**
 * A client of `generation`: given as an option, detected (a whoami reply is put first), or unknown
 * (not given, and no whoami reply: a call that asked the server would get the wrong answer).
 */
export function setup(generation: Generation, mode: 'given' | 'detected' | 'unknown', replies: Response[], options: SmarterClientOptions = {}) {
  const fetch = scriptedFetch(...(mode === 'detected' ? [whoamiReply(generation)] : []), ...replies);
  const client = new SmarterClient({ apiKey: KEY, fetch, logLevel: 'off', ...(mode === 'given' && { generation }), ...options });
  return { client, fetch };
}

/** One request: a POST to `path` with the key, carrying `body` (JSON unless `contentType` says otherwise). */
export function expectPost(sent: Sent | undefined, path: string, body?: unknown, contentType = 'application/json'): void {
  expect(sent).toBeDefined();
  expect(sent!.method).toBe('POST');
  expect(sent!.url).toBe(BASE + path);
  expect(sent!.headers.authorization).toBe(`Token ${KEY}`);
  expect(sent!.headers['idempotency-key']).toBeUndefined();
  if (body === undefined) {
    expect(sent!.body).toBeUndefined();
  } else {
    expect(sent!.headers['content-type']).toBe(contentType);
    expect(contentType === 'application/json' ? JSON.parse(sent!.body!) : sent!.body).toStrictEqual(body);
  }
}

type Call = (client: SmarterClient) => PromiseLike<unknown>;

/**
 * For every call, in both generations: each error the reference lists for the CLI API, as the
 * server sends it, is raised as its class with its status, Smarter's code, a readable message (no
 * stack trace) and the journal key. `notFound` is what the 404 and 503 descriptions name (`Chatbot
 * stackademy`), `notFoundCode` the 404's error class; `disallowed`, the method of DRF's 405 message.
 */
export function describeCLIErrors(
  calls: [string, Call][],
  { notFound, notFoundCode = 'SAMBrokerErrorNotFound', disallowed }: { notFound: string; notFoundCode?: string; disallowed: string },
): void {
  const errors: [string, () => Response, typeof APIError, number][] = [
    ['400 (validation)', () => failure(400, 'SAMValidationError', 'SAMValidationError: invalid manifest'), BadRequestError, 400],
    ['403 (authentication failed)', () => failure(403, 'SmarterAPIV1CLIViewErrorNotAuthenticated', 'SmarterAPIV1CLIViewErrorNotAuthenticated: authentication failed'), AuthenticationError, 403],
    ['404 (not found)', () => failure(404, notFoundCode, `${notFoundCode}: ${notFound} not found`), NotFoundError, 404],
    ['405 (DRF method not allowed)', () => json({ detail: `Method "${disallowed}" not allowed.` }, 405), APIError, 405],
    ['500 (anything else)', () => failure(500, 'SmarterConfigurationError', 'SmarterConfigurationError: boom'), InternalServerError, 500],
    ['501 (not implemented)', () => failure(501, 'SAMBrokerErrorNotImplemented', 'SAMBrokerErrorNotImplemented: not implemented'), InternalServerError, 501],
    ['503 (a name that does not exist)', () => failure(503, 'SAMBrokerErrorNotReady', `SAMBrokerErrorNotReady: ${notFound} not found`), NotFoundError, 503],
  ];
  describe.each(GENERATIONS)('%s server', (generation) => {
    describe.each(calls)('%s', (_, call) => {
      it.each(errors)('%s is raised as its class, with code, readable message and journal key', async (_label, reply, ErrorClass, status) => {
        const { client, fetch } = setup(generation, 'given', [reply()], { maxRetries: 0 });
        const error = (await Promise.resolve(call(client)).catch((e: unknown) => e)) as SDKError;
        expect(error).toBeInstanceOf(ErrorClass);
        expect(error.status).toBe(status);
        expect(fetch.calls).toHaveLength(1);
        if (status === 405) {
          expect(error.message).toBe(`405: Method "${disallowed}" not allowed.`);
        } else {
          expect(error.code).toMatch(/^SAM|^Smarter/);
          expect(error.requestId).toBe(JOURNAL);
          expect(error.message).not.toContain('Traceback');
        }
      });
    });
  });
}
