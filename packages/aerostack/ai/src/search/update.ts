import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { checkText } from '../invalid';
import type { Body, Result } from '../spec';

/** `id` and new `content` (embedded again); `type` and `metadata`, when given, replace the old ones. */
export type SearchUpdateParams = Body<'searchUpdate'>;
export type SearchUpdateResult = Result<'searchUpdate'>;

/** Replaces a document (an upsert by id). */
export function searchUpdate(client: Client, params: SearchUpdateParams = {} as SearchUpdateParams, options?: RequestOptions): APIPromise<SearchUpdateResult> {
  return request<SearchUpdateResult>(
    client,
    {
      method: 'POST',
      path: '/ai/search/update',
      body: params,
      check: () => {
        checkText('id', params.id);
        checkText('content', params.content);
      },
    },
    options,
  );
}
