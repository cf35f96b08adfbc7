// @aerostack/auth against the emulator: platform signup/signin (/v1/auth) and the public project
// auth (/api/v1/public/projects/:projectSlug/auth), over HTTP, users and tokens in EMU (D1).
import { Auth, ProjectAuth, getCurrentUser, login, logout, refreshToken, register, sendOTP, updateProfile, verifyOTP } from '@aerostack/auth';
import { AerostackClient, AuthenticationError, BadRequestError, ConflictError } from '@aerostack/core';
import { describe, expect, it } from 'vitest';
import { projectId } from '../src/projects';
import { hashPassword, hmacKey, signToken, verifyPassword, verifyToken } from '../src/worker/users/crypto';
import { KEY_A, KEY_B, useEmulator } from './helpers/emulator';
import { schemaProblems } from './helpers/openapi';

const emu = useEmulator();
const PROJECT_A = projectId(KEY_A);
const PROJECT_B = projectId(KEY_B);

/** Checks a body against a component schema of specs/aerostack.yaml (AuthResponse, ProjectAuthResponse, ProjectUser). */
function expectShape(schema: 'AuthResponse' | 'ProjectAuthResponse' | 'ProjectUser', body: unknown): void {
  expect(schemaProblems('aerostack', schema, body)).toEqual([]);
}

const platform = (key = KEY_A) => new Auth(new AerostackClient({ apiKey: key, baseURL: emu.emulator.aerostackURL, logLevel: 'off', maxRetries: 0 }));
const publicClient = () => new AerostackClient({ baseURL: emu.emulator.aerostackURL, logLevel: 'off', maxRetries: 0 });
const host = () => emu.emulator.aerostackURL.replace(/\/v1$/, '');
let n = 0;
const uniqueEmail = (tag: string) => `${tag}.${Date.now()}.${n++}@Example.com`;

