import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { checkText } from '../invalid';
import type { Body, Result, Schemas } from '../spec';

/** `text` to search for; `topK` results (default 5), limited to `types`, matching `filter`. */
export type SearchQueryParams = Body<'searchQuery'>;
/** `{ results }`, best first. */
export type SearchQueryResult = Result<'searchQuery'>;
export type SearchResult = Schemas['SearchResult'];

/** Finds the documents closest in meaning to `text`. */
export function searchQuery(client: Client, params: SearchQueryParams = {} as SearchQueryParams, options?: RequestOptions): APIPromise<SearchQueryResult> {
  return request<SearchQueryResult>(client, { method: 'POST', path: '/ai/search/query', body: params, idempotent: true, check: () => checkText('text', params.text) }, options);
}
