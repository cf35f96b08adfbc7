import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { MAX_DELETE_BATCH } from './limits';
import type { Body, Result } from './spec';
import { checkKeys, guard } from './validate';

export type DeleteManyParams = Body<'cacheDeleteMany'>;
export type DeleteManyResult = Result<'cacheDeleteMany'>;

/** Deletes up to 500 keys in one request; `count` is how many were asked for, `deleted` how many existed. */
export function deleteMany(client: Client, params: DeleteManyParams, options?: RequestOptions): APIPromise<DeleteManyResult> {
  return guard(() => {
    checkKeys(params.keys, MAX_DELETE_BATCH);
    return client.post<DeleteManyResult>('/cache/deleteMany', params, options);
  });
}
