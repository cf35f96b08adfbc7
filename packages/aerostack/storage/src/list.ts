import { request, paginate, truncatedPages, type Client, type PagePromise, type RequestOptions } from '@aerostack/core';
import { fail, trimKey } from './keys';
import type { Body, Result, Schemas } from './spec';

export type ListParams = Body<'storageList'>;
/** One page as the API sends it: `{ objects, truncated, cursor? }`. */
export type ListPage = Result<'storageList'>;
export type StorageObject = Schemas['StorageObject'];

/**
 * Lists files, page by page as you iterate: `for await (const object of list(client, { prefix }))`.
 * `limit` is the page size (1 to 1000, default 100); `cursor` resumes a listing.
 */
export function list(client: Client, params: ListParams = {}, options?: RequestOptions): PagePromise<StorageObject, ListPage> {
  const { limit, prefix } = params;
  // The prefix only selects what is listed: leading `/`s are dropped, the rest is the server's to judge.
  const body = { ...params, prefix: prefix && trimKey(prefix) };
  const check = () => {
    if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 1000)) fail(`limit: an integer from 1 to 1000 needed, got ${limit}`, 'limit');
  };
  return paginate<StorageObject, ListPage>(
    (cursor) => request<ListPage>(client, { method: 'POST', path: '/storage/list', body: { ...body, cursor }, idempotent: true, check }, options),
    truncatedPages('objects'),
    params.cursor,
  );
}
