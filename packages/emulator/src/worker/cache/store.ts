// The cache routes' side of the project's Durable Object (project/object.ts), which holds the cache
// in its SQLite storage: the stub, values as JSON text in UTF-8, expiries and list cursors.
//
// Expiry: a ttl is kept exactly (KV itself refuses one under 60 s; the emulator has always accepted
// any ttl >= 1 and treated the key as missing once its time has passed). Expiry is lazy, as KV's.
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { validationError } from '../errors';
import type { Listed } from '../project/cache-table';

export const cacheOf = (c: Context<AppEnv>) => c.env.PROJECT.get(c.env.PROJECT.idFromName(c.get('project').id));

export type CacheStub = ReturnType<typeof cacheOf>;

const decoder = new TextDecoder();

export const decodeValue = (bytes: Uint8Array): unknown => JSON.parse(decoder.decode(bytes)) as unknown;

export const expiryFromTtl = (ttl: number | undefined): number | null => (ttl === undefined ? null : Date.now() + ttl * 1000);

/** A listed key as the API answers it: `expiration` in unix seconds. */
export const asListed = (k: Listed) => ({ key: k.key, expiration: k.exp === null ? null : Math.ceil(k.exp / 1000) });

/** An opaque cursor: base64url of the last key of the page (UTF-8). */
export function encodeCursor(key: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(key)) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function decodeCursor(cursor: string): string {
  try {
    const binary = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
  } catch {
    throw validationError({ cursor: ['Not a cursor of this list'] });
  }
}

/** Every live key under a prefix, up to `cap`, in pages of 1000. */
export async function listAll(stub: CacheStub, prefix: string, cap: number): Promise<{ keys: string[]; truncated: boolean }> {
  const keys: string[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await stub.cacheList(prefix, 1000, after);
    for (const { key } of page) {
      if (keys.length === cap) return { keys, truncated: true };
      keys.push(key);
    }
    const last = page.at(-1);
    if (!last || page.length < 1000) return { keys, truncated: false };
    after = last.key;
  }
}
