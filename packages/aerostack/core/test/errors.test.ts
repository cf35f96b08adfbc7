import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as core from '../src';
import {
  AerostackClient,
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  post,
  RateLimitError,
  SDKError,
  UnprocessableEntityError,
} from '../src';
import { json, scriptedFetch } from './helpers';

const families = [
  [400, BadRequestError, 'VALIDATION_ERROR'],
  [401, AuthenticationError, 'AUTH_INVALID_KEY'],
  [403, PermissionDeniedError, 'FORBIDDEN'],
  [404, NotFoundError, 'NOT_FOUND'],
  [409, ConflictError, 'AUTH_USER_EXISTS'],
  [422, UnprocessableEntityError, 'VALIDATION_ERROR'],
  [429, RateLimitError, 'RATE_LIMIT_EXCEEDED'],
  [500, InternalServerError, 'INTERNAL_ERROR'],
  [503, InternalServerError, 'INTERNAL_ERROR'],
] as const;

async function failWith(response: Response): Promise<APIError> {
  const fetch = scriptedFetch(response);
  return post((new AerostackClient({ apiKey: 'k', fetch, maxRetries: 0 })), '/x', {}).then(
    () => Promise.reject(new Error('expected the call to fail')),
    (e: unknown) => e as APIError,
  );
}

describe('error classes', () => {
  it.each(families)('%i raises %o with every field', async (status, ErrorClass, code) => {
    const error = await failWith(
      json({ code, message: 'Something specific', details: { field: 'email' } }, status, { 'x-request-id': 'req_9' }),
    );
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(SDKError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(ErrorClass.kind);
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.message).toBe(`${status} ${code}: Something specific`);
    expect(error.details).toEqual({ field: 'email' });
    expect(error.requestId).toBe('req_9');
    expect(error.headers).toBeInstanceOf(Headers);
    expect(Object.fromEntries(error.headers!)).toMatchObject({ 'content-type': 'application/json' });
    expect(error.body).toContain(`"code":"${code}"`);
    for (const [, Other] of families) if (Other !== ErrorClass) expect(error).not.toBeInstanceOf(Other);
  });

  it('reads {error: "..."} and {error: {code, message}} bodies', async () => {
    const flat = await failWith(json({ error: 'Consumer key revoked' }, 401));
    expect(flat.message).toBe('401: Consumer key revoked');
    const nested = await failWith(json({ error: { code: 'CLI_ERR', message: 'nope', details: [1] } }, 400));
    expect(nested.code).toBe('CLI_ERR');
    expect(nested.message).toBe('400 CLI_ERR: nope');
    expect(nested.details).toEqual([1]);
  });

  it('gives a useful message for empty, plain-text and HTML error bodies', async () => {
    const empty = await failWith(new Response(null, { status: 502, statusText: 'Bad Gateway' }));
    expect(empty).toBeInstanceOf(InternalServerError);
    expect(empty.message).toBe('502: HTTP 502 Bad Gateway');
    expect(empty.body).toBe('');
    const text = await failWith(new Response('upstream timed out', { status: 504 }));
    expect(text.message).toBe('504: upstream timed out');
    const html = await failWith(new Response('<html><body>oops</body></html>', { status: 500, statusText: 'Internal Server Error' }));
    expect(html.message).toBe('500: HTTP 500 Internal Server Error');
    expect(html.body).toBe('<html><body>oops</body></html>');
  });

  it('keeps an unknown 4xx as a plain APIError', async () => {
    const error = await failWith(json({ message: 'teapot' }, 418));
    expect(error.constructor).toBe(APIError);
    expect(error.status).toBe(418);
  });
});

describe('instanceof across two copies of the core', () => {
  // The built CommonJS copy is a second copy of every class, as a duplicate install would be.
  const require = createRequire(import.meta.url);
  const other = require('../dist/index.cjs') as typeof core;

  it('the copies are really distinct classes', () => {
    expect(other.NotFoundError).not.toBe(core.NotFoundError);
  });

  it('an error from one copy is an instance of the other copy\'s classes, and of no wrong class', async () => {
    const fetch = scriptedFetch(json({ code: 'NOT_FOUND', message: 'gone' }, 404));
    const fromOther = await post((new other.AerostackClient({ apiKey: 'k', fetch })), '/x', {}).catch((e: unknown) => e);
    expect(fromOther).toBeInstanceOf(core.NotFoundError);
    expect(fromOther).toBeInstanceOf(core.APIError);
    expect(fromOther).toBeInstanceOf(core.SDKError);
    expect(fromOther).not.toBeInstanceOf(core.RateLimitError);
    expect(fromOther).not.toBeInstanceOf(core.APIConnectionError);
    const local = new core.APIConnectionTimeoutError('t');
    expect(local).toBeInstanceOf(other.APIConnectionError);
    expect(local).not.toBeInstanceOf(other.APIUserAbortError);
  });

  it('carries the shared brand, and knows errors of a copy that sets it as a plain property', () => {
    const brand = Symbol.for('aerostack.sdk.error');
    expect((new core.NotFoundError('x') as unknown as Record<symbol, unknown>)[brand]).toBe(true);
    expect(Object.keys(new core.NotFoundError('x', { status: 404 }))).not.toContain(brand);
    // Another copy of the core, as older versions build it.
    class OldSDKError extends Error {
      static readonly kind: string = 'SDKError';
    }
    Object.defineProperty(OldSDKError.prototype, brand, { value: true });
    class OldAPIError extends OldSDKError {
      static override readonly kind: string = 'APIError';
    }
    class OldNotFoundError extends OldAPIError {
      static override readonly kind: string = 'NotFoundError';
    }
    const old = new OldNotFoundError('gone');
    expect(old).toBeInstanceOf(core.NotFoundError);
    expect(old).toBeInstanceOf(core.APIError);
    expect(old).toBeInstanceOf(core.SDKError);
    expect(old).not.toBeInstanceOf(core.ConflictError);
    expect(old).not.toBeInstanceOf(core.APIConnectionError);
  });

  it('plain errors and look-alikes are not SDK errors', () => {
    expect(new Error('x')).not.toBeInstanceOf(core.SDKError);
    expect({ name: 'NotFoundError', status: 404 }).not.toBeInstanceOf(core.NotFoundError);
    expect(null).not.toBeInstanceOf(core.SDKError);
  });

  it("a user's own subclass matches itself natively, and its parents", () => {
    class MyError extends core.NotFoundError {}
    const mine = new MyError('m', { status: 404 });
    expect(mine).toBeInstanceOf(MyError);
    expect(mine).toBeInstanceOf(other.NotFoundError);
    expect(new core.NotFoundError('plain')).not.toBeInstanceOf(MyError);
  });
});
