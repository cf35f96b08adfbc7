// /api/v1/public/projects/:projectSlug/auth/*: the public project auth routes (no API key; the
// end users of a project, pool `project`). The slug is the project id (`proj_<16 hex>`, as listed by
// `GET /__emulator/health`); an unknown slug is 404. Bearer routes take the access token.
//
// Mails are not sent: one-time codes, verification and reset tokens are recorded in EMU and shown
// by `GET /api/v1/public/projects/:projectSlug/__emulator/outbox?email=` (only when the control
// routes are on, i.e. on a loopback host).
import { Hono, type Context } from 'hono';
import { Checker, readBody, type Json } from '../body';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { hashPassword, randomCode, randomToken, verifyPassword } from './crypto';
import {
  checkToken,
  createCode,
  createUser,
  EMAIL_RE,
  emailKey,
  findUserByEmail,
  findUserById,
  issueTokens,
  listCodes,
  projectUser,
  revokeAllRefresh,
  revokeToken,
  updateUser,
  useCode,
  useRefreshToken,
  type UserRow,
} from './store';

type PublicEnv = { Bindings: Env; Variables: { projectId: string } };
type Ctx = Context<PublicEnv>;

export const publicAuth = new Hono<PublicEnv>();

publicAuth.use('/:projectSlug/*', async (c, next) => {
  const slug = c.req.param('projectSlug');
  const entry = c.env.PROJECTS.find((p) => p.project === slug);
  if (!entry) throw new ApiError(404, 'NOT_FOUND', `Unknown project: ${slug}`);
  c.set('projectId', entry.project);
  await next();
});

const invalidCredentials = () => new ApiError(401, 'AUTH_INVALID_CREDENTIALS', 'Invalid email or password');

/** Checks `email` (required, an email address); answers it trimmed. */
function emailField(check: Checker): string {
  const email = check.string('email', { required: true });
  if (email !== undefined && email && !EMAIL_RE.test(email.trim())) check.fail('email', 'Invalid email');
  return (email ?? '').trim();
}

/** ≥ 8 characters is the schema's rule (VALIDATION_ERROR); upper, lower and digit the server's (AUTH_PASSWORD_WEAK). */
function passwordField(check: Checker, field: string): string {
  const password = check.string(field, { required: true });
  if (password !== undefined && password.length < 8) check.fail(field, 'At least 8 characters');
  return password ?? '';
}

function requireStrong(password: string): void {
  if (!/[a-z]/.test(password) || !/[A-Z]/.test(password) || !/[0-9]/.test(password)) {
    throw new ApiError(400, 'AUTH_PASSWORD_WEAK', 'The password needs an upper-case letter, a lower-case letter and a digit');
  }
}

function objectField(check: Checker, body: Json, field: string): Record<string, unknown> | undefined {
  const v = body[field];
  if (v === undefined) return undefined;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return check.fail(field, 'Expected object');
  return v as Record<string, unknown>;
}

async function signedIn(c: Ctx, user: UserRow) {
  const tokens = await issueTokens(c.env, user);
  return {
    success: true,
    user: projectUser(user),
    token: tokens.accessToken,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: tokens.expiresAt,
  };
}

/** The user of the Bearer access token, or 401 (AUTH_TOKEN_INVALID / AUTH_TOKEN_EXPIRED). */
async function bearerUser(c: Ctx) {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new ApiError(401, 'AUTH_TOKEN_INVALID', 'Missing bearer token');
  const claims = await checkToken(c.env, match[1], c.get('projectId'), 'project', 'access');
  const user = await findUserById(c.env, c.get('projectId'), 'project', claims.sub);
  if (!user) throw new ApiError(401, 'AUTH_TOKEN_INVALID', 'Invalid access token');
  return { user, claims };
}

publicAuth.post('/:projectSlug/auth/register', async (c) => {
  const body = await readBody(c);
  const check = new Checker(body);
  const email = emailField(check);
  const password = passwordField(check, 'password');
  const name = check.string('name');
  const customFields = objectField(check, body, 'customFields');
  check.string('turnstileToken');
  check.done();
  requireStrong(password);
  const project = c.get('projectId');
  const user = await createUser(c.env, project, 'project', { email, name, metadata: customFields, passwordHash: await hashPassword(password) });
  await createCode(c.env, project, 'verify', user.email_key, randomToken());
  return c.json({ ...(await signedIn(c, user)), requiresVerification: false });
});

