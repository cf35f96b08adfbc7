import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { checkText } from '../invalid';
import type { Body, Result } from '../spec';

export type SearchGetParams = Body<'searchGet'>;
/** `{ result, exists }`: `result` is null when there is no such document. */
export type SearchGetResult = Result<'searchGet'>;

/** One document by id. */
export function searchGet(client: Client, params: SearchGetParams, options?: RequestOptions): APIPromise<SearchGetResult> {
  checkText('id', params.id);
  return client.post<SearchGetResult>('/ai/search/get', params, options);
}
