// Users, tokens and one-time codes in the emulator's own D1 database (EMU), every row scoped by
// project id and pool (`platform`: /v1/auth; `project`: the public project auth).
import type { Env } from '../env';
import { ApiError } from '../errors';
import { hmacKey, randomToken, signToken, verifyToken, type TokenClaims } from './crypto';

export type Pool = TokenClaims['pool'];

export const ACCESS_TTL_S = 15 * 60;
export const REFRESH_TTL_S = 30 * 24 * 60 * 60;

export interface UserRow {
  project: string;
  pool: Pool;
  id: string;
  email: string;
  email_key: string;
  name: string | null;
  password_hash: string | null;
  metadata: string;
  avatar_url: string | null;
  email_verified: number;
  created_at: number;
}

/** Emails compare case-insensitively (stored as given, looked up lower-cased). */
export const emailKey = (email: string) => email.trim().toLowerCase();

export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// --- the signing secret: 32 random bytes made at first use, kept in EMU ----------------------

let keyPromise: Promise<CryptoKey> | undefined;

async function loadKey(env: Env): Promise<CryptoKey> {
  const existing = await env.EMU.prepare('SELECT secret FROM auth_secret WHERE id = 1').first<{ secret: string }>();
  let secret = existing?.secret;
  if (!secret) {
    await env.EMU.prepare('INSERT OR IGNORE INTO auth_secret (id, secret) VALUES (1, ?)').bind(randomToken(32)).run();
    secret = (await env.EMU.prepare('SELECT secret FROM auth_secret WHERE id = 1').first<{ secret: string }>())?.secret;
  }
  if (!secret) throw new Error('auth secret missing');
  return hmacKey(secret);
}

export function signingKey(env: Env): Promise<CryptoKey> {
  keyPromise ??= loadKey(env).catch((error: unknown) => {
    keyPromise = undefined;
    throw error;
  });
  return keyPromise;
}

// --- users -------------------------------------------------------------------------------------

export async function findUserByEmail(env: Env, project: string, pool: Pool, email: string): Promise<UserRow | null> {
  return env.EMU.prepare('SELECT * FROM auth_users WHERE project = ? AND pool = ? AND email_key = ?').bind(project, pool, emailKey(email)).first<UserRow>();
}

export async function findUserById(env: Env, project: string, pool: Pool, id: string): Promise<UserRow | null> {
  return env.EMU.prepare('SELECT * FROM auth_users WHERE project = ? AND pool = ? AND id = ?').bind(project, pool, id).first<UserRow>();
}

export interface NewUser {
  email: string;
  name?: string | undefined;
  passwordHash: string | null;
  metadata?: Record<string, unknown> | undefined;
  emailVerified?: boolean;
}

/** Creates a user; 409 AUTH_USER_EXISTS when the email is taken in this project and pool. */
export async function createUser(env: Env, project: string, pool: Pool, user: NewUser): Promise<UserRow> {
  const row: UserRow = {
    project,
    pool,
    id: crypto.randomUUID(),
    email: user.email.trim(),
    email_key: emailKey(user.email),
    name: user.name ?? null,
    password_hash: user.passwordHash,
    metadata: JSON.stringify(user.metadata ?? {}),
    avatar_url: null,
    email_verified: user.emailVerified ? 1 : 0,
    created_at: Date.now(),
  };
  const result = await env.EMU.prepare(
    'INSERT OR IGNORE INTO auth_users (project, pool, id, email, email_key, name, password_hash, metadata, avatar_url, email_verified, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
    .bind(row.project, row.pool, row.id, row.email, row.email_key, row.name, row.password_hash, row.metadata, row.avatar_url, row.email_verified, row.created_at)
    .run();
  if (!result.meta.changes) throw new ApiError(409, 'AUTH_USER_EXISTS', 'User already exists');
  return row;
}

export async function updateUser(env: Env, user: UserRow, changes: Partial<Pick<UserRow, 'name' | 'metadata' | 'avatar_url' | 'password_hash' | 'email_verified'>>): Promise<UserRow> {
  const next = { ...user, ...changes };
  await env.EMU.prepare('UPDATE auth_users SET name = ?, metadata = ?, avatar_url = ?, password_hash = ?, email_verified = ? WHERE project = ? AND pool = ? AND id = ?')
    .bind(next.name, next.metadata, next.avatar_url, next.password_hash, next.email_verified, user.project, user.pool, user.id)
    .run();
  return next;
}

const parseObject = (text: string): Record<string, unknown> => {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/** The spec's `User` (platform auth). */
export function platformUser(row: UserRow): Record<string, unknown> {
  return { id: row.id, email: row.email, name: row.name, createdAt: new Date(row.created_at).toISOString(), metadata: parseObject(row.metadata) };
}

/** The spec's `ProjectUser` (public project auth). */
export function projectUser(row: UserRow): Record<string, unknown> {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    emailVerified: row.email_verified === 1,
    avatarUrl: row.avatar_url,
    createdAt: new Date(row.created_at).toISOString(),
    customFields: parseObject(row.metadata),
  };
}

// --- tokens ------------------------------------------------------------------------------------

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires (ISO). */
  expiresAt: string;
}

