// Passwords and tokens with WebCrypto only (workerd and Node 20 alike), so tests can import this
// file directly.
//
// Passwords: PBKDF2-SHA256, 100 000 iterations (the most workerd allows), a 16-byte random salt,
// stored as `pbkdf2-sha256$<iterations>$<salt b64url>$<hash b64url>`; never the password itself.
// Tokens: compact JWTs signed HS256 (HMAC-SHA256) with the emulator's secret.

export const PBKDF2_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;
const encoder = new TextEncoder();

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** A random token for links and refresh ids (url-safe). */
export function randomToken(bytes = 24): string {
  return base64url(randomBytes(bytes));
}

/** A 6-digit one-time code. */
export function randomCode(): string {
  const [n = 0] = crypto.getRandomValues(new Uint32Array(1));
  return String(n % 1_000_000).padStart(6, '0');
}

async function pbkdf2(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

/** The stored form of a password: a fresh salt each time, so equal passwords hash differently. */
export async function hashPassword(password: string, salt: Uint8Array<ArrayBuffer> = randomBytes(SALT_BYTES)): Promise<string> {
  const hash = await pbkdf2(password, salt, PBKDF2_ITERATIONS);
  return `pbkdf2-sha256$${PBKDF2_ITERATIONS}$${base64url(salt)}$${base64url(hash)}`;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterations, salt, hash] = stored.split('$');
  if (scheme !== 'pbkdf2-sha256' || !iterations || salt === undefined || hash === undefined) return false;
  const n = Number(iterations);
  if (!Number.isSafeInteger(n) || n < 1 || n > PBKDF2_ITERATIONS) return false;
  return equalBytes(await pbkdf2(password, fromBase64url(salt), n), fromBase64url(hash));
}

// --- tokens ----------------------------------------------------------------------------------

export interface TokenClaims {
  /** The user id. */
  sub: string;
  /** The project id. */
  pid: string;
  /** Which users: the platform's (`/v1/auth`) or the project's end users (public routes). */
  pool: 'platform' | 'project';
  typ: 'access' | 'refresh';
  /** The token's own id (refresh tokens are stored by it; logout revokes by it). */
  jti: string;
  /** Seconds since the epoch. */
  iat: number;
  exp: number;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'invalid' | 'expired' };

const HEADER = base64url(encoder.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));

export function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

export async function signToken(key: CryptoKey, claims: TokenClaims): Promise<string> {
  const input = `${HEADER}.${base64url(encoder.encode(JSON.stringify(claims)))}`;
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(input)));
  return `${input}.${base64url(signature)}`;
}

const isClaims = (v: unknown): v is TokenClaims => {
  if (!v || typeof v !== 'object') return false;
  const c = v as Record<string, unknown>;
  return (
    typeof c.sub === 'string' &&
    typeof c.pid === 'string' &&
    (c.pool === 'platform' || c.pool === 'project') &&
    (c.typ === 'access' || c.typ === 'refresh') &&
    typeof c.jti === 'string' &&
    typeof c.iat === 'number' &&
    typeof c.exp === 'number'
  );
};

/** Checks the signature (HS256 only), the shape and the expiry (`now` in ms, for tests). */
export async function verifyToken(key: CryptoKey, token: string, now = Date.now()): Promise<TokenCheck> {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'invalid' };
  const [header = '', payload = '', signature = ''] = parts;
  if (header !== HEADER) return { ok: false, reason: 'invalid' };
  let claims: unknown;
  try {
    const valid = await crypto.subtle.verify('HMAC', key, fromBase64url(signature), encoder.encode(`${header}.${payload}`));
    if (!valid) return { ok: false, reason: 'invalid' };
    claims = JSON.parse(new TextDecoder().decode(fromBase64url(payload)));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (!isClaims(claims)) return { ok: false, reason: 'invalid' };
  if (claims.exp * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
