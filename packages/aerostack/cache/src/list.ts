import { request, listCompletePages, paginate, type Client, type PagePromise, type RequestOptions } from '@aerostack/core';
import { MAX_LIST_LIMIT } from './limits';
import type { Body, Result } from './spec';
import { checkPrefix, fail } from './validate';

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
  const { limit } = params;
  return paginate<CacheKey, ListResult>(
    (cursor) =>
      request(
        client,
        {
          method: 'POST',
          path: '/cache/list',
          body: { ...params, cursor },
          // A read: no idempotency key. A caller's one is dropped too: on every page it would let
          // the server answer each page with the first.
          idempotent: true,
          check() {
            checkPrefix(params.prefix);
            if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 1 && limit <= MAX_LIST_LIMIT)) fail(`limit: an integer from 1 to ${MAX_LIST_LIMIT}`, 'limit');
          },
        },
        { ...options, idempotencyKey: undefined },
      ),
    listCompletePages('keys'),
    params.cursor,
  );
}
