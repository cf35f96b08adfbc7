import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import type { Body, Result } from '../spec';

/** `type` to count only one category; none for the total. */
export type SearchCountParams = Body<'searchCount'>;
/** `{ count }`. */
export type SearchCountResult = Result<'searchCount'>;

/** How many documents there are, in all or of one type. */
export function searchCount(client: Client, params: SearchCountParams = {}, options?: RequestOptions): APIPromise<SearchCountResult> {
  return request<SearchCountResult>(client, { method: 'POST', path: '/ai/search/count', body: params, idempotent: true }, options);
}
