import { listCompletePages, paginate, type Client, type PagePromise, type RequestOptions } from '@aerostack/core';
import { MAX_LIST_LIMIT } from './limits';
import type { Body, Result } from './spec';
import { checkLimit, checkPrefix } from './validate';

export type ListParams = Body<'cacheList'>;
/** One page as the server sends it: `{ keys, list_complete, cursor? }`. */
export type ListResult = Result<'cacheList'>;
/** One listed key: `{ key, expiration }` (unix seconds, or null for no expiry). */
export type CacheKey = ListResult['keys'][number];

/**
 * Lists keys (optionally under a `prefix`), page by page as you iterate: `for await (const { key } of list(client))`.
 * `limit` is the page size (default 100, at most 1000). Pass a saved `page.nextCursor` as `cursor` to resume.
 */
export function list(client: Client, params: ListParams = {}, options?: RequestOptions): PagePromise<CacheKey, ListResult> {
  // Each page is a request of its own: one caller-given idempotency key on all of them would let
  // the server answer every page with the first. Without it, each page gets a fresh key.
  const pageOptions = options?.idempotencyKey ? { ...options, idempotencyKey: undefined } : options;
  return paginate<CacheKey, ListResult>(
    (cursor) => {
      checkPrefix(params.prefix);
      checkLimit(params.limit, MAX_LIST_LIMIT);
      return client.post<ListResult>('/cache/list', { ...params, cursor }, pageOptions);
    },
    listCompletePages('keys'),
    params.cursor,
  );
}
