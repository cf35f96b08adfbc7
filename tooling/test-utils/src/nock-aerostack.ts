// nock helpers for the Aerostack JSON operations: answer one POST, then check what was sent.
import nock from 'nock';
import { expect } from 'vitest';
import { AerostackClient, type ClientOptions } from '@aerostack/core';

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