async function issue(env: Env, user: UserRow, typ: TokenClaims['typ'], ttl: number, now: number): Promise<{ token: string; claims: TokenClaims }> {
  const iat = Math.floor(now / 1000);
  const claims: TokenClaims = { sub: user.id, pid: user.project, pool: user.pool, typ, jti: randomToken(16), iat, exp: iat + ttl };
  return { token: await signToken(await signingKey(env), claims), claims };
}

/** A new access token (15 min) and refresh token (30 days); the refresh token's id is stored. */
export async function issueTokens(env: Env, user: UserRow): Promise<IssuedTokens> {
  const now = Date.now();
  const access = await issue(env, user, 'access', ACCESS_TTL_S, now);
  const refresh = await issue(env, user, 'refresh', REFRESH_TTL_S, now);
  await env.EMU.prepare('INSERT INTO auth_tokens (jti, project, pool, user_id, typ, expires_at, revoked) VALUES (?, ?, ?, ?, ?, ?, 0)')
    .bind(refresh.claims.jti, user.project, user.pool, user.id, 'refresh', refresh.claims.exp * 1000)
    .run();
  // Old rows are of no use once expired.
  await env.EMU.prepare('DELETE FROM auth_tokens WHERE expires_at < ?').bind(now).run();
  return { accessToken: access.token, refreshToken: refresh.token, expiresAt: new Date(access.claims.exp * 1000).toISOString() };
}

const tokenError = (reason: 'invalid' | 'expired', what: string) =>
  reason === 'expired' ? new ApiError(401, 'AUTH_TOKEN_EXPIRED', `The ${what} has expired`) : new ApiError(401, 'AUTH_TOKEN_INVALID', `Invalid ${what}`);

/**
 * The claims of a token of this project, pool and type, or a 401: AUTH_TOKEN_EXPIRED once past
 * its expiry, AUTH_TOKEN_INVALID for anything else (bad signature, another project's, revoked,
 * a refresh token no longer stored).
 */
export async function checkToken(env: Env, token: string, project: string, pool: Pool, typ: TokenClaims['typ']): Promise<TokenClaims> {
  const what = typ === 'access' ? 'access token' : 'refresh token';
  const result = await verifyToken(await signingKey(env), token);
  if (!result.ok) throw tokenError(result.reason, what);
  const { claims } = result;
  if (claims.pid !== project || claims.pool !== pool || claims.typ !== typ) throw tokenError('invalid', what);
  const row = await env.EMU.prepare('SELECT revoked FROM auth_tokens WHERE jti = ? AND project = ? AND user_id = ?').bind(claims.jti, project, claims.sub).first<{ revoked: number }>();
  // A refresh token must be on record and not revoked; an access token must not be revoked.
  if (typ === 'refresh' ? !row || row.revoked : row?.revoked) throw tokenError('invalid', what);
  return claims;
}

