import { request, type APIPromise, type Client, type RequestOptions } from '@aerostack/core';
import type { Result } from '../spec';

/** `{ types: [{ type, count }] }`. */
export type SearchListTypesResult = Result<'searchListTypes'>;

/** The document types in the index, with how many documents each has. */
export function searchListTypes(client: Client, options?: RequestOptions): APIPromise<SearchListTypesResult> {
  return request<SearchListTypesResult>(client, { method: 'GET', path: '/ai/search/listTypes' }, options);
}
