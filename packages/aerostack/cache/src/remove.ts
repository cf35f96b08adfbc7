import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import type { Body, Result } from './spec';
import { checkKey } from './validate';

export type DeleteParams = Body<'cacheDelete'>;
export type DeleteResult = Result<'cacheDelete'>;

/**
 * Deletes one key (`POST /cache/delete`). Named `remove` because `delete` is a reserved word for
 * a function; the `Cache` class calls the same operation `delete`.
 */
export function remove(client: Client, params: DeleteParams = {} as DeleteParams, options?: RequestOptions): APIPromise<DeleteResult> {
  return request<DeleteResult>(client, { method: 'POST', path: '/cache/delete', body: params, check: () => checkKey(params.key) }, options);
}
