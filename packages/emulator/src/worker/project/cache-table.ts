// A project's cache as one table of its Durable Object's SQLite storage. Every method is synchronous
// (the SQL API is), so each runs whole before the object takes another call: a read-modify-write
// (increment, expire, deleteMany's count) is atomic without a lock.
//
// A value is its JSON text in UTF-8, split into parts of PART_BYTES: SQLite in a Durable Object
// refuses a row over 2 MB, and a cache value may be 25 MiB (KV's limit). Part 0 carries the expiry.
// Keys compare as SQLite's BINARY collation does, byte by byte in UTF-8: the order KV lists in.
// Expiry is lazy, as KV's: an expired key reads as missing, and expired rows are purged on writes.

const PART_BYTES = 1024 * 1024;
const PURGE_BATCH = 1000;

export interface Listed {
  key: string;
  /** Expiry, ms since the epoch; null without a ttl. */
  exp: number | null;
}

export interface Stored {
  bytes: Uint8Array;
  exp: number | null;
}

const LIVE = '(exp IS NULL OR exp > ?)';

/** The smallest string above every string that starts with `prefix` (code-point order = UTF-8 byte order), or undefined if none. */
export function prefixEnd(prefix: string): string | undefined {
  // By code point (Array.from iterates a string by code points, keeping a surrogate pair whole).
  const points = Array.from(prefix, (ch) => ch.codePointAt(0) ?? 0);
  while (points.length) {
    const last = (points.pop() ?? 0) + 1;
    if (last <= 0x10ffff) {
      points.push(last === 0xd800 ? 0xe000 : last); // no surrogate code points in a well-formed string
      return String.fromCodePoint(...points);
    }
  }
  return undefined;
}

function concat(parts: ArrayBuffer[]): Uint8Array {
  const size = parts.reduce((n, p) => n + p.byteLength, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(new Uint8Array(part), at);
    at += part.byteLength;
  }
  return out;
}

export class CacheTable {
  constructor(private readonly sql: SqlStorage) {
    sql.exec('CREATE TABLE IF NOT EXISTS cache (key TEXT NOT NULL, part INTEGER NOT NULL, exp INTEGER, data BLOB NOT NULL, PRIMARY KEY (key, part))');
    sql.exec('CREATE INDEX IF NOT EXISTS cache_expiry ON cache (exp) WHERE part = 0 AND exp IS NOT NULL');
  }

  /** The live value of `key`, or null. */
  get(key: string, now: number): Stored | null {
    const rows = this.sql.exec<{ part: number; exp: number | null; data: ArrayBuffer }>('SELECT part, exp, data FROM cache WHERE key = ? ORDER BY part', key).toArray();
    const head = rows[0];
    if (!head || head.part !== 0 || (head.exp !== null && head.exp <= now)) return null;
    return { bytes: concat(rows.map((r) => r.data)), exp: head.exp };
  }

  put(key: string, bytes: Uint8Array, exp: number | null): void {
    this.sql.exec('DELETE FROM cache WHERE key = ?', key);
    let part = 0;
    do {
      const data = bytes.subarray(part * PART_BYTES, (part + 1) * PART_BYTES);
      this.sql.exec('INSERT INTO cache (key, part, exp, data) VALUES (?, ?, ?, ?)', key, part, part === 0 ? exp : null, data);
      part++;
    } while (part * PART_BYTES < bytes.byteLength);
  }

  /** Sets the expiry of a live key; false when there is none. */
  expire(key: string, exp: number | null, now: number): boolean {
    return this.sql.exec(`UPDATE cache SET exp = ? WHERE key = ? AND part = 0 AND ${LIVE}`, exp, key, now).rowsWritten > 0;
  }

  /** Deletes keys; answers how many of them were live. */
  delete(keys: string[], now: number): number {
    let live = 0;
    for (const key of new Set(keys)) {
      live += this.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM cache WHERE key = ? AND part = 0 AND ${LIVE}`, key, now).one().n;
      this.sql.exec('DELETE FROM cache WHERE key = ?', key);
    }
    return live;
  }

  /** Live keys under `prefix` after `after`, in key order, at most `limit`. */
  list(prefix: string, limit: number, after: string | undefined, now: number): Listed[] {
    const where = ['part = 0', LIVE];
    const params: (string | number)[] = [now];
    addPrefixRange(prefix, where, params);
    if (after !== undefined) {
      where.push('key > ?');
      params.push(after);
    }
    return this.sql.exec<{ key: string; exp: number | null }>(`SELECT key, exp FROM cache WHERE ${where.join(' AND ')} ORDER BY key LIMIT ?`, ...params, limit).toArray();
  }

  /** Deletes up to `limit` keys under `prefix` (expired ones too); answers how many there were and how many were live. */
  deleteSlice(prefix: string, limit: number, now: number): { keys: number; live: number } {
    const range: string[] = ['part = 0'];
    const params: string[] = [];
    addPrefixRange(prefix, range, params);
    const slice = this.sql.exec<{ key: string; exp: number | null }>(`SELECT key, exp FROM cache WHERE ${range.join(' AND ')} ORDER BY key LIMIT ?`, ...params, limit).toArray();
    const last = slice.at(-1);
    if (!last) return { keys: 0, live: 0 };
    // The slice is a key range [first, last]: one range delete takes every part of those keys.
    this.sql.exec('DELETE FROM cache WHERE key >= ? AND key <= ?', slice[0]?.key ?? last.key, last.key);
    return { keys: slice.length, live: slice.filter((r) => r.exp === null || r.exp > now).length };
  }

  /** Drops the rows of up to PURGE_BATCH expired keys (lazy expiry keeps them readable as missing until then). */
  purgeExpired(now: number): void {
    this.sql.exec(`DELETE FROM cache WHERE key IN (SELECT key FROM cache WHERE part = 0 AND exp IS NOT NULL AND exp <= ? LIMIT ${PURGE_BATCH})`, now);
  }

  clear(): void {
    this.sql.exec('DELETE FROM cache');
  }
}

/** Adds the clauses that keep the keys starting with `prefix`: a key range, which the primary key's index serves. */
function addPrefixRange(prefix: string, where: string[], params: (string | number)[]): void {
  if (!prefix) return;
  where.push('key >= ?');
  params.push(prefix);
  const end = prefixEnd(prefix);
  if (end !== undefined) {
    where.push('key < ?');
    params.push(end);
  }
}
