// nock helpers for the Aerostack JSON operations: answer one POST, then check what was sent.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import {
  AerostackClient,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  type APIError,
  type Client,
  type ClientOptions,
} from '@aerostack/core';

export const ORIGIN = 'https://api.aerostack.dev';
export const KEY = 'ac_secret_test';

export function client(options: ClientOptions = {}): AerostackClient {
  return new AerostackClient({ apiKey: KEY, ...options });
}

export interface Seen {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/**
 * Answers the next POST to `path` (relative to /v1) with `status` and `reply`, and records what was
 * sent. Any other request fails the test: nock has the network disabled.
 */
export function answer(path: string, status: number, reply: unknown, headers: Record<string, string> = {}) {
  const seen: Seen[] = [];
  const scope = nock(ORIGIN)
    .post(`/v1${path}`)
    .reply(function (uri, body) {
      seen.push({ method: this.req.method, path: uri, headers: this.req.headers, body: typeof body === 'string' && body ? (JSON.parse(body) as unknown) : body });
      return [status, reply as nock.Body, headers];
    });
  return { scope, seen };
}

/** The one request sent: a JSON POST to `path` with the key header, carrying exactly `body`. */
export function expectPost(seen: Seen[], path: string, body: unknown): void {
  expect(seen).toHaveLength(1);
  const [req] = seen;
  expect(req!.method).toBe('POST');
  expect(req!.path).toBe(`/v1${path}`);
  expect(req!.headers['x-aerostack-key']).toBe(KEY);
  expect(req!.headers['content-type']).toBe('application/json');
  expect(req!.body).toStrictEqual(body);
}

/** The error statuses the reference lists for the JSON operations, with their codes and classes. */
export const API_ERRORS: [number, string, typeof APIError][] = [
  [400, 'VALIDATION_ERROR', BadRequestError],
  [401, 'AUTH_INVALID_KEY', AuthenticationError],
  [404, 'NOT_FOUND', NotFoundError],
  [429, 'RATE_LIMIT_EXCEEDED', RateLimitError],
  [500, 'INTERNAL_ERROR', InternalServerError],
];

/**
 * For every call (its path and a call with valid input): each listed error, answered by nock with
 * `{ code, message, details }` and a request id, is raised as its class with all four fields.
 */
export function describeAPIErrors(calls: [string, (c: Client) => PromiseLike<unknown>][], details: (path: string) => unknown): void {
  describe.each(calls)('%s errors', (path, call) => {
    it.each(API_ERRORS)('%i is raised as its class with code, message, details and request id', async (status, code, ErrorClass) => {
      answer(path, status, { code, message: 'Refused', details: details(path) }, { 'x-request-id': `req_${status}` });
      const error = (await Promise.resolve(call(client({ maxRetries: 0 }))).catch((e: unknown) => e)) as APIError;
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error.status).toBe(status);
      expect(error.code).toBe(code);
      expect(error.message).toBe(`${status} ${code}: Refused`);
      expect(error.details).toEqual(details(path));
      expect(error.requestId).toBe(`req_${status}`);
    });
  });
}
