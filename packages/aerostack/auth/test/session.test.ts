import { describe, expect, it } from 'vitest';
import { AuthenticationError, InternalServerError, InvalidRequestError, NotFoundError, request } from '@aerostack/core';
import { createSession, ProjectAuth, Session, type TokenStore } from '../src';
import { API_KEY, clientWith, json, rejection, scriptedFetch, sentJSON, type SentRequest } from './helpers';

const BASE = 'https://api.aerostack.dev/api/v1/public/projects/my-app/auth';
const user = { id: 'u_1', email: 'ada@example.com', name: 'Ada' };
const expired = () => json({ code: 'AUTH_TOKEN_EXPIRED', message: 'Token expired' }, 401);

/**
 * A tiny server: `/me` answers 200 only to the current access token; `/refresh` trades the
 * current refresh token for the next pair. Records every request.
 */
function server(options: { refresh?: (req: SentRequest) => Response | Promise<Response> } = {}) {
  const state = { access: 'access.2', refresh: 'refresh.1', refreshes: 0 };
  const calls: SentRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const req: SentRequest = { url: input instanceof Request ? input.url : input.toString(), method: init.method ?? 'GET', headers: { ...(init.headers as Record<string, string>) }, body: init.body as string | undefined, init, at: Date.now() };
    calls.push(req);
    await new Promise((r) => setTimeout(r, 5)); // let concurrent calls overlap
    if (req.url === `${BASE}/refresh`) {
      state.refreshes++;
      if (options.refresh) return options.refresh(req);
      if ((sentJSON(req) as { refreshToken: string }).refreshToken !== state.refresh) return json({ code: 'AUTH_TOKEN_INVALID', message: 'bad refresh token' }, 401);
      return json({ success: true, accessToken: state.access, refreshToken: 'refresh.2' });
    }
    if (req.headers.authorization !== `Bearer ${state.access}`) return expired();
    if (req.url === `${BASE}/me`) return json({ user });
    if (req.url === 'https://api.aerostack.dev/v1/custom/orders') return json({ orders: [] });
    return json({ error: 'no route' }, 404);
  };
  return { state, calls, client: clientWith(Object.assign(fetch, { calls: [] as SentRequest[] })) };
}

async function signedIn(s: ReturnType<typeof server>, storage?: TokenStore) {
  const auth = new ProjectAuth(s.client, 'my-app', { storage });
  await auth.session.setTokens({ accessToken: 'access.1', refreshToken: 'refresh.1' });
  return auth;
}

const routes = (calls: SentRequest[]) => calls.map((c) => `${c.method} ${c.url.slice(BASE.length)} ${c.headers.authorization ?? '-'}`);

