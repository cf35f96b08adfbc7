import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { MAX_DELETE_BATCH } from './limits';
import type { Body, Result } from './spec';
import { checkKeys } from './validate';

export type DeleteManyParams = Body<'cacheDeleteMany'>;
export type DeleteManyResult = Result<'cacheDeleteMany'>;

/** Deletes up to 500 keys in one request; `count` is how many were asked for, `deleted` how many existed. */
export function deleteMany(client: Client, params: DeleteManyParams = {} as DeleteManyParams, options?: RequestOptions): APIPromise<DeleteManyResult> {
  return request<DeleteManyResult>(client, { method: 'POST', path: '/cache/deleteMany', body: params, check: () => checkKeys(params.keys, MAX_DELETE_BATCH) }, options);
}
