// /v1/auth/*: platform signup and signin (the spec's AuthResponse), behind the API key: each key's
// project has its own users (pool `platform`, separate from the project's end users).
import { Hono } from 'hono';
import { Checker, readBody } from '../body';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { hashPassword, verifyPassword } from './crypto';
import { createUser, EMAIL_RE, findUserByEmail, issueTokens, platformUser, type UserRow } from './store';

export const platformAuth = new Hono<AppEnv>();

const invalidCredentials = () => new ApiError(401, 'AUTH_INVALID_CREDENTIALS', 'Invalid email or password');

function metadataOf(check: Checker, value: unknown, field: string): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return check.fail(field, 'Expected object');
  return value as Record<string, unknown>;
}

async function answer(c: { env: AppEnv['Bindings'] }, user: UserRow) {
  const tokens = await issueTokens(c.env, user);
  return { token: tokens.accessToken, user: platformUser(user), expiresAt: tokens.expiresAt };
}

platformAuth.post('/signup', async (c) => {
  const body = await readBody(c);
  const check = new Checker(body);
  const email = check.string('email', { required: true });
  const password = check.string('password', { required: true });
  const name = check.string('name');
  const metadata = metadataOf(check, body.metadata, 'metadata');
  if (email && !EMAIL_RE.test(email)) check.fail('email', 'Invalid email');
  if (password && password.length < 8) check.fail('password', 'At least 8 characters');
  check.done();
  const user = await createUser(c.env, c.get('project').id, 'platform', { email: String(email), name, metadata, passwordHash: await hashPassword(String(password)) });
  return c.json(await answer(c, user), 201);
});

platformAuth.post('/signin', async (c) => {
  const check = new Checker(await readBody(c));
  const email = check.string('email', { required: true });
  const password = check.string('password', { required: true });
  check.done();
  const user = await findUserByEmail(c.env, c.get('project').id, 'platform', String(email));
  if (!user?.password_hash || !(await verifyPassword(String(password), user.password_hash))) throw invalidCredentials();
  return c.json(await answer(c, user));
});
