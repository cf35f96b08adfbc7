import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AerostackClient, AuthenticationError, BadRequestError, ConflictError, InvalidRequestError, NotFoundError } from '@aerostack/core';
import {
  deleteAvatar,
  getCurrentUser,
  login,
  logout,
  projectAuthURL,
  refreshToken,
  register,
  requestPasswordReset,
  resendVerificationEmail,
  resetPassword,
  sendOTP,
  updateProfile,
  verifyEmail,
  verifyOTP,
} from '../src';
import { API_KEY, clientWith, json, rejection, scriptedFetch, sentJSON, type SentRequest } from './helpers';

const BASE = 'https://api.aerostack.dev/api/v1/public/projects/my-app/auth';
const projectUser = { id: 'u_1', email: 'ada@example.com', name: 'Ada', emailVerified: true };
const tokens = { success: true, user: projectUser, accessToken: 'access.1', refreshToken: 'refresh.1', expiresAt: '2026-03-02T10:00:00Z' };

/** A public route: no API key, no Authorization. */
function expectPublic(req: SentRequest | undefined) {
  expect(req?.headers['x-aerostack-key']).toBeUndefined();
  expect(req?.headers.authorization).toBeUndefined();
}
/** A Bearer route: the user's token, exactly, and no API key. */
function expectBearer(req: SentRequest | undefined, token: string) {
  expect(req?.headers.authorization).toBe(`Bearer ${token}`);
  expect(req?.headers['x-aerostack-key']).toBeUndefined();
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('the project auth URL', () => {
  it('is on the host, outside /v1, with the slug percent-encoded', () => {
    const c = (baseURL: string) => new AerostackClient({ baseURL });
    expect(projectAuthURL(c('https://api.aerostack.dev/v1'), 'my-app', '/login')).toBe(`${BASE}/login`);
    expect(projectAuthURL(c('http://localhost:8787/v1/'), 'my-app', '/me')).toBe('http://localhost:8787/api/v1/public/projects/my-app/auth/me');
    expect(projectAuthURL(c('https://edge.example.com'), 'my app/x?', '/me')).toBe('https://edge.example.com/api/v1/public/projects/my%20app%2Fx%3F/auth/me');
  });

  it('goes on the wire without the API key (checked with nock)', async () => {
    let headers: Record<string, string | string[] | undefined> = {};
    const scope = nock('http://localhost:8787')
      .post('/api/v1/public/projects/my-app/auth/login', { email: 'ada@example.com', password: 'pw' })
      .reply(function () {
        headers = this.req.headers;
        return [200, tokens];
      });
    const client = new AerostackClient({ apiKey: API_KEY, environment: 'local' });
    await login(client, 'my-app', { email: 'ada@example.com', password: 'pw' });
    expect(scope.isDone()).toBe(true);
    expect(headers['x-aerostack-key']).toBeUndefined();
    expect(headers.authorization).toBeUndefined();
    expect(headers['content-type']).toBe('application/json');
  });

  it('leaves an empty project slug to the server: its 404 is a NotFoundError', async () => {
    const fetch = scriptedFetch(json({ code: 'NOT_FOUND', message: 'Project not found' }, 404));
    const error = await rejection(login(clientWith(fetch), '', { email: 'ada@example.com', password: 'pw' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(fetch.calls[0]!.url).toBe('https://api.aerostack.dev/api/v1/public/projects//auth/login');
  });

  it('works with a client that has no API key at all (a browser app)', async () => {
    const fetch = scriptedFetch(json(tokens));
    const client = new AerostackClient({ fetch, baseURL: 'https://api.aerostack.dev/v1' });
    await expect(login(client, 'my-app', { email: 'ada@example.com', password: 'pw' })).resolves.toMatchObject({ accessToken: 'access.1' });
  });
});

describe('register', () => {
  it('POSTs /register with no key and gives the tokens', async () => {
    const fetch = scriptedFetch(json(tokens));
    const params = { email: 'ada@example.com', password: 'Str0ngPass', name: 'Ada', customFields: { team: 'blue' } };
    const result = await register(clientWith(fetch), 'my-app', params);
    expect(result).toEqual(tokens);
    expect(fetch.calls[0]).toMatchObject({ method: 'POST', url: `${BASE}/register` });
    expect(fetch.calls[0]!.headers['content-type']).toBe('application/json');
    expect(sentJSON(fetch.calls[0])).toEqual(params);
    expectPublic(fetch.calls[0]);
  });

  it('reads `token` as the access token, and accepts an answer that needs verification first', async () => {
    const fetch = scriptedFetch(json({ success: true, user: projectUser, token: 'legacy.jwt' }), json({ success: true, requiresVerification: true }));
    expect((await register(clientWith(fetch), 'my-app', { email: 'ada@example.com', password: 'Str0ngPass' })).accessToken).toBe('legacy.jwt');
    const pending = await register(clientWith(fetch), 'my-app', { email: 'ada@example.com', password: 'Str0ngPass' });
    expect(pending).toMatchObject({ requiresVerification: true });
    expect(pending.accessToken).toBeUndefined();
  });

  it('checks the email and the password rule before sending', async () => {
    const fetch = scriptedFetch();
    const client = clientWith(fetch);
    const tryPassword = async (password: string) => (await rejection(register(client, 'my-app', { email: 'ada@example.com', password }))).message;
    expect(await tryPassword('Sh0rt')).toBe('password must be at least 8 characters long');
    expect(await tryPassword('alllowercase1')).toBe('password must contain an upper-case letter, a lower-case letter and a digit');
    expect(await tryPassword('ALLUPPERCASE1')).toBe('password must contain an upper-case letter, a lower-case letter and a digit');
    expect(await tryPassword('NoDigitsHere')).toBe('password must contain an upper-case letter, a lower-case letter and a digit');
    const badEmail = await rejection(register(client, 'my-app', { email: 'not-an-email', password: 'Str0ngPass' }));
    expect(badEmail).toMatchObject({ code: 'VALIDATION_ERROR', message: 'email must be an email address', details: { field: 'email' } });
    expect(fetch.calls).toHaveLength(0);
  });

  it('raises 400 VALIDATION_ERROR with details.fieldErrors', async () => {
    const fieldErrors = { password: ['Password is too common'], name: ['Too long'] };
    const fetch = scriptedFetch(json({ code: 'VALIDATION_ERROR', message: 'Validation failed', details: { fieldErrors } }, 400, { 'x-request-id': 'req_v' }));
    const error = await rejection(register(clientWith(fetch), 'my-app', { email: 'ada@example.com', password: 'Str0ngPass' }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_ERROR', message: '400 VALIDATION_ERROR: Validation failed', details: { fieldErrors }, requestId: 'req_v' });
  });

  it('raises 409 AUTH_USER_EXISTS as ConflictError', async () => {
    const fetch = scriptedFetch(json({ code: 'AUTH_USER_EXISTS', message: 'An account with this email exists' }, 409, { 'x-request-id': 'req_c' }));
    const error = await rejection(register(clientWith(fetch), 'my-app', { email: 'ada@example.com', password: 'Str0ngPass' }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, code: 'AUTH_USER_EXISTS', requestId: 'req_c' });
  });
});

describe('login', () => {
  it('POSTs /login with no key', async () => {
    const fetch = scriptedFetch(json(tokens));
    const result = await login(clientWith(fetch), 'my-app', { email: 'ada@example.com', password: 'pw', turnstileToken: 'ts' });
    expect(result.accessToken).toBe('access.1');
    expect(result.refreshToken).toBe('refresh.1');
    expect(fetch.calls[0]).toMatchObject({ method: 'POST', url: `${BASE}/login` });
    expect(sentJSON(fetch.calls[0])).toEqual({ email: 'ada@example.com', password: 'pw', turnstileToken: 'ts' });
    expectPublic(fetch.calls[0]);
  });

  it('raises 401 AUTH_INVALID_CREDENTIALS as AuthenticationError', async () => {
    const fetch = scriptedFetch(json({ code: 'AUTH_INVALID_CREDENTIALS', message: 'Invalid email or password' }, 401, { 'x-request-id': 'req_l' }));
    const error = await rejection(login(clientWith(fetch), 'my-app', { email: 'ada@example.com', password: 'wrong' }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'AUTH_INVALID_CREDENTIALS', message: '401 AUTH_INVALID_CREDENTIALS: Invalid email or password', requestId: 'req_l' });
  });

  it('leaves the email and password checks to the server: its 400 is a BadRequestError', async () => {
    const fieldErrors = { email: ['Invalid email'], password: ['Required'] };
    const fetch = scriptedFetch(json({ code: 'VALIDATION_ERROR', message: 'Validation failed', details: { fieldErrors } }, 400));
    const error = await rejection(login(clientWith(fetch), 'my-app', { email: 'ada', password: '' }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_ERROR', details: { fieldErrors } });
    expect(sentJSON(fetch.calls[0])).toEqual({ email: 'ada', password: '' });
  });

  it('retries a 429 after retry-after-ms (a POST with an idempotency key), with no key either time', async () => {
    const fetch = scriptedFetch(json({ code: 'RATE_LIMIT_EXCEEDED', message: 'Too many attempts' }, 429, { 'retry-after-ms': '1' }), json(tokens));
    const client = new AerostackClient({ apiKey: API_KEY, fetch, retry: { initialDelay: 1 } });
    expect((await login(client, 'my-app', { email: 'ada@example.com', password: 'pw' })).accessToken).toBe('access.1');
    expect(fetch.calls).toHaveLength(2);
    expect(fetch.calls[1]!.headers['idempotency-key']).toBe(fetch.calls[0]!.headers['idempotency-key']);
    for (const call of fetch.calls) expectPublic(call);
  });

  it('reads a plain { error: "..." } body', async () => {
    const fetch = scriptedFetch(json({ error: 'Email not verified' }, 403));
    const error = await rejection(login(clientWith(fetch), 'my-app', { email: 'ada@example.com', password: 'pw' }));
    expect(error).toMatchObject({ status: 403, message: '403: Email not verified' });
  });
});

describe('one-time codes', () => {
  it('sendOTP POSTs /otp/send with an email or a phone', async () => {
    const fetch = scriptedFetch(json({ success: true, accountExists: false }), json({ success: true }));
    expect(await sendOTP(clientWith(fetch), 'my-app', { email: 'ada@example.com' })).toEqual({ success: true, accountExists: false });
    await sendOTP(clientWith(fetch), 'my-app', { phone: '+15550100' });
    expect(fetch.calls.map((c) => [c.method, c.url, sentJSON(c)])).toEqual([
      ['POST', `${BASE}/otp/send`, { email: 'ada@example.com' }],
      ['POST', `${BASE}/otp/send`, { phone: '+15550100' }],
    ]);
    expectPublic(fetch.calls[0]);
  });

  it('sendOTP needs an email or a phone', async () => {
    const fetch = scriptedFetch();
    const error = await rejection(sendOTP(clientWith(fetch), 'my-app', {} as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toBe('pass { email } or { phone }: one of them is required');
    expect(fetch.calls).toHaveLength(0);
  });

  it('verifyOTP POSTs /otp/verify and gives the tokens', async () => {
    const fetch = scriptedFetch(json({ success: true, user: projectUser, token: 'otp.jwt', refreshToken: 'r' }));
    const result = await verifyOTP(clientWith(fetch), 'my-app', { email: 'ada@example.com', code: '123456' });
    expect(result.accessToken).toBe('otp.jwt');
    expect(fetch.calls[0]).toMatchObject({ method: 'POST', url: `${BASE}/otp/verify` });
    expect(sentJSON(fetch.calls[0])).toEqual({ email: 'ada@example.com', code: '123456' });
    expectPublic(fetch.calls[0]);
  });

  it('verifyOTP wants 6 digits', async () => {
    const fetch = scriptedFetch();
    for (const code of ['12345', '1234567', '12a456']) {
      const error = await rejection(verifyOTP(clientWith(fetch), 'my-app', { phone: '+15550100', code }));
      expect(error).toMatchObject({ code: 'VALIDATION_ERROR', message: 'code must be the 6 digits sent to you, as a string' });
    }
    expect(fetch.calls).toHaveLength(0);
  });

  it('verifyOTP: a wrong code is a 401 with its code', async () => {
    const fetch = scriptedFetch(json({ code: 'AUTH_OTP_INVALID', message: 'Invalid code' }, 401));
    const error = await rejection(verifyOTP(clientWith(fetch), 'my-app', { email: 'ada@example.com', code: '000000' }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.code).toBe('AUTH_OTP_INVALID');
  });
});

describe('email verification', () => {
  it('verifyEmail GETs /verify-email?token= with no key and no body', async () => {
    const fetch = scriptedFetch(json({ success: true, message: 'Email verified' }));
    expect(await verifyEmail(clientWith(fetch), 'my-app', { token: 'tok en/1' })).toEqual({ success: true, message: 'Email verified' });
    expect(fetch.calls[0]).toMatchObject({ method: 'GET', url: `${BASE}/verify-email?token=tok+en%2F1`, body: undefined });
    expectPublic(fetch.calls[0]);
  });

  it('verifyEmail needs the token; an expired one is a 401', async () => {
    const fetch = scriptedFetch(json({ error: 'Invalid or expired token' }, 401));
    expect((await rejection(verifyEmail(clientWith(fetch), 'my-app', { token: '' }))).message).toBe('token is required');
    const error = await rejection(verifyEmail(clientWith(fetch), 'my-app', { token: 'old' }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toBe('401: Invalid or expired token');
  });

  it('resendVerificationEmail POSTs /resend-verification', async () => {
    const fetch = scriptedFetch(json({ success: true }));
    expect(await resendVerificationEmail(clientWith(fetch), 'my-app', { email: 'ada@example.com' })).toEqual({ success: true });
    expect(fetch.calls[0]).toMatchObject({ method: 'POST', url: `${BASE}/resend-verification` });
    expect(sentJSON(fetch.calls[0])).toEqual({ email: 'ada@example.com' });
    expectPublic(fetch.calls[0]);
    expect((await rejection(resendVerificationEmail(clientWith(fetch), 'my-app', { email: 'x' }))).code).toBe('VALIDATION_ERROR');
  });
});

describe('password reset', () => {
  it('requestPasswordReset POSTs /reset-password-request', async () => {
    const fetch = scriptedFetch(json({ success: true, message: 'Check your inbox' }));
    expect(await requestPasswordReset(clientWith(fetch), 'my-app', { email: 'ada@example.com', turnstileToken: 'ts' })).toEqual({
      success: true,
      message: 'Check your inbox',
    });
    expect(fetch.calls[0]).toMatchObject({ method: 'POST', url: `${BASE}/reset-password-request` });
    expect(sentJSON(fetch.calls[0])).toEqual({ email: 'ada@example.com', turnstileToken: 'ts' });
    expectPublic(fetch.calls[0]);
  });

  it('resetPassword POSTs /reset-password with the token and a strong new password', async () => {
    const fetch = scriptedFetch(json({ success: true }));
    await resetPassword(clientWith(fetch), 'my-app', { token: 'reset-tok', newPassword: 'N3wPassword' });
    expect(fetch.calls[0]).toMatchObject({ method: 'POST', url: `${BASE}/reset-password` });
    expect(sentJSON(fetch.calls[0])).toEqual({ token: 'reset-tok', newPassword: 'N3wPassword' });
    expectPublic(fetch.calls[0]);
  });

  it('resetPassword applies the password rule to newPassword', async () => {
    const fetch = scriptedFetch();
    const error = await rejection(resetPassword(clientWith(fetch), 'my-app', { token: 't', newPassword: 'weakpassword' }));
    expect(error).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: 'newPassword must contain an upper-case letter, a lower-case letter and a digit',
      details: { field: 'newPassword' },
    });
    expect(fetch.calls).toHaveLength(0);
  });

  it('resetPassword: an invalid token is a 400', async () => {
    const fetch = scriptedFetch(json({ code: 'AUTH_RESET_TOKEN_INVALID', message: 'Reset link expired' }, 400, { 'x-request-id': 'req_r' }));
    const error = await rejection(resetPassword(clientWith(fetch), 'my-app', { token: 't', newPassword: 'N3wPassword' }));
    expect(error).toMatchObject({ status: 400, code: 'AUTH_RESET_TOKEN_INVALID', requestId: 'req_r' });
  });
});

describe('tokens', () => {
  it('refreshToken POSTs /refresh with the refresh token and no key', async () => {
    const fetch = scriptedFetch(json({ success: true, token: 'access.2', refreshToken: 'refresh.2' }));
    const result = await refreshToken(clientWith(fetch), 'my-app', { refreshToken: 'refresh.1' });
    expect(result).toMatchObject({ accessToken: 'access.2', refreshToken: 'refresh.2' });
    expect(fetch.calls[0]).toMatchObject({ method: 'POST', url: `${BASE}/refresh` });
    expect(sentJSON(fetch.calls[0])).toEqual({ refreshToken: 'refresh.1' });
    expectPublic(fetch.calls[0]);
  });

  it('refreshToken: an expired one is a 401 AUTH_TOKEN_EXPIRED', async () => {
    const fetch = scriptedFetch(json({ code: 'AUTH_TOKEN_EXPIRED', message: 'Refresh token expired' }, 401));
    const error = await rejection(refreshToken(clientWith(fetch), 'my-app', { refreshToken: 'old' }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.code).toBe('AUTH_TOKEN_EXPIRED');
  });

  it('logout POSTs /logout with Bearer and both tokens in the body', async () => {
    const fetch = scriptedFetch(json({ success: true }));
    expect(await logout(clientWith(fetch), 'my-app', { accessToken: 'access.1', refreshToken: 'refresh.1' })).toEqual({ success: true });
    expect(fetch.calls[0]).toMatchObject({ method: 'POST', url: `${BASE}/logout` });
    expect(sentJSON(fetch.calls[0])).toEqual({ accessToken: 'access.1', refreshToken: 'refresh.1' });
    expectBearer(fetch.calls[0], 'access.1');
  });
});

describe('the signed-in user', () => {
  it('getCurrentUser GETs /me with Bearer and unwraps { user }', async () => {
    const fetch = scriptedFetch(json({ user: projectUser }, 200, { 'x-request-id': 'req_me' }));
    const { data, requestId } = await getCurrentUser(clientWith(fetch), 'my-app', 'access.1').withResponse();
    expect(data).toEqual(projectUser);
    expect(requestId).toBe('req_me');
    expect(fetch.calls[0]).toMatchObject({ method: 'GET', url: `${BASE}/me`, body: undefined });
    expectBearer(fetch.calls[0], 'access.1');
  });

  it('getCurrentUser accepts a bare user', async () => {
    const fetch = scriptedFetch(json(projectUser));
    expect(await getCurrentUser(clientWith(fetch), 'my-app', 'access.1')).toEqual(projectUser);
  });

  it('getCurrentUser: needs a token; an expired one is a 401', async () => {
    const fetch = scriptedFetch(json({ code: 'AUTH_TOKEN_EXPIRED', message: 'Token expired' }, 401, { 'x-request-id': 'req_x' }));
    expect((await rejection(getCurrentUser(clientWith(fetch), 'my-app', ''))).message).toBe('accessToken is required');
    const error = await rejection(getCurrentUser(clientWith(fetch), 'my-app', 'access.0'));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'AUTH_TOKEN_EXPIRED', requestId: 'req_x' });
  });

  it('updateProfile PATCHes /me with Bearer', async () => {
    const updated = { ...projectUser, name: 'Ada L.' };
    const fetch = scriptedFetch(json({ user: updated }));
    const params = { name: 'Ada L.', avatar_url: 'https://cdn.example.com/a.png', customFields: { team: 'red' } };
    expect(await updateProfile(clientWith(fetch), 'my-app', 'access.1', params)).toEqual(updated);
    expect(fetch.calls[0]).toMatchObject({ method: 'PATCH', url: `${BASE}/me` });
    expect(fetch.calls[0]!.headers['content-type']).toBe('application/json');
    expect(sentJSON(fetch.calls[0])).toEqual(params);
    expectBearer(fetch.calls[0], 'access.1');
  });

  it('deleteAvatar DELETEs /me/avatar with Bearer', async () => {
    const fetch = scriptedFetch(json({ message: 'Avatar removed' }));
    expect(await deleteAvatar(clientWith(fetch), 'my-app', 'access.1')).toEqual({ message: 'Avatar removed' });
    expect(fetch.calls[0]).toMatchObject({ method: 'DELETE', url: `${BASE}/me/avatar`, body: undefined });
    expectBearer(fetch.calls[0], 'access.1');
  });
});