/** Revokes a token by id (refresh tokens are on record; an access token gets a row until it expires). */
export async function revokeToken(env: Env, claims: TokenClaims): Promise<void> {
  await env.EMU.prepare(
    'INSERT INTO auth_tokens (jti, project, pool, user_id, typ, expires_at, revoked) VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT (jti) DO UPDATE SET revoked = 1',
  )
    .bind(claims.jti, claims.pid, claims.pool, claims.sub, claims.typ, claims.exp * 1000)
    .run();
}

/**
 * Uses up a refresh token (rotation): true for the one call that revokes it. One conditional UPDATE,
 * so of concurrent refreshes with the same token exactly one wins; checkToken alone is a read.
 */
export async function useRefreshToken(env: Env, claims: TokenClaims): Promise<boolean> {
  const result = await env.EMU.prepare("UPDATE auth_tokens SET revoked = 1 WHERE jti = ? AND project = ? AND user_id = ? AND typ = 'refresh' AND revoked = 0")
    .bind(claims.jti, claims.pid, claims.sub)
    .run();
  return result.meta.changes === 1;
}

/** Revokes every refresh token of a user (after a password reset). */
export async function revokeAllRefresh(env: Env, user: UserRow): Promise<void> {
  await env.EMU.prepare("UPDATE auth_tokens SET revoked = 1 WHERE project = ? AND pool = ? AND user_id = ? AND typ = 'refresh'").bind(user.project, user.pool, user.id).run();
}

// --- one-time codes and link tokens (the local "outbox") ----------------------------------------

export type CodeKind = 'otp' | 'verify' | 'reset';

const CODE_TTL_MS: Record<CodeKind, number> = { otp: 10 * 60 * 1000, verify: 24 * 60 * 60 * 1000, reset: 60 * 60 * 1000 };

export interface CodeRow {
  id: number;
  project: string;
  kind: CodeKind;
  target: string;
  code: string;
  expires_at: number;
  used: number;
  created_at: number;
}

/** Records a code (otp) or link token (verify, reset) for `target` (an email key or a phone). */
export async function createCode(env: Env, project: string, kind: CodeKind, target: string, code: string): Promise<void> {
  const now = Date.now();
  await env.EMU.prepare('INSERT INTO auth_codes (project, kind, target, code, expires_at, used, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)')
    .bind(project, kind, target, code, now + CODE_TTL_MS[kind], now)
    .run();
}

/**
 * Uses a code once. `target` given (otp): the latest unused code sent to it must match. Not given
 * (link tokens): the token itself is looked up. Answers the row, or why it failed.
 */
export async function useCode(env: Env, project: string, kind: CodeKind, code: string, target?: string): Promise<{ row?: CodeRow; problem?: 'invalid' | 'expired' }> {
  const row =
    target === undefined
      ? await env.EMU.prepare('SELECT * FROM auth_codes WHERE project = ? AND kind = ? AND code = ? AND used = 0').bind(project, kind, code).first<CodeRow>()
      : await env.EMU.prepare('SELECT * FROM auth_codes WHERE project = ? AND kind = ? AND target = ? AND used = 0 ORDER BY id DESC LIMIT 1').bind(project, kind, target).first<CodeRow>();
  if (!row || row.code !== code) return { problem: 'invalid' };
  if (row.expires_at <= Date.now()) return { problem: 'expired' };
  const used = await env.EMU.prepare('UPDATE auth_codes SET used = 1 WHERE id = ? AND used = 0').bind(row.id).run();
  if (!used.meta.changes) return { problem: 'invalid' };
  return { row };
}

export async function listCodes(env: Env, project: string, target: string): Promise<CodeRow[]> {
  const { results } = await env.EMU.prepare('SELECT * FROM auth_codes WHERE project = ? AND target = ? ORDER BY id').bind(project, target).all<CodeRow>();
  return results;
}
