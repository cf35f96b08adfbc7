import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { checkText } from '../invalid';
import type { Body, Result } from '../spec';

/** `content` to embed, its `type` (a category), an optional `id` (generated when omitted) and `metadata`. */
export type SearchIngestParams = Body<'searchIngest'>;
export type SearchIngestResult = Result<'searchIngest'>;

/** Embeds a document and stores it for search. */
export function searchIngest(client: Client, params: SearchIngestParams = {} as SearchIngestParams, options?: RequestOptions): APIPromise<SearchIngestResult> {
  return request<SearchIngestResult>(
    client,
    {
      method: 'POST',
      path: '/ai/search/ingest',
      body: params,
      check: () => {
        checkText('content', params.content);
        checkText('type', params.type);
      },
    },
    options,
  );
}