publicAuth.post('/:projectSlug/auth/login', async (c) => {
  const check = new Checker(await readBody(c));
  const email = emailField(check);
  const password = check.string('password', { required: true });
  check.string('turnstileToken');
  check.done();
  const user = await findUserByEmail(c.env, c.get('projectId'), 'project', email);
  if (!user?.password_hash || !(await verifyPassword(String(password), user.password_hash))) throw invalidCredentials();
  return c.json(await signedIn(c, user));
});

/** `{email}` (codes by email only: a phone is refused, there is no SMS here). */
function otpTarget(check: Checker, body: Json): string {
  if (body.phone !== undefined && body.email === undefined) {
    check.fail('phone', 'Phone codes are not supported by the emulator: use email');
    return '';
  }
  return emailField(check);
}

publicAuth.post('/:projectSlug/auth/otp/send', async (c) => {
  const body = await readBody(c);
  const check = new Checker(body);
  const email = otpTarget(check, body);
  check.done();
  const project = c.get('projectId');
  await createCode(c.env, project, 'otp', emailKey(email), randomCode());
  const user = await findUserByEmail(c.env, project, 'project', email);
  return c.json({ success: true, message: 'Code sent', accountExists: user !== null });
});

publicAuth.post('/:projectSlug/auth/otp/verify', async (c) => {
  const body = await readBody(c);
  const check = new Checker(body);
  const email = otpTarget(check, body);
  const code = check.string('code', { required: true });
  if (code && !/^[0-9]{6}$/.test(code)) check.fail('code', 'Expected 6 digits');
  check.done();
  const project = c.get('projectId');
  const used = await useCode(c.env, project, 'otp', String(code), emailKey(email));
  if (used.problem === 'expired') throw new ApiError(401, 'AUTH_OTP_EXPIRED', 'The code has expired');
  if (used.problem) throw new ApiError(401, 'AUTH_OTP_INVALID', 'Invalid code');
  // The code proves the email: an unknown email gets an account (no password), a known one is verified.
  let user = await findUserByEmail(c.env, project, 'project', email);
  if (!user) {
    try {
      user = await createUser(c.env, project, 'project', { email, passwordHash: null, emailVerified: true });
    } catch (error) {
      user = await findUserByEmail(c.env, project, 'project', email);
      if (!user) throw error;
    }
  } else if (!user.email_verified) {
    user = await updateUser(c.env, user, { email_verified: 1 });
  }
  return c.json(await signedIn(c, user));
});

publicAuth.get('/:projectSlug/auth/verify-email', async (c) => {
  const token = c.req.query('token');
  if (!token) throw new ApiError(400, 'VALIDATION_ERROR', 'token: Required', { fieldErrors: { token: ['Required'] } });
  const project = c.get('projectId');
  const used = await useCode(c.env, project, 'verify', token);
  if (used.problem === 'expired') throw new ApiError(401, 'AUTH_TOKEN_EXPIRED', 'The verification link has expired');
  const user = used.row ? await findUserByEmail(c.env, project, 'project', used.row.target) : null;
  if (!user) throw new ApiError(401, 'AUTH_TOKEN_INVALID', 'Invalid verification token');
  await updateUser(c.env, user, { email_verified: 1 });
  return c.json({ success: true, message: 'Email verified' });
});

publicAuth.post('/:projectSlug/auth/resend-verification', async (c) => {
  const check = new Checker(await readBody(c));
  const email = emailField(check);
  check.done();
  const project = c.get('projectId');
  const user = await findUserByEmail(c.env, project, 'project', email);
  // The same answer whether or not the user exists (no account probing).
  if (user && !user.email_verified) await createCode(c.env, project, 'verify', user.email_key, randomToken());
  return c.json({ success: true, message: 'If the account exists and is not verified, a verification email was sent' });
});

publicAuth.post('/:projectSlug/auth/reset-password-request', async (c) => {
  const check = new Checker(await readBody(c));
  const email = emailField(check);
  check.string('turnstileToken');
  check.done();
  const project = c.get('projectId');
  const user = await findUserByEmail(c.env, project, 'project', email);
  if (user) await createCode(c.env, project, 'reset', user.email_key, randomToken());
  return c.json({ success: true, message: 'If the account exists, a reset email was sent' });
});