async function outbox(project: string, email: string): Promise<{ kind: string; code: string; used: boolean }[]> {
  const response = await fetch(`${host()}/api/v1/public/projects/${project}/__emulator/outbox?email=${encodeURIComponent(email)}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { messages: { kind: string; code: string; used: boolean }[] }).messages;
}

describe('passwords and tokens (WebCrypto, imported directly)', () => {
  it('PBKDF2-SHA256 with a random salt: never the password, two hashes of one password differ, both verify', async () => {
    const a = await hashPassword('Sup3rSecret');
    const b = await hashPassword('Sup3rSecret');
    expect(a).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toContain('Sup3rSecret');
    expect(a).not.toBe(b);
    expect(await verifyPassword('Sup3rSecret', a)).toBe(true);
    expect(await verifyPassword('Sup3rSecret', b)).toBe(true);
    expect(await verifyPassword('sup3rSecret', a)).toBe(false);
    expect(await verifyPassword('Sup3rSecret', 'Sup3rSecret')).toBe(false);
  });

  it('HS256 tokens: valid until exp, then expired; a changed payload or another secret is invalid', async () => {
    const key = await hmacKey('secret-1');
    const iat = Math.floor(Date.now() / 1000);
    const token = await signToken(key, { sub: 'u1', pid: 'p1', pool: 'project', typ: 'access', jti: 'j1', iat, exp: iat + 900 });
    expect(await verifyToken(key, token)).toMatchObject({ ok: true, claims: { sub: 'u1', exp: iat + 900 } });
    expect(await verifyToken(key, token, (iat + 901) * 1000)).toEqual({ ok: false, reason: 'expired' });
    expect(await verifyToken(await hmacKey('secret-2'), token)).toEqual({ ok: false, reason: 'invalid' });
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p ?? '', 'base64url').toString()), sub: 'admin' })).toString('base64url');
    expect(await verifyToken(key, `${h}.${forged}.${s}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyToken(key, 'not.a.jwt')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('platform auth (/v1/auth)', () => {
  it('signup (201) then signin: AuthResponse with a JWT expiring in 15 min; emails are case-insensitive', async () => {
    const auth = platform();
    const email = uniqueEmail('ada');
    const before = Date.now();
    const created = await auth.signup({ email, password: 'correct horse', name: 'Ada', metadata: { plan: 'pro' } }).withResponse();
    expect(created.response.status).toBe(201);
    expectShape('AuthResponse', created.data);
    expect(created.data.user).toMatchObject({ email, name: 'Ada', metadata: { plan: 'pro' } });
    expect(created.data.user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.data.token.split('.')).toHaveLength(3);
    // 15 min from when the token was made: between the clock before the call and now (the emulator
    // shares this clock; expiresAt may be rounded down to the second), however long the call took.
    const expires = Date.parse(created.data.expiresAt);
    expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 15 * 60_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
    const signedIn = await auth.signin({ email: email.toUpperCase(), password: 'correct horse' });
    expectShape('AuthResponse', signedIn);
    expect(signedIn.user.id).toBe(created.data.user.id);
  });

  it('wrong password or unknown email: 401 AUTH_INVALID_CREDENTIALS; duplicate: 409 ConflictError; bad input: 400 with fieldErrors', async () => {
    const auth = platform();
    const email = uniqueEmail('grace');
    await auth.signup({ email, password: 'password1' });
    const wrong = await auth.signin({ email, password: 'password2' }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(AuthenticationError);
    expect(wrong).toMatchObject({ status: 401, code: 'AUTH_INVALID_CREDENTIALS' });
    await expect(auth.signin({ email: uniqueEmail('nobody'), password: 'password1' })).rejects.toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS' });
    const dup = await auth.signup({ email: email.toLowerCase(), password: 'password1' }).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(ConflictError);
    expect(dup).toMatchObject({ status: 409, code: 'AUTH_USER_EXISTS' });
    // What the SDK would refuse to send, sent raw.
    const response = await fetch(`${emu.emulator.aerostackURL}/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-aerostack-key': KEY_A },
      body: JSON.stringify({ email: 'not-an-email', password: 'short' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'VALIDATION_ERROR', details: { fieldErrors: { email: ['Invalid email'], password: ['At least 8 characters'] } } });
  });

  it('each API key is its own project: the same email signs up in both, and does not sign in across', async () => {
    const email = uniqueEmail('iso');
    await platform(KEY_A).signup({ email, password: 'password-a' });
    await platform(KEY_B).signup({ email, password: 'password-b' });
    await expect(platform(KEY_B).signin({ email, password: 'password-a' })).rejects.toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS' });
    expect((await platform(KEY_A).signin({ email, password: 'password-a' })).user.email).toBe(email);
  });
});

describe('public project auth (/api/v1/public/projects/:projectSlug/auth)', () => {
  it('register / login / me / updateProfile / logout with the functions', async () => {
    const client = publicClient();
    const email = uniqueEmail('end');
    const registered = await register(client, PROJECT_A, { email, password: 'Str0ngPass', name: 'End', customFields: { team: 'a' } });
    expectShape('ProjectAuthResponse', registered);
    expect(registered.user).toMatchObject({ email, name: 'End', emailVerified: false, customFields: { team: 'a' } });
    const loggedIn = await login(client, PROJECT_A, { email, password: 'Str0ngPass' });
    expectShape('ProjectAuthResponse', loggedIn);
    const token = loggedIn.accessToken ?? '';
    expect((await getCurrentUser(client, PROJECT_A, token)).id).toBe(registered.user?.id);
    const updated = await updateProfile(client, PROJECT_A, token, { name: 'Renamed', customFields: { role: 'admin' }, avatar_url: 'https://cdn.example.com/a.png' });
    expectShape('ProjectUser', updated);
    expect(updated).toMatchObject({ name: 'Renamed', avatarUrl: 'https://cdn.example.com/a.png', customFields: { team: 'a', role: 'admin' } });
    expect(await logout(client, PROJECT_A, { accessToken: token, refreshToken: loggedIn.refreshToken })).toEqual({ success: true });
    // Both tokens are revoked.
    await expect(getCurrentUser(client, PROJECT_A, token)).rejects.toMatchObject({ status: 401, code: 'AUTH_TOKEN_INVALID' });
    await expect(refreshToken(client, PROJECT_A, { refreshToken: loggedIn.refreshToken ?? '' })).rejects.toMatchObject({ status: 401, code: 'AUTH_TOKEN_INVALID' });
    // The other login's tokens still work.
    expect((await getCurrentUser(client, PROJECT_A, registered.accessToken ?? '')).name).toBe('Renamed');
  });

  it('refresh: new tokens that work, the old refresh token is used up; a tampered token is rejected', async () => {
    const client = publicClient();
    const email = uniqueEmail('refresh');
    const first = await register(client, PROJECT_A, { email, password: 'Str0ngPass' });
    const renewed = await refreshToken(client, PROJECT_A, { refreshToken: first.refreshToken ?? '' });
    expectShape('ProjectAuthResponse', renewed);
    expect(renewed.accessToken).not.toBe(first.accessToken);
    expect((await getCurrentUser(client, PROJECT_A, renewed.accessToken ?? '')).email).toBe(email);
    await expect(refreshToken(client, PROJECT_A, { refreshToken: first.refreshToken ?? '' })).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
    // An access token is not a refresh token, and the other way round.
    await expect(refreshToken(client, PROJECT_A, { refreshToken: renewed.accessToken ?? '' })).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
    await expect(getCurrentUser(client, PROJECT_A, renewed.refreshToken ?? '')).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
    const [h, p, s] = (renewed.accessToken ?? '').split('.');
    const claims = JSON.parse(Buffer.from(p ?? '', 'base64url').toString()) as { exp: number };
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 3600 })).toString('base64url')}.${s}`;
    const error = await getCurrentUser(client, PROJECT_A, tampered).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'AUTH_TOKEN_INVALID' });
  });

  it('ProjectAuth: the session keeps the tokens, refreshes on demand, and logout forgets and revokes them', async () => {
    const auth = new ProjectAuth(publicClient(), PROJECT_A);
    const email = uniqueEmail('session');
    await auth.register({ email, password: 'Str0ngPass', name: 'Sess' });
    const before = await auth.session.getTokens();
    expect((await auth.getCurrentUser()).name).toBe('Sess');
    const fresh = await auth.refreshToken();
    expect(fresh.accessToken).not.toBe(before?.accessToken);
    expect((await auth.updateProfile({ customFields: { n: 1 } })).customFields).toEqual({ n: 1 });
    expect(await auth.deleteAvatar()).toEqual({ message: 'Avatar removed' });
    expect(await auth.logout()).toEqual({ success: true });
    expect(await auth.session.getTokens()).toBeUndefined();
    await expect(getCurrentUser(publicClient(), PROJECT_A, fresh.accessToken)).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
    // Login again through the class.
    await auth.login({ email, password: 'Str0ngPass' });
    expect((await auth.getCurrentUser()).email).toBe(email);
  });

  it('errors: wrong password 401, duplicate 409, weak password 400 AUTH_PASSWORD_WEAK, bad fields 400 fieldErrors, unknown project 404', async () => {
    const client = publicClient();
    const email = uniqueEmail('err');
    await register(client, PROJECT_A, { email, password: 'Str0ngPass' });
    await expect(login(client, PROJECT_A, { email, password: 'Wr0ngPass' })).rejects.toMatchObject({ status: 401, code: 'AUTH_INVALID_CREDENTIALS' });
    const dup = await register(client, PROJECT_A, { email: email.toUpperCase(), password: 'Str0ngPass' }).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(ConflictError);
    expect(dup).toMatchObject({ code: 'AUTH_USER_EXISTS' });
    const post = (path: string, body: unknown) =>
      fetch(`${host()}/api/v1/public/projects/${PROJECT_A}/auth${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const weak = await post('/register', { email: uniqueEmail('weak'), password: 'alllowercase' });
    expect(weak.status).toBe(400);
    expect(await weak.json()).toMatchObject({ code: 'AUTH_PASSWORD_WEAK' });
    const bad = await post('/register', { email: 'nope', password: 'short', customFields: [1] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'VALIDATION_ERROR', details: { fieldErrors: { email: ['Invalid email'], password: ['At least 8 characters'], customFields: ['Expected object'] } } });
    const noBearer = await fetch(`${host()}/api/v1/public/projects/${PROJECT_A}/auth/me`);
    expect(noBearer.status).toBe(401);
    expect(await noBearer.json()).toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
    await expect(login(client, 'proj_unknown', { email, password: 'Str0ngPass' })).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });
    const weakReset = await post('/reset-password', { token: 'x', newPassword: 'short' });
    expect(await weakReset.json()).toMatchObject({ code: 'VALIDATION_ERROR' });
    await expect(login(client, PROJECT_A, { email, password: 'Str0ngPass' })).resolves.toMatchObject({ success: true });
    expect(BadRequestError).toBeDefined();
  });

  it('projects are isolated: same email in two projects, tokens of one refused by the other', async () => {
    const client = publicClient();
    const email = uniqueEmail('two');
    const a = await register(client, PROJECT_A, { email, password: 'Str0ngPassA' });
    const b = await register(client, PROJECT_B, { email, password: 'Str0ngPassB' });
    expect(a.user?.id).not.toBe(b.user?.id);
    await expect(login(client, PROJECT_B, { email, password: 'Str0ngPassA' })).rejects.toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS' });
    await expect(getCurrentUser(client, PROJECT_B, a.accessToken ?? '')).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
    await expect(refreshToken(client, PROJECT_B, { refreshToken: a.refreshToken ?? '' })).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
    // Platform users are a separate pool: a project end user cannot sign in at /v1/auth.
    await expect(platform(KEY_A).signin({ email, password: 'Str0ngPassA' })).rejects.toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS' });
  });

  it('OTP, email verification and password reset through the outbox', async () => {
    const auth = new ProjectAuth(publicClient(), PROJECT_A);
    const email = uniqueEmail('otp');
    // OTP for a new email creates a verified account.
    expect(await sendOTP(publicClient(), PROJECT_A, { email })).toMatchObject({ success: true, accountExists: false });
    const code = (await outbox(PROJECT_A, email)).find((m) => m.kind === 'otp')?.code ?? '';
    expect(code).toMatch(/^[0-9]{6}$/);
    const wrongCode = code === '000000' ? '111111' : '000000';
    await expect(verifyOTP(publicClient(), PROJECT_A, { email, code: wrongCode })).rejects.toMatchObject({ status: 401, code: 'AUTH_OTP_INVALID' });
    const viaOtp = await auth.verifyOTP({ email, code });
    expect(viaOtp.user).toMatchObject({ email, emailVerified: true });
    await expect(verifyOTP(publicClient(), PROJECT_A, { email, code })).rejects.toMatchObject({ code: 'AUTH_OTP_INVALID' }); // used once

    // Verification: register, then the link token from the outbox.
    const other = uniqueEmail('verify');
    await register(publicClient(), PROJECT_A, { email: other, password: 'Str0ngPass' });
    expect(await auth.resendVerificationEmail({ email: other })).toMatchObject({ success: true });
    const links = (await outbox(PROJECT_A, other)).filter((m) => m.kind === 'verify');
    expect(links).toHaveLength(2);
    expect(await auth.verifyEmail({ token: links[1]?.code ?? '' })).toMatchObject({ success: true });
    expect((await login(publicClient(), PROJECT_A, { email: other, password: 'Str0ngPass' })).user?.emailVerified).toBe(true);
    await expect(auth.verifyEmail({ token: 'bogus' })).rejects.toMatchObject({ status: 401, code: 'AUTH_TOKEN_INVALID' });

    // Reset: the old password and refresh tokens stop working.
    const before = await login(publicClient(), PROJECT_A, { email: other, password: 'Str0ngPass' });
    expect(await auth.requestPasswordReset({ email: other })).toMatchObject({ success: true });
    expect(await auth.requestPasswordReset({ email: uniqueEmail('ghost') })).toMatchObject({ success: true });
    const resetToken = (await outbox(PROJECT_A, other)).find((m) => m.kind === 'reset')?.code ?? '';
    await expect(auth.resetPassword({ token: 'wrong-token', newPassword: 'N3wPassword' })).rejects.toMatchObject({ status: 400, code: 'AUTH_RESET_TOKEN_INVALID' });
    expect(await auth.resetPassword({ token: resetToken, newPassword: 'N3wPassword' })).toMatchObject({ success: true });
    await expect(login(publicClient(), PROJECT_A, { email: other, password: 'Str0ngPass' })).rejects.toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS' });
    expect((await login(publicClient(), PROJECT_A, { email: other, password: 'N3wPassword' })).success).toBe(true);
    await expect(refreshToken(publicClient(), PROJECT_A, { refreshToken: before.refreshToken ?? '' })).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
  });
});
