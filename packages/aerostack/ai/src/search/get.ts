import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { checkText } from '../invalid';
import type { Body, Result } from '../spec';

export type SearchGetParams = Body<'searchGet'>;
/** `{ result, exists }`: `result` is null when there is no such document. */
export type SearchGetResult = Result<'searchGet'>;

/** One document by id. */
export function searchGet(client: Client, params: SearchGetParams = {} as SearchGetParams, options?: RequestOptions): APIPromise<SearchGetResult> {
  return request<SearchGetResult>(client, { method: 'POST', path: '/ai/search/get', body: params, idempotent: true, check: () => checkText('id', params.id) }, options);
}
