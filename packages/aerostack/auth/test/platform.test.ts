import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AerostackClient, AuthenticationError, BadRequestError, ConflictError, InternalServerError, InvalidRequestError } from '@aerostack/core';
import { Auth, signin, signup, VERSION } from '../src';
import pkg from '../package.json';
import { API_KEY, clientWith, json, rejection, scriptedFetch, sentJSON } from './helpers';

const user = { id: '6f1c1a62-1111-4a4a-8888-0123456789ab', email: 'ada@example.com', name: 'Ada', createdAt: '2026-03-01T10:00:00Z', metadata: {} };
const authResponse = { token: 'jwt.platform', user, expiresAt: '2026-03-02T10:00:00Z' };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

it('exports the package version', () => {
  expect(VERSION).toBe(pkg.version);
});

describe('signup', () => {
  it('POSTs /v1/auth/signup with the API key and gives the 201 body', async () => {
    let headers: Record<string, string | string[] | undefined> = {};
    const scope = nock('https://api.aerostack.dev')
      .post('/v1/auth/signup', { email: 'ada@example.com', password: 'longenough', name: 'Ada', metadata: { plan: 'pro' } })
      .reply(function () {
        headers = this.req.headers;
        return [201, authResponse];
      });
    const client = new AerostackClient({ apiKey: API_KEY });
    const result = await signup(client, { email: 'ada@example.com', password: 'longenough', name: 'Ada', metadata: { plan: 'pro' } });
    expect(scope.isDone()).toBe(true);
    expect(result).toEqual(authResponse);
    expect(headers['x-aerostack-key']).toBe(API_KEY);
    expect(headers['content-type']).toBe('application/json');
    expect(headers.authorization).toBeUndefined();
  });

  it('raises 400 VALIDATION_ERROR as BadRequestError with the field errors', async () => {
    const fieldErrors = { email: ['Email is invalid'] };
    const fetch = scriptedFetch(json({ code: 'VALIDATION_ERROR', message: 'Invalid request', details: { fieldErrors } }, 400, { 'x-request-id': 'req_400' }));
    const error = await rejection(signup(clientWith(fetch), { email: 'ada@example.com', password: 'longenough' }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_ERROR', details: { fieldErrors }, requestId: 'req_400' });
    expect(error.message).toBe('400 VALIDATION_ERROR: Invalid request');
  });

  it('raises 409 AUTH_USER_EXISTS as ConflictError', async () => {
    const fetch = scriptedFetch(json({ code: 'AUTH_USER_EXISTS', message: 'User already exists' }, 409, { 'x-request-id': 'req_409' }));
    const error = await rejection(signup(clientWith(fetch), { email: 'ada@example.com', password: 'longenough' }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, code: 'AUTH_USER_EXISTS', message: '409 AUTH_USER_EXISTS: User already exists', requestId: 'req_409' });
  });

  it('refuses a bad email or a password under 8 characters before sending', async () => {
    const fetch = scriptedFetch();
    const badEmail = await rejection(signup(clientWith(fetch), { email: 'ada', password: 'longenough' }));
    expect(badEmail).toBeInstanceOf(InvalidRequestError);
    expect(badEmail).toMatchObject({ code: 'VALIDATION_ERROR', message: 'email must be an email address', details: { field: 'email' } });
    const short = await rejection(signup(clientWith(fetch), { email: 'ada@example.com', password: 'short' }));
    expect(short.message).toBe('password must be at least 8 characters long');
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('signin', () => {
  it('POSTs /v1/auth/signin with the API key', async () => {
    const fetch = scriptedFetch(json(authResponse, 200, { 'x-request-id': 'req_ok' }));
    const { data, requestId } = await signin(clientWith(fetch), { email: 'ada@example.com', password: 'pw' }).withResponse();
    expect(data).toEqual(authResponse);
    expect(requestId).toBe('req_ok');
    const sent = fetch.calls[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe('https://api.aerostack.dev/v1/auth/signin');
    expect(sent.headers['x-aerostack-key']).toBe(API_KEY);
    expect(sentJSON(sent)).toEqual({ email: 'ada@example.com', password: 'pw' });
  });

  it('raises 401 AUTH_INVALID_CREDENTIALS as AuthenticationError', async () => {
    const fetch = scriptedFetch(json({ code: 'AUTH_INVALID_CREDENTIALS', message: 'Invalid credentials' }, 401, { 'x-request-id': 'req_401' }));
    const error = await rejection(signin(clientWith(fetch), { email: 'ada@example.com', password: 'nope' }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'AUTH_INVALID_CREDENTIALS', message: '401 AUTH_INVALID_CREDENTIALS: Invalid credentials', requestId: 'req_401' });
  });

  it('raises 500 as InternalServerError once retries are used up', async () => {
    const fetch = scriptedFetch(json({ code: 'INTERNAL_ERROR', message: 'Internal server error' }, 500, { 'x-request-id': 'req_500' }));
    const error = await rejection(signin(clientWith(fetch), { email: 'ada@example.com', password: 'pw' }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, code: 'INTERNAL_ERROR', requestId: 'req_500' });
  });

  it('reads a plain { error: "..." } body', async () => {
    const fetch = scriptedFetch(json({ error: 'Invalid email or password' }, 401));
    const error = await rejection(signin(clientWith(fetch), { email: 'ada@example.com', password: 'nope' }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toBe('401: Invalid email or password');
  });

  it('needs an email and a password', async () => {
    const fetch = scriptedFetch();
    expect((await rejection(signin(clientWith(fetch), { email: 'ada@example.com', password: '' }))).message).toBe('password is required');
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('Auth facade', () => {
  it('calls the same functions', async () => {
    const fetch = scriptedFetch(json(authResponse, 201), json(authResponse));
    const auth = new Auth(clientWith(fetch));
    await auth.signup({ email: 'ada@example.com', password: 'longenough' });
    await auth.signin({ email: 'ada@example.com', password: 'longenough' });
    expect(fetch.calls.map((c) => c.url)).toEqual(['https://api.aerostack.dev/v1/auth/signup', 'https://api.aerostack.dev/v1/auth/signin']);
  });
});
