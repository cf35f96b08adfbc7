// One Durable Object per project (binding PROJECT, named by the project id): the place where a
// project's state that needs one writer lives: the cache (cache-table.ts) and the project's realtime
// sockets (hibernation API; the logic is in ../realtime/hub.ts, the methods here only forward).
//
// A Durable Object runs one call at a time up to its next await, and the SQLite API is synchronous:
// every cache method but flush is one synchronous run, so it is atomic. Flush deletes in slices and
// yields between them, so the project's other calls are answered while a large flush goes on.
import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env';
import { CacheTable, type Listed, type Stored } from './cache-table';
import { RealtimeHub, type DbChange, type Identity } from '../realtime/hub';

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
  private readonly realtime: RealtimeHub;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.cache = new CacheTable(ctx.storage.sql);
    this.realtime = new RealtimeHub(ctx, env);
  }

  /**
   * Realtime: a socket checked by the connect route (realtime/routes.ts), or the captured row
   * changes from the launcher's pump (src/change-pump.ts, through Miniflare's namespace; no route
   * of the worker leads here with this path).
   */
  override async fetch(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (path === '/realtime/changes' && request.method === 'POST') {
      const body = await request.json<{ project: string; changes: DbChange[] }>();
      this.realtime.dbChanges(body.project, body.changes);
      return new Response(null, { status: 204 });
    }
    if (path === '/realtime/connect' && request.headers.get('upgrade') === 'websocket') {
      const identity = JSON.parse(request.headers.get('x-realtime-identity') ?? 'null') as Identity;
      return this.realtime.accept(identity, request.headers.get('x-realtime-protocol') ?? undefined);
    }
    return new Response('Not found', { status: 404 });
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    await this.realtime.message(ws, message);
  }

  override webSocketClose(ws: WebSocket, code: number, reason: string): void {
    this.realtime.closed(ws, code, reason);
  }

  override webSocketError(ws: WebSocket): void {
    this.realtime.closed(ws);
  }

  /** Fault injection: closes that many of the project's sockets (oldest first), or all, with 1012. */
  realtimeDrop(count: number | 'all'): number {
    return this.realtime.drop(count);
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
