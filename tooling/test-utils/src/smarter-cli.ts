// Helpers for tests of the Smarter CLI routes in both server generations (chatbots, resources).
import { expect } from 'vitest';
import { SmarterClient, type Generation, type SmarterClientOptions } from '@smarter/core';
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
