import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { checkText } from '../invalid';
import type { Body, Result } from '../spec';

export type SearchDeleteParams = Body<'searchDelete'>;
export type SearchDeleteResult = Result<'searchDelete'>;

/** Deletes one document by id (`search.delete` on the class). */
export function searchDelete(client: Client, params: SearchDeleteParams, options?: RequestOptions): APIPromise<SearchDeleteResult> {
  checkText('id', params.id);
  return client.post<SearchDeleteResult>('/ai/search/delete', params, options);
}
