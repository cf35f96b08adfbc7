import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { checkText } from '../invalid';
import type { Body, Result } from '../spec';

export type SearchDeleteParams = Body<'searchDelete'>;
export type SearchDeleteResult = Result<'searchDelete'>;

/** Deletes one document by id (`search.delete` on the class). */
export function searchDelete(client: Client, params: SearchDeleteParams = {} as SearchDeleteParams, options?: RequestOptions): APIPromise<SearchDeleteResult> {
  return request<SearchDeleteResult>(client, { method: 'POST', path: '/ai/search/delete', body: params, check: () => checkText('id', params.id) }, options);
}
