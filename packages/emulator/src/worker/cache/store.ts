// The cache on Workers KV. Keys are `p/<project>/<key>`. Values are stored as JSON text.
//
// Expiry: KV refuses a ttl under 60 s, and its get does not report a key's expiry. So every key
// with a ttl also carries its expiry time in its metadata (`exp`, ms). A ttl of 60 s or more is
// handed to KV as well (KV expires the key itself); a shorter one is stored with KV's minimum of
// 60 s and the emulator treats the key as missing once `exp` has passed (on get, list, keys, ...).

export interface Meta {
  /** Expiry time, ms since the epoch. */
  exp?: number;
}

export interface Entry {
  value: unknown;
  exp: number | undefined;
}

const KV_MIN_TTL_S = 60;

export const prefixOf = (project: string): string => `p/${project}/`;

export const expired = (meta: Meta | null | undefined, now = Date.now()): boolean => meta?.exp !== undefined && meta.exp <= now;

/** The live entry under a full KV key, or null (missing or expired). */
export async function readEntry(kv: KVNamespace, fullKey: string): Promise<Entry | null> {
  const { value, metadata } = await kv.getWithMetadata<Meta>(fullKey, 'text');
  if (value === null || expired(metadata)) return null;
  return { value: JSON.parse(value) as unknown, exp: metadata?.exp };
}

/** Stores a JSON value, expiring at `exp` (ms) when given. */
export async function writeEntry(kv: KVNamespace, fullKey: string, value: unknown, exp: number | undefined): Promise<void> {
  const text = JSON.stringify(value);
  if (exp === undefined) return kv.put(fullKey, text);
  const ttlS = Math.ceil((exp - Date.now()) / 1000);
  const metadata: Meta = { exp };
  await kv.put(fullKey, text, { expirationTtl: Math.max(ttlS, KV_MIN_TTL_S), metadata });
}

export const expiryFromTtl = (ttl: number | undefined): number | undefined => (ttl === undefined ? undefined : Date.now() + ttl * 1000);

export interface Listed {
  key: string;
  expiration: number | null;
}

/** One page of live keys under `p/<project>/<prefix>`, project prefix stripped. */
export async function listPage(
  kv: KVNamespace,
  project: string,
  prefix: string,
  limit: number,
  cursor: string | undefined,
): Promise<{ keys: Listed[]; complete: boolean; cursor: string | undefined }> {
  const base = prefixOf(project);
  const page = await kv.list<Meta>({ prefix: base + prefix, limit, ...(cursor ? { cursor } : {}) });
  const now = Date.now();
  const keys = page.keys
    .filter((k) => !expired(k.metadata, now))
    .map((k) => ({
      key: k.name.slice(base.length),
      // A short ttl is the emulator's own (KV holds such keys for 60 s); otherwise KV's expiration.
      expiration: k.metadata?.exp !== undefined ? Math.ceil(k.metadata.exp / 1000) : (k.expiration ?? null),
    }));
  return page.list_complete ? { keys, complete: true, cursor: undefined } : { keys, complete: false, cursor: page.cursor };
}

/** Every live key under a prefix, up to `cap` (KV pages of 1000). */
export async function listAll(kv: KVNamespace, project: string, prefix: string, cap: number): Promise<{ keys: string[]; truncated: boolean }> {
  const keys: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await listPage(kv, project, prefix, 1000, cursor);
    for (const { key } of page.keys) {
      if (keys.length === cap) return { keys, truncated: true };
      keys.push(key);
    }
    if (page.complete) return { keys, truncated: false };
    cursor = page.cursor;
  }
}
