// One Durable Object per project (binding PROJECT, named by the project id): the place where a
// project's state that needs one writer lives. Today that is the cache (cache-table.ts); the
// project's realtime WebSockets are meant to live here too (hibernation API).
//
// A Durable Object runs one call at a time up to its next await, and the SQLite API is synchronous:
// every cache method but flush is one synchronous run, so it is atomic. Flush deletes in slices and
// yields between them, so the project's other calls are answered while a large flush goes on.
import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env';
import { CacheTable, type Listed, type Stored } from './cache-table';

/** Keys a flush deletes per slice before it lets other calls in. */
const FLUSH_SLICE = 1000;
/** getMany hands back at most this much in one answer; bigger values are read one by one (an RPC answer has a size limit). */
const MANY_BYTES = 16 * 1024 * 1024;

export interface CacheWrite {
  key: string;
  bytes: Uint8Array;
  /** Expiry, ms since the epoch; null for none. */
  exp: number | null;
}

/** A getMany entry: the value, null when missing, or `large` when it must be read on its own. */
export type ManyEntry = Stored | null | 'large';

export type Increment = { value: number } | { notInteger: true };

const yieldToOthers = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class ProjectObject extends DurableObject<Env> {
  private readonly cache: CacheTable;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.cache = new CacheTable(ctx.storage.sql);
  }

  cacheGet(key: string): Stored | null {
    return this.cache.get(key, Date.now());
  }

  cacheGetMany(keys: string[]): ManyEntry[] {
    const now = Date.now();
    let total = 0;
    return keys.map((key) => {
      const entry = this.cache.get(key, now);
      if (!entry) return null;
      total += entry.bytes.byteLength;
      return total > MANY_BYTES ? 'large' : entry;
    });
  }

  /** Stores every entry, in one run (a setMany is all or nothing here). */
  cacheSet(entries: CacheWrite[]): void {
    const now = Date.now();
    this.cache.purgeExpired(now);
    this.ctx.storage.transactionSync(() => {
      for (const e of entries) this.cache.put(e.key, e.bytes, e.exp);
    });
  }

  /** Deletes the keys; answers how many existed (and were live). */
  cacheDelete(keys: string[]): number {
    return this.cache.delete(keys, Date.now());
  }

  cacheList(prefix: string, limit: number, after: string | undefined): Listed[] {
    return this.cache.list(prefix, limit, after, Date.now());
  }

  cacheExpire(key: string, exp: number): boolean {
    return this.cache.expire(key, exp, Date.now());
  }

  /** Adds `amount` to an integer value (a missing key starts at `initialValue` and expires at `exp`); an existing key keeps its expiry. */
  cacheIncrement(key: string, amount: number, initialValue: number, exp: number | null): Increment {
    const now = Date.now();
    const entry = this.cache.get(key, now);
    let current = initialValue;
    if (entry) {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(entry.bytes));
      if (typeof parsed !== 'number' || !Number.isSafeInteger(parsed)) return { notInteger: true };
      current = parsed;
    }
    const value = current + amount;
    this.cache.purgeExpired(now);
    this.cache.put(key, new TextEncoder().encode(JSON.stringify(value)), entry ? entry.exp : exp);
    return { value };
  }

  /** Deletes every key under `prefix`, however many, a slice at a time; answers how many were live. */
  async cacheFlush(prefix: string): Promise<number> {
    let deleted = 0;
    for (;;) {
      const slice = this.cache.deleteSlice(prefix, FLUSH_SLICE, Date.now());
      deleted += slice.live;
      if (slice.keys < FLUSH_SLICE) return deleted;
      await yieldToOthers();
    }
  }

  /** Empties the project's cache (POST /__emulator/reset). */
  reset(): void {
    this.cache.clear();
  }
}