publicAuth.post('/:projectSlug/auth/reset-password', async (c) => {
  const check = new Checker(await readBody(c));
  const token = check.string('token', { required: true });
  const newPassword = passwordField(check, 'newPassword');
  check.done();
  requireStrong(newPassword);
  const project = c.get('projectId');
  const used = await useCode(c.env, project, 'reset', String(token));
  const user = used.row ? await findUserByEmail(c.env, project, 'project', used.row.target) : null;
  if (!user) throw new ApiError(400, 'AUTH_RESET_TOKEN_INVALID', 'Invalid or expired reset token');
  await updateUser(c.env, user, { password_hash: await hashPassword(newPassword) });
  await revokeAllRefresh(c.env, user);
  return c.json({ success: true, message: 'Password changed' });
});

publicAuth.post('/:projectSlug/auth/refresh', async (c) => {
  const check = new Checker(await readBody(c));
  const refreshToken = check.string('refreshToken', { required: true });
  check.done();
  const project = c.get('projectId');
  const claims = await checkToken(c.env, String(refreshToken), project, 'project', 'refresh');
  const user = await findUserById(c.env, project, 'project', claims.sub);
  if (!user) throw new ApiError(401, 'AUTH_TOKEN_INVALID', 'Invalid refresh token');
  // Rotation: the old refresh token is used up, by this call only.
  if (!(await useRefreshToken(c.env, claims))) throw new ApiError(401, 'AUTH_TOKEN_INVALID', 'Invalid refresh token');
  return c.json(await signedIn(c, user));
});

publicAuth.post('/:projectSlug/auth/logout', async (c) => {
  const { user, claims } = await bearerUser(c);
  const check = new Checker(await readBody(c));
  check.string('accessToken', { required: true });
  const refreshToken = check.string('refreshToken');
  check.done();
  await revokeToken(c.env, claims);
  if (refreshToken) {
    // Revoked when it is this user's; anything else is ignored (the access token is what counts).
    const refresh = await checkToken(c.env, refreshToken, c.get('projectId'), 'project', 'refresh').catch(() => undefined);
    if (refresh?.sub === user.id) await revokeToken(c.env, refresh);
  }
  return c.json({ success: true });
});

publicAuth.get('/:projectSlug/auth/me', async (c) => {
  const { user } = await bearerUser(c);
  return c.json({ user: projectUser(user) });
});

publicAuth.patch('/:projectSlug/auth/me', async (c) => {
  const { user } = await bearerUser(c);
  const body = await readBody(c);
  const check = new Checker(body);
  const name = check.string('name');
  const avatarUrl = check.string('avatar_url');
  const avatarImageId = check.string('avatar_image_id');
  const customFields = objectField(check, body, 'customFields');
  check.done();
  const current = JSON.parse(user.metadata) as Record<string, unknown>;
  const updated = await updateUser(c.env, user, {
    name: name ?? user.name,
    // No image store here: an uploaded image's id is kept as `image:<id>`.
    avatar_url: avatarUrl ?? (avatarImageId ? `image:${avatarImageId}` : user.avatar_url),
    metadata: customFields ? JSON.stringify({ ...current, ...customFields }) : user.metadata,
  });
  return c.json({ user: projectUser(updated) });
});

publicAuth.delete('/:projectSlug/auth/me/avatar', async (c) => {
  const { user } = await bearerUser(c);
  await updateUser(c.env, user, { avatar_url: null });
  return c.json({ message: 'Avatar removed' });
});

/** The local outbox: what would have been emailed to `email` in this project (control routes only). */
publicAuth.get('/:projectSlug/__emulator/outbox', async (c) => {
  if (!c.env.CONTROL) throw new ApiError(404, 'NOT_FOUND', 'Control routes are only served on a loopback host');
  const email = c.req.query('email');
  if (!email) throw new ApiError(400, 'VALIDATION_ERROR', 'email: Required', { fieldErrors: { email: ['Required'] } });
  const rows = await listCodes(c.env, c.get('projectId'), emailKey(email));
  return c.json({
    messages: rows.map((r) => ({
      kind: r.kind,
      code: r.code,
      used: r.used === 1,
      createdAt: new Date(r.created_at).toISOString(),
      expiresAt: new Date(r.expires_at).toISOString(),
    })),
  });
});
