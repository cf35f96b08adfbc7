import { InvalidRequestError, paginate, truncatedPages, type Client, type PagePromise, type RequestOptions } from '@aerostack/core';
import { checkKey } from './keys';
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
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 1000)) {
    throw new InvalidRequestError(`Storage list limit must be an integer from 1 to 1000, got ${String(limit)}`, { code: 'VALIDATION_ERROR', details: { field: 'limit' } });
  }
  const body = { ...params, prefix: prefix === undefined ? undefined : checkKey(prefix, 'prefix', true) };
  return paginate<StorageObject, ListPage>((cursor) => client.post<ListPage>('/storage/list', { ...body, cursor }, options), truncatedPages('objects'), params.cursor);
}
