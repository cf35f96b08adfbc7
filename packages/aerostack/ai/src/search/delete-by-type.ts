import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { checkText } from '../invalid';
import type { Body, Result } from '../spec';

export type SearchDeleteByTypeParams = Body<'searchDeleteByType'>;
export type SearchDeleteByTypeResult = Result<'searchDeleteByType'>;

/** Deletes every document of one type. */
export function searchDeleteByType(client: Client, params: SearchDeleteByTypeParams = {} as SearchDeleteByTypeParams, options?: RequestOptions): APIPromise<SearchDeleteByTypeResult> {
  return request<SearchDeleteByTypeResult>(client, { method: 'POST', path: '/ai/search/deleteByType', body: params, check: () => checkText('type', params.type) }, options);
}