describe('refresh once on 401', () => {
  it('an expired token: one refresh, then the call is repeated with the new token', async () => {
    const s = server();
    const auth = await signedIn(s);
    expect(await auth.getCurrentUser()).toEqual(user);
    expect(routes(s.calls)).toEqual(['GET /me Bearer access.1', 'POST /refresh -', 'GET /me Bearer access.2']);
    expect(sentJSON(s.calls[1])).toEqual({ refreshToken: 'refresh.1' });
    expect(s.calls[1]!.headers['x-aerostack-key']).toBeUndefined();
    expect(await auth.session.getTokens()).toEqual({ accessToken: 'access.2', refreshToken: 'refresh.2' });
  });

  it('two concurrent calls share one refresh', async () => {
    const s = server();
    const auth = await signedIn(s);
    const [a, b] = await Promise.all([auth.getCurrentUser(), auth.updateProfile({ name: 'Ada' })]);
    expect(a).toEqual(user);
    expect(b).toEqual(user);
    expect(s.state.refreshes).toBe(1);
    expect(s.calls.filter((c) => c.url.endsWith('/me') && c.headers.authorization === 'Bearer access.2')).toHaveLength(2);
  });

  it('a 401 that arrives after the refresh finished reuses the new token instead of refreshing again', async () => {
    const s = server();
    const auth = await signedIn(s);
    // A call sent with access.1 whose 401 comes back only after another call has refreshed.
    const release: ((value: undefined) => void)[] = [];
    const gate = new Promise<undefined>((resolve) => release.push(resolve));
    const late = auth.session.withToken(async (token) => {
      if (token === 'access.2') return 'retried with access.2';
      await gate;
      throw new AuthenticationError('401: expired', { status: 401 });
    });
    await auth.getCurrentUser(); // refreshes: access.2 now
    release[0]!(undefined);
    expect(await late).toBe('retried with access.2');
    expect(s.state.refreshes).toBe(1);
  });

  it('a refresh the server refuses: AuthenticationError, and the tokens are cleared', async () => {
    const s = server({ refresh: () => json({ code: 'AUTH_TOKEN_INVALID', message: 'Refresh token revoked' }, 401, { 'x-request-id': 'req_rf' }) });
    const auth = await signedIn(s);
    const error = await rejection(auth.getCurrentUser());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'AUTH_TOKEN_INVALID', requestId: 'req_rf' });
    expect(await auth.session.getTokens()).toBeUndefined();
    expect(routes(s.calls)).toEqual(['GET /me Bearer access.1', 'POST /refresh -']);
    // Signed out now: the next call is refused before anything is sent.
    const next = await rejection(auth.getCurrentUser());
    expect(next).toBeInstanceOf(InvalidRequestError);
    expect(next.code).toBe('NOT_SIGNED_IN');
    expect(s.calls).toHaveLength(2);
  });

  it('two concurrent calls whose shared refresh fails: both get an AuthenticationError, one refresh', async () => {
    const s = server({ refresh: () => json({ code: 'AUTH_TOKEN_INVALID', message: 'Refresh token revoked' }, 401) });
    const auth = await signedIn(s);
    const results = await Promise.allSettled([auth.getCurrentUser(), auth.deleteAvatar(), auth.session.request({ method: 'GET', path: '/custom/orders' })]);
    for (const r of results) expect(r.status === 'rejected' && r.reason instanceof AuthenticationError).toBe(true);
    expect(s.state.refreshes).toBe(1);
    expect(await auth.session.getTokens()).toBeUndefined();
  });

  it('a 401 that arrives after a failed refresh cleared the session is thrown as is', async () => {
    const s = server({ refresh: () => json({ code: 'AUTH_TOKEN_INVALID', message: 'Refresh token revoked' }, 401) });
    const auth = await signedIn(s);
    const release: ((value: undefined) => void)[] = [];
    const gate = new Promise<undefined>((resolve) => release.push(resolve));
    const refusal = new AuthenticationError('401 AUTH_TOKEN_EXPIRED: late', { status: 401, code: 'AUTH_TOKEN_EXPIRED' });
    const late = auth.session.withToken(async () => {
      await gate;
      throw refusal;
    });
    await rejection(auth.getCurrentUser()); // its refresh fails and clears the session
    release[0]!(undefined);
    expect(await rejection(late)).toBe(refusal);
    expect(s.state.refreshes).toBe(1);
  });

  it('a refresh refused with another status (400) is an AuthenticationError too', async () => {
    const s = server({ refresh: () => json({ code: 'VALIDATION_ERROR', message: 'refreshToken malformed' }, 400) });
    const auth = await signedIn(s);
    const error = await rejection(auth.getCurrentUser());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_ERROR' });
    expect(error.message).toContain('sign in again');
    expect(await auth.session.getTokens()).toBeUndefined();
  });

  it('a refresh answered without a token clears the session', async () => {
    const s = server({ refresh: () => json({ success: false, error: 'Session revoked' }) });
    const auth = await signedIn(s);
    const error = await rejection(auth.getCurrentUser());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toContain('Session revoked');
    expect(await auth.session.getTokens()).toBeUndefined();
  });

  it('no refresh token: AuthenticationError without a refresh call, tokens cleared', async () => {
    const s = server();
    const auth = new ProjectAuth(s.client, 'my-app');
    await auth.session.setTokens({ accessToken: 'access.1' });
    const error = await rejection(auth.getCurrentUser());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.code).toBe('AUTH_TOKEN_EXPIRED');
    expect(s.state.refreshes).toBe(0);
    expect(await auth.session.getTokens()).toBeUndefined();
  });

  it('a network failure or 5xx during the refresh keeps the tokens (the user is not logged out by a blip)', async () => {
    const s = server({ refresh: () => json({ code: 'INTERNAL_ERROR', message: 'down' }, 503) });
    const auth = await signedIn(s);
    const error = await rejection(auth.getCurrentUser());
    expect(error).toBeInstanceOf(InternalServerError);
    expect(await auth.session.getTokens()).toEqual({ accessToken: 'access.1', refreshToken: 'refresh.1' });
  });

  it('no loop: a second 401 after the refresh is thrown as is', async () => {
    // The refresh hands out a token that /me refuses too.
    const s = server({ refresh: () => json({ success: true, accessToken: 'access.2', refreshToken: 'refresh.2' }) });
    s.state.access = 'never-accepted';
    const auth = await signedIn(s);
    const error = await rejection(auth.getCurrentUser());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.code).toBe('AUTH_TOKEN_EXPIRED');
    expect(routes(s.calls)).toEqual(['GET /me Bearer access.1', 'POST /refresh -', 'GET /me Bearer access.2']);
    expect(s.state.refreshes).toBe(1);
  });

  it('other errors are not a reason to refresh', async () => {
    const s = server();
    s.state.access = 'access.1';
    const auth = await signedIn(s);
    const error = await rejection(auth.session.request({ method: 'GET', path: '/custom/missing' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(s.state.refreshes).toBe(0);
  });
});

describe('the session as a token holder', () => {
  it('login keeps the tokens, the Bearer calls use them, logout sends them and forgets them', async () => {
    const fetch = scriptedFetch(
      json({ success: true, user, token: 'access.1', refreshToken: 'refresh.1' }),
      json({ user }),
      json({ message: 'Avatar removed' }),
      json({ success: true }),
    );
    const auth = new ProjectAuth(clientWith(fetch), 'my-app');
    const result = await auth.login({ email: 'ada@example.com', password: 'pw' });
    expect(result.accessToken).toBe('access.1');
    expect(await auth.session.getTokens()).toEqual({ accessToken: 'access.1', refreshToken: 'refresh.1' });
    expect(await auth.authHeaders()).toEqual({ authorization: 'Bearer access.1' });
    expect(await auth.getCurrentUser()).toEqual(user);
    expect(await auth.deleteAvatar()).toEqual({ message: 'Avatar removed' });
    expect(await auth.logout()).toEqual({ success: true });
    expect(routes(fetch.calls)).toEqual(['POST /login -', 'GET /me Bearer access.1', 'DELETE /me/avatar Bearer access.1', 'POST /logout Bearer access.1']);
    expect(sentJSON(fetch.calls[3])).toEqual({ accessToken: 'access.1', refreshToken: 'refresh.1' });
    for (const call of fetch.calls) expect(call.headers['x-aerostack-key']).toBeUndefined();
    expect(await auth.session.getTokens()).toBeUndefined();
    expect(await auth.logout()).toBeUndefined(); // signed out: nothing is sent
    expect(fetch.calls).toHaveLength(4);
  });

  it('logout forgets the tokens even when the server call fails', async () => {
    const fetch = scriptedFetch(json({ code: 'AUTH_TOKEN_EXPIRED', message: 'expired' }, 401));
    const auth = new ProjectAuth(clientWith(fetch), 'my-app');
    await auth.session.setTokens({ accessToken: 'a', refreshToken: 'r' });
    expect(await rejection(auth.logout())).toBeInstanceOf(AuthenticationError);
    expect(await auth.session.getTokens()).toBeUndefined();
  });

  it('register keeps no tokens when the email must be verified first; verifyOTP keeps them', async () => {
    const fetch = scriptedFetch(json({ success: true, requiresVerification: true }), json({ success: true, accessToken: 'otp.1', refreshToken: 'otp.r' }));
    const auth = new ProjectAuth(clientWith(fetch), 'my-app');
    await auth.register({ email: 'ada@example.com', password: 'Str0ngPass' });
    expect(await auth.session.getTokens()).toBeUndefined();
    await auth.verifyOTP({ email: 'ada@example.com', code: '123456' });
    expect(await auth.session.getTokens()).toEqual({ accessToken: 'otp.1', refreshToken: 'otp.r' });
  });

  it('the facade passes the other flows through', async () => {
    const ok = () => json({ success: true });
    const fetch = scriptedFetch(ok(), ok(), ok(), ok(), ok());
    const auth = new ProjectAuth(clientWith(fetch), 'my-app');
    await auth.sendOTP({ email: 'ada@example.com' });
    await auth.verifyEmail({ token: 't' });
    await auth.resendVerificationEmail({ email: 'ada@example.com' });
    await auth.requestPasswordReset({ email: 'ada@example.com' });
    await auth.resetPassword({ token: 't', newPassword: 'N3wPassword' });
    expect(routes(fetch.calls)).toEqual([
      'POST /otp/send -',
      'GET /verify-email?token=t -',
      'POST /resend-verification -',
      'POST /reset-password-request -',
      'POST /reset-password -',
    ]);
  });

  it('refreshToken() refreshes now and keeps the old refresh token when the answer has none', async () => {
    const fetch = scriptedFetch(json({ success: true, token: 'access.2' }));
    const auth = new ProjectAuth(clientWith(fetch), 'my-app');
    await auth.session.setTokens({ accessToken: 'access.1', refreshToken: 'refresh.1' });
    expect(await auth.refreshToken()).toEqual({ accessToken: 'access.2', refreshToken: 'refresh.1' });
    expect(await auth.session.getTokens()).toEqual({ accessToken: 'access.2', refreshToken: 'refresh.1' });
  });

  it('not signed in: Bearer calls are refused before sending', async () => {
    const fetch = scriptedFetch();
    const auth = new ProjectAuth(clientWith(fetch), 'my-app');
    const error = await rejection(auth.updateProfile({ name: 'x' }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ code: 'NOT_SIGNED_IN' });
    expect(await rejection(auth.authHeaders())).toBeInstanceOf(InvalidRequestError);
    expect(await rejection(auth.refreshToken())).toBeInstanceOf(InvalidRequestError);
    expect(fetch.calls).toHaveLength(0);
  });

  it('keeps tokens in a pluggable (async) store, under keys namespaced by project', async () => {
    const data = new Map<string, string>();
    const storage: TokenStore = {
      get: async (key) => data.get(key) ?? null,
      set: async (key, value) => void data.set(key, value),
      delete: async (key) => void data.delete(key),
    };
    const s = server();
    const auth = await signedIn(s, storage);
    expect(Object.fromEntries(data)).toEqual({ 'aerostack:my-app:accessToken': 'access.1', 'aerostack:my-app:refreshToken': 'refresh.1' });
    await auth.getCurrentUser();
    expect(Object.fromEntries(data)).toEqual({ 'aerostack:my-app:accessToken': 'access.2', 'aerostack:my-app:refreshToken': 'refresh.2' });
    // Another session over the same store sees the same user.
    const again = createSession({ client: s.client, projectSlug: 'my-app', storage });
    expect(await again.getTokens()).toEqual({ accessToken: 'access.2', refreshToken: 'refresh.2' });
  });

  it('session.request signs any call with Bearer (no API key) and refreshes on 401', async () => {
    const s = server();
    const session = createSession({ client: s.client, projectSlug: 'my-app' });
    expect(session).toBeInstanceOf(Session);
    await session.setTokens({ accessToken: 'access.1', refreshToken: 'refresh.1' });
    const { data, response } = await session.request<{ orders: unknown[] }>({ method: 'GET', path: '/custom/orders' }).withResponse();
    expect(data).toEqual({ orders: [] });
    expect(response.status).toBe(200);
    const last = s.calls.at(-1)!;
    expect(last.headers.authorization).toBe('Bearer access.2');
    expect(last.headers['x-aerostack-key']).toBeUndefined();
    expect(s.state.refreshes).toBe(1);
  });

  it('session.auth plugs into a request spec', async () => {
    const fetch = scriptedFetch(json({ ok: true }));
    const session = createSession({ client: clientWith(fetch), projectSlug: 'my-app' });
    await session.setTokens({ accessToken: 'access.9' });
    await request(session.client, { method: 'GET', path: '/custom/profile', auth: session.auth });
    expect(fetch.calls[0]!.headers.authorization).toBe('Bearer access.9');
    expect(fetch.calls[0]!.headers['x-aerostack-key']).toBeUndefined();
    expect(API_KEY).not.toBe('access.9');
  });
});
